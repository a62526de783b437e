package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import dev.flotilla.testkit.StatusReportGenerator;
import java.util.List;
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
}
