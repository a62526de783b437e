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
    int from = firstNotBefore(prefix);
    for (int i = from; i < names.length && names[i].startsWith(prefix); i++) {
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

  /** The index of the first name not less than {@code key}. */
  private int firstNotBefore(String key) {
    int low = 0;
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
