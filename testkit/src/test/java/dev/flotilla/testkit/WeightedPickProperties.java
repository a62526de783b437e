package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A draw picks the first index whose cumulative weight exceeds it, whether the pick reads its
 * lookup table (small totals) or searches the cumulative weights (large ones).
 */
class WeightedPickProperties {

  @Test
  void everyDrawPicksTheFirstIndexWhoseCumulativeWeightExceedsIt() {
    qt().withFixedSeed(61L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              int[] weights = new int[1 + random.nextInt(12)];
              boolean large = random.nextBoolean(); // past the table's size: the search path
              for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + random.nextInt(large ? 40_000 : 300);
              }
              WeightedPick pick = WeightedPick.of(weights);
              int total = 0;
              for (int weight : weights) {
                total += weight;
              }
              for (int x = 0, i = 0, below = 0; x < total; x++) {
                while (x >= below + weights[i]) {
                  below += weights[i++];
                }
                assertEquals(i, pick.index(x), "seed " + seed + " draw " + x);
              }
            });
  }
}
