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
 * {@code setAll} copy the spine and every chunk they touch before writing.
 */
final class Chunked {
  static final int SHIFT = 10;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private Chunked() {}

  /** A persistent {@code int[]} whose unset slots read as {@code -1}. */
  static final class Ints {
    private final int[][] chunks;

    private Ints(int[][] chunks) {
      this.chunks = chunks;
    }

    int get(int index) {
      int chunk = index >>> SHIFT;
      return chunk < chunks.length ? chunks[chunk][index & MASK] : -1;
    }

    Ints set(int index, int value) {
      int chunk = index >>> SHIFT;
      int[][] spine = Arrays.copyOf(chunks, Math.max(chunks.length, chunk + 1));
      for (int i = chunks.length; i < spine.length; i++) {
        spine[i] = emptyChunk();
      }
      int[] copy = chunk >= chunks.length ? spine[chunk] : spine[chunk].clone();
      copy[index & MASK] = value;
      spine[chunk] = copy;
      return new Ints(spine);
    }

    /** A column built in one pass from {@code values} (bulk load, no copying per slot). */
    static Ints of(int[] values) {
      int[][] spine = new int[(values.length + MASK) >>> SHIFT][];
      for (int c = 0; c < spine.length; c++) {
        spine[c] = emptyChunk();
        int from = c << SHIFT;
        System.arraycopy(values, from, spine[c], 0, Math.min(CHUNK, values.length - from));
      }
      return new Ints(spine);
    }

    private static int[] emptyChunk() {
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
      return chunk < chunks.length ? (T) chunks[chunk][index & MASK] : null;
    }

    Objects<T> set(int index, T value) {
      int chunk = index >>> SHIFT;
      Object[][] spine = Arrays.copyOf(chunks, Math.max(chunks.length, chunk + 1));
      for (int i = chunks.length; i < spine.length; i++) {
        spine[i] = new Object[CHUNK];
      }
      Object[] copy = chunk >= chunks.length ? spine[chunk] : spine[chunk].clone();
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
      for (int i = chunks.length; i < spine.length; i++) {
        spine[i] = new Object[CHUNK];
      }
      int copied = -1;
      for (int i = 0; i < indexes.length; i++) {
        int chunk = indexes[i] >>> SHIFT;
        if (chunk != copied && chunk < chunks.length) {
          spine[chunk] = spine[chunk].clone();
        }
        copied = chunk;
        spine[chunk][indexes[i] & MASK] = values.get(i);
      }
      return new Objects<>(spine);
    }

    static <T> Objects<T> of(Object[] values) {
      Object[][] spine = new Object[(values.length + MASK) >>> SHIFT][];
      for (int c = 0; c < spine.length; c++) {
        spine[c] = new Object[CHUNK];
        int from = c << SHIFT;
        System.arraycopy(values, from, spine[c], 0, Math.min(CHUNK, values.length - from));
      }
      return new Objects<>(spine);
    }
  }
}
