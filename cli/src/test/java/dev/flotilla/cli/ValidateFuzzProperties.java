package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing {@code flotilla validate} (issue 11, item 10): the examples, mutated, validate to exit
 * status 0 or 1 with {@code error:} lines, never a stack trace or an internal error. The number of
 * cases is {@code -Dflotilla.fuzz.cases} (default 50 here: each validate compiles its CEL), as for
 * the readers' {@code ReadersFuzzProperties} in the api module.
 */
class ValidateFuzzProperties {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);
  private static final String[] INSERTS = {
    "!!binary aGVsbG8=",
    "!foo ",
    "&a ",
    "*a",
    "---",
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
    "#",
    "\t",
    "1e999999999",
    "9".repeat(1200),
    "\u0000",
    "\u00e9",
    "${",
    "[".repeat(200),
    "{a: ".repeat(80),
    "kind: Placment",
    "kind: List",
    "apiVersion: flotilla.dev/v1"
  };

  @TempDir Path dir;

  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
      for (Path file :
          files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
        seeds.add(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(seeds.size() > 5, "examples found: " + seeds.size());
    return seeds;
  }

  static byte[] mutate(byte[] input, Random random) {
    byte[] out = input;
    for (int m = 1 + random.nextInt(3); m > 0; m--) {
      List<String> lines =
          new ArrayList<>(Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\n", -1)));
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        case 3 -> {
          out = Arrays.copyOf(out, out.length == 0 ? 0 : random.nextInt(out.length));
          continue;
        }
        case 4 -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          int pos = out.length == 0 ? 0 : random.nextInt(out.length);
          bytes.write(out, 0, pos);
          bytes.write(random.nextBoolean() ? 0xFF : 0xC3);
          bytes.write(out, pos, out.length - pos);
          out = bytes.toByteArray();
          continue;
        }
        default -> {
          String line = lines.get(at);
          int col = random.nextInt(line.length() + 1);
          lines.set(
              at,
              line.substring(0, col)
                  + INSERTS[random.nextInt(INSERTS.length)]
                  + line.substring(col));
        }
      }
      out = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  @Test
  void validateEndsWithErrorLinesOrSuccess() {
    List<byte[]> seeds = seeds();
    qt().withFixedSeed(Long.getLong("flotilla.fuzz.seed", 0x5EED_F023L))
        .withExamples(Integer.getInteger("flotilla.fuzz.cases", 50))
        .forAll(integers().between(0, seeds.size() - 1), longs().all())
        .checkAssert(
            (index, salt) -> {
              Random random = new Random(salt);
              byte[] input = mutate(seeds.get(index), random);
              Path file = dir.resolve(random.nextInt(4) == 0 ? "fuzz.json" : "fuzz.yaml");
              try {
                Files.write(file, input);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              Result result =
                  assertTimeoutPreemptively(
                      HANG_GUARD,
                      () -> FlotillaTest.run("validate", file.toString()),
                      () -> "validate hung on:\n" + new String(input, StandardCharsets.UTF_8));
              String shown = "\n--- input:\n" + new String(input, StandardCharsets.UTF_8);
              assertTrue(result.status() == 0 || result.status() == 1, result.err() + shown);
              if (result.status() == 1) {
                for (String line : result.err().split("\n")) {
                  assertTrue(line.startsWith("error: " + file), line + shown);
                }
              }
              assertFalse(result.err().contains("internal error"), result.err() + shown);
              assertFalse(result.err().contains("\tat "), result.err() + shown);
            });
  }
}
