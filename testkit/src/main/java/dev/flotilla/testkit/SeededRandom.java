package dev.flotilla.testkit;

/**
 * SplitMix64, written out so that a seed gives the same numbers on every JVM and JDK version: the
 * generator's output is a contract for benchmarks and reproducible property tests, and {@code
 * java.util.SplittableRandom} only promises its algorithm in an implementation note.
 *
 * <p>Each item of a fleet (a block of sites, a site, a cluster) gets its own instance seeded from
 * {@code (seed, stream, index)}, so any item can be built alone, in any order, without walking the
 * ones before it.
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  private SeededRandom(long state) {
    this.state = state;
  }

  /**
   * An independent sequence for item {@code index} of {@code stream}. Mixing twice keeps nearby
   * seeds and indexes from giving overlapping SplitMix64 sequences (SplitMix64 states that differ
   * by a multiple of the gamma are the same sequence shifted).
   */
  static SeededRandom of(long seed, long stream, long index) {
    return new SeededRandom(
        mix64(mix64(seed ^ (stream * 0xd1b54a32d192ed03L)) + index * GOLDEN_GAMMA));
  }

  /** Stafford's variant 13 finalizer; a bijection on 64 bits. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /**
   * A number in {@code [0, bound)}: 32 random bits scaled by multiplication (Lemire) without the
   * rejection step; the bias, at most {@code bound / 2^32}, is far below anything a fleet shows.
   */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** True with probability {@code perTenThousand / 10000}. */
  boolean chance(int perTenThousand) {
    return nextInt(10_000) < perTenThousand;
  }
}
