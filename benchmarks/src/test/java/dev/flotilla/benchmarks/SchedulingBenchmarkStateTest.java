package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.benchmarks.state.SchedulingState;
import dev.flotilla.placement.PlacementDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both scheduling benchmark methods compute the same decision, so neither measures wrong code. */
class SchedulingBenchmarkStateTest {

  @Test
  void schedulerAndSortEverythingPickTheSameClustersInTheSameOrder() {
    SchedulingState state = SchedulingState.of(20_000, 500);
    PlacementDecision decision = state.scheduler.schedule(state.selection, state.context);
    assertEquals(20_000, decision.eligible(), "every cluster is eligible");
    List<String> baseline = SortEverything.pick(state.placement, state.fleet);
    assertEquals(baseline, decision.names());
    assertEquals(500, new SchedulingBenchmark().scheduler(state));
    assertEquals(500, new SchedulingBenchmark().sortEverything(state));
    // Spread by zone with maxSkew 1: zone counts differ by at most one.
    Map<String, Integer> perZone = new HashMap<>();
    for (String name : decision.names()) {
      String zone =
          state.inventory.cluster(name).orElseThrow().labels().get("topology.kubernetes.io/zone");
      perZone.merge(zone, 1, Integer::sum);
    }
    int max = perZone.values().stream().mapToInt(i -> i).max().orElseThrow();
    int min = perZone.values().stream().mapToInt(i -> i).min().orElseThrow();
    assertTrue(max - min <= 1, perZone.toString());
  }
}
