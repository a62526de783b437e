package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencePlacementTest {
  private static final List<Cluster> CLUSTERS =
      List.of(
          Cluster.of("a", Map.of("env", "prod")).withProperties(Map.of("cpu", "8")),
          Cluster.of("b", Map.of("env", "prod")).withProperties(Map.of("cpu", "500m")),
          Cluster.of("c", Map.of("env", "dev")),
          Cluster.of("d", Map.of()));

  private static Placement placement(
      List<ClusterSelectorTerm> terms, List<String> names, List<String> excluded) {
    return Placement.of("p", new PlacementSpec(terms, names, excluded));
  }

  @Test
  void namedOrMatchedThenExcluded() {
    ClusterSelectorTerm prod = ClusterSelectorTerm.labels("env=prod");
    Placement placement = placement(List.of(prod), List.of("d"), List.of("b"));
    assertEquals(Set.of("a", "d"), ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }

  @Test
  void termsAndTheirPartsAreAndedAndTermsOred() {
    ClusterSelectorTerm bigProd =
        new ClusterSelectorTerm(
            LabelSelector.parse("env=prod"),
            List.of(PropertyRequirement.of("cpu", PropertyOperator.Ge, "2")),
            List.of());
    ClusterSelectorTerm dev = ClusterSelectorTerm.labels("env notin (prod)");
    Placement placement = placement(List.of(bigProd, dev), List.of(), List.of());
    // NotIn is true where the key is missing (d); b has 500m < 2 cpus.
    assertEquals(
        Set.of("a", "c", "d"), ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }

  @Test
  void celComesFromTheCallerAndScopeBoundsTheResult() {
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of("name is a or c"));
    Placement placement = placement(List.of(term), List.of(), List.of());
    ReferencePlacement reference =
        ReferencePlacement.withCel((e, c) -> c.name().equals("a") || c.name().equals("c"));
    assertEquals(Set.of("a", "c"), reference.select(placement, CLUSTERS));
    assertEquals(Set.of("c"), reference.select(placement, CLUSTERS, c -> !c.name().equals("a")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }
}
