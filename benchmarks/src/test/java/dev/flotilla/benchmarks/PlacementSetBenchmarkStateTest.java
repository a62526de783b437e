package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.placement.Placement;
import dev.flotilla.benchmarks.state.PlacementSetState;
import dev.flotilla.placement.DecisionDelta;
import dev.flotilla.placement.Decisions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The placement-set benchmarks compute what they claim: most placements select something, and the
 * routed update's deltas are exactly the differences between full evaluations before and after.
 */
class PlacementSetBenchmarkStateTest {
  private final PlacementSetState state = PlacementSetState.of(5_000, 1_000);
  private final PlacementSetBenchmark benchmark = new PlacementSetBenchmark();

  @Test
  void placementsAreRealisticAndMostlySelectSomething() {
    Decisions all = benchmark.evaluate(state);
    long selecting =
        state.written.stream()
            .filter(p -> all.selected(p.namespace(), p.name()).size() > 0)
            .count();
    assertEquals(1_000, state.set.size());
    assertTrue(selecting > 900, selecting + " of 1000 placements select something");
  }

  @Test
  void routedDeltasEqualTheDifferenceOfFullEvaluations() {
    int changes = 0;
    for (int i = 0; i < 24; i++) {
      Decisions.Update update = benchmark.update(state);
      Decisions fresh = state.set.evaluate(state.next[i]);
      String name = state.changed[i].name();
      Set<String> expectedChanged = new HashSet<>();
      for (Placement p : state.written) {
        boolean was = state.decisions.selected(p.namespace(), p.name()).contains(name);
        boolean is = fresh.selected(p.namespace(), p.name()).contains(name);
        if (was != is) {
          expectedChanged.add(p.namespace() + "/" + p.name());
        }
        assertEquals(
            fresh.selected(p.namespace(), p.name()).names(),
            update.decisions().selected(p.namespace(), p.name()).names());
      }
      Set<String> reported = new HashSet<>();
      for (DecisionDelta delta : update.deltas()) {
        reported.add(delta.placement());
        assertEquals(List.of(name), delta.added().isEmpty() ? delta.removed() : delta.added());
      }
      assertEquals(expectedChanged, reported, "change " + i);
      changes += reported.size();
    }
    assertTrue(changes > 0, "some relabels change some decisions");
  }
}
