package dev.flotilla.placement;

import java.util.Arrays;

/**
 * One placement's selected clusters in a {@link Decisions} snapshot: a posting, plus the ordinals
 * whose membership flipped since that posting was built.
 *
 * <p>Why not a posting alone: a cluster event flips a placement's decision for one cluster, and a
 * dense posting's copy-on-write costs a 12.5 KB bitset copy per flip at 100,000 clusters; an {@code
 * env} relabel flipping 700 decisions then copied 9 MB. Flips are kept in a small sorted array
 * instead and folded into a fresh posting once there are more than {@value #MAX_FLIPS}, so an
 * update costs O(flips) and each fold is paid for by the flips before it.
 */
final class Decided {
  /*
   * For maintainers. Invariants: the set is `base` XOR `flipped`; `flipped` is sorted, distinct and
   * at most MAX_FLIPS long; `count` is the size of that set. Nothing is written after construction.
   */
  static final int MAX_FLIPS = 64;

  private final Posting base;
  private final int[] flipped;
  private final int count;

  private Decided(Posting base, int[] flipped, int count) {
    this.base = base;
    this.flipped = flipped;
    this.count = count;
  }

  static Decided of(Posting posting) {
    return new Decided(posting, new int[0], posting.count());
  }

  int count() {
    return count;
  }

  boolean contains(int ordinal) {
    return base.contains(ordinal) != (Arrays.binarySearch(flipped, ordinal) >= 0);
  }

  /** These clusters with {@code ordinal} added when {@code selected}, else removed. */
  Decided with(int ordinal, boolean selected, int capacity) {
    if (contains(ordinal) == selected) {
      return this;
    }
    int at = Arrays.binarySearch(flipped, ordinal);
    int[] next;
    if (at >= 0) {
      next = new int[flipped.length - 1];
      System.arraycopy(flipped, 0, next, 0, at);
      System.arraycopy(flipped, at + 1, next, at, flipped.length - at - 1);
    } else {
      int insert = -at - 1;
      next = new int[flipped.length + 1];
      System.arraycopy(flipped, 0, next, 0, insert);
      next[insert] = ordinal;
      System.arraycopy(flipped, insert, next, insert + 1, flipped.length - insert);
    }
    Decided changed = new Decided(base, next, selected ? count + 1 : count - 1);
    return next.length > MAX_FLIPS ? changed.fold(capacity) : changed;
  }

  void orInto(long[] words) {
    base.orInto(words);
    for (int ordinal : flipped) {
      words[ordinal >>> 6] ^= 1L << ordinal;
    }
  }

  /** The same set as a plain posting with no flips. */
  private Decided fold(int capacity) {
    long[] words = new long[Posting.words(capacity)];
    orInto(words);
    int[] ordinals = new int[count];
    int n = 0;
    for (int w = 0; w < words.length; w++) {
      long word = words[w];
      while (word != 0) {
        ordinals[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    return of(Posting.of(ordinals, n, capacity));
  }
}
