package dev.flotilla.expr;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The per-evaluation budget. cel-java has no cost limit of its own, but its planner calls an
 * evaluation listener after every node it evaluates (comprehension steps included), with the node's
 * value. One meter is created per evaluation (it is not thread-safe; evaluations are) and charges:
 *
 * <ul>
 *   <li>1 unit for every node evaluated, so loops pay for every step of their body;
 *   <li>for a function call that builds a string, list or map, 1 unit per {@value #CHARS_PER_UNIT}
 *       characters or 1 unit per element, so that chains of {@code replace}, {@code join} or list
 *       concatenation pay for the memory they build. Calls that only hand back a value that already
 *       existed (indexing, optional access, the conditional) and the accumulator of a comprehension
 *       are charged 1 unit.
 * </ul>
 *
 * <p>When the total exceeds the budget the meter throws {@link Exhausted}. It is an {@link Error},
 * not an exception, on purpose: the planner turns every {@link Exception} raised inside {@code ||},
 * {@code &&}, the conditional and comprehension steps into a CEL error value, which CEL's
 * commutative logic may absorb ({@code error || true} is {@code true}) and a comprehension then
 * keeps iterating. An {@code Error} unwinds the whole evaluation at once; {@link
 * CompiledExpression} catches it (and only it) and reports a typed {@link
 * ExpressionEvaluationException}. The meter also remembers that it was exhausted, so that even an
 * absorbed stop could not go unnoticed.
 *
 * <p>Functions whose work grows with their arguments are charged <em>before</em> they run, through
 * {@link #charge(long)} on the meter of the evaluation running on this thread ({@link
 * MeteredFunctions}); cel-java evaluates synchronously on the caller's thread, so a thread-local
 * reaches it.
 *
 * <p>As a second, wall-clock guard the meter reads {@link System#nanoTime()} when the evaluation
 * starts and again each time the cost crosses a multiple of {@value #CLOCK_EVERY} units (and before
 * any charge of that size), and stops an evaluation that has been running longer than its time
 * limit. Since no single step may cost more than the remaining budget, and a cost unit is a small,
 * bounded amount of work, the overrun past the limit is a small fraction of it.
 *
 * <p>A meter may also draw on a {@link PolicyBudget.Run}, the budget of a whole policy evaluation:
 * its budget is then the smaller of the expression's and what remains of the policy's, and its
 * deadline the earlier of the two.
 */
final class CostMeter implements CelEvaluationListener {
  static final int CHARS_PER_UNIT = 10;
  static final int CLOCK_EVERY = 256;

  /** Functions whose result is (a part of) an existing value, not something newly built. */
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "_[_]",
          "_[?_]",
          "_?._",
          "_?_:_",
          "dyn",
          "value",
          "orValue",
          "or",
          "optional.of",
          "optional.ofNonZeroValue");

  /** Functions {@link MeteredFunctions} charges before they run: not charged again after. */
  private static final Set<String> PRE_CHARGED =
      Set.of(
          "_+_",
          "replace",
          "join",
          "split",
          "lowerAscii",
          "upperAscii",
          "reverse",
          "substring",
          "trim",
          "quote",
          "format",
          "distinct",
          "flatten",
          "slice",
          "sort",
          "base64.encode",
          "base64.decode",
          "regex.replace",
          "regex.extract",
          "regex.extractAll");

  private static final ThreadLocal<CostMeter> CURRENT = new ThreadLocal<>();

  private final long budget;
  private final long deadline;
  private final long maxNanos;
  private final PolicyBudget.Run policy;
  private final boolean policyBound;
  private long cost;
  private long nextClock = CLOCK_EVERY;
  private Exhausted exhausted;

  CostMeter(long budget, long maxNanos, PolicyBudget.Run policy) {
    long now = System.nanoTime();
    long own = now + maxNanos;
    long remaining = policy == null ? budget : Math.min(budget, policy.remainingCost());
    this.policy = policy;
    this.maxNanos = maxNanos;
    this.policyBound = policy != null && (remaining < budget || policy.deadline() - own < 0);
    this.budget = remaining;
    this.deadline = policy == null || own - policy.deadline() < 0 ? own : policy.deadline();
  }

  /**
   * Makes this meter the one {@link #charge(long)} reaches on this thread; returns the previous.
   */
  CostMeter enter() {
    CostMeter previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  /** Restores the meter that was current before {@link #enter()}. */
  static void leave(CostMeter previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /**
   * Charges {@code units} to the evaluation running on this thread before the work they pay for is
   * done; throws {@link Exhausted} if they do not fit.
   */
  static void charge(long units) {
    CostMeter meter = CURRENT.get();
    if (meter != null) {
      meter.add(Math.max(0, units));
    }
  }

  @Override
  public void callback(CelExpr expr, Object value) {
    if (exhausted != null) {
      throw exhausted;
    }
    long charge = 1;
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
      charge += sizeCharge(expr, value);
    }
    add(charge);
  }

  private void add(long charge) {
    if (exhausted != null) {
      throw exhausted;
    }
    cost = Saturating.add(cost, charge);
    if (cost > budget) {
      throw exhaust(
          policyBound && policy.remainingCost() <= budget
              ? policy.costExhausted()
              : new Exhausted(
                  ExpressionEvaluationException.Kind.COST_LIMIT,
                  "evaluation cost exceeds the budget of " + budget));
    }
    if (cost >= nextClock) {
      nextClock = cost + CLOCK_EVERY;
      checkClock();
    }
  }

  private void checkClock() {
    if (System.nanoTime() - deadline > 0) {
      throw exhaust(
          policyBound && policy.deadline() == deadline
              ? policy.timeExhausted()
              : new Exhausted(
                  ExpressionEvaluationException.Kind.TIME_LIMIT,
                  "evaluation took longer than " + (maxNanos / 1_000_000) + " ms"));
    }
  }

  private Exhausted exhaust(Exhausted error) {
    if (exhausted == null) {
      exhausted = error;
    }
    return exhausted;
  }

  /** The error this meter raised, if any (even if an operator absorbed it). */
  Exhausted exhausted() {
    return exhausted;
  }

  long cost() {
    return cost;
  }

  private static long sizeCharge(CelExpr expr, Object value) {
    long size;
    if (value instanceof String string) {
      size = string.length() / CHARS_PER_UNIT;
    } else if (value instanceof Collection<?> collection) {
      size = collection.size();
    } else if (value instanceof Map<?, ?> map) {
      size = map.size();
    } else {
      return 0;
    }
    if (size == 0) {
      return 0;
    }
    CelExpr.CelCall call = expr.call();
    if (PASS_THROUGH.contains(call.function()) || PRE_CHARGED.contains(call.function())) {
      return 0;
    }
    return size;
  }

  /** Reports the cost spent to the policy's budget, if there is one. */
  void settle() {
    if (policy != null) {
      // Only what was allowed to run is spent: a charge refused before it ran (one cluster's huge
      // annotation, say) fails that evaluation alone and must not drain the whole policy's budget.
      policy.spend(Math.min(cost, budget));
    }
  }

  /** Thrown from the listener to stop an evaluation; carries no stack trace. */
  static final class Exhausted extends Error {
    private static final long serialVersionUID = 1L;
    final ExpressionEvaluationException.Kind kind;

    Exhausted(ExpressionEvaluationException.Kind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }
}
