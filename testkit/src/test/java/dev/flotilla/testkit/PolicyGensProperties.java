package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.summary.StatusSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@link PolicyGens} draws every optional field both present and absent, and odd text. */
class PolicyGensProperties {

  private static <T> List<T> sample(org.quicktheories.core.Gen<T> gen, long seed) {
    List<T> out = new ArrayList<>();
    qt().withFixedSeed(seed).withExamples(300).forAll(gen).checkAssert(out::add);
    return out;
  }

  private static <T> void both(List<T> values, String field, Predicate<T> present) {
    assertTrue(values.stream().anyMatch(present), field + " never present");
    assertTrue(values.stream().anyMatch(present.negate()), field + " never absent");
  }

  @Test
  void placementsCoverEveryField() {
    List<PlacementSpec> specs =
        sample(PolicyGens.placements(), 11L).stream().map(Placement::spec).toList();
    both(specs, "clusterSelectors", s -> !s.clusterSelectors().isEmpty());
    both(specs, "clusterNames", s -> !s.clusterNames().isEmpty());
    both(specs, "excludeClusterNames", s -> !s.excludeClusterNames().isEmpty());
    both(specs, "tolerations", s -> !s.tolerations().isEmpty());
    both(specs, "numberOfClusters", s -> s.numberOfClusters().isPresent());
    both(specs, "prioritizers", s -> !s.prioritizers().isEmpty());
    both(specs, "spreadConstraints", s -> !s.spreadConstraints().isEmpty());
    both(specs, "decisionGroups", s -> !s.decisionGroups().isEmpty());
    both(specs, "rollout", s -> s.rollout().isPresent());
    both(
        specs,
        "propertySelector",
        s -> s.clusterSelectors().stream().anyMatch(t -> !t.propertyRequirements().isEmpty()));
    both(
        specs,
        "celSelector",
        s -> s.clusterSelectors().stream().anyMatch(t -> !t.celExpressions().isEmpty()));
  }

  @Test
  void customizationsCoverEveryKindOfAction() {
    Set<Class<?>> kinds = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    sample(PolicyGens.customizations(), 13L).forEach(c -> rules.addAll(c.spec().rules()));
    rules.forEach(r -> r.actions().forEach(a -> kinds.add(a.getClass())));
    for (Class<?> kind : Action.class.getPermittedSubclasses()) {
      assertTrue(kinds.contains(kind), kind.getSimpleName() + " never drawn");
    }
    both(rules, "clusterSelector", r -> r.clusterSelector().isPresent());
    both(rules, "optional", Rule::optional);
  }

  @Test
  void statusSummariesCoverEveryField() {
    List<StatusSummary> summaries = sample(PolicyGens.statusSummaries(), 17L);
    both(summaries, "filter", s -> s.spec().filter().isPresent());
    both(summaries, "feedback", s -> !s.spec().feedback().isEmpty());
    both(summaries, "groupBy", s -> !s.spec().groupBy().isEmpty());
    both(summaries, "aggregates", s -> !s.spec().aggregates().isEmpty());
    both(summaries, "attention", s -> s.spec().attention().isPresent());
    both(summaries, "staleAfter", s -> s.spec().staleAfter().isPresent());
  }

  @Test
  void oddTextIsDrawn() {
    List<String> names = new ArrayList<>();
    sample(PolicyGens.oddInventories(6), 19L)
        .forEach(i -> i.forEach(c -> names.addAll(c.properties().values())));
    assertTrue(names.contains("yes") && names.contains("1.10") && names.contains("multi\nline"));
  }
}
