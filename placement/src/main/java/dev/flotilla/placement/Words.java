package dev.flotilla.placement;

import java.util.Arrays;

/**
 * Word loops over bitsets ({@code long[]}, 64 clusters a word), one array pass each.
 *
 * <p>Each loop is a plain counted loop with no branch in its body, the shape C2's superword pass
 * turns into vector instructions (four or eight words at a time here): a selection is a handful of
 * these passes, so its cost stays within a few times a copy of the result. A source shorter than
 * the destination reads as zero past its end (a posting built before the inventory grew).
 */
final class Words {
  private Words() {}

  /** {@code dst = a}. */
  static void copy(long[] dst, long[] a) {
    int n = Math.min(dst.length, a.length);
    System.arraycopy(a, 0, dst, 0, n);
    Arrays.fill(dst, n, dst.length, 0L);
  }

  /** {@code dst = a | b}. */
  static void or(long[] dst, long[] a, long[] b) {
    if (a.length < dst.length || b.length < dst.length) {
      copy(dst, a);
      or(dst, b);
      return;
    }
    for (int w = 0; w < dst.length; w++) {
      dst[w] = a[w] | b[w];
    }
  }

  /** {@code dst |= a}. */
  static void or(long[] dst, long[] a) {
    int n = Math.min(dst.length, a.length);
    for (int w = 0; w < n; w++) {
      dst[w] |= a[w];
    }
  }

  /** {@code dst |= a | b}. */
  static void orBoth(long[] dst, long[] a, long[] b) {
    if (a.length < dst.length || b.length < dst.length) {
      or(dst, a);
      or(dst, b);
      return;
    }
    for (int w = 0; w < dst.length; w++) {
      dst[w] |= a[w] | b[w];
    }
  }

  /** {@code dst &= a}. */
  static void and(long[] dst, long[] a) {
    int n = Math.min(dst.length, a.length);
    for (int w = 0; w < n; w++) {
      dst[w] &= a[w];
    }
    Arrays.fill(dst, n, dst.length, 0L);
  }

  /** {@code dst &= ~a}. */
  static void andNot(long[] dst, long[] a) {
    int n = Math.min(dst.length, a.length);
    for (int w = 0; w < n; w++) {
      dst[w] &= ~a[w];
    }
  }

  /** {@code dst &= a | b}. */
  static void andEither(long[] dst, long[] a, long[] b) {
    if (a.length < dst.length || b.length < dst.length) {
      long[] union = new long[dst.length];
      or(union, a, b);
      and(dst, union);
      return;
    }
    for (int w = 0; w < dst.length; w++) {
      dst[w] &= a[w] | b[w];
    }
  }

  /** {@code dst |= a & ~b}: what a term adds to a selection, less what it must skip. */
  static void orAndNot(long[] dst, long[] a, long[] b) {
    if (b == null) {
      or(dst, a);
      return;
    }
    int n = Math.min(dst.length, Math.min(a.length, b.length));
    for (int w = 0; w < n; w++) {
      dst[w] |= a[w] & ~b[w];
    }
    for (int w = n; w < Math.min(dst.length, a.length); w++) {
      dst[w] |= w < b.length ? a[w] & ~b[w] : a[w];
    }
  }

  /** Word {@code w} of {@code bits}, where a null array is the empty set. */
  static long at(long[] bits, int w) {
    return bits == null ? 0 : bits[w];
  }

  /** The number of set bits. */
  static int count(long[] words) {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /** True when no bit is set. */
  static boolean isEmpty(long[] words) {
    for (long word : words) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }
}
