package dev.flotilla.cli;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flotilla} command. Exit status: 0 on success, 1 for invalid input (one {@code error:}
 * line per problem on stderr, naming the file and field path), 2 for usage errors.
 */
@Command(
    name = "flotilla",
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    description = "Placement, customization and summarization for fleets of Kubernetes clusters.",
    subcommands = {
      SelectCommand.class,
      PlaceCommand.class,
      ExplainCommand.class,
      CustomizeCommand.class,
      SummarizeCommand.class,
      ValidateCommand.class,
      ConvertCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Flotilla implements Runnable {
  /** Exit status for invalid input. */
  static final int INVALID_INPUT = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status (for tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Flotilla());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          report(exception, line.getErr());
          return INVALID_INPUT;
        });
    commandLine.setParameterExceptionHandler(Flotilla::usageError);
    commandLine.setExecutionStrategy(
        parseResult -> {
          Stdin.checkReadOnce(parseResult);
          return new CommandLine.RunLast().execute(parseResult);
        });
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // Past the readers (which name the file): the work itself did not fit in the heap.
      err.println(
          "error: out of memory with "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB of heap; give Java more with -Xmx");
      err.flush();
      return INVALID_INPUT;
    }
  }

  /**
   * A usage error (an unknown option, a missing one, a bad option value): one {@code error:} line,
   * then where to find help; exit status 2.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    String message = e.getMessage();
    if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
        && e.getCause() instanceof CommandLine.TypeConversionException conversion) {
      message = option.longestName() + ": " + conversion.getMessage();
    }
    err.println("error: " + message);
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return line.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Bad input is reported, one line per problem; anything else is a bug and says so. */
  static void report(Exception exception, PrintWriter err) {
    if (exception instanceof ValidationException invalid) {
      for (Problem problem : invalid.problems()) {
        err.println("error: " + problem);
      }
    } else if (exception instanceof UserError user) {
      err.println("error: " + user.getMessage());
    } else if (exception instanceof ExpressionEvaluationException cel) {
      // A policy's CEL exceeded its total budget: the policy, not one cluster, failed.
      err.println("error: " + cel.getMessage());
    } else {
      err.println("error: internal error, please report it: " + exception);
      if (System.getenv("FLOTILLA_DEBUG") != null) {
        exception.printStackTrace(err);
      }
    }
    err.flush();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The project version, from {@code version.properties} (filtered by Maven, so it is there when
   * running from classes as from the jar), else the jar manifest.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flotilla " + version()};
    }

    static String version() {
      try (InputStream in = Flotilla.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          String version = properties.getProperty("version", "");
          if (!version.isEmpty() && !version.startsWith("${")) {
            return version;
          }
        }
      } catch (IOException e) {
        // fall through to the manifest
      }
      String version = Flotilla.class.getPackage().getImplementationVersion();
      return version == null ? "development build" : version;
    }
  }
}
