package dev.flotilla.kubernetes;

import static dev.flotilla.kubernetes.TestObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.placement.Inventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Readers during updates see whole batches; events from many threads are all applied. */
class LiveFleetConcurrencyTest {
  private static final int CLUSTERS = 200;

  @Test
  void readersSeeWholeBatches() throws Exception {
    LiveFleet<Map<String, ?>> fleet =
        LiveFleet.forObjects(TestObjects::toCluster).manualFlush().build();
    fleet.placements(
        List.of(
            new Placement(
                "odd", "ns", PlacementSpec.selecting(ClusterSelectorTerm.labels("parity=odd")))));
    publish(fleet, 0);
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong reads = new AtomicLong();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    CountDownLatch started = new CountDownLatch(2);
    List<Future<?>> running = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      running.add(
          readers.submit(
              () -> {
                started.countDown();
                while (!done.get()) {
                  FleetSnapshot snapshot = fleet.snapshot();
                  Inventory inventory = snapshot.inventory();
                  String generation = inventory.label("c0", "gen").orElseThrow();
                  for (int i = 0; i < CLUSTERS; i++) {
                    String seen = inventory.label("c" + i, "gen").orElse("absent");
                    if (!seen.equals(generation)) {
                      failures.add("c" + i + " at gen " + seen + ", c0 at " + generation);
                    }
                  }
                  int selected = snapshot.selected("ns", "odd").size();
                  boolean odd = Integer.parseInt(generation) % 2 == 1;
                  if (selected != (odd ? CLUSTERS : 0)) {
                    failures.add(selected + " selected at gen " + generation);
                  }
                  reads.incrementAndGet();
                  Thread.yield(); // two cores here: leave the writer room
                }
              }));
    }
    assertTrue(started.await(30, TimeUnit.SECONDS));
    for (int gen = 1; gen <= 30; gen++) {
      publish(fleet, gen);
    }
    done.set(true);
    for (Future<?> reader : running) {
      reader.get(30, TimeUnit.SECONDS);
    }
    readers.shutdown();
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(reads.get() > 0);
    assertEquals(31, fleet.snapshot().generation());
  }

  /**
   * Updates every cluster to generation {@code gen} (odd generations are labelled odd), as one
   * batch.
   */
  private static void publish(LiveFleet<Map<String, ?>> fleet, int gen) {
    for (int i = 0; i < CLUSTERS; i++) {
      fleet.updated(
          object(
              "c" + i,
              Map.of("gen", String.valueOf(gen), "parity", gen % 2 == 0 ? "even" : "odd")));
    }
    fleet.flush();
  }

  @Test
  void eventsFromManyThreadsAreAllApplied() throws Exception {
    List<FleetChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    LiveFleet<Map<String, ?>> fleet =
        LiveFleet.forObjects(TestObjects::toCluster)
            .listener(changes::add)
            .batching(Duration.ofMillis(1), 64)
            .build();
    try {
      ExecutorService informers = Executors.newFixedThreadPool(4);
      List<Future<?>> sent = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        sent.add(
            informers.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    fleet.added(object("t" + thread + "-" + i, Map.of("v", "1")));
                    if (i % 5 == 0) {
                      fleet.deleted("t" + thread + "-" + i);
                    }
                  }
                }));
      }
      for (Future<?> f : sent) {
        f.get(30, TimeUnit.SECONDS);
      }
      informers.shutdown();
      fleet.flush();
      assertEquals(4 * 200, fleet.inventory().size());
      long[] generations = changes.stream().mapToLong(c -> c.after().generation()).toArray();
      for (int i = 0; i < generations.length; i++) {
        assertEquals(i + 1, generations[i], "listeners see batches in order, one at a time");
      }
    } finally {
      fleet.close();
    }
  }
}
