package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlotillaTest {
  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Flotilla.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(status, out.toString().replace("\r", ""), err.toString().replace("\r", ""));
  }

  private Path write(String name, String text) throws IOException {
    return write(dir, name, text);
  }

  /** Writes {@code text} to {@code name} in {@code dir}: the tests' input files. */
  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Path inventory() throws IOException {
    return write(
        "fleet.yaml",
        """
        kind: ClusterInventory
        clusters:
        - {name: store-c, labels: {env: prod}}
        - {name: store-a, labels: {env: prod}}
        - {name: store-b, labels: {env: prod, canary: "true"}}
        - {name: store-d, labels: {env: dev}}
        - {name: store-e}
        """);
  }

  @Test
  void selectPrintsMatchingNamesSorted() throws IOException {
    Result result =
        run("select", "--inventory", inventory().toString(), "--selector", "env in (prod),!canary");
    assertEquals(0, result.status(), result.err());
    assertEquals("store-a\nstore-c\n", result.out().replace("\r", ""));
  }

  @Test
  void badSelectorIsInvalidInputWithoutAStackTrace() throws IOException {
    Result result = run("select", "--inventory", inventory().toString(), "--selector", "env in (");
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: --selector: "), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void missingFileNamesTheFile() {
    Result result =
        run("select", "--inventory", dir.resolve("nope.yaml").toString(), "--selector", "a");
    assertEquals(1, result.status());
    assertTrue(result.err().contains("nope.yaml: no such file"), result.err());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("select", "--selector", "a").status());
    assertEquals(2, run("no-such-command").status());
  }

  @Test
  void validateReportsEveryProblemWithFileLineAndPath() throws IOException {
    Path good = inventory();
    Path bad =
        write(
            "placement.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - labelSelector:
                  matchExpressions:
                  - {key: env, operator: in, values: [prod]}
              numberOfCluster: 3
            """);
    Result result = run("validate", good.toString(), bad.toString());
    assertEquals(1, result.status());
    assertTrue(result.out().contains("fleet.yaml: valid inventory of 5 clusters"), result.out());
    String[] lines = result.err().split("\n");
    assertEquals(2, lines.length, result.err());
    assertTrue(
        lines[0].startsWith(
            "error: "
                + bad
                + ":8:30: spec.clusterSelectors[0].labelSelector.matchExpressions[0].operator:"),
        lines[0]);
    assertTrue(lines[1].endsWith("spec.numberOfCluster: unknown field"), lines[1]);
  }

  @Test
  void validateReadsManifestsAndStatusReportsAsWhatTheyAre() throws IOException {
    Path manifests =
        write(
            "app.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config}
            """);
    Path reports =
        write(
            "reports.yaml",
            """
            - {cluster: store-a, observedAt: "2026-03-01T11:00:00Z", object: {kind: Deployment}}
            """);
    Result good = run("validate", manifests.toString(), reports.toString());
    assertEquals(0, good.status(), good.err());
    assertEquals(
        manifests
            + ": valid manifests: 2 objects\n"
            + reports
            + ": valid status reports of 1 cluster\n",
        good.out().replace("\r", ""));

    Path badReports =
        write(
            "bad-reports.yaml",
            """
            - {cluster: store-a, observedAt: "2026-03-01T11:00:00Z", object: {}}
            - {cluster: store-b, observedAt: noon, object: {}}
            """);
    Result bad = run("validate", badReports.toString());
    assertEquals(1, bad.status());
    assertTrue(bad.err().startsWith("error: " + badReports + ":2:"), bad.err());
    assertTrue(bad.err().contains("[1].observedAt"), bad.err());

    Path noKind = write("no-kind.yaml", "clusters: []\n");
    Result missingKind = run("validate", noKind.toString());
    assertEquals(1, missingKind.status());
    assertTrue(missingKind.err().contains("kind: Required value"), missingKind.err());
  }

  @Test
  void validateAcceptsAValidPlacement() throws IOException {
    Path placement =
        write(
            "placement.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors: [{}]
            """);
    Result result = run("validate", placement.toString());
    assertEquals(0, result.status(), result.err());
  }
}
