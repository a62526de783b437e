package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Routing never misses a placement whose result on a changed cluster flips: the placements {@link
 * Routing#affected} names include every one whose reference answer differs, in increasing order.
 */
class RoutingProperties {

  @Test
  void everyPlacementThatFlipsIsRouted() {
    qt().withFixedSeed(67L)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = random.inventory(1 + random.nextInt(100));
              Inventory inventory = Inventory.of(clusters);
              int count = 1 + random.nextInt(30);
              CompiledPlacement[] placements = new CompiledPlacement[count];
              Scope[] scopes = new Scope[count];
              for (int i = 0; i < count; i++) {
                Placement p = random.placement(clusters.size(), true);
                placements[i] = CompiledPlacement.compile(new Placement("p-" + i, "ns", p.spec()));
                scopes[i] =
                    random.nextInt(4) == 0
                        ? Scope.selecting(random.term(false))
                        : Scope.everything();
              }
              Routing routing = Routing.of(placements, scopes, inventory);
              for (int step = 0; step < 25; step++) {
                Cluster before = clusters.get(random.nextInt(clusters.size()));
                Cluster after =
                    random.nextInt(2) == 0
                        ? before.withLabels(random.relabel(before.labels()))
                        : random.cluster(before.name());
                int[] affected =
                    routing.affected(
                        before.labels(),
                        after.labels(),
                        before.properties(),
                        after.properties(),
                        before.annotations(),
                        after.annotations());
                int[] sorted = affected.clone();
                Arrays.sort(sorted);
                assertTrue(Arrays.equals(sorted, affected), "increasing, seed " + seed);
                assertTrue(
                    Arrays.stream(affected).distinct().count() == affected.length,
                    "distinct, seed " + seed);
                TreeSet<Integer> routed = new TreeSet<>();
                Arrays.stream(affected).forEach(routed::add);
                List<Integer> missed = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                  boolean was = selects(placements[i], scopes[i], before);
                  boolean is = selects(placements[i], scopes[i], after);
                  if (was != is && !routed.contains(i)) {
                    missed.add(i);
                  }
                }
                assertTrue(
                    missed.isEmpty(),
                    "seed "
                        + seed
                        + " step "
                        + step
                        + ": "
                        + before
                        + " -> "
                        + after
                        + " missed "
                        + missed);
              }
            });
  }

  private static boolean selects(CompiledPlacement placement, Scope scope, Cluster cluster) {
    return scope.contains(cluster) && ReferenceWithCel.selects(placement.placement(), cluster);
  }
}
