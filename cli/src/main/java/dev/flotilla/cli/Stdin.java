package dev.flotilla.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Stdin is read once: a command line naming {@code -} for two file options (or twice for one) is a
 * usage error before anything is read, whatever the command. Every file option is a {@link Path}
 * (or a list of them), so a command added later is checked too.
 */
final class Stdin {
  private Stdin() {}

  /**
   * Fails with a usage error naming the options when {@code -} is given more than once.
   *
   * @throws CommandLine.ParameterException when stdin would be read twice
   */
  static void checkReadOnce(ParseResult parsed) {
    ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    if (command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
      return; // help reads nothing
    }
    List<String> readers = new ArrayList<>();
    // An option given twice is matched twice, with one value holding both: count values once.
    Set<ArgSpec> args = new LinkedHashSet<>(command.matchedOptions());
    args.addAll(command.matchedPositionals());
    for (ArgSpec arg : args) {
      Object value = arg.getValue();
      long dashes = 0;
      if (value instanceof Path path) {
        dashes = Inputs.isStdin(path) ? 1 : 0;
      } else if (value instanceof List<?> list) {
        dashes = list.stream().filter(v -> v instanceof Path p && Inputs.isStdin(p)).count();
      }
      String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
      for (long i = 0; i < dashes; i++) {
        readers.add(name);
      }
    }
    if (readers.size() > 1) {
      throw new CommandLine.ParameterException(
          command.commandSpec().commandLine(),
          "stdin (-) is given "
              + readers.size()
              + " times ("
              + String.join(", ", readers)
              + "): it can be read only once; give the others as files");
    }
  }
}
