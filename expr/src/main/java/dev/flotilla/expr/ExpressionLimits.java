package dev.flotilla.expr;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds that keep any expression from stalling a controller. Every compiled expression is checked
 * against the size limits when it is compiled and against the iteration and cost limits each time
 * it is evaluated.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxExpressionLength longest expression accepted, in Unicode code points
 * @param maxParseRecursionDepth deepest nesting the parser accepts (parentheses, calls, operators)
 * @param maxAstNodes most syntax-tree nodes an expression may have after macro expansion
 * @param maxComprehensionIterations most comprehension steps ({@code all}, {@code exists}, {@code
 *     map}, {@code filter}, ...) in one evaluation, counted over all comprehensions together
 * @param maxRegexProgramSize largest RE2 program a regular expression may compile to; literal
 *     patterns are checked at compile time, computed ones when they are evaluated
 * @param maxEvaluationCost the cost budget of one evaluation; see {@link CompiledExpression} for
 *     how cost is counted
 * @param maxEvaluationTime a wall-clock guard on one evaluation, checked every few hundred
 *     evaluation steps; the cost budget is the deterministic bound, this one catches what the cost
 *     model underestimates (such as many regex matches over long inputs)
 */
public record ExpressionLimits(
    int maxExpressionLength,
    int maxParseRecursionDepth,
    int maxAstNodes,
    int maxComprehensionIterations,
    int maxRegexProgramSize,
    long maxEvaluationCost,
    Duration maxEvaluationTime) {

  /** Longest expression accepted by default. */
  public static final int DEFAULT_MAX_EXPRESSION_LENGTH = 10_000;

  /** The evaluation budget by default: Kubernetes' per-expression cost limit. */
  public static final long DEFAULT_MAX_EVALUATION_COST = 1_000_000;

  /** Checks that every limit is positive. */
  public ExpressionLimits {
    positive("maxExpressionLength", maxExpressionLength);
    positive("maxParseRecursionDepth", maxParseRecursionDepth);
    positive("maxAstNodes", maxAstNodes);
    positive("maxComprehensionIterations", maxComprehensionIterations);
    positive("maxRegexProgramSize", maxRegexProgramSize);
    positive("maxEvaluationCost", maxEvaluationCost);
    Objects.requireNonNull(maxEvaluationTime, "maxEvaluationTime");
    positive("maxEvaluationTime", maxEvaluationTime.toNanos());
  }

  /**
   * The defaults: expressions up to 10,000 code points, nesting depth 100, 10,000 AST nodes,
   * 100,000 comprehension steps, a cost of 1,000,000 and one second per evaluation, RE2 programs up
   * to 1,000 instructions.
   */
  public static ExpressionLimits defaults() {
    return new ExpressionLimits(
        DEFAULT_MAX_EXPRESSION_LENGTH,
        100,
        10_000,
        100_000,
        1_000,
        DEFAULT_MAX_EVALUATION_COST,
        Duration.ofSeconds(1));
  }

  /** A copy with a different evaluation cost budget. */
  public ExpressionLimits withMaxEvaluationCost(long cost) {
    return new ExpressionLimits(
        maxExpressionLength,
        maxParseRecursionDepth,
        maxAstNodes,
        maxComprehensionIterations,
        maxRegexProgramSize,
        cost,
        maxEvaluationTime);
  }

  /** A copy with a different comprehension iteration limit. */
  public ExpressionLimits withMaxComprehensionIterations(int iterations) {
    return new ExpressionLimits(
        maxExpressionLength,
        maxParseRecursionDepth,
        maxAstNodes,
        iterations,
        maxRegexProgramSize,
        maxEvaluationCost,
        maxEvaluationTime);
  }

  /** A copy with a different wall-clock limit per evaluation. */
  public ExpressionLimits withMaxEvaluationTime(Duration time) {
    return new ExpressionLimits(
        maxExpressionLength,
        maxParseRecursionDepth,
        maxAstNodes,
        maxComprehensionIterations,
        maxRegexProgramSize,
        maxEvaluationCost,
        time);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
