package dev.flotilla.expr;

/**
 * Arithmetic on cost estimates and sizes that stops at {@link Long#MAX_VALUE} instead of wrapping:
 * an estimate that overflows must read as "too much", never as a small or negative number.
 */
final class Saturating {
  private Saturating() {}

  static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
