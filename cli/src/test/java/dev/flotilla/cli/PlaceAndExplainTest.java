package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceAndExplainTest {
  @TempDir Path dir;
  Path fleet;
  Path web;

  private Path write(String name, String text) throws IOException {
    return FlotillaTest.write(dir, name, text);
  }

  @BeforeEach
  void files() throws IOException {
    fleet =
        write(
            "fleet.yaml",
            """
            kind: ClusterInventory
            clusters:
            - {name: store-c, labels: {env: prod}, properties: {cpu: "2"}}
            - {name: store-a, labels: {env: prod}, properties: {cpu: "8"}}
            - {name: store-f, labels: {env: prod}, properties: {cpu: "16"}}
            - {name: store-b, labels: {env: prod, canary: "true"}, properties: {cpu: "8"}}
            - {name: store-g, labels: {env: prod}, properties: {cpu: lots}}
            - {name: store-d, labels: {env: dev}}
            - {name: store-e}
            """);
    web =
        write(
            "web.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web, namespace: shop}
            spec:
              clusterSelectors:
              - labelSelector:
                  matchExpressions:
                  - {key: env, operator: In, values: [prod]}
                  - {key: canary, operator: DoesNotExist}
                celSelector:
                  expressions:
                  - "int(cluster.properties.cpu) >= 4"
            """);
  }

  private Path badCel() throws IOException {
    return write(
        "bad.yaml",
        """
        apiVersion: flotilla.dev/v1alpha1
        kind: Placement
        metadata: {name: web}
        spec:
          clusterSelectors:
          - {}
          - celSelector:
              expressions:
              - "cluster.labels.env == 'prod'"
              - "cluster.labels.env =="
        """);
  }

  @Test
  void placePrintsSelectedNamesSortedByDefault() {
    Result result = run("place", "--inventory", fleet.toString(), "--placement", web.toString());
    assertEquals(0, result.status(), result.err());
    assertEquals("store-a\nstore-f\n", result.out());
  }

  @Test
  void placePrintsTheDecisionAsYaml() {
    Result result =
        run("place", "--inventory", fleet.toString(), "--placement", web.toString(), "-o", "yaml");
    assertEquals(0, result.status(), result.err());
    assertTrue(
        result
            .out()
            .startsWith(
                """
                placement: web
                namespace: shop
                selected: 2
                clusters:
                - store-a
                - store-f
                evaluationErrors: 1
                errors:
                - cluster: store-g
                  path: "spec.clusterSelectors[0].celSelector.expressions[0]"
                  message: "spec.clusterSelectors[0].celSelector.expressions[0]: evaluation error at <input>:3: For input string: \\"lots\\""
                """),
        result.out());
  }

  @Test
  void placePrintsTheDecisionAsPrettyJson() {
    Result result =
        run("place", "--inventory", fleet.toString(), "--placement", web.toString(), "-o", "json");
    assertEquals(0, result.status(), result.err());
    assertTrue(
        result
            .out()
            .startsWith(
                """
                {
                  "placement" : "web",
                  "namespace" : "shop",
                  "selected" : 2,
                  "clusters" : [ "store-a", "store-f" ],
                  "evaluationErrors" : 1,
                  "errors" : [ {
                    "cluster" : "store-g",
                    "path" : "spec.clusterSelectors[0].celSelector.expressions[0]",
                """),
        result.out());
  }

  @Test
  void placeRefusesAnUnknownFormatAsUsageError() {
    Result result =
        run("place", "--inventory", fleet.toString(), "--placement", web.toString(), "-o", "xml");
    assertEquals(2, result.status());
  }

  @Test
  void explainSummarizesRejectionsByFirstFailingRequirement() {
    Result result = run("explain", "--inventory", fleet.toString(), "--placement", web.toString());
    assertEquals(0, result.status(), result.err());
    assertEquals(
        """
        placement web: 2 of 7 clusters selected
        rejected, by first failing requirement:
          2  env in (prod)  e.g. store-d, store-e
          2  int(cluster.properties.cpu) >= 4  e.g. store-c, store-g
          1  !canary  e.g. store-b
        """,
        result.out());
  }

  @Test
  void explainOneClusterShowsEveryRequirementAndTheValueSeen() {
    Result result =
        run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            web.toString(),
            "--cluster",
            "store-e");
    assertEquals(0, result.status(), result.err());
    String[] lines = result.out().split("\n");
    assertEquals("cluster store-e: not selected (no term matched)", lines[0]);
    assertEquals("term[0]: not matched", lines[1]);
    assertEquals("  PASS !canary  seen: <missing>", lines[2]);
    assertEquals("  FAIL env in (prod)  seen: <missing>", lines[3]);
    assertTrue(
        lines[4].startsWith("  FAIL int(cluster.properties.cpu) >= 4  seen: error: "), lines[4]);
    assertEquals(5, lines.length, result.out());
  }

  @Test
  void explainASelectedCluster() {
    Result result =
        run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            web.toString(),
            "--cluster",
            "store-a");
    assertEquals(0, result.status(), result.err());
    assertEquals(
        """
        cluster store-a: selected (matched term[0])
        term[0]: matched
          PASS !canary  seen: <missing>
          PASS env in (prod)  seen: prod
          PASS int(cluster.properties.cpu) >= 4  seen: true
        """,
        result.out());
  }

  @Test
  void explainAnUnknownClusterIsInvalidInput() {
    Result result =
        run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            web.toString(),
            "--cluster",
            "nope");
    assertEquals(1, result.status());
    assertEquals("error: --cluster: no cluster named \"nope\" in " + fleet + "\n", result.err());
  }

  @Test
  void badCelIsReportedWithFileLineAndPathByPlaceExplainAndValidate() throws IOException {
    Path bad = badCel();
    String expected =
        "error: " + bad + ":10:9: spec.clusterSelectors[1].celSelector.expressions[1]: ";
    for (String[] args :
        new String[][] {
          {"place", "--inventory", fleet.toString(), "--placement", bad.toString()},
          {"explain", "--inventory", fleet.toString(), "--placement", bad.toString()},
          {"validate", bad.toString()}
        }) {
      Result result = run(args);
      assertEquals(1, result.status(), args[0]);
      assertTrue(result.err().startsWith(expected), args[0] + ": " + result.err());
      assertFalse(result.err().contains("\tat "), result.err());
      assertFalse(result.out().contains("valid Placement"), result.out());
    }
  }
}
