package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Indexed evaluation == per-cluster evaluation == the reference, on random fleets. */
class CompiledPlacementProperties {
  /** One environment for every example (building one is not what is under test). */
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();

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
                  CompiledPlacement.compile(placement, CEL),
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
              CompiledPlacement compiled = CompiledPlacement.compile(placement, CEL);
              Inventory inventory = Inventory.of(clusters);
              Inventory original = inventory;
              List<Cluster> originalClusters = List.copyOf(clusters);
              Map<Cluster, Verdict> known = new IdentityHashMap<>();
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
                String context = "seed " + seed + " step " + step;
                assertAgree(compiled, inventory, clusters, context, known, step == 39);
              }
              // The first snapshot is untouched by every update made after it.
              assertAgree(
                  compiled, original, originalClusters, "seed " + seed + " original", known, true);
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
                      CompiledPlacement.compile(placement, CEL)
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

  /** What the reference and the per-cluster path say of one cluster record. */
  record Verdict(boolean reference, boolean scanned, int errors) {}

  static void assertAgree(
      CompiledPlacement compiled, Inventory inventory, List<Cluster> clusters, String context) {
    assertAgree(compiled, inventory, clusters, context, new IdentityHashMap<>(), true);
  }

  /**
   * The index, the per-cluster path and the reference agree on {@code inventory}. The placement is
   * compiled once by the caller, and {@code known} remembers the verdicts of cluster records seen
   * in earlier steps (both are functions of the record alone, so a record is judged once per
   * example, not once per step). The index's columns are compared with every record when {@code
   * checkAll}, else with the records new in this step.
   */
  static void assertAgree(
      CompiledPlacement compiled,
      Inventory inventory,
      List<Cluster> clusters,
      String context,
      Map<Cluster, Verdict> known,
      boolean checkAll) {
    TreeSet<String> expected = new TreeSet<>();
    TreeSet<String> scanned = new TreeSet<>();
    int errors = 0;
    for (Cluster cluster : clusters) {
      boolean isNew = !known.containsKey(cluster);
      Verdict verdict = known.computeIfAbsent(cluster, c -> verdict(compiled, c));
      if (verdict.reference()) {
        expected.add(cluster.name());
      }
      if (verdict.scanned()) {
        scanned.add(cluster.name());
      }
      errors += verdict.errors();
      if (checkAll || isNew) {
        // Read straight from the columns (what cluster(name) rebuilds from), without validating a
        // Cluster record per cluster and step.
        int ordinal = inventory.ordinal(cluster.name());
        assertEquals(
            cluster.labels(), inventory.labelsAt(ordinal), () -> context + " labels of " + cluster);
        assertEquals(
            cluster.properties(),
            inventory.propertiesAt(ordinal),
            () -> context + " properties of " + cluster);
      }
    }
    Selection selection = compiled.select(inventory);
    assertEquals(expected, new TreeSet<>(selection.clusters().names()), context + " indexed");
    assertEquals(expected.size(), selection.clusters().size(), context + " size");
    assertEquals(expected, scanned, context + " scan");
    assertEquals(errors, selection.errorCount(), context + " error count");
  }

  private static Verdict verdict(CompiledPlacement compiled, Cluster cluster) {
    CompiledPlacement.Errors errors = new CompiledPlacement.Errors();
    boolean scanned = compiled.matches(ClusterFacts.of(cluster), Scope.everything(), errors);
    return new Verdict(
        ReferenceWithCel.selects(compiled.placement(), cluster), scanned, errors.count);
  }
}
