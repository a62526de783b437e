package dev.flotilla.placement;

import java.util.Arrays;

/**
 * The set of cluster ordinals holding one label value (or one property value, or having one key).
 *
 * <p>Two layouts, chosen by size: a frequent value is a dense bitset ({@code long[]}, one bit per
 * ordinal), which the evaluator reads a word at a time in fused loops with no allocation; a rare
 * value (a site, a serial number) is a sorted {@code int[]} of ordinals, so that 100,000 unique
 * labels cost 100,000 small arrays rather than 100,000 bitsets of 12.5 KB. Instances are immutable;
 * {@link #with} and {@link #without} return copies, which is what lets inventory snapshots share
 * everything that an update did not touch.
 */
abstract sealed class Posting permits Posting.Dense, Posting.Sparse {
  /*
   * For maintainers. Invariants: a Sparse array is sorted and distinct; a Dense count is the number
   * of set bits, and words past the array's end read as zero (capacity may have grown since); no
   * array is written after construction, since postings are shared between snapshots and read by
   * the evaluator's word loops without copying.
   */
  static final Posting EMPTY = new Sparse(new int[0]);

  /**
   * A set is dense when it holds more than one ordinal in {@value}: a sorted array would then cost
   * at least half the bitset (32 bits per member against one bit per ordinal), and word loops beat
   * scattering. A sparse set turns dense only at twice that share and a dense one sparse at half of
   * it, so a value at the edge does not change layout on every update.
   */
  static final int DENSE_FRACTION = 64;

  abstract int count();

  abstract boolean contains(int ordinal);

  abstract Posting with(int ordinal, int capacity);

  abstract Posting without(int ordinal, int capacity);

  /** ORs this set into {@code words}. */
  abstract void orInto(long[] words);

  /** A posting for {@code sorted} distinct ordinals, in the layout their number calls for. */
  static Posting of(int[] sorted, int count, int capacity) {
    if (count > capacity / DENSE_FRACTION && count > 64) {
      long[] words = new long[words(capacity)];
      for (int i = 0; i < count; i++) {
        words[sorted[i] >>> 6] |= 1L << sorted[i];
      }
      return new Dense(words, count);
    }
    return new Sparse(Arrays.copyOf(sorted, count));
  }

  /**
   * A posting for the set bits of {@code words} ({@code count} of them), in the layout their number
   * calls for. A dense result shares {@code words}, which the caller must no longer change.
   */
  static Posting ofWords(long[] words, int count, int capacity) {
    if (count > capacity / DENSE_FRACTION && count > 64) {
      return new Dense(words, count);
    }
    int[] ordinals = new int[count];
    int n = 0;
    for (int w = 0; w < words.length && n < count; w++) {
      long word = words[w];
      while (word != 0) {
        ordinals[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    return new Sparse(ordinals);
  }

  static int words(int capacity) {
    return (capacity + 63) >>> 6;
  }

  /** One bit per ordinal. Words past the end of the array are zero. */
  static final class Dense extends Posting {
    final long[] words;
    private final int count;

    Dense(long[] words, int count) {
      this.words = words;
      this.count = count;
    }

    @Override
    int count() {
      return count;
    }

    @Override
    boolean contains(int ordinal) {
      int word = ordinal >>> 6;
      return word < words.length && (words[word] & (1L << ordinal)) != 0;
    }

    @Override
    Posting with(int ordinal, int capacity) {
      if (contains(ordinal)) {
        return this;
      }
      long[] copy = Arrays.copyOf(words, Math.max(words.length, words(capacity)));
      copy[ordinal >>> 6] |= 1L << ordinal;
      return new Dense(copy, count + 1);
    }

    @Override
    Posting without(int ordinal, int capacity) {
      if (!contains(ordinal)) {
        return this;
      }
      if (count - 1 < capacity / (DENSE_FRACTION * 2)) {
        return toSparse(ordinal);
      }
      long[] copy = words.clone();
      copy[ordinal >>> 6] &= ~(1L << ordinal);
      return new Dense(copy, count - 1);
    }

    private Posting toSparse(int removed) {
      int[] ordinals = new int[count - 1];
      int n = 0;
      for (int w = 0; w < words.length; w++) {
        long word = words[w];
        while (word != 0) {
          int ordinal = (w << 6) + Long.numberOfTrailingZeros(word);
          if (ordinal != removed) {
            ordinals[n++] = ordinal;
          }
          word &= word - 1;
        }
      }
      return new Sparse(ordinals);
    }

    @Override
    void orInto(long[] target) {
      int n = Math.min(words.length, target.length);
      for (int w = 0; w < n; w++) {
        target[w] |= words[w];
      }
    }
  }

  /** Sorted distinct ordinals. */
  static final class Sparse extends Posting {
    final int[] ordinals;

    Sparse(int[] ordinals) {
      this.ordinals = ordinals;
    }

    @Override
    int count() {
      return ordinals.length;
    }

    @Override
    boolean contains(int ordinal) {
      return Arrays.binarySearch(ordinals, ordinal) >= 0;
    }

    @Override
    Posting with(int ordinal, int capacity) {
      int at = Arrays.binarySearch(ordinals, ordinal);
      if (at >= 0) {
        return this;
      }
      int insert = -at - 1;
      int[] copy = new int[ordinals.length + 1];
      System.arraycopy(ordinals, 0, copy, 0, insert);
      copy[insert] = ordinal;
      System.arraycopy(ordinals, insert, copy, insert + 1, ordinals.length - insert);
      if (copy.length > capacity * 2 / DENSE_FRACTION && copy.length > 128) {
        return of(copy, copy.length, capacity);
      }
      return new Sparse(copy);
    }

    @Override
    Posting without(int ordinal, int capacity) {
      int at = Arrays.binarySearch(ordinals, ordinal);
      if (at < 0) {
        return this;
      }
      int[] copy = new int[ordinals.length - 1];
      System.arraycopy(ordinals, 0, copy, 0, at);
      System.arraycopy(ordinals, at + 1, copy, at, copy.length - at);
      return new Sparse(copy);
    }

    @Override
    void orInto(long[] target) {
      for (int ordinal : ordinals) {
        int word = ordinal >>> 6;
        if (word < target.length) {
          target[word] |= 1L << ordinal;
        }
      }
    }
  }
}
