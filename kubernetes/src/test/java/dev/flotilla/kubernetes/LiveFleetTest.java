package dev.flotilla.kubernetes;

import static dev.flotilla.kubernetes.TestObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.placement.DecisionDelta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LiveFleetTest {
  private final List<FleetChange> changes = new ArrayList<>();
  private final List<ObjectProblem> problems = new ArrayList<>();

  private LiveFleet<Map<String, ?>> manualFleet() {
    return LiveFleet.forObjects(TestObjects::toCluster)
        .listener(changes::add)
        .problems(problems::add)
        .manualFlush()
        .build();
  }

  private static Placement placement(String name, String selector) {
    return new Placement(
        name, "team", PlacementSpec.selecting(ClusterSelectorTerm.labels(selector)));
  }

  private static List<String> names(LiveFleet<?> fleet) {
    return fleet.inventory().all().names();
  }

  @Test
  void eventsWaitForTheBatchThenApplyTogether() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of("env", "prod")));
    fleet.added(object("b", Map.of("env", "dev")));
    assertEquals(List.of(), names(fleet), "nothing is published before the batch is applied");
    fleet.flush();
    assertEquals(List.of("a", "b"), names(fleet));
    assertEquals(1, fleet.snapshot().generation());
    assertEquals(1, changes.size());
    assertEquals(List.of("a", "b"), changes.get(0).added());

    fleet.updated(object("a", Map.of("env", "dev")));
    fleet.deleted(object("b", Map.of()));
    fleet.flush();
    FleetChange change = changes.get(1);
    assertEquals(List.of("a"), change.updated());
    assertEquals(List.of("b"), change.removed());
    assertEquals(List.of("a"), names(fleet));
    assertEquals("dev", fleet.inventory().label("a", "env").orElseThrow());
  }

  @Test
  void aBurstOfUpdatesToOneObjectIsOneChange() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    for (int i = 0; i < 10; i++) {
      fleet.updated(object("a", Map.of("version", "v" + i)));
    }
    fleet.flush();
    assertEquals(1, changes.size());
    assertEquals("v9", fleet.inventory().label("a", "version").orElseThrow());
    fleet.added(object("b", Map.of()));
    fleet.deleted("b");
    fleet.flush();
    assertEquals(1, changes.size(), "an add then delete in one batch changes nothing");
  }

  @Test
  void anEventThatChangesNothingIsNotAChange() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of("env", "prod")));
    fleet.flush();
    fleet.updated(object("a", Map.of("env", "prod"))); // an informer resync, a status heartbeat
    fleet.deleted("unknown");
    fleet.flush();
    assertEquals(1, changes.size());
    assertEquals(1, fleet.snapshot().generation());
  }

  @Test
  void listenersGetTheDeltasOfRegisteredPlacements() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of("env", "prod")));
    fleet.added(object("b", Map.of("env", "dev")));
    fleet.placements(List.of(placement("prod", "env=prod"), placement("dev", "env=dev")));
    fleet.flush();
    assertEquals(
        List.of(
            new DecisionDelta("team/dev", List.of("b"), List.of()),
            new DecisionDelta("team/prod", List.of("a"), List.of())),
        changes.get(0).deltas());

    fleet.updated(object("a", Map.of("env", "dev")));
    fleet.added(object("c", Map.of("env", "prod")));
    fleet.flush();
    assertEquals(
        List.of(
            new DecisionDelta("team/dev", List.of("a"), List.of()),
            new DecisionDelta("team/prod", List.of("c"), List.of("a"))),
        changes.get(1).deltas());
    assertEquals(List.of("a", "b"), fleet.snapshot().selected("team", "dev").names());

    fleet.placements(List.of(placement("dev", "env=dev")));
    fleet.flush();
    assertEquals(
        List.of(new DecisionDelta("team/prod", List.of(), List.of("c"))),
        changes.get(2).deltas(),
        "an unregistered placement selects nothing after");
    assertTrue(changes.get(2).clustersUnchanged());
  }

  @Test
  void aTaintChangeIsAnUpdateWithoutADelta() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of("env", "prod")));
    fleet.placements(List.of(placement("prod", "env=prod")));
    fleet.flush();
    fleet.updated(object("a", Map.of("env", "prod"), "maintenance"));
    fleet.flush();
    assertEquals(List.of("a"), changes.get(1).updated());
    assertEquals(List.of(), changes.get(1).deltas());
  }

  @Test
  void aBadObjectIsReportedWithItsNameAndFieldPathAndTheRestIsApplied() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of("env", "prod")));
    fleet.flush();
    fleet.updated(object("a", Map.of("env", "not valid!")));
    fleet.added(object("b", Map.of("env", "dev")));
    fleet.added(object("c", Map.of("bad key!", "x")));
    fleet.flush();
    assertEquals(List.of("a", "b"), names(fleet), "b applied, c not taken");
    assertEquals("prod", fleet.inventory().label("a", "env").orElseThrow(), "a kept as it was");
    assertEquals(List.of("a", "c"), problems.stream().map(ObjectProblem::object).sorted().toList());
    assertEquals("metadata.labels[env]", problems.get(0).problems().get(0).path());
    assertEquals(Map.of("a", problems.get(0), "c", problems.get(1)), fleet.snapshot().problems());

    fleet.updated(object("a", Map.of("env", "dev")));
    fleet.deleted("c");
    fleet.flush();
    assertEquals(Map.of(), fleet.snapshot().problems());
    assertEquals("dev", fleet.inventory().label("a", "env").orElseThrow());
  }

  @Test
  void aMappingThatThrowsAnythingIsTheObjectsProblem() {
    LiveFleet<Map<String, ?>> fleet =
        LiveFleet.forObjects(
                o -> {
                  throw new IllegalStateException("boom");
                })
            .problems(problems::add)
            .manualFlush()
            .build();
    fleet.added(object("a", Map.of()));
    fleet.added(Map.of("kind", "NoMetadata"));
    fleet.flush();
    assertEquals(0, fleet.inventory().size());
    assertEquals(2, problems.size());
    assertEquals("", problems.get(0).object());
    assertEquals("metadata", problems.get(0).problems().get(0).path());
    assertEquals("a", problems.get(1).object());
    assertTrue(problems.get(1).toString().contains("boom"), problems.get(1).toString());
  }

  @Test
  void aResyncDeletesWhatItDoesNotList() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    fleet.added(object("a", Map.of()));
    fleet.added(object("b", Map.of()));
    fleet.added(object("bad", Map.of("x", "not valid!")));
    fleet.flush();
    fleet.added(object("queued-before", Map.of()));
    fleet.resync(List.of(object("b", Map.of("v", "2")), object("c", Map.of())));
    fleet.added(object("d", Map.of()));
    fleet.deleted("c");
    fleet.flush();
    assertEquals(List.of("b", "d"), names(fleet));
    assertEquals(Map.of(), fleet.snapshot().problems());
    FleetChange change = changes.get(1);
    assertEquals(List.of("d"), change.added());
    assertEquals(List.of("b"), change.updated());
    assertEquals(List.of("a"), change.removed());
  }

  @Test
  void anInvalidPlacementIsThrownToTheCallerAndNothingIsRegistered() {
    LiveFleet<Map<String, ?>> fleet = manualFleet();
    Placement bad =
        new Placement(
            "bad",
            "team",
            PlacementSpec.selecting(
                new ClusterSelectorTerm(
                    dev.flotilla.api.labels.LabelSelector.everything(),
                    List.of(),
                    List.of("cluster.labels['x'] ==")))); // does not compile
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> fleet.placements(List.of(bad, placement("ok", "a"))));
    assertTrue(e.getMessage().contains("team/bad"), e.getMessage());
    fleet.flush();
    assertEquals(List.of(), fleet.snapshot().placements());
  }

  @Test
  void aFailingListenerDoesNotStopTheFleet() {
    List<FleetChange> seen = new ArrayList<>();
    LiveFleet<Map<String, ?>> fleet =
        LiveFleet.forObjects(TestObjects::toCluster)
            .listener(
                c -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(seen::add)
            .manualFlush()
            .build();
    fleet.added(object("a", Map.of()));
    fleet.flush();
    fleet.added(object("b", Map.of()));
    fleet.flush();
    assertEquals(2, seen.size());
    assertEquals(List.of("a", "b"), names(fleet));
  }

  @Test
  void manyChangesRebuildAndGiveTheSameDeltas() {
    Map<Integer, List<FleetChange>> byLimit = new HashMap<>();
    for (int limit : new int[] {0, 1_000}) {
      List<FleetChange> seen = new ArrayList<>();
      LiveFleet<Map<String, ?>> fleet =
          LiveFleet.forObjects(TestObjects::toCluster)
              .listener(seen::add)
              .manualFlush()
              .stepwiseLimit(limit)
              .build();
      fleet.placements(List.of(placement("even", "parity=even"), placement("all", "")));
      for (int i = 0; i < 50; i++) {
        fleet.added(object("c" + i, Map.of("parity", i % 2 == 0 ? "even" : "odd")));
      }
      fleet.flush();
      for (int i = 0; i < 50; i += 3) {
        fleet.updated(object("c" + i, Map.of("parity", i % 2 == 0 ? "odd" : "even")));
        fleet.deleted("c" + (i + 1));
      }
      fleet.flush();
      byLimit.put(limit, seen);
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(byLimit.get(0).get(i).deltas(), byLimit.get(1_000).get(i).deltas());
      assertEquals(
          byLimit.get(0).get(i).after().inventory().clusters(),
          byLimit.get(1_000).get(i).after().inventory().clusters());
    }
  }

  @Test
  void batchesApplyOnTheExecutorAfterTheDelayOrAtOnceWhenFull() throws Exception {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      List<FleetChange> seen = new CopyOnWriteArrayList<>();
      LiveFleet<Map<String, ?>> fleet =
          LiveFleet.forObjects(TestObjects::toCluster)
              .listener(seen::add)
              .batching(executor, Duration.ofHours(1), 3)
              .build();
      fleet.added(object("a", Map.of()));
      fleet.added(object("b", Map.of()));
      fleet.added(object("c", Map.of())); // the third fills the batch: applied at once
      await(() -> fleet.inventory().size() == 3);
      assertEquals(1, seen.size());
      assertEquals(List.of("a", "b", "c"), seen.get(0).added());

      LiveFleet<Map<String, ?>> quick =
          LiveFleet.forObjects(TestObjects::toCluster)
              .batching(executor, Duration.ofMillis(1), 1_000)
              .build();
      quick.added(object("a", Map.of()));
      await(() -> quick.inventory().size() == 1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theDefaultThreadAppliesAndStopsOnClose() throws Exception {
    LiveFleet<Map<String, ?>> fleet = LiveFleet.forObjects(TestObjects::toCluster).build();
    fleet.added(object("a", Map.of()));
    await(() -> fleet.inventory().size() == 1);
    fleet.close();
    fleet.added(object("b", Map.of()));
    fleet.flush();
    assertFalse(fleet.inventory().contains("b"), "events after close are dropped");
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(5);
    }
  }
}
