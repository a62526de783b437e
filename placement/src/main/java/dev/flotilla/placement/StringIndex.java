package dev.flotilla.placement;

/**
 * A persistent map from strings to ids whose strings live elsewhere (the name column of an
 * inventory, the value dictionary of a column): an open-addressing table of ids, sharded so that an
 * update copies one shard.
 *
 * <p>For maintainers. A {@code HashMap<String, Integer>} costs about 48 bytes per entry beyond the
 * key (node, boxed id, table slot); this table keeps only the id, in an {@code int[]} slot holding
 * {@code id + 1} (0: empty) at a load of at most {@value #MAX_LOAD_PERCENT}%, about 6-11 bytes per
 * entry. A lookup hashes the key, probes linearly and compares the candidates' strings, read
 * through {@link Keys}, with {@code equals} (strings cache their hash, so a miss rarely costs a
 * compare). The {@value #SHARDS} shards are chosen by the hash's high bits and allocated on first
 * use; an update copies the spine and one shard (at a million entries, about 4,000 slots).
 * Invariants: a shard reachable from a published index is never written again; every id in a shard
 * resolves, through the {@link Keys} the caller passes, to the string it was inserted under.
 */
final class StringIndex {
  /** Where the strings are: the string of an id held by the index. */
  interface Keys {
    String keyAt(int id);
  }

  private static final int SHARD_BITS = 8;
  private static final int SHARDS = 1 << SHARD_BITS;
  private static final int MAX_LOAD_PERCENT = 70;
  private static final StringIndex EMPTY = new StringIndex(new int[SHARDS][], new int[SHARDS]);

  private final int[][] shards;
  private final int[] sizes;

  private StringIndex(int[][] shards, int[] sizes) {
    this.shards = shards;
    this.sizes = sizes;
  }

  static StringIndex empty() {
    return EMPTY;
  }

  /**
   * Indexes {@code keys[id]} under {@code id} for every id below {@code count} with a key.
   *
   * @throws IllegalArgumentException naming the first key found twice
   */
  static StringIndex of(String[] keys, int count) {
    int[] sizes = new int[SHARDS];
    for (int id = 0; id < count; id++) {
      if (keys[id] != null) {
        sizes[shard(mix(keys[id]))]++;
      }
    }
    int[][] shards = new int[SHARDS][];
    for (int s = 0; s < SHARDS; s++) {
      if (sizes[s] > 0) {
        shards[s] = new int[tableSize(sizes[s])];
      }
    }
    for (int id = 0; id < count; id++) {
      if (keys[id] != null) {
        int h = mix(keys[id]);
        insertDistinct(shards[shard(h)], h, id, keys);
      }
    }
    return new StringIndex(shards, sizes);
  }

  /** The id of {@code key}, or -1. */
  int get(String key, Keys keys) {
    int h = mix(key);
    int[] table = shards[shard(h)];
    if (table == null) {
      return -1;
    }
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      if (key.equals(keys.keyAt(entry - 1))) {
        return entry - 1;
      }
    }
  }

  /** This index with {@code key} mapped to {@code id}; {@code key} must not be in it yet. */
  StringIndex with(String key, int id, Keys keys) {
    int h = mix(key);
    int s = shard(h);
    int size = sizes[s] + 1;
    int[] old = shards[s];
    int[] table;
    if (old != null && size * 100 <= old.length * MAX_LOAD_PERCENT) {
      table = old.clone();
    } else {
      table = new int[tableSize(size)];
      if (old != null) {
        for (int entry : old) {
          if (entry != 0) {
            insert(table, mix(keys.keyAt(entry - 1)), entry - 1);
          }
        }
      }
    }
    insert(table, h, id);
    return replace(s, table, size);
  }

  /** This index without {@code key} (unchanged when it is not there). */
  StringIndex without(String key, Keys keys) {
    int id = get(key, keys);
    if (id < 0) {
      return this;
    }
    int s = shard(mix(key));
    int size = sizes[s] - 1;
    if (size == 0) {
      return replace(s, null, 0);
    }
    // Rebuild the shard without the entry: linear probing has no cheap in-place removal, and a
    // shard is small.
    int[] table = new int[tableSize(size)];
    for (int entry : shards[s]) {
      if (entry != 0 && entry - 1 != id) {
        insert(table, mix(keys.keyAt(entry - 1)), entry - 1);
      }
    }
    return replace(s, table, size);
  }

  private StringIndex replace(int s, int[] table, int size) {
    int[][] spine = shards.clone();
    spine[s] = table;
    int[] newSizes = sizes.clone();
    newSizes[s] = size;
    return new StringIndex(spine, newSizes);
  }

  private static void insertDistinct(int[] table, int h, int id, String[] keys) {
    int mask = table.length - 1;
    int slot = h & mask;
    while (table[slot] != 0) {
      if (keys[table[slot] - 1].equals(keys[id])) {
        throw new IllegalArgumentException(keys[id]);
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = id + 1;
  }

  private static void insert(int[] table, int h, int id) {
    int mask = table.length - 1;
    int slot = h & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = id + 1;
  }

  private static int tableSize(int size) {
    int min = (int) ((size * 100L + MAX_LOAD_PERCENT - 1) / MAX_LOAD_PERCENT) + 1;
    return Math.max(4, Integer.highestOneBit(min - 1) << 1);
  }

  /** String hashes are weak in their low bits for short keys: spread them (Murmur3's finalizer). */
  private static int mix(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static int shard(int h) {
    return h >>> (32 - SHARD_BITS);
  }
}
