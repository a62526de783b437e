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
    return new Result(status, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
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
