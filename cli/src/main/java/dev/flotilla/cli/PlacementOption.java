package dev.flotilla.cli;

import dev.flotilla.placement.CompiledPlacement;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --placement}, shared by {@code place} and {@code explain}. */
final class PlacementOption {
  @Option(
      names = "--placement",
      required = true,
      paramLabel = "FILE",
      description = "Placement file (YAML or JSON; - for stdin).")
  Path placement;

  /** The placement read and compiled, problems placed in the file. */
  CompiledPlacement compile() {
    return PlacementFile.compile(placement);
  }
}
