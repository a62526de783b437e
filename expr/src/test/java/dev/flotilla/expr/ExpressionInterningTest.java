package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEnvironment.ResultType;
import dev.flotilla.expr.ExpressionEnvironment.VariableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One environment per set of options, and each distinct expression compiled once. */
class ExpressionInterningTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();

  private static Map<String, Object> cluster(String name, Map<String, String> labels) {
    return ClusterVariables.of(Cluster.of(name, labels));
  }

  @Test
  void theDefaultEnvironmentIsBuiltOnce() {
    assertSame(CLUSTERS, ExpressionEnvironment.forClusters());
    assertSame(
        CLUSTERS,
        ExpressionEnvironment.builder()
            .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
            .build());
    assertSame(
        ExpressionEnvironment.forStatus(),
        ExpressionEnvironment.builder()
            .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
            .variable("status", VariableType.DYN_MAP)
            .variable("report", VariableType.REPORT)
            .build());
  }

  @Test
  void environmentsWithOtherOptionsStayDistinct() {
    ExpressionEnvironment cheaper =
        ExpressionEnvironment.builder()
            .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(2))
            .build();
    ExpressionEnvironment otherBudget =
        ExpressionEnvironment.builder()
            .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
            .policyBudget(new PolicyBudget(5, java.time.Duration.ofSeconds(1)))
            .build();
    ExpressionEnvironment otherName =
        ExpressionEnvironment.builder().variable("c", VariableType.CLUSTER).build();
    assertNotSame(CLUSTERS, cheaper);
    assertNotSame(CLUSTERS, otherBudget);
    assertNotSame(CLUSTERS, otherName);
    String source = "cluster.name.startsWith('store-') && cluster.name.size() > 3";
    CompiledExpression shared = CLUSTERS.compileBoolean(source, "a");
    CompiledExpression bounded = cheaper.compileBoolean(source, "a");
    assertNotSame(shared.program(), bounded.program());
    Map<String, Object> store = cluster("store-1", Map.of());
    assertTrue(shared.test(store));
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> bounded.test(store));
    assertEquals(ExpressionEvaluationException.Kind.COST_LIMIT, e.kind());
  }

  @Test
  void identicalSourcesShareOneProgramWithTheirOwnFieldPaths() {
    String source = "cluster.labels['tier'] == 'gold' && cluster.labels.env != 'dev'";
    CompiledExpression first = CLUSTERS.compileBoolean(source, "spec.a");
    CompiledExpression second = CLUSTERS.compileBoolean(source, "spec.b");
    assertSame(first.program(), second.program());
    assertEquals("spec.a", first.fieldPath());
    assertEquals("spec.b", second.fieldPath());
    assertEquals(first.dependencies(), second.dependencies());
    assertEquals(first.keyConstraints(), second.keyConstraints());
    assertEquals(first.resultType(), second.resultType());
    assertEquals(first.estimatedCost(), second.estimatedCost());
    for (Map<String, String> labels :
        List.of(Map.of("tier", "gold", "env", "prod"), Map.of("tier", "gold", "env", "dev"))) {
      Map<String, Object> c = cluster("c", labels);
      assertEquals(first.test(c), second.test(c));
    }
  }

  @Test
  void evaluationErrorsNameTheirOwnFieldPath() {
    String source = "cluster.labels['missing'] == 'x'";
    CompiledExpression a = CLUSTERS.compileBoolean(source, "spec.rules[0]");
    CompiledExpression b = CLUSTERS.compileBoolean(source, "spec.rules[7]");
    Map<String, Object> c = cluster("c", Map.of());
    assertEquals(
        "spec.rules[0]",
        assertThrows(ExpressionEvaluationException.class, () -> a.test(c)).fieldPath());
    assertEquals(
        "spec.rules[7]",
        assertThrows(ExpressionEvaluationException.class, () -> b.test(c)).fieldPath());
  }

  @Test
  void compileErrorsNameEachCallersFieldPath() {
    for (String source :
        List.of("cluster.lables.env == 'x'", "cluster.name.matches('(')", "cluster.name")) {
      List<Problem> first = problems(source, "spec.clusterSelectors[0]");
      List<Problem> again = problems(source, "spec.clusterSelectors[3]");
      assertEquals(first.size(), again.size());
      for (int i = 0; i < first.size(); i++) {
        assertEquals("spec.clusterSelectors[0]", first.get(i).path());
        assertEquals("spec.clusterSelectors[3]", again.get(i).path());
        assertEquals(first.get(i).message(), again.get(i).message());
      }
    }
  }

  private static List<Problem> problems(String source, String path) {
    return assertThrows(ValidationException.class, () -> CLUSTERS.compileBoolean(source, path))
        .problems();
  }

  @Test
  void resultTypesAreCheckedPerKind() {
    String source = "cluster.name.size()";
    assertEquals("int", CLUSTERS.compile(source, "a", ResultType.ANY).resultType());
    ValidationException e =
        assertThrows(ValidationException.class, () -> CLUSTERS.compileBoolean(source, "b"));
    assertEquals("b", e.problems().get(0).path());
    assertTrue(e.getMessage().contains("must evaluate to bool"), e.getMessage());
    assertEquals("int", CLUSTERS.compile(source, "c", ResultType.INT).resultType());
  }

  @Test
  void declarationsOfOtherEnvironmentsNeverLeakIn() {
    String source = "status.replicas > 0";
    ExpressionEnvironment status = ExpressionEnvironment.forStatus();
    status.compileBoolean(source, "spec.filter");
    ValidationException e =
        assertThrows(ValidationException.class, () -> CLUSTERS.compileBoolean(source, "x"));
    assertTrue(e.getMessage().contains("status"), e.getMessage());
  }

  @Test
  void internedExpressionsAreBoundedByCount() {
    String property = "flotilla.cel.internedExpressions";
    String before = System.getProperty(property);
    ExpressionEnvironment small;
    System.setProperty(property, "16");
    try {
      small =
          ExpressionEnvironment.builder()
              .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
              .limits(ExpressionLimits.defaults().withMaxComprehensionIterations(12_345))
              .build();
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
    for (int i = 0; i < 200; i++) {
      assertTrue(
          small
              .compileBoolean("cluster.name == 'c-" + i + "'", "p")
              .test(cluster("c-" + i, Map.of())));
    }
    assertTrue(small.internedCount() <= 16, "kept " + small.internedCount());
    String longSource =
        "cluster.name == '" + "x".repeat(ExpressionEnvironment.MAX_INTERNED_LENGTH) + "'";
    CompiledExpression one = CLUSTERS.compileBoolean(longSource, "p");
    CompiledExpression two = CLUSTERS.compileBoolean(longSource, "p");
    assertNotSame(one.program(), two.program());
  }

  @Test
  void concurrentCompilesShareAndKeepTheirPaths() throws Exception {
    int threads = 8;
    int sources = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<CompiledExpression>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CompiledExpression> out = new ArrayList<>();
                  for (int i = 0; i < sources; i++) {
                    int n = (i + thread * 7) % sources;
                    out.add(
                        CLUSTERS.compileBoolean(
                            "cluster.name == 'concurrent-" + n + "'", "t" + thread + "." + n));
                  }
                  return out;
                }));
      }
      start.countDown();
      Map<String, CompiledExpression> first = new java.util.HashMap<>();
      for (int t = 0; t < threads; t++) {
        for (CompiledExpression e : results.get(t).get(60, TimeUnit.SECONDS)) {
          String n = e.fieldPath().substring(e.fieldPath().indexOf('.') + 1);
          assertEquals("t" + t + "." + n, e.fieldPath());
          assertEquals("cluster.name == 'concurrent-" + n + "'", e.source());
          assertTrue(e.test(cluster("concurrent-" + n, Map.of())));
          CompiledExpression seen = first.putIfAbsent(n, e);
          if (seen != null) {
            assertSame(seen.program(), e.program());
          }
        }
      }
      assertEquals(sources, first.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
