package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers on other threads always see a consistent snapshot while a writer publishes updates: every
 * selection a reader makes equals the answer computed for that snapshot in advance.
 */
class InventoryConcurrencyTest {
  private record Published(Inventory inventory, int expected) {}

  @Test
  void readersSeeConsistentSnapshotsDuringUpdates() throws Exception {
    RandomFleets random = new RandomFleets(5);
    List<Cluster> clusters = new ArrayList<>(random.inventory(2_000));
    CompiledPlacement placement =
        CompiledPlacement.compile(
            Placement.of(
                "p", PlacementSpec.selecting(ClusterSelectorTerm.labels("a in (x,y),!b"))));
    // The writer's snapshots and the count each must give, prepared up front.
    List<Published> snapshots = new ArrayList<>();
    Inventory inventory = Inventory.of(clusters);
    for (int i = 0; i < 300; i++) {
      int at = random.nextInt(clusters.size());
      Cluster changed = clusters.get(at).withLabels(random.relabel(clusters.get(at).labels()));
      clusters.set(at, changed);
      inventory = inventory.with(changed);
      int expected = (int) clusters.stream().filter(placement::matches).count();
      snapshots.add(new Published(inventory, expected));
    }
    AtomicReference<Published> current = new AtomicReference<>(snapshots.get(0));
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(3);
    List<Future<Integer>> checks = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      checks.add(
          readers.submit(
              () -> {
                int reads = 0;
                while (!done.get() || reads == 0) {
                  Published seen = current.get();
                  assertEquals(
                      seen.expected(), placement.select(seen.inventory()).clusters().size());
                  reads++;
                }
                return reads;
              }));
    }
    for (Published snapshot : snapshots) {
      current.set(snapshot);
      Thread.onSpinWait();
    }
    done.set(true);
    readers.shutdown();
    assertTrue(readers.awaitTermination(60, TimeUnit.SECONDS));
    for (Future<Integer> check : checks) {
      assertTrue(check.get() > 0);
    }
  }
}
