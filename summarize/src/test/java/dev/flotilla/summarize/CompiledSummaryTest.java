package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples in the style of KubeStellar's StatusCollector documentation, with Flotilla's
 * semantics: the filter excludes on null or error, empty groups give null, attention is ordered and
 * capped, errors are counted per column.
 */
class CompiledSummaryTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static StatusSummary policy(String yaml) {
    return StatusSummaryReader.parse("policy.yaml", yaml).value();
  }

  static Map<String, Object> deployment(long desired, Long ready, String image) {
    Map<String, Object> status = new LinkedHashMap<>();
    if (ready != null) {
      status.put("readyReplicas", ready);
      status.put("availableReplicas", ready);
    }
    status.put("updatedReplicas", desired);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("kind", "Deployment");
    object.put("metadata", Map.of("name", "web", "namespace", "shop"));
    object.put(
        "spec",
        Map.of(
            "replicas",
            desired,
            "template",
            Map.of("spec", Map.of("containers", List.of(Map.of("image", image))))));
    object.put("status", status);
    return object;
  }

  static StatusReport report(String cluster, int minutesAgo, Map<String, Object> object) {
    return new StatusReport(cluster, NOW.minusSeconds(60L * minutesAgo), object);
  }

  static final List<Cluster> FLEET =
      List.of(
          Cluster.of("store-a", Map.of("region", "eu")),
          Cluster.of("store-b", Map.of("region", "eu")),
          Cluster.of("store-c", Map.of("region", "us")),
          Cluster.of("store-d", Map.of("region", "us")),
          Cluster.of("store-e", Map.of()));

  static final List<StatusReport> REPORTS =
      List.of(
          report("store-a", 1, deployment(3, 3L, "web:1.2")),
          report("store-b", 2, deployment(3, 1L, "web:1.1")),
          report("store-c", 90, deployment(2, null, "web:1.2")),
          report("store-d", 3, deployment(2, 2L, "web:1.2")));

  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: web}
      spec:
        filter: "status.kind == 'Deployment'"
        groupBy:
        - {name: region, expression: "cluster.labels.region"}
        aggregates:
        - {name: clusters, function: Count}
        - {name: healthy, function: Count, expression: "workload.healthy"}
        - {name: ready, function: Sum, expression: "workload.ready"}
        - {name: avgReady, function: Avg, expression: "status.status.readyReplicas"}
        - {name: minReady, function: Min, expression: "workload.ready"}
        - {name: images, function: CountDistinct,
           expression: "status.spec.template.spec.containers[0].image"}
        - {name: p50, function: P50, expression: "workload.desired"}
        attention:
          when: "!workload.healthy"
          orderBy: [{expression: "workload.ready", direction: Asc}]
          limit: 1
          fields:
          - {name: ready, expression: "workload.ready"}
          - {name: image, expression: "status.spec.template.spec.containers[0].image"}
        staleAfter: 30m
      """;

  @Test
  void groupsAggregatesAttentionAndFreshness() {
    CompiledSummary compiled = CompiledSummary.compile(policy(POLICY));
    SummaryContext context =
        SummaryContext.at(NOW).withClusters(FLEET).expecting(List.of("store-a", "store-e"));
    SummaryResult result = compiled.summarize(REPORTS, context).result();

    assertEquals(4, result.reports());
    assertEquals(4, result.matched());
    assertEquals(2, result.groups().size());
    SummaryResult.Group eu = result.group(Map.of("region", "eu")).orElseThrow();
    assertEquals(2, eu.count());
    assertEquals(2L, eu.aggregates().get("clusters"));
    assertEquals(1L, eu.aggregates().get("healthy"));
    assertEquals(4L, eu.aggregates().get("ready"));
    assertEquals(2L, eu.aggregates().get("avgReady"));
    assertEquals(1L, eu.aggregates().get("minReady"));
    assertEquals(2L, eu.aggregates().get("images"));
    assertEquals(3L, eu.aggregates().get("p50"));

    // store-c reported no readyReplicas: the raw field is missing (an error), workload.ready is 0.
    SummaryResult.Group us = result.group(Map.of("region", "us")).orElseThrow();
    assertEquals(2L, us.aggregates().get("ready"));
    assertEquals(2L, us.aggregates().get("avgReady"), "the failing subject is skipped");
    assertEquals(0L, us.aggregates().get("minReady"));
    assertEquals(1, result.errors().get("spec.aggregates[3].expression").count());
    assertEquals(
        "store-c",
        result.errors().get("spec.aggregates[3].expression").examples().get(0).cluster());

    assertEquals(2, result.attention().total());
    assertTrue(result.attention().truncated());
    assertEquals("store-c", result.attention().items().get(0).cluster(), "0 ready sorts first");
    assertEquals(0L, result.attention().items().get(0).fields().get("ready"));

    assertEquals(1, result.stale().count());
    assertEquals(List.of("store-c"), result.stale().examples());
    assertEquals(1, result.missing().count());
    assertEquals(List.of("store-e"), result.missing().examples());
  }

  @Test
  void sameResultWhateverTheInputOrder() {
    CompiledSummary compiled = CompiledSummary.compile(policy(POLICY));
    SummaryContext context = SummaryContext.at(NOW).withClusters(FLEET);
    List<StatusReport> shuffled = new ArrayList<>(REPORTS);
    Collections.reverse(shuffled);
    assertEquals(
        compiled.summarize(REPORTS, context).result(),
        compiled.summarize(shuffled, context).result());
  }

  @Test
  void filterNullOrErrorExcludesAndCounts() {
    StatusSummary summary =
        policy(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              filter: "status.status.readyReplicas > 1"
              aggregates:
              - {name: n, function: Count}
              - {name: top, function: Max, expression: "status.status.readyReplicas"}
            """);
    SummaryResult result =
        CompiledSummary.compile(summary).summarize(REPORTS, SummaryContext.at(NOW)).result();
    assertEquals(2, result.matched(), "store-a (3) and store-d (2)");
    assertEquals(1, result.errors().get("spec.filter").count(), "store-c has no readyReplicas");
    assertEquals(3L, result.groups().get(0).aggregates().get("top"));
    assertEquals(Map.of(), result.groups().get(0).key(), "no groupBy: one group");
  }

  @Test
  void emptyGroupGivesNullsNeverNaN() {
    StatusSummary summary =
        policy(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              aggregates:
              - {name: n, function: Count}
              - {name: avg, function: Avg, expression: "status.missing"}
              - {name: min, function: Min, expression: "null"}
              - {name: sum, function: Sum, expression: "status.nothing"}
              - {name: p99, function: P99, expression: "status.nothing"}
            """);
    SummaryResult.Group group =
        CompiledSummary.compile(summary)
            .summarize(REPORTS, SummaryContext.at(NOW))
            .result()
            .groups()
            .get(0);
    assertEquals(4L, group.aggregates().get("n"));
    assertNull(group.aggregates().get("avg"));
    assertNull(group.aggregates().get("min"));
    assertNull(group.aggregates().get("sum"));
    assertNull(group.aggregates().get("p99"));
    assertEquals(4L, group.skipped().get("min"), "null subjects are counted as skipped");
    assertFalse(group.aggregates().containsValue(Double.NaN));
  }

  @Test
  void nullInTheReportIsNullInCel() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("value", null);
    object.put("kind", "Thing");
    StatusSummary summary =
        policy(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              aggregates:
              - {name: n, function: Count, expression: "status.value == null"}
              - {name: s, function: Sum, expression: "status.value"}
            """);
    SummaryResult result =
        CompiledSummary.compile(summary)
            .summarize(List.of(report("store-a", 0, object)), SummaryContext.at(NOW))
            .result();
    assertEquals(Map.of(), result.errors());
    assertEquals(1L, result.groups().get(0).aggregates().get("n"));
    assertEquals(1L, result.groups().get(0).skipped().get("s"));
  }

  @Test
  void compileErrorsNameEveryBadExpression() {
    StatusSummary summary =
        policy(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              filter: "status.kind =="
              aggregates:
              - {name: s, function: Sum, expression: "'text'"}
              - {name: c, function: Count, expression: "1"}
            """);
    ValidationException e =
        assertThrows(ValidationException.class, () -> CompiledSummary.compile(summary));
    List<String> paths = e.problems().stream().map(p -> p.path()).toList();
    assertEquals(
        List.of("spec.filter", "spec.aggregates[0].expression", "spec.aggregates[1].expression"),
        paths);
  }

  @Test
  void duplicateClustersAreRejected() {
    CompiledSummary compiled = CompiledSummary.compile(policy(POLICY));
    List<StatusReport> twice = List.of(REPORTS.get(0), REPORTS.get(0));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> compiled.summarize(twice, SummaryContext.at(NOW)));
    assertEquals("[1].cluster", e.problems().get(0).path());
  }

  @Test
  void feedbackRulesReadScalars() {
    StatusSummary summary =
        policy(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              feedback:
              - {name: ready, jsonPath: ".status.readyReplicas"}
              - {name: image, jsonPath: "{.spec.template.spec.containers[0].image}"}
              - {name: whole, jsonPath: ".status"}
              aggregates:
              - {name: ready, function: Sum, expression: "feedback.ready"}
              - {name: images, function: CountDistinct, expression: "feedback.image"}
              - {name: whole, function: Count, expression: "feedback.whole == null"}
            """);
    SummaryResult.Group group =
        CompiledSummary.compile(summary)
            .summarize(REPORTS, SummaryContext.at(NOW))
            .result()
            .groups()
            .get(0);
    assertEquals(6L, group.aggregates().get("ready"));
    assertEquals(1L, group.skipped().get("ready"), "store-c reports no readyReplicas");
    assertEquals(2L, group.aggregates().get("images"));
    assertEquals(4L, group.aggregates().get("whole"), "a map is not a feedback scalar");
  }
}
