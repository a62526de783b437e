package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import dev.flotilla.testkit.StatusReportGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link SummaryContext#withInventory} reads a cluster's facts from the inventory when its report
 * is evaluated; the summary is the one {@link SummaryContext#withClusters} gives with the same
 * clusters.
 */
class SummaryContextTest {
  private static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: by-region}
      spec:
        groupBy:
        - {name: region, expression: "cluster.labels['topology.kubernetes.io/region']"}
        - {name: gpu, expression: "cluster.properties.gpu"}
        aggregates:
        - {name: n, function: Count}
        - {name: ready, function: Sum, expression: "workload.ready"}
        - {name: sites, function: CountDistinct, expression: "cluster.labels['flotilla.dev/site']"}
        attention:
          when: "!workload.healthy || cluster.name.startsWith('car-')"
          orderBy: [{expression: "cluster.name", direction: Asc}]
          limit: 5
          fields:
          - {name: kind, expression: "cluster.annotations['flotilla.dev/site-kind']"}
      """;

  @Test
  void inventoryAndClusterListGiveTheSameSummary() {
    List<Cluster> fleet = FleetGenerator.builder().seed(3).clusters(5_000).build().generate();
    StatusReportGenerator generator = StatusReportGenerator.builder().seed(3).build();
    List<StatusReport> reports = generator.generate(fleet);
    // A report from a cluster the inventory does not hold sees only the name, both ways.
    Inventory inventory = Inventory.of(fleet.subList(0, 4_000));
    CompiledSummary compiled =
        CompiledSummary.compile(StatusSummaryReader.parse("p.yaml", POLICY).value());
    SummaryContext clock = SummaryContext.at(generator.now());
    String fromInventory =
        compiled.summarize(reports, clock.withInventory(inventory)).result().toJson();
    String fromClusters =
        compiled.summarize(reports, clock.withClusters(fleet.subList(0, 4_000))).result().toJson();
    assertEquals(fromClusters, fromInventory);
  }

  /**
   * A report's {@code cluster} holds only what the policy reads (a projection); expressions that
   * use a map as a whole, test a key that is absent, or read a key another expression does not, see
   * what the whole value would show them.
   */
  @Test
  void theProjectedClusterShowsEveryExpressionWhatTheWholeValueWould() {
    Cluster a =
        new Cluster(
            "a",
            Map.of("zone", "z1", "env", "prod", "tier", "gold"),
            Map.of("note", "n"),
            Map.of("cpu", "8"),
            List.of());
    Cluster b = new Cluster("b", Map.of("env", "dev"), Map.of(), Map.of(), List.of());
    String policy =
        """
        apiVersion: flotilla.dev/v1alpha1
        kind: StatusSummary
        metadata: {name: projection}
        spec:
          groupBy:
          - {name: labels, expression: "size(cluster.labels)"}
          - {name: zone, expression: "cluster.labels[?'zone'].orValue('none')"}
          - {name: hasCpu, expression: "'cpu' in cluster.properties"}
          - {name: keys, expression: "cluster.annotations.map(k, k).join(',')"}
          aggregates:
          - {name: n, function: Count}
        """;
    CompiledSummary compiled =
        CompiledSummary.compile(StatusSummaryReader.parse("p.yaml", policy).value());
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<StatusReport> reports =
        List.of(
            new StatusReport("a", now, Map.of("kind", "Deployment")),
            new StatusReport("b", now, Map.of("kind", "Deployment")));
    for (SummaryContext context :
        List.of(
            SummaryContext.at(now).withInventory(Inventory.of(List.of(a, b))),
            SummaryContext.at(now).withClusters(List.of(a, b)))) {
      SummaryResult result = compiled.summarize(reports, context).result();
      assertEquals(
          Set.of(
              Map.of("labels", 3L, "zone", "z1", "hasCpu", true, "keys", "note"),
              Map.of("labels", 1L, "zone", "none", "hasCpu", false, "keys", "")),
          result.groups().stream().map(SummaryResult.Group::key).collect(Collectors.toSet()));
    }
  }
}
