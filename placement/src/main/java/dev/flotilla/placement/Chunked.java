package dev.flotilla.placement;

import java.util.Arrays;
import java.util.List;

/**
 * Persistent arrays indexed by cluster ordinal, in chunks of {@value #CHUNK} slots. Setting one
 * slot copies the spine (one reference per chunk) and one chunk, so a snapshot update costs a few
 * kilobytes of copying whatever the fleet size, and older snapshots stay valid for their readers.
 *
 * <p>For maintainers. Layout: a spine array of chunk references, each chunk a plain {@code int[]}
 * or {@code Object[]} of {@value #CHUNK} slots, so a read is two array loads and no boxing.
 * Invariant: a chunk reachable from a published spine is never written again; {@code set} and
 * {@code setAll} copy the spine and every chunk they touch before writing. An object chunk may be
 * null (all nulls); an int array picks its width (byte, char, int) from its largest value.
 */
final class Chunked {
  static final int SHIFT = 10;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private Chunked() {}

  /**
   * A persistent {@code int[]} of non-negative values whose unset slots read as {@code -1}, stored
   * as narrow as its largest value allows, as Lucene packs doc values: a column of value ids of a
   * key with under 255 values costs a byte per cluster, under 65,535 a char, else an int. The all-
   * ones pattern of the width is -1. Setting a value too wide for the column widens every chunk
   * once (linear, at most twice in a column's life); other sets copy one chunk.
   */
  static final class Ints {
    private static final int BYTE_MAX = 0xFE;
    private static final int CHAR_MAX = 0xFFFE;

    /** Exactly one of the three is non-null. */
    private final byte[][] bytes;

    private final char[][] chars;
    private final int[][] ints;

    private Ints(byte[][] bytes, char[][] chars, int[][] ints) {
      this.bytes = bytes;
      this.chars = chars;
      this.ints = ints;
    }

    int get(int index) {
      int chunk = index >>> SHIFT;
      if (bytes != null) {
        if (chunk >= bytes.length) {
          return -1;
        }
        int value = bytes[chunk][index & MASK] & 0xFF;
        return value == 0xFF ? -1 : value;
      }
      if (chars != null) {
        if (chunk >= chars.length) {
          return -1;
        }
        int value = chars[chunk][index & MASK];
        return value == 0xFFFF ? -1 : value;
      }
      return chunk < ints.length ? ints[chunk][index & MASK] : -1;
    }

    Ints set(int index, int value) {
      if (value > BYTE_MAX && bytes != null || value > CHAR_MAX && chars != null) {
        return widened(value).set(index, value);
      }
      int chunk = index >>> SHIFT;
      if (bytes != null) {
        byte[][] spine = Arrays.copyOf(bytes, Math.max(bytes.length, chunk + 1));
        for (int i = bytes.length; i < spine.length; i++) {
          spine[i] = emptyBytes();
        }
        byte[] copy = chunk >= bytes.length ? spine[chunk] : spine[chunk].clone();
        copy[index & MASK] = (byte) value;
        spine[chunk] = copy;
        return new Ints(spine, null, null);
      }
      if (chars != null) {
        char[][] spine = Arrays.copyOf(chars, Math.max(chars.length, chunk + 1));
        for (int i = chars.length; i < spine.length; i++) {
          spine[i] = emptyChars();
        }
        char[] copy = chunk >= chars.length ? spine[chunk] : spine[chunk].clone();
        copy[index & MASK] = (char) value;
        spine[chunk] = copy;
        return new Ints(null, spine, null);
      }
      int[][] spine = Arrays.copyOf(ints, Math.max(ints.length, chunk + 1));
      for (int i = ints.length; i < spine.length; i++) {
        spine[i] = emptyInts();
      }
      int[] copy = chunk >= ints.length ? spine[chunk] : spine[chunk].clone();
      copy[index & MASK] = value;
      spine[chunk] = copy;
      return new Ints(null, null, spine);
    }

    private int length() {
      return (bytes != null ? bytes.length : chars != null ? chars.length : ints.length) << SHIFT;
    }

    /** This array in the width {@code value} needs (a copy). */
    private Ints widened(int value) {
      int[] all = new int[length()];
      for (int i = 0; i < all.length; i++) {
        all[i] = get(i);
      }
      return of(all, value);
    }

    /** A column built in one pass from {@code values} (bulk load, no copying per slot). */
    static Ints of(int[] values) {
      return of(values, -1);
    }

