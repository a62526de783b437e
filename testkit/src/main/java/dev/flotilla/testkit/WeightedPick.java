package dev.flotilla.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Picks an index with probability proportional to integer weights (no floating point, so exact).
 */
final class WeightedPick {
  /** Totals up to this many get a lookup table (a char per unit of weight) instead of a search. */
  private static final int MAX_TABLE = 1 << 16;

  private final int[] cumulative;

  /** {@code table[x]}: the index {@link #pick} returns for the draw {@code x}; null if too big. */
  private final char[] table;

  private WeightedPick(int[] weights) {
    cumulative = new int[weights.length];
    long sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] <= 0) {
        throw new IllegalArgumentException("weights must be positive: " + Arrays.toString(weights));
      }
      sum += weights[i];
      cumulative[i] = Math.toIntExact(sum);
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("no weights");
    }
    int total = cumulative[cumulative.length - 1];
    if (total <= MAX_TABLE && weights.length <= Character.MAX_VALUE) {
      table = new char[total];
      for (int i = 0, x = 0; i < cumulative.length; i++) {
        for (; x < cumulative[i]; x++) {
          table[x] = (char) i;
        }
      }
    } else {
      table = null;
    }
  }

  static WeightedPick of(int... weights) {
    return new WeightedPick(weights);
  }

  static <T> WeightedPick of(List<T> items, ToIntFunction<T> weight) {
    return new WeightedPick(items.stream().mapToInt(weight).toArray());
  }

  int pick(SeededRandom random) {
    return index(random.nextInt(cumulative[cumulative.length - 1]));
  }

  /** The index drawn by {@code x}, from 0 (inclusive) to the total weight (exclusive). */
  int index(int x) {
    if (table != null) {
      return table[x]; // the generator draws millions of times: one array read per draw
    }
    // The first index whose cumulative weight exceeds x; weights are positive so the array is
    // strictly increasing and searching for x + 1 lands on it either way.
    int found = Arrays.binarySearch(cumulative, x + 1);
    return found >= 0 ? found : -found - 1;
  }
}
