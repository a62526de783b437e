package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples under {@code examples/} do what their READMEs say.
 *
 * <p>Each README marks every command it shows with {@code <!-- expected: FILE -->} on the line
 * before the fenced block holding it ({@code java -jar cli/target/flotilla.jar ...}, continued with
 * a trailing backslash). The test runs the command through {@link Flotilla#run} with the repository
 * root standing for the working directory, and compares its standard output with FILE (relative to
 * the README) exactly; the command must exit 0 and print nothing on standard error. When a second
 * fenced block follows the command block with nothing but blank lines in between, it is the output
 * shown to the reader and must equal FILE too. A command line in a README without a marker fails
 * the test, so that nothing shown goes unchecked; so does a file under {@code expected/} that no
 * command produces. Every other YAML or JSON file of an example must pass {@code validate}.
 *
 * <p>To regenerate the expected files and the outputs shown in the READMEs after a deliberate
 * change, run with {@code -Dexamples.update=true} and review the diff.
 */
class ExamplesTest {
  private static final String JAR = "java -jar cli/target/flotilla.jar";
  private static final Pattern MARKER = Pattern.compile("^<!-- expected: (\\S+) -->$");
  private static final boolean UPDATE = Boolean.getBoolean("examples.update");

  /** The repository root: the nearest directory, from the working directory up, with examples/. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail("no examples/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static List<Path> exampleDirs() throws IOException {
    try (Stream<Path> dirs = Files.list(root().resolve("examples"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** A command shown in a README, with where its expected output lives. */
  record Shown(
      Path readme,
      int index,
      int line,
      List<String> args,
      Path expected,
      int outputStart,
      int outputEnd) {
    String name() {
      return root().relativize(readme) + ":" + line + ": " + String.join(" ", args);
    }
  }

  @Test
  void thereAreExamples() throws IOException {
    List<String> names = exampleDirs().stream().map(d -> d.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("retail", "telco")), names.toString());
    for (Path dir : exampleDirs()) {
      assertTrue(Files.isRegularFile(dir.resolve("README.md")), dir + " has no README.md");
      assertFalse(commands(dir.resolve("README.md")).isEmpty(), dir + ": no commands shown");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCommandShownGivesTheExpectedOutput() throws IOException {
    List<Shown> shown = new ArrayList<>();
    for (Path dir : exampleDirs()) {
      shown.addAll(commands(dir.resolve("README.md")));
    }
    return shown.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
  }

  @TestFactory
  Stream<DynamicTest> everyInputValidates() throws IOException {
    List<Path> inputs = new ArrayList<>();
    for (Path dir : exampleDirs()) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$"))
            .sorted()
            .forEach(inputs::add);
      }
    }
    assertFalse(inputs.isEmpty());
    return inputs.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    root().relativize(file).toString(),
                    () -> {
                      Result result = FlotillaTest.run("validate", file.toString());
                      assertEquals(0, result.status(), result.err());
                      assertEquals("", result.err());
                      assertTrue(result.out().contains(": valid "), result.out());
                    }));
  }

  @Test
  void everyExpectedFileIsProducedByACommand() throws IOException {
    for (Path dir : exampleDirs()) {
      Set<Path> produced = new TreeSet<>();
      for (Shown s : commands(dir.resolve("README.md"))) {
        produced.add(s.expected().normalize());
      }
      Set<Path> present = new TreeSet<>();
      Path expected = dir.resolve("expected");
      if (Files.isDirectory(expected)) {
        try (Stream<Path> files = Files.list(expected)) {
          files.map(Path::normalize).forEach(present::add);
        }
      }
      present.removeAll(produced);
      assertTrue(present.isEmpty(), "expected files no command produces: " + present);
    }
  }

  private static void check(Shown parsed) throws IOException {
    // Parse again: an earlier update (examples.update) may have moved this command's lines.
    Shown shown = commands(parsed.readme()).get(parsed.index());
    String[] args = shown.args().toArray(String[]::new);
    Result result = FlotillaTest.run(args);
    String prefix = root().toString() + File.separator;
    String out = result.out().replace("\r", "").replace(prefix, "");
    assertEquals(0, result.status(), shown.name() + "\n" + result.err());
    assertEquals("", result.err(), shown.name());
    if (UPDATE) {
      Files.createDirectories(shown.expected().getParent());
      Files.writeString(shown.expected(), out);
      if (shown.outputStart() >= 0) {
        List<String> lines = new ArrayList<>(Files.readAllLines(shown.readme()));
        String current =
            String.join("\n", lines.subList(shown.outputStart(), shown.outputEnd())) + "\n";
        if (!current.equals(out)) {
          List<String> replaced = new ArrayList<>(lines.subList(0, shown.outputStart()));
          replaced.addAll(out.lines().toList());
          replaced.addAll(lines.subList(shown.outputEnd(), lines.size()));
          Files.write(shown.readme(), replaced);
        }
      }
      return;
    }
    assertTrue(Files.isRegularFile(shown.expected()), "missing " + shown.expected());
    assertEquals(Files.readString(shown.expected()), out, shown.name());
    if (shown.outputStart() >= 0) {
      List<String> lines = Files.readAllLines(shown.readme());
      String inline =
          String.join("\n", lines.subList(shown.outputStart(), shown.outputEnd())) + "\n";
      assertEquals(out, inline, shown.name() + ": the output shown in the README");
    }
  }

  /** The commands a README shows, each with its marker; a command without one fails. */
  static List<Shown> commands(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    List<Shown> out = new ArrayList<>();
    String pending = null;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher marker = MARKER.matcher(line.strip());
      if (marker.matches()) {
        pending = marker.group(1);
        i++;
        continue;
      }
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          pending = null; // a marker belongs to the block right after it
        }
        i++;
        continue;
      }
      int end = closing(lines, i, readme);
      List<String> block = lines.subList(i + 1, end);
      List<String> commandLines = joinContinuations(block);
      List<String> shownCommands = new ArrayList<>();
      for (String command : commandLines) {
        if (command.startsWith(JAR)) {
          shownCommands.add(command);
        }
      }
      if (shownCommands.isEmpty()) {
        if (pending != null) {
          fail(readme + ":" + (i + 1) + ": the marked block holds no " + JAR + " command");
        }
        i = end + 1;
        continue;
      }
      if (pending == null || shownCommands.size() != 1) {
        fail(
            readme
                + ":"
                + (i + 1)
                + ": each command shown needs its own block with <!-- expected: FILE --> before");
      }
      int outputStart = -1;
      int outputEnd = -1;
      int next = end + 1;
      while (next < lines.size() && lines.get(next).isBlank()) {
        next++;
      }
      if (next < lines.size() && lines.get(next).startsWith("```")) {
        int close = closing(lines, next, readme);
        outputStart = next + 1;
        outputEnd = close;
        end = close;
      }
      List<String> args = tokens(shownCommands.get(0).substring(JAR.length()));
      List<String> resolved = new ArrayList<>();
      for (String arg : args) {
        resolved.add(arg.startsWith("examples/") ? root().resolve(arg).toString() : arg);
      }
      out.add(
          new Shown(
              readme,
              out.size(),
              i + 2,
              resolved,
              readme.getParent().resolve(pending),
              outputStart,
              outputEnd));
      pending = null;
      i = end + 1;
    }
    return out;
  }

  private static int closing(List<String> lines, int open, Path readme) {
    for (int j = open + 1; j < lines.size(); j++) {
      if (lines.get(j).startsWith("```")) {
        return j;
      }
    }
    fail(readme + ":" + (open + 1) + ": unclosed code block");
    return -1;
  }

  /** Lines of a shell block, with backslash-newline continuations joined. */
  static List<String> joinContinuations(List<String> block) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : block) {
      String stripped = line.strip();
      if (stripped.endsWith("\\")) {
        current.append(stripped.substring(0, stripped.length() - 1).strip()).append(' ');
      } else {
        current.append(stripped);
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /** Splits a command line as a POSIX shell would, for words, single and double quotes. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      fail("unclosed quote in: " + line);
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  @Test
  void commandLinesSplitLikeAShell() {
    assertEquals(
        List.of("select", "--selector", "env in (prod),!canary", "-o", "it's"),
        tokens(" select --selector 'env in (prod),!canary' -o \"it's\""));
    assertEquals(
        List.of(JAR + " place --inventory f.yaml --now T"),
        joinContinuations(List.of(JAR + " place \\", "  --inventory f.yaml \\", "  --now T")));
  }
}
