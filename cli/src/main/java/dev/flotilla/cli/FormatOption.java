package dev.flotilla.cli;

import picocli.CommandLine.Option;

/** {@code -o yaml|json} of {@code summarize} ({@code customize} adds {@code name}: its own). */
final class FormatOption {
  enum Format {
    yaml,
    json
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format output;
}
