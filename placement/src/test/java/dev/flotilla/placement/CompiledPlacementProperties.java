package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Indexed evaluation == per-cluster evaluation == the reference, on random fleets. */
class CompiledPlacementProperties {

  @Test
  void indexedEqualsScanEqualsReference() {
    qt().withFixedSeed(20261122L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = random.inventory(random.nextInt(600));
              Placement placement = random.placement(clusters.size(), true);
              assertAgree(
                  CompiledPlacement.compile(placement),
                  Inventory.of(clusters),
                  clusters,
                  "seed " + seed);
            });
  }

  @Test
  void indexedStaysRightAfterRandomUpdates() {
    qt().withFixedSeed(7L)
        .withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = new ArrayList<>(random.inventory(random.nextInt(300)));
              Placement placement = random.placement(clusters.size() + 20, true);
              CompiledPlacement compiled = CompiledPlacement.compile(placement);
              Inventory inventory = Inventory.of(clusters);
              Inventory original = inventory;
              List<Cluster> originalClusters = List.copyOf(clusters);
              for (int step = 0; step < 40; step++) {
                int choice = random.nextInt(10);
                if (choice < 6 && !clusters.isEmpty()) {
                  int i = random.nextInt(clusters.size());
                  Cluster changed =
                      random.nextInt(3) == 0
                          ? random.cluster(clusters.get(i).name())
                          : clusters.get(i).withLabels(random.relabel(clusters.get(i).labels()));
                  clusters.set(i, changed);
                  inventory = inventory.with(changed);
                } else if (choice < 8) {
                  Cluster added = random.cluster("c-" + (1000 + step));
                  if (clusters.stream().noneMatch(c -> c.name().equals(added.name()))) {
                    clusters.add(added);
                  }
                  inventory = inventory.with(added);
                } else if (!clusters.isEmpty()) {
                  Cluster removed = clusters.remove(random.nextInt(clusters.size()));
                  inventory = inventory.without(removed.name());
                }
                assertEquals(clusters.size(), inventory.size());
                assertAgree(compiled, inventory, clusters, "seed " + seed + " step " + step);
              }
              // The first snapshot is untouched by every update made after it.
              assertAgree(compiled, original, originalClusters, "seed " + seed + " original");
            });
  }

  @Test
  void nothingOutsideTheScopeIsEverSelected() {
    qt().withFixedSeed(99L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = random.inventory(random.nextInt(300));
              Placement placement = random.placement(clusters.size(), false);
              var scopeTerm = random.term(false);
              Scope scope = Scope.selecting(scopeTerm);
              Inventory inventory = Inventory.of(clusters);
              TreeSet<String> selected =
                  new TreeSet<>(
                      CompiledPlacement.compile(placement)
                          .select(inventory, scope)
                          .clusters()
                          .names());
              TreeSet<String> expected =
                  ReferenceWithCel.select(
                      placement, clusters, c -> ReferenceWithCel.matches(scopeTerm, c));
              assertEquals(expected, selected, "seed " + seed);
              for (String name : selected) {
                assertTrue(
                    ReferenceWithCel.matches(scopeTerm, inventory.cluster(name).orElseThrow()));
              }
            });
  }

  /** The placement is compiled once by the caller: compiling is not what is under test here. */
  static void assertAgree(
      CompiledPlacement compiled, Inventory inventory, List<Cluster> clusters, String context) {
    Placement placement = compiled.placement();
    TreeSet<String> expected = ReferenceWithCel.select(placement, clusters, c -> true);
    Selection selection = compiled.select(inventory);
    assertEquals(expected, new TreeSet<>(selection.clusters().names()), context + " indexed");
    assertEquals(expected.size(), selection.clusters().size(), context + " size");
    TreeSet<String> scanned = new TreeSet<>();
    CompiledPlacement.Errors errors = new CompiledPlacement.Errors();
    for (Cluster cluster : clusters) {
      if (compiled.matches(ClusterFacts.of(cluster), Scope.everything(), errors)) {
        scanned.add(cluster.name());
      }
    }
    assertEquals(expected, scanned, context + " scan");
    assertEquals(errors.count, selection.errorCount(), context + " error count");
    for (Cluster cluster : clusters) {
      Map<String, String> rebuilt = inventory.cluster(cluster.name()).orElseThrow().labels();
      assertEquals(cluster.labels(), rebuilt, context + " labels of " + cluster.name());
    }
  }
}
