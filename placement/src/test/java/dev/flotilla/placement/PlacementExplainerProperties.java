package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Explanations agree with the engine's decisions, on random fleets and placements. */
class PlacementExplainerProperties {

  @Test
  void explainedSelectionEqualsMatches() {
    qt().withFixedSeed(20261122L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = random.inventory(1 + random.nextInt(60));
              CompiledPlacement compiled =
                  CompiledPlacement.compile(random.placement(clusters.size(), true));
              Scope scope = scope(random, clusters.size());
              PlacementExplainer explainer = new PlacementExplainer(compiled);
              for (Cluster cluster : clusters) {
                assertEquals(
                    compiled.matches(cluster, scope),
                    explainer.explain(cluster, scope).selected(),
                    "seed " + seed + ", " + cluster.name());
              }
            });
  }

  @Test
  void selectedPlusRejectedCountsEqualsTheInventorySize() {
    qt().withFixedSeed(99L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = random.inventory(random.nextInt(300));
              Inventory inventory = Inventory.of(clusters);
              CompiledPlacement compiled =
                  CompiledPlacement.compile(random.placement(clusters.size(), true));
              Scope scope = scope(random, clusters.size());
              int maxExamples = random.nextInt(4);
              PlacementExplanation summary =
                  new PlacementExplainer(compiled).explain(inventory, scope, maxExamples);
              int rejected = 0;
              for (PlacementExplanation.Rejection group : summary.rejected()) {
                rejected += group.count();
                assertEquals(
                    Math.min(maxExamples, group.count()), group.examples().size(), "seed " + seed);
                assertEquals(
                    group.examples().stream().sorted().toList(), group.examples(), "seed " + seed);
              }
              assertEquals(inventory.size(), summary.selected() + rejected, "seed " + seed);
              assertEquals(
                  compiled.select(inventory, scope).clusters().size(),
                  summary.selected(),
                  "seed " + seed);
            });
  }

  /** Everything most of the time, otherwise a few named clusters. */
  private static Scope scope(RandomFleets random, int size) {
    if (random.nextInt(3) > 0) {
      return Scope.everything();
    }
    Set<String> names = new HashSet<>();
    names.add("c-" + random.nextInt(size + 1));
    names.add("c-" + random.nextInt(size + 1));
    return Scope.named(names);
  }
}