    private static Ints of(int[] values, int atLeast) {
      int max = atLeast;
      for (int value : values) {
        max = Math.max(max, value);
      }
      int chunks = (values.length + MASK) >>> SHIFT;
      if (max <= BYTE_MAX) {
        byte[][] spine = new byte[chunks][];
        for (int c = 0; c < chunks; c++) {
          byte[] chunk = emptyBytes();
          for (int i = c << SHIFT, end = Math.min(values.length, i + CHUNK); i < end; i++) {
            chunk[i & MASK] = (byte) values[i];
          }
          spine[c] = chunk;
        }
        return new Ints(spine, null, null);
      }
      if (max <= CHAR_MAX) {
        char[][] spine = new char[chunks][];
        for (int c = 0; c < chunks; c++) {
          char[] chunk = emptyChars();
          for (int i = c << SHIFT, end = Math.min(values.length, i + CHUNK); i < end; i++) {
            chunk[i & MASK] = (char) values[i];
          }
          spine[c] = chunk;
        }
        return new Ints(null, spine, null);
      }
      int[][] spine = new int[chunks][];
      for (int c = 0; c < chunks; c++) {
        spine[c] = emptyInts();
        int from = c << SHIFT;
        System.arraycopy(values, from, spine[c], 0, Math.min(CHUNK, values.length - from));
      }
      return new Ints(null, null, spine);
    }

    private static byte[] emptyBytes() {
      byte[] chunk = new byte[CHUNK];
      Arrays.fill(chunk, (byte) -1);
      return chunk;
    }

    private static char[] emptyChars() {
      char[] chunk = new char[CHUNK];
      Arrays.fill(chunk, (char) 0xFFFF);
      return chunk;
    }

    private static int[] emptyInts() {
      int[] chunk = new int[CHUNK];
      Arrays.fill(chunk, -1);
      return chunk;
    }
  }

  /** A persistent {@code Object[]} whose unset slots read as {@code null}. */
  static final class Objects<T> {
    private static final Objects<?> EMPTY = new Objects<>(new Object[0][]);
    private final Object[][] chunks;

    private Objects(Object[][] chunks) {
      this.chunks = chunks;
    }

    @SuppressWarnings("unchecked")
    static <T> Objects<T> empty() {
      return (Objects<T>) EMPTY;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
      int chunk = index >>> SHIFT;
      if (chunk >= chunks.length) {
        return null;
      }
      Object[] slots = chunks[chunk];
      return slots == null ? null : (T) slots[index & MASK];
    }

    Objects<T> set(int index, T value) {
      int chunk = index >>> SHIFT;
      Object[][] spine = Arrays.copyOf(chunks, Math.max(chunks.length, chunk + 1));
      Object[] copy = spine[chunk] == null ? new Object[CHUNK] : spine[chunk].clone();
      copy[index & MASK] = value;
      spine[chunk] = copy;
      return new Objects<>(spine);
    }

    /**
     * This array with {@code values[i]} at {@code indexes[i]} for each i (indexes ascending), each
     * touched chunk copied once however many of its slots change.
     */
    Objects<T> setAll(int[] indexes, List<T> values) {
      if (indexes.length == 0) {
        return this;
      }
      int last = indexes[indexes.length - 1] >>> SHIFT;
      Object[][] spine = Arrays.copyOf(chunks, Math.max(chunks.length, last + 1));
      int copied = -1;
      for (int i = 0; i < indexes.length; i++) {
        int chunk = indexes[i] >>> SHIFT;
        if (chunk != copied) {
          spine[chunk] = spine[chunk] == null ? new Object[CHUNK] : spine[chunk].clone();
        }
        copied = chunk;
        spine[chunk][indexes[i] & MASK] = values.get(i);
      }
      return new Objects<>(spine);
    }

    /** A bulk load; a chunk of nulls only is left out (a null chunk reads as nulls). */
    static <T> Objects<T> of(Object[] values) {
      Object[][] spine = new Object[(values.length + MASK) >>> SHIFT][];
      for (int c = 0; c < spine.length; c++) {
        int from = c << SHIFT;
        int to = Math.min(values.length, from + CHUNK);
        boolean any = false;
        for (int i = from; i < to && !any; i++) {
          any = values[i] != null;
        }
        if (any) {
          spine[c] = new Object[CHUNK];
          System.arraycopy(values, from, spine[c], 0, to - from);
        }
      }
      return new Objects<>(spine);
    }
  }
}
