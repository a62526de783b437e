package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.benchmarks.state.InventoryState;
import dev.flotilla.placement.Inventory;
import org.junit.jupiter.api.Test;

/** The inventory benchmarks build what they claim: update and rebuild give the same fleet. */
class InventoryBenchmarkStateTest {
  private final InventoryBenchmark benchmark = new InventoryBenchmark();
  private final InventoryState state = InventoryState.of(5_000, 16);

  @Test
  void buildHoldsTheWholeFleet() {
    assertEquals(5_000, benchmark.build(state).size());
  }

  @Test
  void updateAndRebuildApplyTheSameChange() {
    // Both methods take the next prepared change: calls 0, 2, 4 update and 1, 3, 5 rebuild.
    for (int i = 0; i < 6; i += 2) {
      Inventory updated = benchmark.update(state);
      Inventory rebuilt = benchmark.rebuild(state);

      assertEquals(5_000, updated.size());
      assertTrue(
          updated.clusters().equals(Inventory.of(state.fleetWith(i)).clusters()),
          "update " + i + " equals a rebuild with the same change");
      assertTrue(
          rebuilt.clusters().equals(state.inventory.with(state.changed[i + 1]).clusters()),
          "rebuild " + (i + 1) + " equals an update with the same change");
      assertFalse(
          updated.clusters().equals(state.inventory.clusters()), "change " + i + " is real");
    }
  }
}
