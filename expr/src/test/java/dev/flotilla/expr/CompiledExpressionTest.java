package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompiledExpressionTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();
  private static final ExpressionEnvironment STATUS = ExpressionEnvironment.forStatus();
  private static final Cluster EDGE =
      new Cluster(
          "edge-1",
          Map.of("env", "prod", "zone", "eu-1"),
          Map.of("owner", "team-a"),
          Map.of("cpu", "16", "kubernetesVersion", "1.31.2"),
          List.of());

  private static Object eval(String expression) {
    return CLUSTERS.compile(expression, "spec.x").evaluate(ClusterVariables.of(EDGE));
  }

  private static ExpressionEvaluationException evalError(String expression) {
    return assertThrows(ExpressionEvaluationException.class, () -> eval(expression));
  }

  private static Map<String, Object> status(Map<String, Object> status) {
    return Map.of(
        "cluster", ClusterVariables.value(EDGE),
        "status", status,
        "report", Map.of("observedAt", java.time.Instant.EPOCH));
  }

  @Test
  void readsClusterFields() {
    assertEquals("edge-1", eval("cluster.name"));
    assertEquals(true, eval("cluster.labels.env == 'prod'"));
    assertEquals("team-a", eval("cluster.annotations['owner']"));
    assertEquals(2L, eval("size(cluster.properties)"));
  }

  @Test
  void sourceAndFieldPathAreKept() {
    CompiledExpression expression = CLUSTERS.compile("cluster.name", "spec.a");
    assertEquals("cluster.name", expression.source());
    assertEquals("spec.a", expression.fieldPath());
  }

  @Test
  void missingKeyIsATypedError() {
    ExpressionEvaluationException e = evalError("cluster.labels.region == 'x'");
    assertEquals(Kind.NO_SUCH_KEY, e.kind());
    assertEquals("spec.x", e.fieldPath());
    assertTrue(e.getMessage().startsWith("spec.x: "), e.getMessage());
    assertTrue(e.getMessage().contains("region"), e.getMessage());
  }

  @Test
  void overflowIsATypedError() {
    assertEquals(Kind.NUMERIC_OVERFLOW, evalError("9223372036854775807 + 1").kind());
    assertEquals(Kind.NUMERIC_OVERFLOW, evalError("-9223372036854775807 - 2").kind());
  }

  @Test
  void divisionByZeroIsATypedError() {
    assertEquals(Kind.DIVIDE_BY_ZERO, evalError("size(cluster.labels) / 0 == 1").kind());
  }

  @Test
  void indexOutOfRangeIsATypedError() {
    assertEquals(Kind.INDEX_OUT_OF_BOUNDS, evalError("[1, 2][size(cluster.labels)]").kind());
  }

  @Test
  void dynTypeMismatchIsATypedError() {
    CompiledExpression expression = STATUS.compile("status.replicas + 1", "spec.x");
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> expression.evaluate(status(Map.of("replicas", "three"))));
    assertEquals(Kind.NO_MATCHING_OVERLOAD, e.kind());
  }

  @Test
  void integralJsonNumbersArePassedAsLong() {
    CompiledExpression plus = STATUS.compile("status.replicas + 1", "spec.x");
    assertEquals(4L, plus.evaluate(status(Map.of("replicas", 3L))));
    // A Double in a dyn position compares with an int by value but does not add to one.
    CompiledExpression compare = STATUS.compileBoolean("status.replicas > 2", "spec.x");
    assertTrue(compare.test(status(Map.of("replicas", 3.0))));
    assertThrows(
        ExpressionEvaluationException.class, () -> plus.evaluate(status(Map.of("replicas", 3.0))));
  }

  @Test
  void missingVariableIsATypedError() {
    CompiledExpression expression = CLUSTERS.compile("cluster.name", "spec.x");
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> expression.evaluate(Map.of()));
    assertEquals("spec.x", e.fieldPath());
  }

  @Test
  void wrongShapeOfVariableIsATypedError() {
    CompiledExpression expression = CLUSTERS.compile("cluster.labels.env == 'a'", "spec.x");
    assertThrows(
        ExpressionEvaluationException.class,
        () -> expression.evaluate(Map.of("cluster", "not a map")));
  }

  @Test
  void testIsTrueOnlyForBoolTrue() {
    assertTrue(
        CLUSTERS
            .compileBoolean("cluster.labels.env == 'prod'", "p")
            .test(ClusterVariables.of(EDGE)));
    assertFalse(
        CLUSTERS
            .compileBoolean("cluster.labels.env == 'dev'", "p")
            .test(ClusterVariables.of(EDGE)));
  }

  @Test
  void testRejectsANonBoolResult() {
    CompiledExpression expression = STATUS.compile("status.phase", "spec.filter");
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> expression.test(status(Map.of("phase", "Running"))));
    assertEquals(Kind.WRONG_RESULT_TYPE, e.kind());
    assertTrue(e.getMessage().contains("returned string"), e.getMessage());
  }

  @Test
  void errorsAbsorbedByOrFollowCel() {
    // CEL's commutative || : an error on one side is absorbed when the other side is true.
    assertEquals(true, eval("cluster.labels.region == 'x' || cluster.labels.env == 'prod'"));
    assertEquals(Kind.NO_SUCH_KEY, evalError("cluster.labels.region == 'x' || false").kind());
  }

  @Test
  void oneExpressionEvaluatedFromManyThreads() throws Exception {
    CompiledExpression expression =
        CLUSTERS.compileBoolean(
            "cluster.labels.zone.endsWith(string(int(cluster.labels.n) % 7))"
                + " && [1, 2, 3].map(x, x * int(cluster.labels.n)).exists(y, y > 10)",
            "spec.x");
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      clusters.add(Cluster.of("c" + i, Map.of("zone", "z-" + (i % 7), "n", Integer.toString(i))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int matched = 0;
                  for (int round = 0; round < 50; round++) {
                    for (Cluster c : clusters) {
                      if (expression.test(ClusterVariables.of(c))) {
                        matched++;
                      }
                    }
                  }
                  return matched;
                }));
      }
      int expected = 0;
      for (int i = 0; i < 700; i++) {
        if (i * 3 > 10) {
          expected++;
        }
      }
      for (Future<Integer> future : futures) {
        assertEquals(expected * 50, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
