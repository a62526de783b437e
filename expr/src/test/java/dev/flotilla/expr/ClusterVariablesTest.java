package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterVariablesTest {
  private static final Cluster CLUSTER =
      new Cluster(
          "edge-1", Map.of("env", "prod"), Map.of("note", "x"), Map.of("cpu", "16"), List.of());

  @Test
  void reusesTheRecordsMapsWithoutCopying() {
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) ClusterVariables.of(CLUSTER).get("cluster");
    assertSame(CLUSTER.labels(), value.get("labels"));
    assertSame(CLUSTER.annotations(), value.get("annotations"));
    assertSame(CLUSTER.properties(), value.get("properties"));
    assertEquals("edge-1", value.get("name"));
  }

  @Test
  void evaluationIsAFewMicroseconds() {
    CompiledExpression expression =
        ExpressionEnvironment.forClusters()
            .compileBoolean(
                "cluster.labels.env == 'prod' && cluster.properties.cpu != '' "
                    + "&& cluster.name.startsWith('edge-')",
                "spec.x");
    int n = 200_000;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      int matched = 0;
      for (int i = 0; i < n; i++) {
        if (expression.test(ClusterVariables.of(CLUSTER))) {
          matched++;
        }
      }
      best = Math.min(best, System.nanoTime() - start);
      assertEquals(n, matched);
    }
    double micros = best / 1_000.0 / n;
    System.out.printf("ClusterVariables + test(): %.2f us per evaluation%n", micros);
    // Generous bound for shared CI machines; measured around 1 us on a laptop-class CPU.
    assertTrue(micros < 20, micros + " us");
  }
}
