package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import dev.flotilla.expr.PolicyBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A placement's CEL over the whole fleet is bounded by its {@link PolicyBudget} (issue 11). */
class PolicyBudgetPlacementTest {
  private static final Inventory FLEET = fleet(2_000);
  private static final ExpressionEnvironment SMALL_BUDGET =
      ExpressionEnvironment.builder()
          .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
          .policyBudget(new PolicyBudget(50_000, Duration.ofMinutes(1)))
          .build();

  private static Inventory fleet(int n) {
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(Cluster.of(String.format("c-%05d", i), Map.of("env", i % 2 == 0 ? "a" : "b")));
    }
    return Inventory.of(clusters);
  }

  private static Placement cel(String name, String expression) {
    return Placement.of(
        name,
        PlacementSpec.selecting(
            new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of(expression))));
  }

  @Test
  void aSelectionThatExhaustsItsBudgetStopsWithAnErrorNamingThePlacement() {
    CompiledPlacement heavy =
        CompiledPlacement.compile(
            cel("heavy", "cluster.labels.all(k, cluster.name.size() > 0)"), SMALL_BUDGET);
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> heavy.select(FLEET));
    assertEquals(Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("placement default/heavy"), e.getMessage());
    assertTrue(e.getMessage().contains("spec.clusterSelectors[0]"), e.getMessage());
  }

  @Test
  void anExpressionHopelessAtFleetScaleIsRejectedBeforeAnyWork() {
    CompiledPlacement nested =
        CompiledPlacement.compile(
            cel("nested", "lists.range(100).all(i, lists.range(100).all(j, i + j >= 0))"),
            SMALL_BUDGET);
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> nested.select(FLEET));
    assertEquals(Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("estimated cost"), e.getMessage());
  }

  @Test
  void inAPlacementSetOnlyThePlacementOverBudgetIsAffected() {
    PlacementSet set =
        PlacementSet.compile(
            List.of(
                cel("heavy", "cluster.labels.all(k, cluster.name.size() > 0)"),
                cel("light", "cluster.labels.env == 'a'")),
            PlacementSet.Bindings.unbounded(),
            SMALL_BUDGET);
    Decisions decisions = set.evaluate(FLEET);
    Selection heavy = decisions.selection("default", "heavy");
    assertEquals(0, heavy.clusters().size());
    assertEquals(1, heavy.errorCount());
    assertTrue(heavy.errors().get(0).message().contains("budget"), heavy.errors().toString());
    assertEquals(1_000, decisions.selection("default", "light").clusters().size());
  }

  @Test
  void theDefaultBudgetLeavesOrdinarySelectionsAlone() {
    CompiledPlacement light =
        CompiledPlacement.compile(cel("light", "cluster.name.startsWith('c-0')"));
    assertEquals(2_000, light.select(FLEET).clusters().size());
  }
}
