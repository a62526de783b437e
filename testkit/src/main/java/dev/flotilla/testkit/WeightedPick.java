package dev.flotilla.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Picks an index with probability proportional to integer weights (no floating point, so exact).
 */
final class WeightedPick {
  private final int[] cumulative;

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
  }

  static WeightedPick of(int... weights) {
    return new WeightedPick(weights);
  }

  static <T> WeightedPick of(List<T> items, ToIntFunction<T> weight) {
    return new WeightedPick(items.stream().mapToInt(weight).toArray());
  }

  int pick(SeededRandom random) {
    int x = random.nextInt(cumulative[cumulative.length - 1]);
    // The first index whose cumulative weight exceeds x; weights are positive so the array is
    // strictly increasing and searching for x + 1 lands on it either way.
    int found = Arrays.binarySearch(cumulative, x + 1);
    return found >= 0 ? found : -found - 1;
  }
}
