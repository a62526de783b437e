package dev.flotilla.placement;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An inventory's cluster names in sorted order with their ordinals: a prefix is a range of it,
 * found by two binary searches.
 */
final class SortedNames {
  /*
   * For maintainers. Built lazily, once per snapshot lineage: Inventory.with on an existing cluster
   * and Inventory.without share it (names and ordinals do not change; a removed cluster's entry
   * stays, pointing at a hole, and callers AND with live clusters), Inventory.with on a new name
   * drops it, to be sorted again on the next name query.
   */
  private final String[] names;
  private final int[] ordinals;

  /**
   * Recent prefixes' ordinals as words, as Lucene caches a filter per segment: a prefix covering
   * half the fleet sets 50,000 scattered bits, a cached one is a word-wise OR. Valid as long as the
   * dictionary is (its entries never change); bounded, cleared when full.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, long[]> prefixes =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int CACHED_PREFIXES = 16;

  private SortedNames(String[] names, int[] ordinals) {
    this.names = names;
    this.ordinals = ordinals;
  }

  static SortedNames of(Inventory inventory) {
    int capacity = inventory.capacity();
    Integer[] order = new Integer[inventory.size()];
    int n = 0;
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      if (inventory.nameAt(ordinal) != null) {
        order[n++] = ordinal;
      }
    }
    Arrays.sort(order, 0, n, Comparator.comparing(inventory::nameAt));
    String[] names = new String[n];
    int[] ordinals = new int[n];
    for (int i = 0; i < n; i++) {
      ordinals[i] = order[i];
      names[i] = inventory.nameAt(order[i]);
    }
    return new SortedNames(names, ordinals);
  }

  /** Sets in {@code out} the ordinals of the names starting with {@code prefix}. */
  void prefix(String prefix, long[] out) {
    long[] cached = prefixes.get(prefix);
    if (cached == null) {
      cached = new long[out.length];
      setPrefix(prefix, cached);
      if (prefixes.size() >= CACHED_PREFIXES) {
        prefixes.clear();
      }
      prefixes.put(prefix, cached);
    }
    int n = Math.min(cached.length, out.length);
    for (int w = 0; w < n; w++) {
      out[w] |= cached[w];
    }
  }

  private void setPrefix(String prefix, long[] out) {
    int from = firstNotBefore(prefix);
    int to = prefix.isEmpty() ? names.length : firstNotBefore(successor(prefix), from);
    for (int i = from; i < to; i++) {
      int ordinal = ordinals[i];
      out[ordinal >>> 6] |= 1L << ordinal;
    }
  }

  /** Sets in {@code out} the ordinals of the names ending with {@code suffix}. */
  void suffix(String suffix, long[] out) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].endsWith(suffix)) {
        int ordinal = ordinals[i];
        out[ordinal >>> 6] |= 1L << ordinal;
      }
    }
  }

  /**
   * The least string greater than every string starting with {@code prefix} (not empty): the prefix
   * with its last char incremented, dropping trailing {@code \uffff} chars; names starting with the
   * prefix are the range [prefix, successor). Null when there is none (only {@code \uffff}s): then
   * every name from the prefix on starts with it.
   */
  private static String successor(String prefix) {
    int end = prefix.length();
    while (end > 0 && prefix.charAt(end - 1) == Character.MAX_VALUE) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    return prefix.substring(0, end - 1) + (char) (prefix.charAt(end - 1) + 1);
  }

  private int firstNotBefore(String key) {
    return firstNotBefore(key, 0);
  }

  /** The index of the first name from {@code low} on not less than {@code key} (null: none is). */
  private int firstNotBefore(String key, int low) {
    if (key == null) {
      return names.length;
    }
    int high = names.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (names[mid].compareTo(key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
