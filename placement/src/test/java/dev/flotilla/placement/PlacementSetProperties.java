package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Incremental deltas equal the difference of full evaluations, after any sequence of events. */
class PlacementSetProperties {

  @Test
  void deltasEqualTheDifferenceOfFullEvaluations() {
    qt().withFixedSeed(424242L)
        .withExamples(60)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = new ArrayList<>(random.inventory(random.nextInt(200)));
              List<Placement> placements = new ArrayList<>();
              for (int i = 0; i < 25; i++) {
                Placement p = random.placement(clusters.size(), true);
                String namespace = i % 3 == 0 ? "tenant-a" : "tenant-b";
                placements.add(new Placement("p-" + i, namespace, p.spec()));
              }
              Scope tenantA = Scope.selecting(random.term(false));
              PlacementSet set =
                  PlacementSet.compile(
                      placements, ns -> ns.equals("tenant-a") ? tenantA : Scope.everything());
              Inventory inventory = Inventory.of(clusters);
              Decisions decisions = set.evaluate(inventory);
              for (int step = 0; step < 30; step++) {
                String name;
                Inventory next;
                int choice = random.nextInt(10);
                if (choice < 6 && !clusters.isEmpty()) {
                  int i = random.nextInt(clusters.size());
                  Cluster changed =
                      random.nextInt(2) == 0
                          ? clusters.get(i).withLabels(random.relabel(clusters.get(i).labels()))
                          : random.cluster(clusters.get(i).name());
                  clusters.set(i, changed);
                  name = changed.name();
                  next = inventory.with(changed);
                } else if (choice < 8 || clusters.isEmpty()) {
                  Cluster added = random.cluster("new-" + step);
                  clusters.add(added);
                  name = added.name();
                  next = inventory.with(added);
                } else {
                  name = clusters.remove(random.nextInt(clusters.size())).name();
                  next = inventory.without(name);
                }
                Decisions.Update update = decisions.update(next, name);
                Decisions full = set.evaluate(next);
                Map<String, Set<String>> expectedAdded = new TreeMap<>();
                Map<String, Set<String>> expectedRemoved = new TreeMap<>();
                for (Placement p : placements) {
                  Set<String> old =
                      new HashSet<>(decisions.selected(p.namespace(), p.name()).names());
                  Set<String> now = new HashSet<>(full.selected(p.namespace(), p.name()).names());
                  assertEquals(
                      now,
                      new HashSet<>(update.decisions().selected(p.namespace(), p.name()).names()),
                      "seed " + seed + " step " + step + " " + p.name());
                  Set<String> added = new HashSet<>(now);
                  added.removeAll(old);
                  Set<String> removed = new HashSet<>(old);
                  removed.removeAll(now);
                  if (!added.isEmpty()) {
                    expectedAdded.put(p.namespace() + "/" + p.name(), added);
                  }
                  if (!removed.isEmpty()) {
                    expectedRemoved.put(p.namespace() + "/" + p.name(), removed);
                  }
                }
                Map<String, Set<String>> actualAdded = new TreeMap<>();
                Map<String, Set<String>> actualRemoved = new TreeMap<>();
                for (DecisionDelta delta : update.deltas()) {
                  if (!delta.added().isEmpty()) {
                    actualAdded.put(delta.placement(), new HashSet<>(delta.added()));
                  }
                  if (!delta.removed().isEmpty()) {
                    actualRemoved.put(delta.placement(), new HashSet<>(delta.removed()));
                  }
                }
                assertSameErrors(
                    placements,
                    set,
                    next,
                    update.decisions(),
                    full,
                    "seed " + seed + " step " + step);
                assertEquals(expectedAdded, actualAdded, "seed " + seed + " step " + step);
                assertEquals(expectedRemoved, actualRemoved, "seed " + seed + " step " + step);
                inventory = next;
                decisions = update.decisions();
              }
            });
  }

  /**
   * The incremental decisions count exactly the CEL errors a full evaluation counts, per placement
   * and in total, and every error they keep as an example is one a per-cluster scan meets.
   */
  private static void assertSameErrors(
      List<Placement> placements,
      PlacementSet set,
      Inventory inventory,
      Decisions incremental,
      Decisions full,
      String context) {
    int total = 0;
    for (int i = 0; i < placements.size(); i++) {
      Placement p = placements.get(i);
      Selection updated = incremental.selection(p.namespace(), p.name());
      Selection fresh = full.selection(p.namespace(), p.name());
      assertEquals(fresh.errorCount(), updated.errorCount(), context + " errors of " + p.name());
      List<EvaluationError> examples = updated.errors();
      // The first example (the oldest kept) and the last (the newest), evaluated alone, meet that
      // very error: two per placement and step keep the check cheap and still see both ends.
      for (EvaluationError error :
          examples.isEmpty()
              ? List.<EvaluationError>of()
              : List.of(examples.get(0), examples.get(examples.size() - 1))) {
        Set<String> met = new HashSet<>();
        int ordinal = inventory.ordinal(error.cluster());
        assertTrue(ordinal >= 0, context + " " + p.name() + " keeps an error of a removed cluster");
        set.placementAt(i)
            .matches(
                ClusterFacts.of(inventory, ordinal),
                set.scopeAt(i),
                (cluster, expression, message) ->
                    met.add(cluster + " " + expression.fieldPath() + " " + message));
        assertTrue(
            met.contains(error.cluster() + " " + error.path() + " " + error.message()),
            context + " " + p.name() + " keeps an error that no longer happens: " + error);
      }
      assertTrue(updated.errors().size() <= Math.min(Selection.MAX_EXAMPLES, updated.errorCount()));
      total += updated.errorCount();
    }
    assertEquals(full.errorCount(), incremental.errorCount(), context + " total errors");
    assertEquals(total, incremental.errorCount(), context + " total is the sum");
  }
}
