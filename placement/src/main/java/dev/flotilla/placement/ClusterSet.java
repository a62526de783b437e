package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An immutable set of clusters of one {@link Inventory} snapshot, such as the clusters a placement
 * selects. Set operations combine sets of the same snapshot.
 *
 * <p>Immutable and thread-safe: its words are never written after construction, so a set may be
 * handed to any thread.
 */
public final class ClusterSet {
  /*
   * For maintainers. A bitset over the inventory's ordinals (one bit per slot, 64 per word), with
   * its cardinality cached: set operations are word loops with no allocation but the result, and
   * membership is one array read. Invariants: only live ordinals of `inventory` are set; `words` is
   * never written after construction (toPosting may share it with a dense Posting), so a set is
   * safe to hand to any thread; sets of different snapshots never mix (ordinals differ).
   */
  private final Inventory inventory;
  private final long[] words;
  private final int size;

  ClusterSet(Inventory inventory, long[] words, int size) {
    this.inventory = inventory;
    this.words = words;
    this.size = size;
  }

  /** Counts the bits of {@code words}. */
  static ClusterSet of(Inventory inventory, long[] words) {
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return new ClusterSet(inventory, words, count);
  }

  /** The clusters as a posting (sharing the words: both are immutable). */
  Posting toPosting() {
    return Posting.ofWords(words, size, inventory.capacity());
  }

  /** The snapshot these clusters belong to. */
  public Inventory inventory() {
    return inventory;
  }

  /** Number of clusters. */
  public int size() {
    return size;
  }

  /** True when the set has no cluster. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** True when the cluster named {@code name} is in the set. */
  public boolean contains(String name) {
    int ordinal = inventory.ordinal(name);
    return ordinal >= 0 && containsOrdinal(ordinal);
  }

  /** The names, sorted. */
  public List<String> names() {
    List<String> out = new ArrayList<>(size);
    forEachOrdinal(ordinal -> out.add(inventory.nameAt(ordinal)));
    Collections.sort(out);
    return out;
  }

  /**
   * How many clusters of this set carry each value of label {@code key}, sorted by value; clusters
   * without the label are not counted. A facet count over the index: one AND and count per value,
   * no cluster visited by name.
   */
  public SortedMap<String, Integer> countByLabel(String key) {
    SortedMap<String, Integer> out = new TreeMap<>();
    ValueColumn column = inventory.labelColumn(key);
    if (column == null) {
      return Collections.unmodifiableSortedMap(out);
    }
    for (int id = 0; id < column.valueCount(); id++) {
      int count = countIn(column.postingOf(id));
      if (count > 0) {
        out.put(column.value(id), count);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The value of label {@code key} of each cluster of this set, in {@link #forEachName} order (null
   * where a cluster lacks the label): a column read from the index, for code that groups clusters
   * by a few keys without looking each cluster up by name.
   */
  public List<String> labelValues(String key) {
    return columnValues(inventory.labelColumn(key));
  }

  /** As {@link #labelValues}, for property {@code name}. */
  public List<String> propertyValues(String name) {
    return columnValues(inventory.propertyColumn(name));
  }

  private List<String> columnValues(ValueColumn column) {
    String[] out = new String[size];
    if (column != null) {
      int[] next = {0};
      forEachOrdinal(ordinal -> out[next[0]++] = column.valueAt(ordinal));
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /** The number of clusters of {@code posting} in this set. */
  private int countIn(Posting posting) {
    int count = 0;
    if (posting instanceof Posting.Dense dense) {
      int n = Math.min(words.length, dense.words.length);
      for (int w = 0; w < n; w++) {
        count += Long.bitCount(words[w] & dense.words[w]);
      }
    } else {
      for (int ordinal : ((Posting.Sparse) posting).ordinals) {
        if (containsOrdinal(ordinal)) {
          count++;
        }
      }
    }
    return count;
  }

  /** Clusters in both sets. */
  public ClusterSet and(ClusterSet other) {
    requireSameInventory(other);
    long[] out = words.clone();
    for (int w = 0; w < out.length; w++) {
      out[w] &= w < other.words.length ? other.words[w] : 0;
    }
    return of(inventory, out);
  }

  /** Clusters in either set. */
  public ClusterSet or(ClusterSet other) {
    requireSameInventory(other);
    long[] out = Arrays.copyOf(words, Math.max(words.length, other.words.length));
    for (int w = 0; w < other.words.length; w++) {
      out[w] |= other.words[w];
    }
    return of(inventory, out);
  }

  /** Clusters of this set that are not in {@code other}. */
  public ClusterSet andNot(ClusterSet other) {
    requireSameInventory(other);
    long[] out = words.clone();
    for (int w = 0; w < Math.min(out.length, other.words.length); w++) {
      out[w] &= ~other.words[w];
    }
    return of(inventory, out);
  }

  boolean containsOrdinal(int ordinal) {
    int word = ordinal >>> 6;
    return word < words.length && (words[word] & (1L << ordinal)) != 0;
  }

  void forEachOrdinal(IntConsumer action) {
    for (int w = 0; w < words.length; w++) {
      long word = words[w];
      while (word != 0) {
        action.accept((w << 6) + Long.numberOfTrailingZeros(word));
        word &= word - 1;
      }
    }
  }

  long[] words() {
    return words;
  }

  /** Visits the names in ordinal order (cheaper than {@link #names()} when order is free). */
  public void forEachName(Consumer<String> action) {
    forEachOrdinal(ordinal -> action.accept(inventory.nameAt(ordinal)));
  }

  private void requireSameInventory(ClusterSet other) {
    if (other.inventory != inventory) {
      throw new IllegalArgumentException("cluster sets of different inventory snapshots");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClusterSet other) || other.inventory != inventory) {
      return false;
    }
    int n = Math.max(words.length, other.words.length);
    for (int w = 0; w < n; w++) {
      long a = w < words.length ? words[w] : 0;
      long b = w < other.words.length ? other.words[w] : 0;
      if (a != b) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    int last = words.length - 1;
    while (last >= 0 && words[last] == 0) {
      last--;
    }
    for (int w = 0; w <= last; w++) {
      h = 31 * h + Long.hashCode(words[w]);
    }
    return h;
  }

  @Override
  public String toString() {
    List<String> names = names();
    return names.size() <= 20
        ? names.toString()
        : names.subList(0, 20) + " ... (" + size + " clusters)";
  }

  /** An int consumer without boxing. */
  @FunctionalInterface
  interface IntConsumer {
    void accept(int ordinal);
  }
}
