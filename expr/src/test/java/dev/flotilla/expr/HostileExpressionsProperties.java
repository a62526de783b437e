package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Hostile CEL, generated: growth (concatenation, replace, join, split, repetition through
 * comprehensions), nesting, regular expressions from data, deep comprehensions, each composed with
 * the others. The contract: compiling gives an expression or a {@link ValidationException};
 * evaluating gives a value or an {@link ExpressionEvaluationException}; nothing else escapes, and
 * every case ends promptly (the preemptive timeout is a hang guard, not a performance check).
 *
 * <p>{@code -Dflotilla.fuzz.cases=N} runs N cases instead of the default few hundred.
 */
class HostileExpressionsProperties {
  private static final long SEED = 0x5EED_CE1L;
  private static final int CASES = Integer.getInteger("flotilla.fuzz.cases", 150);
  // A tenth of the default cost budget: the same bounds, reached ten times sooner, so that a few
  // hundred cases fit in a few seconds of `mvn verify`.
  private static final ExpressionEnvironment CLUSTERS =
      ExpressionEnvironment.builder()
          .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
          .limits(ExpressionLimits.defaults().withMaxEvaluationCost(100_000))
          .build();

  private static final List<String> LEAVES =
      List.of(
          "cluster.name",
          "cluster.annotations.p",
          "cluster.annotations.big",
          "'a'",
          "'(a+)+$'",
          "lists.range(1000).map(i, 'ab').join('')",
          "cluster.labels.env");

  /** Each wraps a string-valued expression {@code %s} into a bigger one. */
  private static final List<String> GROWTH =
      List.of(
          "(%1$s + %1$s)",
          "%1$s.replace('a', %1$s)",
          "[%1$s, %1$s, %1$s].join(%1$s)",
          "%1$s.split('').join(%1$s)",
          "cel.bind(x, %1$s, x + x + x)",
          "lists.range(100).map(i, %1$s).join('')",
          "regex.replace(%1$s, 'a', %1$s)",
          "%1$s.lowerAscii()",
          "(%1$s.matches(cluster.annotations.p) ? %1$s : 'b')",
          "lists.range(10).all(i, lists.range(10).all(j, %1$s != '')) ? %1$s : ''");

  private static final Map<String, String> HOSTILE_ANNOTATIONS =
      Map.of("p", "(".repeat(3000) + "a" + ")".repeat(3000), "big", "a".repeat(100_000));

  @Test
  void hostileExpressionsEndInATypedErrorOrAValue() {
    Map<String, Object> vars =
        ClusterVariables.of(
            new Cluster("c1", Map.of("env", "prod"), HOSTILE_ANNOTATIONS, Map.of(), List.of()));
    qt().withFixedSeed(SEED)
        .withExamples(CASES)
        .forAll(expressions())
        .checkAssert(
            expression ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> compileAndEvaluate(expression, vars)));
  }

  private static void compileAndEvaluate(String expression, Map<String, Object> vars) {
    CompiledExpression compiled;
    try {
      compiled = CLUSTERS.compile(expression + ".size() >= 0", "spec.x");
    } catch (ValidationException e) {
      return;
    }
    try {
      compiled.evaluate(vars);
    } catch (ExpressionEvaluationException e) {
      // the contract: a typed error
    }
  }

  private static Gen<String> expressions() {
    Gen<String> leaf = SourceDSL.integers().between(0, LEAVES.size() - 1).map(LEAVES::get);
    Gen<List<Integer>> wrappers =
        SourceDSL.lists()
            .of(SourceDSL.integers().between(0, GROWTH.size() - 1))
            .ofSizeBetween(1, 6);
    return leaf.zip(
        wrappers,
        (start, path) -> {
          String expression = start;
          for (int wrapper : path) {
            expression = String.format(GROWTH.get(wrapper), expression);
          }
          return expression;
        });
  }
}
