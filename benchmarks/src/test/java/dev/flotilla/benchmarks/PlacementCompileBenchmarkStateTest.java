package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.benchmarks.state.CompileState;
import dev.flotilla.benchmarks.state.FleetState;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEnvironment.VariableType;
import dev.flotilla.expr.PolicyBudget;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The compile benchmark compiles what it claims, and what it compiles (interned, shared) selects
 * exactly what a fresh compile selects, so the benchmark can never measure wrong code.
 */
class PlacementCompileBenchmarkStateTest {
  private static final CompileState STATE = CompileState.of();

  /**
   * An environment of its own (the budget differs from the default's), so every expression is
   * compiled afresh here, whatever the shared environment keeps.
   */
  private static final ExpressionEnvironment FRESH =
      ExpressionEnvironment.builder()
          .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
          .policyBudget(
              new PolicyBudget(
                  PolicyBudget.defaults().maxCost() - 1, PolicyBudget.defaults().maxTime()))
          .build();

  @Test
  void policiesAndDistinctExpressionsArePinned() {
    assertEquals(CompileState.POLICIES, STATE.placements.size());
    assertEquals(CompileState.POLICIES, STATE.customizations.size());
    assertEquals(CompileState.POLICIES, STATE.summaries.size());
    long withCel =
        STATE.placements.stream()
            .filter(p -> !p.spec().clusterSelectors().get(0).celExpressions().isEmpty())
            .count();
    assertEquals(3334, withCel, "placements with CEL");
    // 12 common expressions plus one of its own for every other CEL policy.
    assertArrayEquals(new int[] {1679, 1679, 5003}, STATE.distinct, "distinct CEL sources");
  }

  @Test
  void internedPlacementsSelectWhatFreshOnesSelect() {
    List<Cluster> fleet =
        FleetGenerator.builder().seed(FleetState.SEED).clusters(3_000).build().generate();
    Inventory inventory = Inventory.of(fleet);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < STATE.placements.size(); i += 7) {
        Placement placement = STATE.placements.get(i);
        Selection shared = CompiledPlacement.compile(placement).select(inventory);
        Selection fresh = CompiledPlacement.compile(placement, FRESH).select(inventory);
        assertEquals(fresh.clusters(), shared.clusters(), placement.name());
        assertEquals(fresh.errorCount(), shared.errorCount(), placement.name());
        assertEquals(fresh.errors(), shared.errors(), placement.name());
      }
    }
  }

  @Test
  void everyBenchmarkMethodCompilesEveryPolicy() {
    PlacementCompileBenchmark benchmark = new PlacementCompileBenchmark();
    Blackhole out =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    benchmark.compile10k(STATE, out);
    benchmark.summarize10k(STATE, out);
    RuleSet rules = benchmark.customize10k(STATE);
    assertEquals(CompileState.POLICIES, rules.customizations().size());
  }
}
