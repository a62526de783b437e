package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the readers (issue 11, item 10): every example and test document, mutated (lines deleted,
 * duplicated, swapped; characters flipped; truncated; deep nesting, tags, aliases, huge numbers,
 * invalid UTF-8 and control bytes inserted), given to every reader. The contract: a result or a
 * {@link ValidationException} whose problems have a source and a message, never another exception,
 * and never a hang (the 10 s bound is a guard, not a performance test).
 *
 * <p>{@value #CASES_PROPERTY} sets the number of cases (default {@value #DEFAULT_CASES}); {@code
 * flotilla.fuzz.seed} the seed.
 */
class ReadersFuzzProperties {
  static final String CASES_PROPERTY = "flotilla.fuzz.cases";
  static final int DEFAULT_CASES = 300;
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  /** The readers, each taking a source name and a stream. */
  static final Map<String, BiFunction<String, InputStream, Object>> READERS =
      Map.of(
          "inventory", InventoryReader::read,
          "manifests", ManifestReader::read,
          "reports", StatusReportReader::read,
          "placement", PlacementReader::parse,
          "customization", CustomizationReader::parse,
          "summary", StatusSummaryReader::parse,
          "decision", DecisionReader::parse,
          "any", FileContents::read);

  private static final String[] INSERTS = {
    "!!binary aGVsbG8=",
    "!foo ",
    "!!set ",
    "!!timestamp ",
    "&a ",
    "*a",
    "<<: *a",
    "---",
    "...",
    "%YAML 1.1",
    "? ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "|",
    ">",
    "#",
    "\t",
    "1e999999999",
    "9".repeat(1200),
    "-0x",
    "0o17",
    ".inf",
    "~",
    "null",
    "yes",
    "12:30",
    "\u0000",
    "\u0007",
    "\u00e9",
    "\uFEFF",
    "${",
    "[".repeat(200),
    "{a: ".repeat(80),
    "- ".repeat(100)
  };

  private static final byte[][] BAD_BYTES = {
    {(byte) 0xC3, 0x28},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xC0},
    {(byte) 0xF0, (byte) 0x9F},
    {0x00}
  };

  /** Every example and test document the project has: the seeds of the mutations. */
  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (Path root : List.of(Path.of("../examples"), Path.of("../cli/src/test/resources"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
            .sorted()
            .forEach(f -> seeds.add(bytes(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String text :
        List.of(
            "kind: ClusterInventory\nclusters:\n- {name: a, labels: {env: prod}}\n- name: b\n",
            "kind: Cluster\nname: a\n---\nkind: Cluster\nmetadata: {name: b}\n",
            "[{\"cluster\": \"a\", \"observedAt\": \"2026-01-01T00:00:00Z\", \"object\": {}}]",
            "placement: web\nnamespace: default\nclusters: [a, b]\n",
            "apiVersion: v1\nitems:\n- {kind: ManagedCluster, metadata: {name: c}}\nkind: List\n")) {
      seeds.add(text.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(seeds.size() > 10, "seeds found: " + seeds.size());
    return seeds;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int cases() {
    return Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
  }

  static long seed() {
    return Long.getLong("flotilla.fuzz.seed", 0x5EED_F022L);
  }

  /** {@code seed} with 1 to 3 mutations chosen by {@code random}. */
  static byte[] mutate(byte[] seed, java.util.Random random) {
    byte[] out = seed;
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      out = mutateOnce(out, random);
    }
    return out;
  }

  private static byte[] mutateOnce(byte[] input, java.util.Random random) {
    List<byte[]> lines = lines(input);
    int kind = random.nextInt(8);
    int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
    switch (kind) {
      case 0 -> {
        if (!lines.isEmpty()) {
          lines.remove(at);
        }
      }
      case 1 -> {
        if (!lines.isEmpty()) {
          lines.add(at, lines.get(at));
        }
      }
      case 2 -> {
        if (lines.size() > 1) {
          int other = random.nextInt(lines.size());
          byte[] swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
      }
      case 3 -> {
        byte[] copy = input.clone();
        String flips = " :{}[]-#&*!|>'\"%@`,?\t\n0a";
        if (copy.length > 0) {
          copy[random.nextInt(copy.length)] = (byte) flips.charAt(random.nextInt(flips.length()));
        }
        return copy;
      }
      case 4 -> {
        return java.util.Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
      }
      case 5 -> {
        byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
        int pos = input.length == 0 ? 0 : random.nextInt(input.length);
        byte[] copy = new byte[input.length + bad.length];
        System.arraycopy(input, 0, copy, 0, pos);
        System.arraycopy(bad, 0, copy, pos, bad.length);
        System.arraycopy(input, pos, copy, pos + bad.length, input.length - pos);
        return copy;
      }
      default -> {
        String insert = INSERTS[random.nextInt(INSERTS.length)];
        if (lines.isEmpty()) {
          lines.add(insert.getBytes(StandardCharsets.UTF_8));
        } else {
          String line = new String(lines.get(at), StandardCharsets.UTF_8);
          int col = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          lines.set(
              at,
              (line.substring(0, col) + insert + line.substring(col))
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return join(lines);
  }

  private static List<byte[]> lines(byte[] input) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(input, start, i));
        start = i + 1;
      }
    }
    if (start < input.length) {
      lines.add(java.util.Arrays.copyOfRange(input, start, input.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The contract: a result, or located problems in words; nothing else. */
  static void assertContract(String reader, String source, byte[] input, Runnable read) {
    try {
      read.run();
    } catch (ValidationException e) {
      assertFalse(e.problems().isEmpty());
      for (Problem problem : e.problems()) {
        assertFalse(problem.message().isBlank(), problem.toString());
        assertTrue(problem.source().equals(source), problem.toString());
        assertFalse(problem.message().contains("com.fasterxml"), problem.toString());
        assertFalse(problem.message().contains("StreamReadConstraints"), problem.toString());
      }
    } catch (RuntimeException | StackOverflowError e) {
      fail(reader + " threw " + e + " on:\n" + new String(input, StandardCharsets.UTF_8), e);
    }
  }

  @Test
  void everyReaderGivesAResultOrLocatedProblems() {
    List<byte[]> seeds = seeds();
    qt().withFixedSeed(seed())
        .withExamples(cases())
        .forAll(integers().between(0, seeds.size() - 1), longs().all())
        .checkAssert(
            (index, salt) -> {
              java.util.Random random = new java.util.Random(salt);
              byte[] input = mutate(seeds.get(index), random);
              String source = random.nextInt(4) == 0 ? "fuzz.json" : "fuzz.yaml";
              assertTimeoutPreemptively(
                  HANG_GUARD,
                  () ->
                      READERS.forEach(
                          (name, reader) ->
                              assertContract(
                                  name,
                                  source,
                                  input,
                                  () -> reader.apply(source, new ByteArrayInputStream(input)))),
                  () -> "a reader hung on:\n" + new String(input, StandardCharsets.UTF_8));
            });
  }
}
