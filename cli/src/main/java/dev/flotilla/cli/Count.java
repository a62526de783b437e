package dev.flotilla.cli;

/** A number with its noun, singular or plural as the number needs: "1 cluster", "2 clusters". */
final class Count {
  private Count() {}

  /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1; thousands separated. */
  static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} or {@code plural}; thousands separated. */
  static String of(long n, String singular, String plural) {
    return String.format("%,d %s", n, n == 1 ? singular : plural);
  }

  /** {@code singular} or {@code plural}, as {@code n} needs. */
  static String noun(long n, String singular, String plural) {
    return n == 1 ? singular : plural;
  }
}
