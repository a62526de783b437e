package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kubernetes' AST validators (k8s.io/apiserver pkg/cel/environment/base.go, 1.29: duration,
 * timestamp, regex and homogeneous aggregate literals): expressions Kubernetes refuses to compile
 * are refused here too, at compile time.
 */
class LiteralValidationTest {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "duration('1x') > duration('0s')",
        "timestamp('yesterday') > timestamp(0)",
        "[1, 'a'].size() == 2",
        "{'a': 1, 'b': 'x'}.size() == 2",
        "[[1], ['a']].size() == 2",
        "'abc'.matches('[')"
      })
  void refusedAtCompileTime(String expression) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> ENV.compile(expression, "spec.x"));
    assertTrue(e.getMessage().contains("spec.x: compilation failed"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "duration('1h30m') > duration('0s')",
        "timestamp('2026-01-01T00:00:00Z') > timestamp(0)",
        "[1, 2].size() == 2",
        "[dyn(1), dyn('a')].size() == 2",
        "'%d %s'.format([1, 'a']) == '1 a'",
        "[cluster.name, 'x'].size() == 2"
      })
  void accepted(String expression) {
    assertEquals(
        true,
        ENV.compile(expression, "spec.x")
            .evaluate(
                ClusterVariables.of(
                    new dev.flotilla.api.Cluster(
                        "c", Map.of(), Map.of(), Map.of(), java.util.List.of()))));
  }
}
