package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PolicyBudgetTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();
  private static final Map<String, Object> VARS = ClusterVariables.of(Cluster.of("c1", Map.of()));

  @Test
  void theRunStopsOnceTheTotalCostIsSpent() {
    CompiledExpression each =
        CLUSTERS.compileBoolean("lists.range(100).all(i, i >= 0)", "spec.celSelector[0]");
    PolicyBudget.Run run = new PolicyBudget(5_000, Duration.ofMinutes(1)).start("placement/p");
    int evaluated = 0;
    ExpressionEvaluationException stop = null;
    for (int i = 0; i < 1_000 && stop == null; i++) {
      try {
        assertTrue(each.test(VARS, run));
        evaluated++;
      } catch (ExpressionEvaluationException e) {
        stop = e;
      }
    }
    assertTrue(stop != null, "the budget never ran out");
    assertEquals(Kind.POLICY_BUDGET, stop.kind());
    assertTrue(stop.getMessage().contains("placement/p"), stop.getMessage());
    assertTrue(stop.getMessage().startsWith("spec.celSelector[0]: "), stop.getMessage());
    assertTrue(evaluated > 0 && evaluated < 1_000, "evaluated " + evaluated);
    // Once exhausted, every later evaluation of the run fails the same way, before any work.
    ExpressionEvaluationException again =
        assertThrows(ExpressionEvaluationException.class, () -> each.test(VARS, run));
    assertEquals(Kind.POLICY_BUDGET, again.kind());
  }

  @Test
  void anExpressionKeepsItsOwnLimitWithinALargePolicyBudget() {
    CompiledExpression heavy =
        CLUSTERS.compileBoolean("lists.range(200000).all(i, i >= 0)", "spec.filter");
    PolicyBudget.Run run = PolicyBudget.defaults().start("summary/s");
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> heavy.test(VARS, run));
    // Which of the expression's own limits trips first depends on the machine's speed (a loaded
    // machine reaches the deadline first); what matters is that it is not the policy's budget.
    assertTrue(
        e.kind() == Kind.COST_LIMIT
            || e.kind() == Kind.ITERATION_LIMIT
            || e.kind() == Kind.TIME_LIMIT,
        e.getMessage());
  }

  @Test
  void theRunStopsAtItsDeadline() throws Exception {
    CompiledExpression each = CLUSTERS.compileBoolean("lists.range(50).all(i, i >= 0)", "x");
    PolicyBudget.Run run = new PolicyBudget(Long.MAX_VALUE, Duration.ofMillis(50)).start("p");
    Thread.sleep(60);
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> each.test(VARS, run));
    assertEquals(Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("50 ms"), e.getMessage());
  }

  @Test
  void admitRejectsExpressionsHopelessAtFleetScale() {
    // Five nested comprehensions over ten elements: 10^5 steps per cluster.
    String nested = "x";
    for (int i = 0; i < 5; i++) {
      nested = "[0,1,2,3,4,5,6,7,8,9].all(v" + i + ", " + (i == 0 ? "v0 >= 0" : nested) + ")";
    }
    CompiledExpression expression = CLUSTERS.compileBoolean(nested, "spec.celSelector[0]");
    assertTrue(expression.estimatedCost() >= 100_000, "estimate " + expression.estimatedCost());
    PolicyBudget.Run run = PolicyBudget.defaults().start("placement/nested");
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> run.admit(expression, 100_000));
    assertEquals(Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("100000 clusters"), e.getMessage());
    run.admit(expression, 10); // a small fleet is fine
    run.admit(CLUSTERS.compileBoolean("cluster.name == 'a'", "x"), 1_000_000);
  }

  @Test
  void estimatesFollowTheShape() {
    assertEquals(2, CLUSTERS.compile("cluster.name", "x").estimatedCost()); // select + ident
    long loop = CLUSTERS.compile("lists.range(1000).all(i, i > 0)", "x").estimatedCost();
    assertTrue(loop >= 1000 && loop < 10_000, "estimate " + loop);
    long data = CLUSTERS.compile("cluster.labels.all(k, k != '')", "x").estimatedCost();
    assertTrue(data >= CostEstimator.ASSUMED_RANGE, "estimate " + data);
  }

  @Test
  void evaluationsOnManyThreadsDrawOnOneRun() throws Exception {
    CompiledExpression each = CLUSTERS.compileBoolean("lists.range(10).all(i, i >= 0)", "x");
    PolicyBudget.Run run = new PolicyBudget(1_000_000, Duration.ofMinutes(1)).start("p");
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] futures = new Future<?>[4];
      for (int t = 0; t < 4; t++) {
        futures[t] =
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    each.test(VARS, run);
                    ok.incrementAndGet();
                  }
                });
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(2_000, ok.get());
    assertTrue(run.spent() >= 2_000 * 10L, "spent " + run.spent());
  }

  @Test
  void budgetsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new PolicyBudget(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new PolicyBudget(1, Duration.ZERO));
  }

  @Test
  void aChargeRefusedOnOneClusterDoesNotDrainThePolicy() {
    // One cluster's annotation makes replace() ask for terabytes: that cluster fails, the run
    // spends at most the expression's budget, and the other clusters are still evaluated.
    CompiledExpression grow =
        CLUSTERS.compileBoolean(
            "cluster.annotations.a.replace('a', cluster.annotations.a).size() > 0", "x");
    PolicyBudget.Run run = new PolicyBudget(5_000_000, Duration.ofMinutes(1)).start("p");
    Map<String, Object> huge =
        ClusterVariables.of(
            new Cluster("big", Map.of(), Map.of("a", "a".repeat(100_000)), Map.of(), List.of()));
    Map<String, Object> small =
        ClusterVariables.of(new Cluster("small", Map.of(), Map.of("a", "ab"), Map.of(), List.of()));
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> grow.test(huge, run));
    assertEquals(Kind.COST_LIMIT, e.kind());
    for (int i = 0; i < 100; i++) {
      assertTrue(grow.test(small, run));
    }
    assertTrue(
        run.spent() <= ExpressionLimits.DEFAULT_MAX_EVALUATION_COST + 100_000,
        "spent " + run.spent());
  }
}
