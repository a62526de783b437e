package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code place} and {@code explain} on a placement that schedules. */
class SchedulingCommandsTest {
  private static final String NOW = "2026-03-01T12:00:00Z";

  @TempDir Path dir;
  Path fleet;
  Path placement;

  private Path write(String name, String text) throws IOException {
    return FlotillaTest.write(dir, name, text);
  }

  private static String fleetYaml(int stores) {
    StringBuilder out = new StringBuilder("kind: ClusterInventory\nclusters:\n");
    for (int i = 0; i < stores; i++) {
      out.append(
          String.format(
              "- {name: store-%02d, labels: {zone: z%d%s}, properties: {cpu: \"%d\"}}%n",
              i, i % 3, i >= 10 ? ", ring: canary" : "", 2 + i));
    }
    out.append(
        "- {name: store-tainted, labels: {zone: z0}, properties: {cpu: \"64\"},"
            + " taints: [{key: maintenance, effect: NoSelect, timeAdded: \"2026-03-01T11:59:00Z\"}]}\n");
    return out.toString();
  }

  @BeforeEach
  void files() throws IOException {
    fleet = write("fleet.yaml", fleetYaml(12));
    placement =
        write(
            "web.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors: [{}]
              numberOfClusters: 6
              tolerations:
              - {key: maintenance, operator: Exists, tolerationSeconds: 600}
              prioritizers:
              - {weight: 1, propertySorter: {name: cpu, sortOrder: Descending}}
              spreadConstraints:
              - {topologyKey: zone, maxSkew: 1}
              decisionGroups:
              - {groupName: canary, clusterSelector: {matchLabels: {ring: canary}}}
              rollout:
                canaryGroups: [canary]
                maxConcurrency: 2
                topologyKey: zone
                maxUnavailablePerDomain: 1
            """);
  }

  private JsonNode placeJson(String... extra) throws IOException {
    return placeJsonAt(NOW, extra);
  }

  private JsonNode placeJsonAt(String now, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "place",
                "--inventory",
                fleet.toString(),
                "--placement",
                placement.toString(),
                "--now",
                now,
                "-o",
                "json"));
    args.addAll(List.of(extra));
    Result result = run(args.toArray(String[]::new));
    assertEquals(0, result.status(), result.err());
    return new ObjectMapper().readTree(result.out());
  }

  @Test
  void placeShowsScoresGroupsAndWaves() throws IOException {
    JsonNode decision = placeJson();
    assertEquals(6, decision.get("selected").asInt());
    assertEquals(6, decision.get("requested").asInt());
    assertEquals(13, decision.get("eligible").asInt(), "the tainted store is tolerated for now");
    assertEquals("2026-03-01T12:09:00Z", decision.get("nextChange").asText());
    JsonNode first = decision.get("scores").get(0);
    assertEquals("store-tainted", first.get("cluster").asText(), "highest cpu");
    assertEquals(100, first.get("score").asInt());
    assertEquals(
        "propertySorter cpu Descending", first.get("breakdown").get(0).get("source").asText());
    assertEquals("canary", decision.get("groups").get(0).get("groupName").asText());
    JsonNode waves = decision.get("waves");
    assertEquals("canary", waves.get(0).get("canaryGroup").asText());
    for (JsonNode wave : waves) {
      assertTrue(wave.get("clusters").size() <= 2, wave.toString());
    }
  }

  @Test
  void aPreviousDecisionIsKeptWhileEligible() throws IOException {
    Result first =
        run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            NOW,
            "-o",
            "yaml");
    assertEquals(0, first.status(), first.err());
    Path previous = write("previous.yaml", first.out());
    // Bigger stores arrive; with the previous decision nothing moves.
    Files.writeString(
        fleet,
        fleetYaml(12)
            + "- {name: store-big-0, labels: {zone: z0}, properties: {cpu: \"99\"}}\n"
            + "- {name: store-big-1, labels: {zone: z1}, properties: {cpu: \"99\"}}\n");
    JsonNode kept = placeJson("--previous", previous.toString());
    JsonNode fresh = placeJson();
    List<String> before = names(new ObjectMapper(new YAMLFactory()).readTree(first.out()));
    assertEquals(before, names(kept));
    assertTrue(names(fresh).contains("store-big-0"));
    assertTrue(kept.get("scores").get(0).get("kept").asBoolean());
  }

  private static List<String> names(JsonNode decision) {
    List<String> out = new ArrayList<>();
    decision.get("clusters").forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void toleranceRunsOutAfterTolerationSeconds() throws IOException {
    JsonNode later = placeJsonAt("2026-03-01T12:09:00Z");
    assertEquals(12, later.get("eligible").asInt());
    assertFalse(later.has("nextChange"));
  }

  @Test
  void explainShowsTheScoreBreakdown() {
    Result result =
        run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            NOW,
            "--cluster",
            "store-05");
    assertEquals(0, result.status(), result.err());
    assertTrue(
        result
            .out()
            .contains("scheduling: not picked, score 8\n  +1 x 8  propertySorter cpu Descending\n"),
        result.out());
    Result summary =
        run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            NOW);
    assertEquals(0, summary.status(), summary.err());
    assertTrue(summary.out().contains("scheduling: 6 picked of 13 eligible (numberOfClusters 6)"));
    assertTrue(summary.out().contains("  store-tainted: score 100, group"), summary.out());
  }

  @Test
  void badPreviousFilesAndTimesAreInvalidInput() throws IOException {
    Path bad = write("bad.yaml", "placement: web\nclusters: [Not_A_Name]\n");
    Result result =
        run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--previous",
            bad.toString());
    assertEquals(1, result.status());
    assertTrue(
        result.err().startsWith("error: " + bad + ":2:12: clusters[0]: Invalid value"),
        result.err());
    Path unknown = write("unknown.yaml", "placement: web\nclusters: []\nextra: 1\n");
    Result extra =
        run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--previous",
            unknown.toString());
    assertEquals("error: " + unknown + ":3:1: extra: unknown field\n", extra.err());
    Path other = write("other.yaml", "placement: api\nclusters: []\n");
    Result wrong =
        run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--previous",
            other.toString());
    assertEquals(1, wrong.status());
    assertTrue(wrong.err().contains("is a decision of placement default/api, not default/web"));
    Result time =
        run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            "yesterday");
    assertEquals(2, time.status(), "a bad option value is a usage error (issue 11)");
    assertTrue(time.err().startsWith("error: --now: Invalid value: \"yesterday\""), time.err());
    assertFalse(time.err().contains("\tat "));
  }
}
