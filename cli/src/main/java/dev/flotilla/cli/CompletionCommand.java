package dev.flotilla.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla completion bash|zsh}: a shell completion script for every command and option, as
 * {@code kubectl completion} prints one. Load it with {@code source <(flotilla completion bash)}.
 * picocli writes one script for both shells: under zsh it loads {@code bashcompinit} itself.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "completion",
    description = {
      "Print a shell completion script for flotilla's commands and options.",
      "Load it in the current shell with: source <(flotilla completion bash)",
      "The script calls the command 'flotilla': define it, e.g. as a script running"
          + " java -jar .../flotilla.jar \"$@\"."
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES} (the same script serves both).")
  Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("flotilla", spec.root().commandLine()));
    out.flush();
    return 0;
  }
}
