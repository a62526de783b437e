package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a file's text, with I/O failures reported as validation problems of that file. */
final class Sources {
  private Sources() {}

  static String readText(Path file) {
    String source = file.toString();
    try {
      if (Files.size(file) > SourceReader.MAX_CHARS) {
        throw new ValidationException(
            new Problem(source, 0, 0, "", "file larger than " + SourceReader.MAX_CHARS + " bytes"));
      }
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ValidationException(new Problem(source, 0, 0, "", "no such file"));
    } catch (CharacterCodingException e) {
      throw new ValidationException(new Problem(source, 0, 0, "", "not UTF-8 text"));
    } catch (IOException e) {
      throw new ValidationException(new Problem(source, 0, 0, "", "cannot read: " + e));
    }
  }
}
