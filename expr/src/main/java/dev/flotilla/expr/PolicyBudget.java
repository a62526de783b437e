package dev.flotilla.expr;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The total CEL cost and time one evaluation of a policy over a fleet may spend: one placement's
 * selection, one rule set applied to a fleet, one summary. Each expression evaluation is bounded by
 * {@link ExpressionLimits}; this bounds their sum, so that an expression costing 0.1 s per cluster
 * cannot turn into hours at 100,000 clusters.
 *
 * <p>An engine {@linkplain #start starts} a {@link Run} per policy evaluation and passes it to
 * {@link CompiledExpression#evaluate(java.util.Map, Run)}; when the run is exhausted the evaluation
 * in progress fails with {@link ExpressionEvaluationException.Kind#POLICY_BUDGET}, and so does
 * every later one of that run, and the engine stops the policy's evaluation with that error. Before
 * any work, {@link Run#admit} rejects an expression whose {@linkplain
 * CompiledExpression#estimatedCost() static cost estimate} times the number of clusters exceeds the
 * budget, as Kubernetes rejects rules whose estimated cost is too high.
 *
 * @param maxCost the most cost units all evaluations of one run may spend together
 * @param maxTime the longest one run may take, counted from {@link #start}
 */
public record PolicyBudget(long maxCost, Duration maxTime) {

  /**
   * The default: 10^9 cost units (a thousand expressions at Kubernetes' per-expression limit, about
   * a minute of the most expensive CEL) and 60 seconds per policy evaluation: room for a million
   * clusters' worth of ordinary expressions, and a bound on the hopeless ones that the static
   * estimate cannot see.
   */
  public static PolicyBudget defaults() {
    return new PolicyBudget(1_000_000_000L, Duration.ofSeconds(60));
  }

  /** No total bound: each evaluation is still bounded by {@link ExpressionLimits}. */
  public static PolicyBudget unlimited() {
    return new PolicyBudget(Long.MAX_VALUE, Duration.ofDays(365_000));
  }

  /** Checks that both limits are positive. */
  public PolicyBudget {
    Objects.requireNonNull(maxTime, "maxTime");
    if (maxCost <= 0 || maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException(
          "a policy budget must be positive: " + maxCost + ", " + maxTime);
    }
  }

  /** Starts the budget of one evaluation of the policy named {@code policy} (for messages). */
  public Run start(String policy) {
    return new Run(this, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * What remains of a {@link PolicyBudget} during one policy evaluation. Thread-safe: evaluations
   * on several threads may draw on one run.
   */
  public static final class Run {
    private final PolicyBudget budget;
    private final String policy;
    private final long deadline;
    private final AtomicLong spent = new AtomicLong();
    private volatile CostMeter.Exhausted exhausted;

    private Run(PolicyBudget budget, String policy) {
      this.budget = budget;
      this.policy = policy;
      long nanos;
      try {
        nanos = budget.maxTime.toNanos();
      } catch (ArithmeticException e) {
        nanos = Long.MAX_VALUE / 4;
      }
      this.deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
    }

    /** The policy this run belongs to. */
    public String policy() {
      return policy;
    }

    /** Cost units spent so far. */
    public long spent() {
      return spent.get();
    }

    /**
     * Rejects, before any evaluation, an expression whose estimated cost over {@code clusters}
     * evaluations exceeds the budget.
     *
     * @throws ExpressionEvaluationException of kind {@link
     *     ExpressionEvaluationException.Kind#POLICY_BUDGET}
     */
    public void admit(CompiledExpression expression, long clusters) {
      long estimate = expression.estimatedCost();
      if (clusters > 0 && estimate > budget.maxCost / clusters) {
        throw new ExpressionEvaluationException(
            ExpressionEvaluationException.Kind.POLICY_BUDGET,
            expression.fieldPath(),
            "policy "
                + policy
                + ": the expression's estimated cost of "
                + estimate
                + " per evaluation over "
                + clusters
                + " clusters exceeds the policy's budget of "
                + budget.maxCost
                + "; simplify it or raise the budget",
            null);
      }
    }

    /** Throws the run's error if an earlier evaluation exhausted it. */
    void check() {
      CostMeter.Exhausted error = exhausted;
      if (error != null) {
        throw error;
      }
      if (spent.get() >= budget.maxCost) {
        throw costExhausted();
      }
      if (System.nanoTime() - deadline > 0) {
        throw timeExhausted();
      }
    }

    long remainingCost() {
      return Math.max(0, budget.maxCost - spent.get());
    }

    long deadline() {
      return deadline;
    }

    void spend(long cost) {
      spent.accumulateAndGet(cost, Saturating::add);
    }

    CostMeter.Exhausted costExhausted() {
      return remember(
          "policy "
              + policy
              + ": the total CEL cost of this evaluation exceeds the policy's budget of "
              + budget.maxCost);
    }

    CostMeter.Exhausted timeExhausted() {
      return remember(
          "policy "
              + policy
              + ": CEL evaluation took longer than the policy's budget of "
              + budget.maxTime.toMillis()
              + " ms");
    }

    private CostMeter.Exhausted remember(String message) {
      CostMeter.Exhausted error = exhausted;
      if (error == null) {
        error = new CostMeter.Exhausted(ExpressionEvaluationException.Kind.POLICY_BUDGET, message);
        exhausted = error;
      }
      return error;
    }
  }
}
