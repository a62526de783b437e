package dev.flotilla.api.summary;

/** What an aggregate computes over the subjects of a group (null subjects are skipped). */
public enum AggregateFunction {
  /** How many reports; with an expression, how many for which it is {@code true}. */
  Count,
  /** The exact sum of the numeric subjects. */
  Sum,
  /** The mean of the numeric subjects. */
  Avg,
  /** The smallest subject (numbers before strings, strings in code point order). */
  Min,
  /** The largest subject. */
  Max,
  /** How many distinct subjects: exact up to a cap, then a lower bound. */
  CountDistinct,
  /** The median of the numeric subjects, from a mergeable sketch. */
  P50,
  /** The 90th percentile, from a mergeable sketch. */
  P90,
  /** The 99th percentile, from a mergeable sketch. */
  P99;

  /** Whether the function needs an expression ({@link #Count} does not). */
  public boolean needsExpression() {
    return this != Count;
  }

  /** The rank of a quantile function (0.5, 0.9, 0.99), or NaN for the others. */
  public double rank() {
    return switch (this) {
      case P50 -> 0.5;
      case P90 -> 0.9;
      case P99 -> 0.99;
      default -> Double.NaN;
    };
  }
}
