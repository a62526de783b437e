package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expressions a hostile tenant or a careless cluster owner writes (issue 11): each must end in
 * a typed error, promptly, without exhausting the heap or the stack of the process that hosts
 * Flotilla. {@code assertTimeoutPreemptively} is a hang guard here, not a performance assertion.
 */
class HostileExpressionsTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();
  // Cost tests must not race the wall clock on a loaded machine: a generous time limit.
  private static final ExpressionEnvironment UNTIMED =
      ExpressionEnvironment.builder()
          .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
          .limits(ExpressionLimits.defaults().withMaxEvaluationTime(Duration.ofMinutes(1)))
          .build();
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private static Map<String, Object> cluster(Map<String, String> annotations) {
    return ClusterVariables.of(
        new Cluster("c1", Map.of(), annotations, Map.of(), java.util.List.of()));
  }

  private static ExpressionEvaluationException failure(
      String expression, Map<String, Object> vars) {
    CompiledExpression compiled = UNTIMED.compile(expression, "spec.x");
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () -> assertThrows(ExpressionEvaluationException.class, () -> compiled.evaluate(vars)));
  }

  @Test
  void replaceBombIsChargedBeforeItAllocates() {
    // Each replace squares the string: 1,000 chars, then 10^6, then 10^12 (terabytes).
    ExpressionEvaluationException e =
        failure(
            "cel.bind(x, lists.range(1000).map(i, 'a').join(''),"
                + " cel.bind(s, x.replace('a', x), s.replace('a', s))).size() > 0",
            cluster(Map.of()));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }

  @Test
  void concatenationDoublingIsChargedBeforeItAllocates() {
    String doubling = "'ab'";
    for (int i = 0; i < 40; i++) {
      doubling = "cel.bind(s" + i + ", " + doubling + ", s" + i + " + s" + i + ")";
    }
    ExpressionEvaluationException e = failure(doubling + ".size() > 0", cluster(Map.of()));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }

  @Test
  void joinAndSplitGrowthIsCharged() {
    ExpressionEvaluationException e =
        failure(
            "cel.bind(x, lists.range(20000).map(i, 'abcdefghij').join(''),"
                + " [x, x, x, x, x, x, x, x, x, x].join(x).split('').size() > 0)",
            cluster(Map.of()));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }

  @Test
  void deeplyNestedPatternFromAnAnnotationIsAnErrorNotAStackOverflow() {
    String pattern = "(".repeat(8000) + "a" + ")".repeat(8000);
    ExpressionEvaluationException e =
        failure("cluster.name.matches(cluster.annotations.p)", cluster(Map.of("p", pattern)));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind());
    assertTrue(e.getMessage().contains("regular expression"), e.getMessage());
  }

  @Test
  void nestedRepetitionLiteralIsRejectedBeforeRe2ExpandsIt() {
    ValidationException e =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                assertThrows(
                    ValidationException.class,
                    () ->
                        CLUSTERS.compileBoolean(
                            "cluster.name.matches('((a{1000}){1000}){1000}')", "spec.x")));
    assertTrue(e.getMessage().contains("too complex"), e.getMessage());
  }

  @Test
  void nestedRepetitionFromDataIsRejectedBeforeRe2ExpandsIt() {
    ExpressionEvaluationException e =
        failure(
            "cluster.name.matches(cluster.annotations.p)",
            cluster(Map.of("p", "((a{1000}){1000}){1000}")));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind());
  }

  @Test
  void regexCostGrowsWithTheInput() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(10_000))
            .build();
    CompiledExpression matches =
        small.compileBoolean("cluster.annotations.big.matches('b+c')", "spec.x");
    assertFalse(matches.test(cluster(Map.of("big", "a".repeat(100)))));
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> matches.test(cluster(Map.of("big", "a".repeat(200_000)))));
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void regexFunctionsOfTheExtensionAreGuardedToo() {
    ExpressionEvaluationException e =
        failure(
            "regex.replace('aaa', cluster.annotations.p, 'b') == ''",
            cluster(Map.of("p", "(".repeat(5000) + ")".repeat(5000))));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind(), e.getMessage());
  }

  @Test
  void wallClockStartsWithTheEvaluation() {
    ExpressionEnvironment quick =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                new ExpressionLimits(
                    10_000,
                    100,
                    10_000,
                    Integer.MAX_VALUE,
                    1_000,
                    Long.MAX_VALUE,
                    Duration.ofMillis(200)))
            .build();
    CompiledExpression slow =
        quick.compileBoolean(
            "lists.range(3000).all(i, lists.range(3000).all(j, i + j >= 0))", "spec.x");
    ExpressionEvaluationException e =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                assertThrows(
                    ExpressionEvaluationException.class, () -> slow.test(cluster(Map.of()))));
    assertEquals(Kind.TIME_LIMIT, e.kind());
  }

  @Test
  void ordinaryExpressionsStillWork() {
    Map<String, Object> vars = cluster(Map.of("p", "^c[0-9]$", "list", "a,b,c"));
    assertTrue(
        CLUSTERS.compileBoolean("cluster.name.matches(cluster.annotations.p)", "x").test(vars));
    assertTrue(CLUSTERS.compileBoolean("cluster.name + '-x' == 'c1-x'", "x").test(vars));
    assertTrue(
        CLUSTERS
            .compileBoolean("cluster.annotations.list.split(',').join('+') == 'a+b+c'", "x")
            .test(vars));
    assertTrue(CLUSTERS.compileBoolean("'aXbXc'.replace('X', '--') == 'a--b--c'", "x").test(vars));
    assertTrue(CLUSTERS.compileBoolean("[1, 2] + [3] == [1, 2, 3]", "x").test(vars));
    assertTrue(
        CLUSTERS.compileBoolean("regex.replace('a1b2', '[0-9]', '#') == 'a#b#'", "x").test(vars));
    assertTrue(CLUSTERS.compileBoolean("dyn('a') + dyn('b') == 'ab'", "x").test(vars));
    assertTrue(CLUSTERS.compileBoolean("dyn(1) + dyn(2) == 3", "x").test(vars));
    assertTrue(CLUSTERS.compileBoolean("[3, 1, 2].sort() == [1, 2, 3]", "x").test(vars));
  }

  @Test
  void callsDispatchedAtRunTimeAreChargedToo() {
    // A dyn receiver leaves indexOf's string and list overloads open: cel-java picks one by the
    // argument's type at run time, through the function-level binding.
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(10_000))
            .build();
    CompiledExpression search =
        small.compileBoolean("dyn(cluster.annotations.big).indexOf('b') < 0", "spec.x");
    assertTrue(search.test(cluster(Map.of("big", "a".repeat(100)))));
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> search.test(cluster(Map.of("big", "a".repeat(200_000)))));
    assertEquals(Kind.COST_LIMIT, e.kind());
  }

  @Test
  void formatDoublingIsChargedBeforeItAllocates() {
    String doubling = "'ab'";
    for (int i = 0; i < 40; i++) {
      doubling = "cel.bind(s" + i + ", " + doubling + ", '%s%s'.format([s" + i + ", s" + i + "]))";
    }
    ExpressionEvaluationException e = failure(doubling + ".size() > 0", cluster(Map.of()));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }

  @Test
  void formatPrecisionsWidthsAndHexAreCharged() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                ExpressionLimits.defaults()
                    .withMaxEvaluationCost(20_000)
                    .withMaxEvaluationTime(Duration.ofMinutes(1)))
            .build();
    String fixed =
        "cluster.annotations.f.format(["
            + String.join(", ", java.util.Collections.nCopies(1000, "1e300"))
            + "]).size() > 0";
    String hex = "'%x%x'.format([cluster.annotations.f, cluster.annotations.f]).size() > 0";
    String list = "cel.bind(f, cluster.annotations.f, '%s'.format([[f, f, f, f, f]])).size() > 0";
    // Each small enough to run, ...
    assertTrue(small.compileBoolean(fixed, "x").test(cluster(Map.of("f", "%.255f".repeat(10)))));
    assertTrue(small.compileBoolean(fixed, "x").test(cluster(Map.of("f", "%.255e".repeat(10)))));
    assertTrue(small.compileBoolean(hex, "x").test(cluster(Map.of("f", "a".repeat(1000)))));
    assertTrue(small.compileBoolean(list, "x").test(cluster(Map.of("f", "a".repeat(1000)))));
    // ... and each refused when its output outgrows the budget: 1,000 fixed-point numbers of 670
    // characters, 1,000 widths of 255, twice 400,000 hex digits, five quoted 100,000-character
    // strings.
    for (Map.Entry<String, String> hostile :
        Map.of(
                fixed,
                "%.255f".repeat(1400),
                fixed + " ",
                "%.255e".repeat(1400),
                hex,
                "a".repeat(200_000),
                list,
                "a".repeat(200_000))
            .entrySet()) {
      CompiledExpression compiled = small.compileBoolean(hostile.getKey().strip(), "x");
      ExpressionEvaluationException e =
          assertTimeoutPreemptively(
              HANG_GUARD,
              () ->
                  assertThrows(
                      ExpressionEvaluationException.class,
                      () -> compiled.test(cluster(Map.of("f", hostile.getValue())))));
      assertEquals(Kind.COST_LIMIT, e.kind(), hostile.getKey() + ": " + e.getMessage());
    }
  }
}
