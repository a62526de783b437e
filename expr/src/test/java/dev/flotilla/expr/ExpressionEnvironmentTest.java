package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionEnvironmentTest {
  private static final ExpressionEnvironment CLUSTERS = ExpressionEnvironment.forClusters();
  private static final String PATH = "spec.clusterSelectors[0].celSelector.expressions[0]";

  private static ValidationException compileError(String expression) {
    return assertThrows(ValidationException.class, () -> CLUSTERS.compile(expression, PATH));
  }

  @Test
  void syntaxErrorCarriesFieldPathAndLineColumn() {
    ValidationException e = compileError("cluster.labels.env ==");
    Problem problem = e.problems().get(0);
    assertEquals(PATH, problem.path());
    assertTrue(problem.message().contains("at 1:"), problem.message());
  }

  @Test
  void misspelledClusterFieldIsACompileError() {
    ValidationException e = compileError("cluster.lables.env == 'prod'");
    assertTrue(e.getMessage().contains("undefined field 'lables'"), e.getMessage());
    assertTrue(e.getMessage().contains("at 1:8 of the expression: "), e.getMessage());
  }

  @Test
  void lineAndColumnCountFromTheStartOfTheExpression() {
    ValidationException e = compileError("cluster.name == 'a' &&\n  nosuchvar");
    assertTrue(e.getMessage().contains("at 2:3 of the expression"), e.getMessage());
    assertTrue(e.getMessage().contains("undeclared reference to 'nosuchvar'"), e.getMessage());
  }

  @Test
  void labelValuesAreStringsSoComparingWithAnIntIsATypeError() {
    ValidationException e = compileError("cluster.labels.tier + 1 == 2");
    assertTrue(e.getMessage().contains("no matching overload"), e.getMessage());
  }

  @Test
  void compileBooleanRejectsANonBoolResult() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> CLUSTERS.compileBoolean("cluster.name", PATH));
    assertEquals(PATH, e.problems().get(0).path());
    assertTrue(e.getMessage().contains("must evaluate to bool, but its type is string"));
  }

  @Test
  void compileBooleanAcceptsDyn() {
    ExpressionEnvironment status = ExpressionEnvironment.forStatus();
    CompiledExpression expression = status.compileBoolean("status.ready", "spec.filter");
    assertEquals("dyn", expression.resultType());
  }

  @Test
  void requiredResultTypes() {
    assertEquals(
        "int",
        CLUSTERS
            .compile("size(cluster.labels)", PATH, ExpressionEnvironment.ResultType.NUMBER)
            .resultType());
    assertThrows(
        ValidationException.class,
        () -> CLUSTERS.compile("cluster.name", PATH, ExpressionEnvironment.ResultType.INT));
    CLUSTERS.compile("cluster.name", PATH, ExpressionEnvironment.ResultType.STRING);
  }

  @Test
  void blankExpressionIsRequired() {
    ValidationException e = compileError("  ");
    assertTrue(e.getMessage().contains("Required value"));
  }

  @Test
  void statusEnvironmentDeclaresClusterStatusAndReport() {
    CompiledExpression expression =
        ExpressionEnvironment.forStatus()
            .compileBoolean(
                "cluster.labels.env == 'prod' && status.ready == true"
                    + " && report.observedAt > timestamp('2024-01-01T00:00:00Z')",
                "spec.filter");
    Map<String, Object> variables =
        Map.of(
            "cluster", ClusterVariables.value(Cluster.of("c1", Map.of("env", "prod"))),
            "status", Map.of("ready", true),
            "report", Map.of("observedAt", Instant.parse("2025-03-01T10:00:00Z")));
    assertTrue(expression.test(variables));
  }

  @Test
  void reportHasOnlyObservedAt() {
    assertThrows(
        ValidationException.class,
        () -> ExpressionEnvironment.forStatus().compile("report.seen", "spec.filter"));
  }

  @Test
  void builderDeclaresCustomVariables() {
    ExpressionEnvironment env =
        ExpressionEnvironment.builder()
            .variable("replicas", ExpressionEnvironment.VariableType.INT)
            .variable("name", ExpressionEnvironment.VariableType.STRING)
            .build();
    assertEquals(
        "web-3",
        env.compile("name + '-' + string(replicas)", "x")
            .evaluate(Map.of("replicas", 3L, "name", "web")));
    assertEquals(Dependencies.none(), env.compile("replicas > 1", "x").dependencies());
  }

  @Test
  void builderRejectsBadDeclarations() {
    ExpressionEnvironment.Builder builder = ExpressionEnvironment.builder();
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.variable("not-an-identifier", ExpressionEnvironment.VariableType.DYN));
    builder.variable("c", ExpressionEnvironment.VariableType.CLUSTER);
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.variable("d", ExpressionEnvironment.VariableType.CLUSTER));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.variable("c", ExpressionEnvironment.VariableType.DYN));
  }

  @Test
  void extensionsAreEnabled() {
    Map<String, Object> vars =
        ClusterVariables.of(Cluster.of("edge-1", Map.of("zone", "eu-west-1a", "tier", "gold")));
    List<String> expressions =
        List.of(
            "cluster.name.upperAscii() == 'EDGE-1'",
            "cluster.labels.zone.split('-').size() == 3",
            "cluster.labels[?'region'].orValue('none') == 'none'",
            "cluster.labels.?tier.hasValue()",
            "cluster.labels.zone.matches('^eu-')",
            "regex.extract(cluster.labels.zone, '[0-9]+') == optional.of('1')",
            "math.greatest(1, 5, 3) == 5",
            "[3, 1, 2].sort() == [1, 2, 3]",
            "lists.range(3) == [0, 1, 2]",
            "sets.contains(['a', 'b'], ['a'])",
            "cel.bind(z, cluster.labels.zone, z.startsWith('eu'))",
            "cluster.labels.all(k, v, k.size() > 0 && v.size() > 0)",
            "base64.encode(b'hi') == 'aGk='",
            "cluster.labels.zone.indexOf('west') == 3");
    for (String expression : expressions) {
      assertTrue(CLUSTERS.compileBoolean(expression, PATH).test(vars), expression);
    }
  }
}
