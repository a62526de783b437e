package dev.flotilla.summarize;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;

/**
 * Every change to a quantile sketch goes through here, so that a sketch is a function of its inputs
 * alone: the same values (and merges, in the same order) give byte-identical sketches on every run
 * and every machine.
 */
final class Sketches {
  /*
   * For maintainers. KLL compaction keeps the odd or the even items of a level by a coin flip, and
   * DataSketches 6 flips its coins with one JVM-wide, unseeded java.util.Random (the package-private
   * static KllSketch.random). Beyond k values a sketch would therefore differ from run to run, and
   * between threads interleaving their flips. Each operation here holds that Random's monitor and
   * first reseeds it with a seed mixed from the operation's inputs (counts and sizes, which differ
   * from one merge to the next, so successive compactions do not all flip the same way). Accuracy
   * is unchanged: the guarantee needs fair coins, not unpredictable ones. The lock is held only for
   * one sketch build or merge, microseconds, while CEL evaluation (the real work) runs in parallel.
   *
   * If a later DataSketches hides the field, COIN is null and sketches stay correct but are
   * deterministic only up to k values per group (where no coin is flipped); SketchesTest fails then,
   * as a reminder.
   */
  private static final Random COIN = coin();

  private Sketches() {}

  private static Random coin() {
    try {
      Field field = KllSketch.class.getDeclaredField("random");
      field.setAccessible(true);
      return field.get(null) instanceof Random random ? random : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether sketches beyond k values are deterministic (the coin was reachable). */
  static boolean deterministic() {
    return COIN != null;
  }

  /** An empty sketch, k = {@link Layout#SKETCH_K}. */
  static KllDoublesSketch empty() {
    return KllDoublesSketch.newHeapInstance(Layout.SKETCH_K);
  }

  /** A sketch of the multiset {@code counts} (value to multiplicity), fed in ascending order. */
  static KllDoublesSketch of(TreeMap<Double, long[]> counts) {
    KllDoublesSketch sketch = empty();
    if (counts.isEmpty()) {
      return sketch;
    }
    long total = 0;
    for (long[] n : counts.values()) {
      total += n[0];
    }
    return seeded(
        mix(total, counts.size()),
        () -> {
          for (Map.Entry<Double, long[]> e : counts.entrySet()) {
            sketch.update(e.getKey(), e.getValue()[0]);
          }
          return sketch;
        });
  }

  /** Merges {@code other} into {@code sketch}. */
  static void merge(KllDoublesSketch sketch, KllDoublesSketch other) {
    if (other.isEmpty()) {
      return;
    }
    long seed =
        mix(mix(sketch.getN(), sketch.getNumRetained()), mix(other.getN(), other.getNumRetained()));
    seeded(
        seed,
        () -> {
          sketch.merge(other);
          return sketch;
        });
  }

  private static <T> T seeded(long seed, Supplier<T> operation) {
    if (COIN == null) {
      return operation.get();
    }
    synchronized (COIN) {
      COIN.setSeed(seed);
      return operation.get();
    }
  }

  /** SplitMix64's finalizer over two longs. */
  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
