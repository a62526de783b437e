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
 * <p>As a second, wall-clock guard the meter reads {@link System#nanoTime()} every {@value
 * #CLOCK_EVERY} nodes and stops an evaluation that has been running for longer than the time limit.
 * Small expressions never reach the first reading, so the clock costs them nothing.
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

  private final long budget;
  private final long maxNanos;
  private long cost;
  private long started;
  private Exhausted exhausted;

  CostMeter(long budget, long maxNanos) {
    this.budget = budget;
    this.maxNanos = maxNanos;
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
    cost += charge;
    if (cost > budget) {
      throw exhaust(
          new Exhausted(
              ExpressionEvaluationException.Kind.COST_LIMIT,
              "evaluation cost exceeds the budget of " + budget));
    }
    if (cost / CLOCK_EVERY != (cost - charge) / CLOCK_EVERY) {
      checkClock();
    }
  }

  private void checkClock() {
    long now = System.nanoTime();
    if (started == 0) {
      started = now;
    } else if (now - started > maxNanos) {
      throw exhaust(
          new Exhausted(
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
    if (PASS_THROUGH.contains(call.function())) {
      return 0;
    }
    return size;
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
