package dev.flotilla.expr;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import dev.flotilla.expr.internal.KeyConstraint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An expression compiled by an {@link ExpressionEnvironment}: immutable and thread-safe, so one
 * instance serves every cluster and every thread.
 *
 * <h2>Values</h2>
 *
 * Variables are passed as plain Java values: {@link String}, {@link Boolean}, {@link Long} for
 * integers (not {@code Integer}), {@link Double}, {@link java.util.List}, {@link Map} with string
 * keys, {@link java.time.Instant} for timestamps, {@link java.time.Duration}. A number decoded from
 * JSON should be a {@code Long} when it is integral: CEL compares a {@code dyn} double with an int
 * literal by value ({@code 2.0 < 3}) but keeps {@code int} and {@code double} as distinct types for
 * arithmetic ({@code status.replicas + 1} fails at run time when {@code replicas} is a {@code
 * Double}). Results come back in the same representation; quantities and versions as {@link
 * dev.flotilla.api.quantity.Quantity} and {@link dev.flotilla.api.quantity.Version}, optionals as
 * {@link Optional}.
 *
 * <h2>Cost</h2>
 *
 * Each evaluation has a budget ({@link ExpressionLimits#maxEvaluationCost()}, 1,000,000 by default,
 * Kubernetes' per-expression limit). One unit is charged for every syntax-tree node evaluated
 * (comprehension bodies once per step), plus, for a function call that builds a string, list or
 * map, one unit per element or per ten characters. An evaluation that exceeds the budget stops with
 * {@link Kind#COST_LIMIT}. Comprehension steps are also counted against {@link
 * ExpressionLimits#maxComprehensionIterations()} and a wall-clock limit backs both up ({@link
 * ExpressionLimits#maxEvaluationTime()}). Regular expressions are RE2 (linear time).
 */
public final class CompiledExpression {
  private final String source;
  private final String fieldPath;
  private final CelRuntime.Program program;
  private final Dependencies dependencies;
  private final List<KeyConstraint> keyConstraints;
  private final long maxCost;
  private final long maxNanos;
  private final String resultType;
  private final long estimatedCost;

  /**
   * What compiling a source yields, independently of where the source sits: immutable, so one
   * instance serves every policy that writes the same expression (see {@link
   * ExpressionEnvironment#compile(String, String, ExpressionEnvironment.ResultType)}). The field
   * path, which every error names, belongs to the {@code CompiledExpression} around it.
   */
  record Program(
      CelRuntime.Program program,
      Dependencies dependencies,
      List<KeyConstraint> keyConstraints,
      String resultType,
      long estimatedCost) {}

  CompiledExpression(String source, String fieldPath, Program compiled, ExpressionLimits limits) {
    this.source = source;
    this.fieldPath = fieldPath;
    this.program = compiled.program();
    this.dependencies = compiled.dependencies();
    this.keyConstraints = compiled.keyConstraints();
    this.maxCost = limits.maxEvaluationCost();
    this.maxNanos = limits.maxEvaluationTime().toNanos();
    this.resultType = compiled.resultType();
    this.estimatedCost = compiled.estimatedCost();
  }

  /** The shared program, for tests: two compiles of one source share it. */
  CelRuntime.Program program() {
    return program;
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /** The field path given when it was compiled. */
  public String fieldPath() {
    return fieldPath;
  }

  /** The result type found by the type checker, such as {@code bool} or {@code dyn}. */
  public String resultType() {
    return resultType;
  }

  /** Which parts of {@code cluster} the expression reads. */
  public Dependencies dependencies() {
    return dependencies;
  }

  /**
   * Conditions on single keys that every cluster on which this predicate is true, or fails, meets;
   * a cluster that misses one makes it false without an error. They are found only for predicates
   * that are a conjunction of simple key tests ({@code cluster.labels['tier'] == 'gold' &&
   * has(cluster.properties.gpu)}); for any other expression the list is empty. Engines with an
   * index use them to skip clusters before evaluating.
   */
  public List<KeyConstraint> keyConstraints() {
    return keyConstraints;
  }

  /**
   * A static upper estimate of one evaluation's cost, in the units of the cost budget: every node
   * once, comprehension bodies once per step, where a comprehension over a literal list or {@code
   * lists.range(n)} takes that many steps and one over data is assumed to take {@value
   * CostEstimator#ASSUMED_RANGE}. {@link PolicyBudget.Run#admit} compares it with a policy's
   * budget.
   */
  public long estimatedCost() {
    return estimatedCost;
  }

  /**
   * Evaluates the expression.
   *
   * @param variables a value for each declared variable, such as {@link ClusterVariables#of}
   * @return the result (see the class comment for its representation)
   * @throws ExpressionEvaluationException for every failure, and nothing else
   */
  public Object evaluate(Map<String, ?> variables) {
    return evaluate(variables, null);
  }

  /**
   * Evaluates the expression, drawing its cost and time on the budget of a whole policy evaluation
   * as well as on its own limits.
   *
   * @param variables a value for each declared variable
   * @param policy the run of the policy evaluation this one belongs to, or null for none
   * @throws ExpressionEvaluationException for every failure, and nothing else; of kind {@link
   *     Kind#POLICY_BUDGET} when the policy's budget is exhausted
   */
  public Object evaluate(Map<String, ?> variables, PolicyBudget.Run policy) {
    Objects.requireNonNull(variables, "variables");
    if (policy != null) {
      try {
        policy.check();
      } catch (CostMeter.Exhausted e) {
        throw new ExpressionEvaluationException(e.kind, fieldPath, e.getMessage(), e);
      }
    }
    CostMeter meter = new CostMeter(maxCost, maxNanos, policy);
    CelVariableResolver resolver = name -> Optional.ofNullable(variables.get(name));
    Object result;
    CostMeter previous = meter.enter();
    try {
      result = program.trace(resolver, meter);
    } catch (CostMeter.Exhausted e) {
      throw new ExpressionEvaluationException(e.kind, fieldPath, e.getMessage(), e);
    } catch (CelEvaluationException e) {
      throw translate(e, meter);
    } catch (StackOverflowError e) {
      throw new ExpressionEvaluationException(
          Kind.RESOURCE_LIMIT, fieldPath, "evaluation nested too deeply (stack exhausted)", null);
    } catch (OutOfMemoryError e) {
      throw new ExpressionEvaluationException(
          Kind.RESOURCE_LIMIT, fieldPath, "evaluation ran out of memory", null);
    } catch (RuntimeException e) {
      throw new ExpressionEvaluationException(Kind.OTHER, fieldPath, String.valueOf(e), e);
    } finally {
      CostMeter.leave(previous);
      meter.settle();
    }
    CostMeter.Exhausted exhausted = meter.exhausted();
    if (exhausted != null) {
      // An operator such as || absorbed the error; the budget was exceeded all the same.
      throw new ExpressionEvaluationException(
          exhausted.kind, fieldPath, exhausted.getMessage(), exhausted);
    }
    return result;
  }

  /**
   * Evaluates a predicate: true only when the result is the bool {@code true}.
   *
   * @throws ExpressionEvaluationException on any failure, including a result that is not a bool
   *     ({@link Kind#WRONG_RESULT_TYPE})
   */
  public boolean test(Map<String, ?> variables) {
    return test(variables, null);
  }

  /**
   * Evaluates a predicate within a policy's budget; see {@link #evaluate(Map, PolicyBudget.Run)}.
   *
   * @throws ExpressionEvaluationException on any failure, including a result that is not a bool
   */
  public boolean test(Map<String, ?> variables, PolicyBudget.Run policy) {
    Object result = evaluate(variables, policy);
    if (result instanceof Boolean value) {
      return value;
    }
    throw new ExpressionEvaluationException(
        Kind.WRONG_RESULT_TYPE,
        fieldPath,
        "the expression must evaluate to bool, but it returned " + typeName(result),
        null);
  }

  @Override
  public String toString() {
    return fieldPath + ": " + source;
  }

  private ExpressionEvaluationException translate(CelEvaluationException e, CostMeter meter) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CostMeter.Exhausted exhausted) {
        return new ExpressionEvaluationException(
            exhausted.kind, fieldPath, exhausted.getMessage(), e);
      }
      if (cause instanceof KubernetesLibrary.FunctionError error) {
        return new ExpressionEvaluationException(error.kind, fieldPath, error.getMessage(), e);
      }
    }
    if (meter.exhausted() != null) {
      CostMeter.Exhausted exhausted = meter.exhausted();
      return new ExpressionEvaluationException(
          exhausted.kind, fieldPath, exhausted.getMessage(), e);
    }
    return new ExpressionEvaluationException(kind(e.getErrorCode()), fieldPath, e.getMessage(), e);
  }

  private static Kind kind(CelErrorCode code) {
    if (code == null) {
      return Kind.OTHER;
    }
    return switch (code) {
      case ATTRIBUTE_NOT_FOUND -> Kind.NO_SUCH_KEY;
      case OVERLOAD_NOT_FOUND, AMBIGUOUS_OVERLOAD -> Kind.NO_MATCHING_OVERLOAD;
      case NUMERIC_OVERFLOW -> Kind.NUMERIC_OVERFLOW;
      case DIVIDE_BY_ZERO -> Kind.DIVIDE_BY_ZERO;
      case INDEX_OUT_OF_BOUNDS -> Kind.INDEX_OUT_OF_BOUNDS;
      case INVALID_ARGUMENT, BAD_FORMAT -> Kind.INVALID_ARGUMENT;
      case ITERATION_BUDGET_EXCEEDED -> Kind.ITERATION_LIMIT;
      default -> Kind.OTHER;
    };
  }

  private static String typeName(Object value) {
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof java.util.List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
