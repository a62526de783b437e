package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  private static final String TIMES = "\nTime per step\n";

  @TempDir Path dir;

  private static Result demo(String... args) {
    List<String> all = new ArrayList<>(List.of("demo"));
    all.addAll(List.of(args));
    Result result = FlotillaTest.run(all.toArray(String[]::new));
    return new Result(
        result.status(), result.out().replace("\r", ""), result.err().replace("\r", ""));
  }

  /** The output without the timings, which is what depends on the seed alone. */
  private static String withoutTimes(String out) {
    int at = out.indexOf(TIMES);
    assertTrue(at > 0, out);
    return out.substring(0, at);
  }

  @Test
  void smallDemoPrintsEverySection() {
    Result result = demo("--clusters", "2000", "--seed", "7");
    assertEquals(0, result.status(), result.err());
    assertEquals("", result.err(), "no progress bar outside a terminal");
    String out = result.out();
    for (String section :
        List.of(
            "Flotilla demo: 2,000 generated clusters, seed 7",
            " regions, ",
            " tainted clusters",
            "Placements (selected by the index",
            "web-everywhere",
            "pos-by-zone",
            "Clusters placed per region",
            "us-east",
            "Scheduling pos-by-zone: requested 1,000",
            "decision groups: canary#0=",
            "largest share of a region's picked clusters in the wave",
            "Customization (2 manifests, 7 rules",
            "distinct outputs",
            "Deployment web",
            "ConfigMap web-settings",
            "Status summary (web-status at 2026-01-31T00:00:00Z",
            "p90 restarts",
            "Attention: ",
            "Stale (older than 10m): ",
            "Missing (selected by web-everywhere, no report): ",
            "Time per step",
            "  summarize ",
            "  total ")) {
      assertTrue(out.contains(section), () -> "missing \"" + section + "\" in:\n" + out);
    }
    // Waves are listed from 0, one line each, after the table header.
    assertTrue(out.matches("(?s).*\n  0 +canary .*\n  1 +- .*"), out);
  }

  @Test
  void sameSeedGivesTheSameOutputAndAnotherSeedAnother() {
    String first = withoutTimes(demo("--clusters", "1500", "--seed", "11").out());
    String second = withoutTimes(demo("--clusters", "1500", "--seed", "11").out());
    String other = withoutTimes(demo("--clusters", "1500", "--seed", "12").out());
    assertEquals(first, second);
    assertNotEquals(first, other);
  }

  @Test
  void writtenFilesReplayThroughTheOtherCommands() throws IOException {
    Result result =
        demo("--clusters", "1200", "--seed", "3", "--output", dir.resolve("out").toString());
    assertEquals(0, result.status(), result.err());
    Path out = dir.resolve("out");
    Set<String> files = new TreeSet<>();
    try (var list = Files.list(out)) {
      list.forEach(file -> files.add(file.getFileName().toString()));
    }
    assertTrue(
        files.containsAll(
            List.of(
                "README.txt",
                "inventory.yaml",
                "customization.yaml",
                "manifests.yaml",
                "status-summary.yaml",
                "reports.yaml",
                "placement-pos-by-zone.yaml",
                "decision-pos-by-zone.yaml",
                "customized.json",
                "summary.json")),
        files.toString());

    List<String> replayed = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("README.txt"))) {
      if (!line.startsWith("flotilla ")) {
        continue;
      }
      String[] parts = line.substring("flotilla ".length()).split(" \\| diff - ");
      assertEquals(2, parts.length, line);
      List<String> args = new ArrayList<>();
      for (String word : parts[0].split(" ")) {
        args.add(files.contains(word) ? out.resolve(word).toString() : word);
      }
      Result replay = FlotillaTest.run(args.toArray(String[]::new));
      assertEquals(0, replay.status(), line + "\n" + replay.err());
      assertEquals(Files.readString(out.resolve(parts[1])), replay.out(), line);
      replayed.add(parts[0].split(" ")[0]);
    }
    assertEquals(
        List.of("place", "place", "place", "place", "place", "place", "customize", "summarize"),
        replayed);
    // Every file the README lists as an input exists and every placement has its decision.
    for (String file : files) {
      if (file.startsWith("placement-")) {
        assertTrue(files.contains(file.replace("placement-", "decision-")), file);
      }
    }
  }

  @Test
  void writtenInputsMatchWhatTheDemoPrinted() throws IOException {
    Path out = dir.resolve("again");
    Result result = demo("--clusters", "800", "--output", out.toString());
    assertEquals(0, result.status(), result.err());
    Result select =
        FlotillaTest.run(
            "select",
            "--inventory",
            out.resolve("inventory.yaml").toString(),
            "--selector",
            "env=prod,!canary");
    assertEquals(0, select.status(), select.err());
    String selected = String.format("%,d", select.out().lines().count());
    assertTrue(
        result.out().matches("(?s).*\n  prod-stable +" + selected + " .*"),
        "prod-stable selects " + selected + " clusters of the written inventory:\n" + result.out());
  }

  @Test
  void anOutputThatIsAFileIsAUserError() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "not a directory");
    Result result = demo("--clusters", "10", "--output", file.toString());
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: --output: "), result.err());
    assertEquals("not a directory", Files.readString(file));
  }

  @Test
  void aFleetOfNoClustersIsAUserError() {
    Result result = demo("--clusters", "0");
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: --clusters: "), result.err());
  }
}
