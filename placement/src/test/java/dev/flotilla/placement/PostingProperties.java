package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A posting, sparse or dense, is the set a {@link BitSet} holds, through any updates. */
class PostingProperties {

  @Test
  void withAndWithoutMatchABitSetAcrossLayoutChanges() {
    qt().withFixedSeed(31L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(1, 20_000))
        .checkAssert(
            (seed, capacity) -> {
              SplittableRandom random = new SplittableRandom(seed);
              // Ordinals drawn from a window, so a set can grow dense and shrink sparse again.
              int window = 1 + random.nextInt(capacity);
              BitSet expected = new BitSet();
              Posting posting = Posting.EMPTY;
              Posting original = posting;
              for (int step = 0; step < 600; step++) {
                int o = random.nextInt(window);
                boolean add = step < 400 ? random.nextInt(4) > 0 : random.nextInt(4) == 0;
                posting = add ? posting.with(o, capacity) : posting.without(o, capacity);
                expected.set(o, add);
                assertEquals(add, posting.contains(o), "seed " + seed + " step " + step);
              }
              assertSameSet(expected, posting, capacity, "seed " + seed);
              assertEquals(0, original.count(), "the empty posting is never changed");
            });
  }

  @Test
  void ofAndOfWordsBuildTheSetInTheLayoutItsSizeCallsFor() {
    qt().withFixedSeed(37L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(0, 20_000))
        .checkAssert(
            (seed, capacity) -> {
              SplittableRandom random = new SplittableRandom(seed);
              int percent = random.nextInt(101);
              BitSet expected = new BitSet();
              int[] sorted = new int[capacity];
              int n = 0;
              for (int o = 0; o < capacity; o++) {
                if (random.nextInt(100) < percent) {
                  expected.set(o);
                  sorted[n++] = o;
                }
              }
              Posting built = Posting.of(sorted, n, capacity);
              assertSameSet(expected, built, capacity, "of, seed " + seed);
              long[] words = new long[Posting.words(capacity)];
              built.orInto(words);
              assertSameSet(expected, Posting.ofWords(words, n, capacity), capacity, "ofWords");
              boolean dense = n > capacity / Posting.DENSE_FRACTION && n > 64;
              assertEquals(dense, built instanceof Posting.Dense, "layout, seed " + seed);
            });
  }

  @Test
  void unchangedUpdatesReturnTheSamePosting() {
    Posting sparse = Posting.of(new int[] {3, 9}, 2, 100);
    assertSame(sparse, sparse.with(3, 100));
    assertSame(sparse, sparse.without(4, 100));
    int[] all = new int[1000];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Posting dense = Posting.of(all, all.length, all.length);
    assertInstanceOf(Posting.Dense.class, dense);
    assertSame(dense, dense.with(5, 1000));
    assertSame(dense, dense.without(1000, 1000));
  }

  @Test
  void aDenseSetThinnedOutTurnsSparse() {
    int capacity = 64 * 100;
    int[] first = new int[200];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    Posting posting = Posting.of(first, first.length, capacity);
    assertInstanceOf(Posting.Dense.class, posting);
    for (int o = 0; o < 151; o++) {
      posting = posting.without(o, capacity);
    }
    // 49 left, under half the dense threshold (capacity / 128 = 50): sparse again.
    assertInstanceOf(Posting.Sparse.class, posting);
    assertEquals(49, posting.count());
  }

  static void assertSameSet(BitSet expected, Posting posting, int capacity, String context) {
    assertEquals(expected.cardinality(), posting.count(), context + " count");
    long[] words = new long[Posting.words(capacity)];
    posting.orInto(words);
    assertEquals(expected, BitSet.valueOf(words), context + " members");
    for (int o = 0; o < capacity; o++) {
      if (expected.get(o) != posting.contains(o)) {
        assertEquals(expected.get(o), posting.contains(o), context + " contains " + o);
      }
    }
  }
}
