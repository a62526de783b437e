package dev.flotilla.placement;

import java.util.HashMap;
import java.util.Map;

/**
 * A persistent hash map for dictionaries that can hold a value per cluster (names, serial numbers):
 * {@value #SHARDS} ordinary hash maps, of which an update copies one. At 100,000 entries an update
 * copies about 400 entries instead of 100,000; lookups cost one extra array read.
 *
 * <p>For maintainers. Invariant: a shard reachable from a published map is never written again
 * ({@code with} and {@code without} copy the shard they change and the 256-slot spine); a null
 * shard is an empty one.
 */
final class ShardedMap<K, V> {
  private static final int SHARDS = 256;
  private final HashMap<K, V>[] shards;

  private ShardedMap(HashMap<?, ?>[] shards) {
    @SuppressWarnings("unchecked")
    HashMap<K, V>[] typed = (HashMap<K, V>[]) shards;
    this.shards = typed;
  }

  /** Builds in one pass, without copying per entry. */
  static <K, V> ShardedMap<K, V> of(Map<K, V> entries) {
    HashMap<?, ?>[] shards = new HashMap<?, ?>[SHARDS];
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      int s = shard(entry.getKey());
      @SuppressWarnings("unchecked")
      HashMap<K, V> shard = (HashMap<K, V>) shards[s];
      if (shard == null) {
        shard = new HashMap<>();
        shards[s] = shard;
      }
      shard.put(entry.getKey(), entry.getValue());
    }
    return new ShardedMap<>(shards);
  }

  V get(K key) {
    HashMap<K, V> shard = shards[shard(key)];
    return shard == null ? null : shard.get(key);
  }

  ShardedMap<K, V> with(K key, V value) {
    int s = shard(key);
    HashMap<K, V> copy = shards[s] == null ? new HashMap<>() : new HashMap<>(shards[s]);
    copy.put(key, value);
    HashMap<?, ?>[] spine = shards.clone();
    spine[s] = copy;
    return new ShardedMap<>(spine);
  }

  ShardedMap<K, V> without(K key) {
    int s = shard(key);
    if (shards[s] == null || !shards[s].containsKey(key)) {
      return this;
    }
    HashMap<K, V> copy = new HashMap<>(shards[s]);
    copy.remove(key);
    HashMap<?, ?>[] spine = shards.clone();
    spine[s] = copy;
    return new ShardedMap<>(spine);
  }

  private static int shard(Object key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16) ^ (h >>> 8)) & (SHARDS - 1);
  }
}
