package dev.flotilla.cli;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.Parsed;
import dev.flotilla.customize.CompiledCustomization;
import java.nio.file.Path;

/** A customization file read and compiled, with compile problems (bad CEL) placed in the file. */
final class CustomizationFile {
  private CustomizationFile() {}

  /**
   * Reads and compiles the customization in {@code file}.
   *
   * @throws ValidationException with file, line and column on every problem
   */
  static CompiledCustomization compile(Path file) {
    Parsed<Customization> parsed =
        Inputs.read(file, CustomizationReader::parse, CustomizationReader::parse);
    return compile(parsed);
  }

  /**
   * Compiles a customization already read.
   *
   * @throws ValidationException with file, line and column on every problem
   */
  static CompiledCustomization compile(Parsed<Customization> parsed) {
    try {
      return CompiledCustomization.compile(parsed.value());
    } catch (ValidationException e) {
      throw parsed.sourceMap().locate(e);
    }
  }
}
