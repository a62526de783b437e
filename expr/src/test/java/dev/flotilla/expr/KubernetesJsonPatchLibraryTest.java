package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kubernetes' jsonpatch library: the example of jsonpatch.go's doc comment and the escapeKey case
 * of k8s.io/apiserver pkg/admission/plugin/policy/mutating/patch/json_patch_test.go ("k8s.io/x~y").
 */
class KubernetesJsonPatchLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("key", ExpressionEnvironment.VariableType.STRING)
          .build();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "k8s.io/my~label|/metadata/labels/k8s.io~1my~0label",
        "k8s.io/x~y|/metadata/labels/k8s.io~1x~0y",
        "plain|/metadata/labels/plain",
        "~1|/metadata/labels/~01",
        "/~/|/metadata/labels/~1~0~1",
        "''|/metadata/labels/"
      })
  void escapeKey(String key, String path) {
    assertEquals(
        path,
        ENV.compile("'/metadata/labels/' + jsonpatch.escapeKey(key)", "spec.x")
            .evaluate(Map.of("key", key)));
  }

  @org.junit.jupiter.api.Test
  void escapeKeyIsCharged() {
    String huge = "/".repeat(6_000_000);
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> ENV.compile("jsonpatch.escapeKey(key)", "spec.x").evaluate(Map.of("key", huge)));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }
}
