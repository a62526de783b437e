package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
  @TempDir Path dir;
  Path fleet;
  Path policy;
  Path reports;
  Path placement;

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
            - {name: store-a, labels: {region: eu}}
            - {name: store-b, labels: {region: eu}}
            - {name: store-c, labels: {region: us}}
            - {name: store-d, labels: {region: us}}
            """);
    placement =
        write(
            "web.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors: [{}]
            """);
    policy =
        write(
            "summary.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              groupBy:
              - {name: region, expression: "cluster.labels.region"}
              aggregates:
              - {name: clusters, function: Count}
              - {name: ready, function: Sum, expression: "workload.ready"}
              attention:
                when: "!workload.healthy"
                orderBy: [{expression: "workload.ready"}]
                limit: 5
                fields:
                - {name: ready, expression: "workload.ready"}
              staleAfter: 10m
            """);
    reports =
        write(
            "reports.yaml",
            """
            - cluster: store-a
              observedAt: "2026-03-01T11:59:00Z"
              object: {kind: Deployment, spec: {replicas: 2}, status: {readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2}}
            - cluster: store-b
              observedAt: "2026-03-01T11:00:00Z"
              object: {kind: Deployment, spec: {replicas: 2}, status: {readyReplicas: 1, availableReplicas: 1, updatedReplicas: 2}}
            - cluster: store-c
              observedAt: "2026-03-01T11:58:00Z"
              object: {kind: Deployment, spec: {replicas: 3}, status: {readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3}}
            """);
  }

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    Result result =
        run(
            "summarize",
            "--policy",
            policy.toString(),
            "--reports",
            reports.toString(),
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            "2026-03-01T12:00:00Z",
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertEquals(2, json.get("groups").size());
    JsonNode eu = json.get("groups").get(0);
    assertEquals("eu", eu.get("key").get("region").asText());
    assertEquals(2, eu.get("aggregates").get("clusters").asLong());
    assertEquals(3, eu.get("aggregates").get("ready").asLong());
    assertEquals(1, json.get("attention").get("total").asLong());
    assertFalse(json.get("attention").get("truncated").asBoolean());
    assertEquals("store-b", json.get("attention").get("items").get(0).get("cluster").asText());
    assertEquals(1, json.get("attention").get("items").get(0).get("fields").get("ready").asLong());
    assertEquals(1, json.get("stale").get("count").asLong());
    assertEquals("store-d", json.get("missing").get("clusters").get(0).asText());
    assertTrue(json.get("errors").isObject());
  }

  @Test
  void onlyTheScheduledPicksAreExpected() throws IOException {
    // Two of the four stores get the workload: the silent store outside the decision is not
    // missing, the silent one inside it is.
    Path two =
        write(
            "two.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors: [{}]
              numberOfClusters: 2
              prioritizers:
              - {weight: 1, labelPreference: {matchLabels: {region: us}}}
            """);
    Result result =
        run(
            "summarize",
            "--policy",
            policy.toString(),
            "--reports",
            reports.toString(),
            "--inventory",
            fleet.toString(),
            "--placement",
            two.toString(),
            "--now",
            "2026-03-01T12:00:00Z",
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    JsonNode missing = new ObjectMapper().readTree(result.out()).get("missing");
    assertEquals(1, missing.get("count").asLong(), missing.toString());
    assertEquals("store-d", missing.get("clusters").get(0).asText());
  }

  @Test
  void yamlIsTheDefault() {
    Result result =
        run(
            "summarize",
            "--policy",
            policy.toString(),
            "--reports",
            reports.toString(),
            "--now",
            "2026-03-01T12:00:00Z");
    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("attention:"), result.out());
    assertTrue(result.out().contains("region: null"), "no inventory: no labels\n" + result.out());
  }

  @Test
  void badCelIsReportedWithFileLineAndPath() throws IOException {
    Path bad =
        write(
            "bad.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              aggregates:
              - {name: n, function: Sum, expression: "status.x +"}
            """);
    Result result = run("summarize", "--policy", bad.toString(), "--reports", reports.toString());
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: " + bad + ":6:"), result.err());
    assertTrue(result.err().contains("spec.aggregates[0].expression"), result.err());
    assertFalse(result.err().contains("\tat "), result.err());

    Result validate = run("validate", bad.toString());
    assertEquals(1, validate.status());
    assertTrue(validate.err().contains("spec.aggregates[0].expression"), validate.err());
    assertEquals(0, run("validate", policy.toString()).status());
  }

  @Test
  void badReportsAreReportedWithPath() throws IOException {
    Path bad =
        write(
            "bad-reports.yaml",
            """
            - {cluster: store-a, observedAt: yesterday, object: {}}
            - {cluster: store-a, observedAt: "2026-03-01T11:00:00Z", object: {}, extra: 1}
            """);
    Result result = run("summarize", "--policy", policy.toString(), "--reports", bad.toString());
    assertEquals(1, result.status());
    assertTrue(
        result.err().contains(":1:") && result.err().contains("[0].observedAt"), result.err());
    assertTrue(result.err().contains("[1].extra: unknown field"), result.err());
  }

  @Test
  void badClockIsAUserError() {
    Result result =
        run(
            "summarize",
            "--policy",
            policy.toString(),
            "--reports",
            reports.toString(),
            "--now",
            "noon");
    assertEquals(2, result.status(), "a bad option value is a usage error (issue 11)");
    assertTrue(result.err().startsWith("error: --now"), result.err());
  }
}
