package dev.flotilla.placement;

/**
 * The total order scheduling picks in, over candidate indices: clusters kept from the previous
 * decision first, then higher score, then higher rendezvous weight of (placement, cluster), then
 * name. Also the two primitives that keep picking at O(E log N): a bounded heap that keeps the best
 * {@code k} of a stream, and a merge sort of int indices (no boxing).
 */
final class Ranking {
  /*
   * For maintainers. Compares candidates through the run's parallel arrays (primitives, no
   * boxing, no map look-up), so the bounded heap and the merge sort below cost a few array reads
   * per comparison. Names are unique, so the order is total: any two ways of picking the best k
   * give the same clusters in the same order, which the scheduler's determinism rests on.
   */
  private final boolean[] kept;
  private final long[] score;
  private final long[] weight;
  private final String[] name;
  private final boolean namesDescending;

  Ranking(boolean[] kept, long[] score, long[] weight, String[] name) {
    this(kept, score, weight, name, false);
  }

  /**
   * With {@code namesDescending}, equal names order descending (KubeFleet's tie-break); callers
   * ordering by name alone pass equal (zero) weights.
   */
  Ranking(boolean[] kept, long[] score, long[] weight, String[] name, boolean namesDescending) {
    this.kept = kept;
    this.score = score;
    this.weight = weight;
    this.name = name;
    this.namesDescending = namesDescending;
  }

  /** Negative when candidate {@code a} ranks before {@code b}. */
  int compare(int a, int b) {
    if (kept[a] != kept[b]) {
      return kept[a] ? -1 : 1;
    }
    if (score[a] != score[b]) {
      return score[a] > score[b] ? -1 : 1;
    }
    if (weight[a] != weight[b]) {
      return weight[a] > weight[b] ? -1 : 1;
    }
    return namesDescending ? name[b].compareTo(name[a]) : name[a].compareTo(name[b]);
  }

  /**
   * The best {@code k} of {@code items[0..count)}, sorted best first. A heap of size k holds the
   * best seen so far with the worst of them at the root, so each item costs one comparison when it
   * loses and O(log k) when it enters.
   */
  int[] top(int[] items, int count, int k) {
    k = Math.min(k, count);
    if (k <= 0) {
      return new int[0];
    }
    if (k == count) {
      int[] all = java.util.Arrays.copyOf(items, count);
      sort(all, all.length);
      return all;
    }
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < count; i++) {
      int item = items[i];
      if (size < k) {
        heap[size] = item;
        siftUp(heap, size++);
      } else if (compare(item, heap[0]) < 0) {
        heap[0] = item;
        siftDown(heap, k);
      }
    }
    sort(heap, k);
    return heap;
  }

  // The heap's root is its worst element: "greater" here means ranks later.
  private void siftUp(int[] heap, int at) {
    int item = heap[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (compare(heap[parent], item) >= 0) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = item;
  }

  private void siftDown(int[] heap, int size) {
    int item = heap[0];
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && compare(heap[child + 1], heap[child]) > 0) {
        child++;
      }
      if (compare(item, heap[child]) >= 0) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = item;
  }

  /** Sorts {@code items[0..count)} best first (a stable merge sort). */
  void sort(int[] items, int count) {
    if (count < 2) {
      return;
    }
    int[] buffer = new int[count];
    mergeSort(items, buffer, 0, count);
  }

  private void mergeSort(int[] a, int[] buffer, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int item = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], item) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = item;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, buffer, from, mid);
    mergeSort(a, buffer, mid, to);
    if (compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(buffer[i], buffer[j]) <= 0)) {
        a[k] = buffer[i++];
      } else {
        a[k] = buffer[j++];
      }
    }
  }

  /**
   * The rendezvous (highest-random-weight) weight of a cluster for a placement: the cluster name's
   * hash mixed with the placement's seed. Each (placement, cluster) pair gets its own weight, so
   * adding or removing a cluster never reorders the others.
   *
   * <p>The name's hash is {@code String.hashCode()}: the JVM caches it in the string and the
   * inventory hands out the same name instances on every run, so a weight costs one mix instead of
   * a pass over the name's characters (that pass was most of a 100,000-cluster schedule). Names
   * whose 32-bit hashes collide get equal weights and fall back to name order, which keeps the
   * order total and deterministic.
   */
  static long rendezvous(long placementSeed, String cluster) {
    return mix(placementSeed ^ (cluster.hashCode() * 0x9e3779b97f4a7c15L));
  }

  /** The seed of a placement, from its namespace and name. */
  static long seed(String namespace, String name) {
    return mix(fnv(namespace + "/" + name));
  }

  private static long fnv(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** SplitMix64's finaliser: every input bit flips about half the output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
