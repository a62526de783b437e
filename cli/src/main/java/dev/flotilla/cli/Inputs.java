package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The command line's input files: {@code -} is stdin (named {@code <stdin>} in problems and read as
 * YAML, which also reads JSON), and an input too large for the heap is an {@code error:} line
 * naming it, not a crash.
 */
final class Inputs {
  /** The name stdin has in problems. */
  static final String STDIN_NAME = "<stdin>";

  private static InputStream stdin = System.in;

  private Inputs() {}

  /** The stream {@code -} reads (tests replace it). */
  static void setStdin(InputStream in) {
    stdin = in;
  }

  static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /** The name of {@code file} in problems. */
  static String name(Path file) {
    return isStdin(file) ? STDIN_NAME : file.toString();
  }

  /** Reads {@code file} with {@code fromFile}, or stdin with {@code fromStream}. */
  static <T> T read(
      Path file, Function<Path, T> fromFile, BiFunction<String, InputStream, T> fromStream) {
    try {
      return isStdin(file) ? fromStream.apply(STDIN_NAME, kept(stdin)) : fromFile.apply(file);
    } catch (OutOfMemoryError e) {
      throw new UserError(
          name(file)
              + ": too large to read in "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB of heap; give Java more with -Xmx, or split the input");
    }
  }

  /** The clusters of an inventory file. */
  static List<Cluster> inventory(Path file) {
    return read(file, InventoryReader::read, InventoryReader::read);
  }

  /** {@code in}, left open when a reader closes it: stdin belongs to the process. */
  private static InputStream kept(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }
}
