package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.kube.MappedClusters;
import dev.flotilla.benchmarks.state.ClusterObjectsState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four ways of the cluster-objects benchmark give the same, complete fleet. */
class ClusterObjectsBenchmarkStateTest {
  private final ClusterObjectsBenchmark benchmark = new ClusterObjectsBenchmark();
  private final ClusterObjectsState state = ClusterObjectsState.of(2_000);

  @Test
  void everyWayGivesTheSameClusters() throws Exception {
    MappedClusters fromMap = benchmark.fromMap(state);
    assertTrue(fromMap.complete(), fromMap.problems().toString());
    List<Cluster> clusters = fromMap.clusters();
    assertEquals(2_000, clusters.size());
    assertEquals(clusters, benchmark.fromJsonNode(state).clusters());
    assertEquals(clusters, benchmark.throughJsonText(state));
    assertEquals(clusters, benchmark.throughYamlText(state));
  }

  @Test
  void theObjectsCarryWhatTheMappingReads() {
    Cluster first = benchmark.fromMap(state).clusters().get(0);
    assertEquals("store-000000", first.name());
    assertEquals(8, first.labels().size());
    // 3 allocatable (also under resources.flotilla.dev/allocatable-, since a claim may share a
    // resource's name) + 3 capacity + 5 claims + their names in order + kubernetesVersion + the
    // Available condition.
    assertEquals(17, first.properties().size(), first.properties().toString());
    assertTrue(first.properties().containsKey("kubeversion.open-cluster-management.io"));
    assertTrue(
        benchmark.fromMap(state).clusters().stream().anyMatch(c -> !c.taints().isEmpty()),
        "some clusters are tainted (unreachable or in maintenance)");
  }
}
