package dev.flotilla.expr;

import java.util.Objects;

/**
 * An expression failed while it was evaluated: a missing map key, an overflow, a bad argument such
 * as {@code quantity("bad")}, a result of the wrong type, or a bound exceeded. It is the only
 * exception {@link CompiledExpression#evaluate} throws.
 *
 * <p>The message starts with the field path of the expression and is meant for users: {@code
 * spec.celSelector.expressions[0]: no such key: 'zone'}.
 */
public final class ExpressionEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that treat some failures differently (for instance as false). */
  public enum Kind {
    /** A map key or field that is not present, such as {@code cluster.labels.zone}. */
    NO_SUCH_KEY,
    /** No function overload for the argument types found at run time (a {@code dyn} value). */
    NO_MATCHING_OVERLOAD,
    /** Integer overflow or a value out of range. */
    NUMERIC_OVERFLOW,
    /** Division or modulo by zero. */
    DIVIDE_BY_ZERO,
    /** A list index out of range. */
    INDEX_OUT_OF_BOUNDS,
    /** A bad argument, such as an unparsable quantity or version or an invalid regex. */
    INVALID_ARGUMENT,
    /** The result has a type the caller cannot use (for instance not a bool in a predicate). */
    WRONG_RESULT_TYPE,
    /** Too many comprehension steps ({@link ExpressionLimits#maxComprehensionIterations()}). */
    ITERATION_LIMIT,
    /** The evaluation cost budget was exhausted ({@link ExpressionLimits#maxEvaluationCost()}). */
    COST_LIMIT,
    /** The evaluation ran longer than {@link ExpressionLimits#maxEvaluationTime()}. */
    TIME_LIMIT,
    /**
     * The evaluation needed more stack or heap than the process could give it (a {@link
     * StackOverflowError} or {@link OutOfMemoryError} caught and reported as this cluster's error).
     */
    RESOURCE_LIMIT,
    /**
     * The total budget of the policy evaluation this expression belongs to ({@link PolicyBudget})
     * is exhausted, or the expression's estimated cost over the fleet exceeds it. Engines stop the
     * policy's evaluation on this kind rather than record it against one cluster.
     */
    POLICY_BUDGET,
    /** Anything else the CEL runtime reports. */
    OTHER
  }

  private final Kind kind;
  private final String fieldPath;

  ExpressionEvaluationException(Kind kind, String fieldPath, String message, Throwable cause) {
    super(fieldPath.isEmpty() ? message : fieldPath + ": " + message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fieldPath = fieldPath;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The field path the expression was compiled with, such as {@code spec.filter}. */
  public String fieldPath() {
    return fieldPath;
  }
}
