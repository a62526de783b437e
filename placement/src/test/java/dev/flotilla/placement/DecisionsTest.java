package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CEL runtime errors are kept per placement through evaluation and updates, never dropped. */
class DecisionsTest {
  /** Errors on every cluster without label c ("no such key"). */
  private static final Placement STARTS_WITH_Y =
      Placement.of(
          "y",
          new PlacementSpec(
              List.of(
                  new ClusterSelectorTerm(
                      LabelSelector.everything(),
                      List.of(),
                      List.of("cluster.labels.c.startsWith('y')"))),
              List.of(),
              List.of()));

  private static final Placement EVERYTHING =
      Placement.of(
          "all", new PlacementSpec(List.of(ClusterSelectorTerm.all()), List.of(), List.of()));

  private static final List<Cluster> FLEET =
      List.of(
          Cluster.of("a", Map.of("c", "yes")),
          Cluster.of("b", Map.of("c", "no")),
          Cluster.of("d", Map.of()),
          Cluster.of("e", Map.of("other", "x")));

  private static Set<String> erring(Selection selection) {
    return selection.errors().stream().map(EvaluationError::cluster).collect(Collectors.toSet());
  }

  @Test
  void evaluateKeepsTheErrorsOfEachPlacementAsSelectDoes() {
    Inventory inventory = Inventory.of(FLEET);
    PlacementSet set =
        PlacementSet.compile(List.of(STARTS_WITH_Y, EVERYTHING), PlacementSet.Bindings.unbounded());
    Decisions decisions = set.evaluate(inventory);
    Selection y = decisions.selection("default", "y");
    Selection direct = CompiledPlacement.compile(STARTS_WITH_Y).select(inventory);
    assertEquals(List.of("a"), y.clusters().names());
    assertEquals(2, y.errorCount());
    assertEquals(direct.errorCount(), y.errorCount());
    assertEquals(Set.of("d", "e"), erring(y));
    assertEquals("spec.clusterSelectors[0].celSelector.expressions[0]", y.errors().get(0).path());
    assertEquals(0, decisions.selection("default", "all").errorCount());
    assertEquals(2, decisions.errorCount());
  }

  @Test
  void updatesReplaceTheChangedClustersErrors() {
    Inventory inventory = Inventory.of(FLEET);
    PlacementSet set =
        PlacementSet.compile(List.of(STARTS_WITH_Y, EVERYTHING), PlacementSet.Bindings.unbounded());
    Decisions decisions = set.evaluate(inventory);

    // d gains the key: its error goes, and it is now selected.
    Inventory fixed = inventory.with(Cluster.of("d", Map.of("c", "yak")));
    decisions = decisions.update(fixed, "d").decisions();
    assertEquals(1, decisions.errorCount());
    assertEquals(Set.of("e"), erring(decisions.selection("default", "y")));
    assertEquals(List.of("a", "d"), decisions.selection("default", "y").clusters().names());

    // A new cluster without the key errors; removing e drops e's error.
    Inventory added = fixed.with(Cluster.of("f", Map.of()));
    decisions = decisions.update(added, "f").decisions();
    assertEquals(Set.of("e", "f"), erring(decisions.selection("default", "y")));
    Inventory removed = added.without("e");
    decisions = decisions.update(removed, "e").decisions();
    assertEquals(1, decisions.errorCount());
    assertEquals(Set.of("f"), erring(decisions.selection("default", "y")));
    assertEquals(
        CompiledPlacement.compile(STARTS_WITH_Y).select(removed).errorCount(),
        decisions.selection("default", "y").errorCount());
  }

  @Test
  void anUnknownPlacementIsAnError() {
    Decisions decisions =
        PlacementSet.compile(List.of(EVERYTHING), PlacementSet.Bindings.unbounded())
            .evaluate(Inventory.of(FLEET));
    assertThrows(IllegalArgumentException.class, () -> decisions.selection("default", "nope"));
  }
}
