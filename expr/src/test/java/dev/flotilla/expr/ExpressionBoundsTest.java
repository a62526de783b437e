package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpressionBoundsTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();
  private static final Map<String, Object> VARS =
      ClusterVariables.of(Cluster.of("c1", Map.of("env", "prod")));
  private static final String HUNDRED =
      IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));

  // Cost-budget tests must not race the wall clock on a loaded CI machine: a generous time limit.
  private static final ExpressionEnvironment UNTIMED =
      ExpressionEnvironment.builder()
          .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
          .limits(ExpressionLimits.defaults().withMaxEvaluationTime(Duration.ofMinutes(1)))
          .build();

  private static ExpressionEvaluationException evalError(ExpressionEnvironment env, String expr) {
    CompiledExpression compiled = env.compile(expr, "spec.x");
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> assertThrows(ExpressionEvaluationException.class, () -> compiled.evaluate(VARS)));
  }

  @Test
  void expressionLengthIsLimited() {
    String longExpression = "cluster.name == '" + "a".repeat(10_000) + "'";
    ValidationException e =
        assertThrows(ValidationException.class, () -> CLUSTERS.compile(longExpression, "spec.x"));
    assertTrue(e.getMessage().contains("Too long: may not be more than 10000 characters"));
  }

  @Test
  void nestingDepthIsLimited() {
    String deep = "(".repeat(200) + "1" + ")".repeat(200) + " == 1";
    assertThrows(ValidationException.class, () -> CLUSTERS.compile(deep, "spec.x"));
  }

  @Test
  void astNodeCountIsLimited() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(new ExpressionLimits(10_000, 100, 50, 1000, 1000, 1000, Duration.ofSeconds(1)))
            .build();
    String many = "[" + HUNDRED + "].size() > 0";
    ValidationException e =
        assertThrows(ValidationException.class, () -> small.compile(many, "spec.x"));
    assertEquals("spec.x", e.problems().get(0).path());
  }

  @Test
  void nestedComprehensionsHitTheIterationLimitCountedOverTheWholeEvaluation() {
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(ExpressionLimits.defaults().withMaxComprehensionIterations(1_000))
            .build();
    String twenty = "[" + HUNDRED.substring(0, HUNDRED.indexOf(",21")) + "]";
    // 20 x 20 x 20 steps: no single comprehension reaches 1,000, all of them together do.
    String cube = twenty + ".all(x, " + twenty + ".all(y, " + twenty + ".all(z, x + y + z > 0)))";
    ExpressionEvaluationException e = evalError(env, cube);
    assertEquals(Kind.ITERATION_LIMIT, e.kind());
    assertTrue(env.compileBoolean(twenty + ".all(x, x > 0)", "spec.x").test(VARS));
  }

  @Test
  void mapOverALongListHitsTheCostBudget() {
    // cel-java's planner copies the accumulator of map() and filter() at every step: 4,000
    // elements cost ~8,000,000 units and take over a second; the budget stops it at 1,000,000.
    ExpressionEvaluationException e = evalError(UNTIMED, "lists.range(4000).map(x, x).size()");
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void nestedComprehensionsHitTheCostBudgetWhenIterationsAreUnbounded() {
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                ExpressionLimits.defaults()
                    .withMaxComprehensionIterations(Integer.MAX_VALUE)
                    .withMaxEvaluationTime(Duration.ofMinutes(1)))
            .build();
    String cube =
        "["
            + HUNDRED
            + "].all(x, ["
            + HUNDRED
            + "].all(y, ["
            + HUNDRED
            + "].all(z, x + y + z > 0)))";
    ExpressionEvaluationException e = evalError(env, cube);
    assertEquals(Kind.COST_LIMIT, e.kind());
    assertTrue(e.getMessage().contains("budget of 1000000"), e.getMessage());
  }

  @Test
  void stringAmplificationHitsTheCostBudget() {
    // Each replace multiplies the length by 10: the sixth builds 10,000,000 characters, is charged
    // 1,000,000 units and stops the evaluation before a seventh could build 100,000,000.
    String expression =
        "'" + "a".repeat(100) + "'" + ".replace('a', 'aaaaaaaaaa')".repeat(8) + ".size() > 0";
    ExpressionEvaluationException e = evalError(UNTIMED, expression);
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void listAmplificationThroughBindingsHitsTheCostBudget() {
    // Every binding doubles the list: 100 * 2^20 elements without a bound. With a budget of
    // 100,000 the meter stops it at about 2^10 copies; with the default budget cel-java's list
    // concatenation is slow enough that the wall clock may stop it first.
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                ExpressionLimits.defaults()
                    .withMaxEvaluationCost(100_000)
                    .withMaxEvaluationTime(Duration.ofMinutes(1)))
            .build();
    StringBuilder expression = new StringBuilder("cel.bind(l0, [" + HUNDRED + "], ");
    for (int i = 1; i <= 20; i++) {
      expression.append("cel.bind(l").append(i).append(", l").append(i - 1);
      expression.append(" + l").append(i - 1).append(", ");
    }
    expression.append("size(l20) > 0").append(")".repeat(21));
    ExpressionEvaluationException e = evalError(env, expression.toString());
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void costBudgetCannotBeHiddenBehindOr() {
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                ExpressionLimits.defaults()
                    .withMaxEvaluationCost(1_000)
                    .withMaxEvaluationTime(Duration.ofMinutes(1)))
            .build();
    String expression = "[" + HUNDRED + "].map(x, [" + HUNDRED + "].size()).size() > 0 || true";
    ExpressionEvaluationException e = evalError(env, expression);
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void wallClockLimitStopsLongEvaluations() {
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                ExpressionLimits.defaults()
                    .withMaxComprehensionIterations(Integer.MAX_VALUE)
                    .withMaxEvaluationCost(Long.MAX_VALUE)
                    .withMaxEvaluationTime(Duration.ofMillis(50)))
            .build();
    String cube =
        "["
            + HUNDRED
            + "].all(x, ["
            + HUNDRED
            + "].all(y, ["
            + HUNDRED
            + "].all(z, ["
            + HUNDRED
            + "].all(w, x + y + z + w > 0))))";
    ExpressionEvaluationException e = evalError(env, cube);
    assertEquals(Kind.TIME_LIMIT, e.kind());
  }

  @Test
  void catastrophicBacktrackingPatternRunsInLinearTime() {
    String input = "a".repeat(5_000) + "!";
    CompiledExpression expression =
        CLUSTERS.compileBoolean("'" + input + "'.matches('^(a+)+$')", "spec.x");
    assertTimeoutPreemptively(
        Duration.ofSeconds(2), () -> assertEquals(false, expression.test(VARS)));
  }

  @Test
  void oversizedRegexLiteralIsACompileError() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> CLUSTERS.compileBoolean("cluster.name.matches('(a{100}){100}')", "spec.x"));
    assertTrue(e.getMessage().contains("regular expression too complex"), e.getMessage());
    assertTrue(e.getMessage().contains("at 1:22 of the expression"), e.getMessage());
  }

  @Test
  void invalidRegexLiteralIsACompileError() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> CLUSTERS.compileBoolean("cluster.name.matches('(unclosed')", "spec.x"));
    assertTrue(e.getMessage().contains("invalid regular expression"), e.getMessage());
  }

  @Test
  void oversizedComputedRegexIsARuntimeError() {
    ExpressionEvaluationException e =
        evalError(CLUSTERS, "cluster.name.matches('(a{100})' + '{100}')");
    assertEquals(Kind.INVALID_ARGUMENT, e.kind());
  }

  @Test
  void hugeRangeIsRefusedBeforeItAllocates() {
    // cel-java's own lists.range would build all two billion elements and exhaust the heap.
    ExpressionEvaluationException e = evalError(UNTIMED, "lists.range(2000000000).size() > 0");
    assertEquals(Kind.COST_LIMIT, e.kind());
    assertEquals(List.of(0L, 1L, 2L), CLUSTERS.compile("lists.range(3)", "spec.x").evaluate(VARS));
    assertEquals(List.of(), CLUSTERS.compile("lists.range(-1)", "spec.x").evaluate(VARS));
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> ExpressionLimits.defaults().withMaxEvaluationCost(0));
  }
}
