package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A decided set with flips behaves as a plain set through any sequence of updates and folds. */
class DecidedProperties {

  @Test
  void flipsAndFoldsMatchAPlainBitSet() {
    qt().withFixedSeed(11L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              int capacity = 1 + random.nextInt(3_000);
              BitSet expected = new BitSet();
              int density = 1 + random.nextInt(100);
              int[] initial = new int[capacity];
              int n = 0;
              for (int o = 0; o < capacity; o++) {
                if (random.nextInt(100) < density) {
                  expected.set(o);
                  initial[n++] = o;
                }
              }
              Decided decided = Decided.of(Posting.of(initial, n, capacity));
              for (int step = 0; step < 300; step++) {
                // Few hot ordinals, so flips also cancel out.
                int o = random.nextInt(Math.min(capacity, 1 + random.nextInt(200)));
                boolean selected = random.nextBoolean();
                decided = decided.with(o, selected, capacity);
                expected.set(o, selected);
                assertEquals(expected.get(o), decided.contains(o), "seed " + seed);
              }
              assertEquals(expected.cardinality(), decided.count(), "count, seed " + seed);
              long[] words = new long[Posting.words(capacity)];
              decided.orInto(words);
              assertEquals(expected, BitSet.valueOf(words), "members, seed " + seed);
            });
  }
}
