package dev.flotilla.cli;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Parsed;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.CompiledPlacement;
import java.nio.file.Path;

/** A placement file read and compiled, with compile problems (bad CEL) placed in the file. */
final class PlacementFile {
  private PlacementFile() {}

  /**
   * Reads and compiles the placement in {@code file}.
   *
   * @throws ValidationException with file, line and column on every problem
   */
  static CompiledPlacement compile(Path file) {
    Parsed<Placement> parsed = Inputs.read(file, PlacementReader::parse, PlacementReader::parse);
    return compile(parsed);
  }

  /**
   * Compiles a placement already read.
   *
   * @throws ValidationException with file, line and column on every problem
   */
  static CompiledPlacement compile(Parsed<Placement> parsed) {
    try {
      return CompiledPlacement.compile(parsed.value());
    } catch (ValidationException e) {
      throw parsed.sourceMap().locate(e);
    }
  }
}
