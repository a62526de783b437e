package dev.flotilla.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code demo --output DIR} writes its inputs and outputs, and the {@code README.txt} that
 * replays each step with the other commands. Without {@code --output} nothing is written and the
 * steps skip their writing entirely, so the default run stays fast.
 */
final class DemoOutput {
  /** A file the body writes, streamed so that 100,000 clusters never sit in one string. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private record Replay(String what, String command, String expected) {}

  private final Optional<Path> dir;
  private final List<String> inputs = new ArrayList<>();
  private final List<Replay> replays = new ArrayList<>();

  private DemoOutput(Optional<Path> dir) {
    this.dir = dir;
  }

  /** Writes nothing. */
  static DemoOutput none() {
    return new DemoOutput(Optional.empty());
  }

  /** Writes into {@code dir}, creating it if needed. */
  static DemoOutput into(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("--output: cannot create directory " + dir + ": " + e.getMessage());
    }
    return new DemoOutput(Optional.of(dir));
  }

  /** Whether files are written. */
  boolean enabled() {
    return dir.isPresent();
  }

  /** Writes an input file, listed in the README as one. */
  void input(String name, String description, Body body) {
    file(name, body);
    inputs.add(String.format("  %-32s %s", name, description));
  }

  /**
   * Writes an output file and records the command (run from the directory) that prints it again.
   */
  void output(String name, String what, String command, Body body) {
    file(name, body);
    replays.add(new Replay(what, command, name));
  }

  private void file(String name, Body body) {
    Path file = dir.orElseThrow().resolve(name);
    try (Writer writer =
        new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16)) {
      body.writeTo(writer);
    } catch (IOException | UncheckedIOException e) {
      throw new UserError("--output: cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Writes {@code README.txt}: the files and the commands that replay each step. */
  void readme(String header) {
    StringBuilder text = new StringBuilder(header).append("\n\nInputs\n");
    inputs.forEach(line -> text.append(line).append('\n'));
    text.append(
        """

        Replaying each step, from this directory (flotilla is
        java -jar cli/target/flotilla.jar); each command prints exactly the file it names:
        """);
    for (Replay replay : replays) {
      text.append("\n# ")
          .append(replay.what())
          .append('\n')
          .append("flotilla ")
          .append(replay.command())
          .append(" | diff - ")
          .append(replay.expected())
          .append('\n');
    }
    file("README.txt", writer -> writer.write(text.toString()));
  }
}
