package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.placement.PlacementExplanation.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementExplainerTest {
  static final List<Cluster> FLEET =
      List.of(
          cluster("store-a", Map.of("env", "prod"), Map.of("cpu", "8")),
          cluster("store-b", Map.of("env", "prod", "canary", "true"), Map.of("cpu", "8")),
          cluster("store-c", Map.of("env", "prod"), Map.of("cpu", "2")),
          cluster("store-d", Map.of("env", "dev"), Map.of()),
          cluster("store-e", Map.of(), Map.of()),
          cluster("store-f", Map.of("env", "dev"), Map.of("cpu", "16")));

  static Cluster cluster(String name, Map<String, String> labels, Map<String, String> props) {
    return new Cluster(name, labels, Map.of(), props, List.of());
  }

  static Cluster named(String name) {
    return FLEET.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** env in (prod), !canary, cpu >= 4, and a CEL expression that errors without cpu. */
  static PlacementExplainer webExplainer(List<String> names, List<String> excluded) {
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(
            LabelSelector.parse("env in (prod),!canary"),
            List.of(PropertyRequirement.of("cpu", PropertyOperator.Ge, "4")),
            List.of("int(cluster.properties.cpu) < 10"));
    return new PlacementExplainer(
        CompiledPlacement.compile(
            Placement.of("web", new PlacementSpec(List.of(term), names, excluded))));
  }

  @Test
  void aSelectedClusterPassesEveryRequirementWithTheValuesSeen() {
    ClusterExplanation why = webExplainer(List.of(), List.of()).explain(named("store-a"));
    assertTrue(why.selected());
    assertEquals("matched term[0]", why.reason());
    assertEquals(
        List.of(
            new TermExplanation(
                0,
                true,
                List.of(
                    new RequirementResult("!canary", true, "<missing>"),
                    new RequirementResult("env in (prod)", true, "prod"),
                    new RequirementResult("cpu Ge 4", true, "8"),
                    new RequirementResult("int(cluster.properties.cpu) < 10", true, "true")))),
        why.terms());
  }

  @Test
  void aRejectedClusterShowsEveryFailureNotOnlyTheFirst() {
    ClusterExplanation why = webExplainer(List.of(), List.of()).explain(named("store-e"));
    assertFalse(why.selected());
    assertEquals("no term matched", why.reason());
    List<RequirementResult> results = why.terms().get(0).requirements();
    // Label requirements come in the selector's order: sorted by key, as Kubernetes does.
    assertEquals(new RequirementResult("!canary", true, "<missing>"), results.get(0));
    assertEquals(new RequirementResult("env in (prod)", false, "<missing>"), results.get(1));
    assertEquals(new RequirementResult("cpu Ge 4", false, "<missing>"), results.get(2));
    assertFalse(results.get(3).passed());
    assertTrue(results.get(3).seen().startsWith("error: "), results.get(3).seen());
  }

  @Test
  void scopeThenExclusionThenNamesDecideBeforeTerms() {
    PlacementExplainer why = webExplainer(List.of("store-d", "store-c"), List.of("store-a"));
    assertEquals("excluded by name", why.explain(named("store-a")).reason());
    assertFalse(why.explain(named("store-a")).selected());
    assertEquals("named in clusterNames", why.explain(named("store-d")).reason());
    assertTrue(why.explain(named("store-d")).selected());
    ClusterExplanation outside = why.explain(named("store-d"), Scope.named(Set.of("store-a")));
    assertFalse(outside.selected());
    assertEquals("out of scope", outside.reason());
    assertEquals(1, outside.terms().size(), "terms are explained even when moot");
  }

  @Test
  void theSummaryGroupsRejectionsByFirstFailingRequirement() {
    PlacementExplanation summary =
        webExplainer(List.of(), List.of("store-c")).explain(Inventory.of(FLEET), 1);
    assertEquals("web", summary.placement());
    assertEquals(6, summary.clusters());
    assertEquals(1, summary.selected());
    assertEquals(
        List.of(
            new Rejection("env in (prod)", 3, List.of("store-d")),
            new Rejection("!canary", 1, List.of("store-b")),
            new Rejection("excluded by name", 1, List.of("store-c"))),
        summary.rejected());
    assertEquals(1, summary.excludedByName());
    assertEquals(0, summary.outOfScope());
  }

  @Test
  void withSeveralTermsTheReasonNamesEachTermsFirstFailure() {
    Placement placement =
        Placement.of(
            "two",
            PlacementSpec.selecting(
                ClusterSelectorTerm.labels("env=prod,!canary"),
                ClusterSelectorTerm.labels("env=dev")));
    PlacementExplanation summary =
        new PlacementExplainer(CompiledPlacement.compile(placement))
            .explain(Inventory.of(FLEET), Scope.named(Set.of("store-a", "store-b", "store-e")), 5);
    assertEquals(1, summary.selected());
    assertEquals(
        List.of(
            new Rejection("out of scope", 3, List.of("store-c", "store-d", "store-f")),
            new Rejection("term[0]: !canary; term[1]: env=dev", 1, List.of("store-b")),
            new Rejection("term[0]: env=prod; term[1]: env=dev", 1, List.of("store-e"))),
        summary.rejected());
  }

  @Test
  void aPlacementWithoutTermsRejectsWhatItDoesNotName() {
    Placement placement =
        Placement.of("names", new PlacementSpec(List.of(), List.of("store-a"), List.of()));
    PlacementExplanation summary =
        new PlacementExplainer(CompiledPlacement.compile(placement))
            .explain(Inventory.of(FLEET), 0);
    assertEquals(1, summary.selected());
    assertEquals(
        List.of(new Rejection("not named in clusterNames", 5, List.of())), summary.rejected());
  }

  @Test
  void negativeExampleCountIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> webExplainer(List.of(), List.of()).explain(Inventory.of(FLEET), -1));
  }
}
