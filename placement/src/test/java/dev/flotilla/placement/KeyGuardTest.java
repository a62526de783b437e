package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The index pre-filters conjunctions of CEL key tests by their constraints and decides clusters
 * that have every key read without running CEL; the result and the errors must be CEL's own.
 */
class KeyGuardTest {
  private static final List<Cluster> CLUSTERS =
      List.of(
          Cluster.of("c-1", Map.of("b", "x", "n", "1")),
          Cluster.of("c-2", Map.of("n", "1")),
          Cluster.of("c-3", Map.of("b", "y", "n", "1")),
          Cluster.of("c-4", Map.of("b", "x")),
          Cluster.of("c-5", Map.of("b", "z", "n", "2")));

  private static Selection select(String expression) {
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of(expression));
    Placement placement = Placement.of("p", new PlacementSpec(List.of(term), List.of(), List.of()));
    return CompiledPlacement.compile(placement).select(Inventory.of(CLUSTERS));
  }

  @Test
  void absentKeyReadByValueIsCelsErrorNotAMatch() {
    Selection selection = select("cluster.labels.b != 'y' && has(cluster.labels.n)");
    assertEquals(List.of("c-1", "c-5"), selection.clusters().names());
    assertEquals(1, selection.errorCount()); // c-2: no such key b
  }

  @Test
  void equalityAndMembershipAreDecidedFromTheIndex() {
    assertEquals(List.of("c-1", "c-4"), select("cluster.labels['b'] == 'x'").clusters().names());
    assertEquals(1, select("cluster.labels['b'] == 'x'").errorCount());
    Selection in = select("cluster.labels.b in ['x', 'z'] && cluster.labels.n == '1'");
    assertEquals(List.of("c-1"), in.clusters().names());
    assertEquals(2, in.errorCount()); // c-2 lacks b, c-4 lacks n
  }

  @Test
  void keysNoClusterHasAreErrorsForValueReadsAndFalseForPresence() {
    Selection missing = select("cluster.labels.nowhere == 'x'");
    assertEquals(List.of(), missing.clusters().names());
    assertEquals(CLUSTERS.size(), missing.errorCount());
    assertEquals(
        List.of("c-1", "c-2", "c-3", "c-4", "c-5"),
        select("!has(cluster.labels.nowhere)").clusters().names());
    assertEquals(0, select("has(cluster.properties.nowhere)").clusters().size());
  }

  @Test
  void whereEveryClusterHasTheKeyTheGuardIsAPlainIn() {
    List<Cluster> allHaveB = CLUSTERS.stream().filter(c -> c.labels().containsKey("b")).toList();
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(
            LabelSelector.everything(), List.of(), List.of("cluster.labels.b in ['x', 'z']"));
    Placement placement = Placement.of("p", new PlacementSpec(List.of(term), List.of(), List.of()));
    Inventory inventory = Inventory.of(allHaveB);
    Selection selection = CompiledPlacement.compile(placement).select(inventory);
    assertEquals(List.of("c-1", "c-4", "c-5"), selection.clusters().names());
    assertEquals(0, selection.errorCount());
    // After removing the only cluster with b=y, and adding one without b, still exact.
    Inventory changed = inventory.without("c-3").with(Cluster.of("c-6", Map.of("n", "1")));
    Selection after = CompiledPlacement.compile(placement).select(changed);
    assertEquals(List.of("c-1", "c-4", "c-5"), after.clusters().names());
    assertEquals(1, after.errorCount());
  }
}
