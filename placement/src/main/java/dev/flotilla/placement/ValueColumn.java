package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One label key (or property name) of an inventory, dictionary-encoded.
 *
 * <p>Layout: each distinct value gets an id in order of first appearance; {@code ids} maps a
 * cluster ordinal to its value id ({@code -1} when the cluster lacks the key); {@code postings}
 * maps a value id to the clusters holding it, and {@code present} holds every cluster that has the
 * key. Values that parse as int64 are also kept sorted by number ({@code numbers}), so {@code Gt}
 * and {@code Lt} become a binary search and a union of postings. Ids are never reused: a value no
 * cluster holds any more keeps an empty posting until the next full build.
 *
 * <p>Immutable: {@link #with} returns a column sharing everything but the chunks, postings and
 * dictionary shard it had to change.
 */
final class ValueColumn {
  final String key;
  private final Chunked.Ints ids;
  private final ShardedMap<String, Integer> idsByValue;
  private final Chunked.Objects<String> values;
  private final Chunked.Objects<Posting> postings;
  private final int valueCount;
  private final Posting present;
  private final long[] numbers;
  private final int[] numberIds;

  private ValueColumn(
      String key,
      Chunked.Ints ids,
      ShardedMap<String, Integer> idsByValue,
      Chunked.Objects<String> values,
      Chunked.Objects<Posting> postings,
      int valueCount,
      Posting present,
      long[] numbers,
      int[] numberIds) {
    this.key = key;
    this.ids = ids;
    this.idsByValue = idsByValue;
    this.values = values;
    this.postings = postings;
    this.valueCount = valueCount;
    this.present = present;
    this.numbers = numbers;
    this.numberIds = numberIds;
  }

  /** Builds the column for {@code valuesByOrdinal} (null where absent) in linear time. */
  static ValueColumn build(String key, String[] valuesByOrdinal, int capacity) {
    Map<String, Integer> idOf = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] ids = new int[capacity];
    int[] counts = new int[16];
    int presentCount = 0;
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      String value = ordinal < valuesByOrdinal.length ? valuesByOrdinal[ordinal] : null;
      if (value == null) {
        ids[ordinal] = -1;
        continue;
      }
      Integer id = idOf.get(value);
      if (id == null) {
        id = distinct.size();
        idOf.put(value, id);
        distinct.add(value);
        if (id == counts.length) {
          counts = Arrays.copyOf(counts, counts.length * 2);
        }
      }
      ids[ordinal] = id;
      counts[id]++;
      presentCount++;
    }
    // Counting sort of ordinals by value id: one array, sliced per value.
    int[] starts = new int[distinct.size() + 1];
    for (int id = 0; id < distinct.size(); id++) {
      starts[id + 1] = starts[id] + counts[id];
    }
    int[] sorted = new int[presentCount];
    int[] fill = Arrays.copyOf(starts, distinct.size());
    int[] presentOrdinals = new int[presentCount];
    int p = 0;
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      if (ids[ordinal] >= 0) {
        sorted[fill[ids[ordinal]]++] = ordinal;
        presentOrdinals[p++] = ordinal;
      }
    }
    Object[] postingArray = new Object[distinct.size()];
    for (int id = 0; id < distinct.size(); id++) {
      int[] slice = Arrays.copyOfRange(sorted, starts[id], starts[id + 1]);
      postingArray[id] = Posting.of(slice, slice.length, capacity);
    }
    ValueColumn column =
        new ValueColumn(
            key,
            Chunked.Ints.of(ids),
            ShardedMap.of(idOf),
            Chunked.Objects.of(distinct.toArray()),
            Chunked.Objects.of(postingArray),
            distinct.size(),
            Posting.of(presentOrdinals, presentCount, capacity),
            new long[0],
            new int[0]);
    return column.withNumbers(0, distinct.size());
  }

  /** A column no cluster has yet. */
  static ValueColumn empty(String key) {
    return build(key, new String[0], 0);
  }

  /** The value id of {@code ordinal}, or -1. */
  int idAt(int ordinal) {
    return ids.get(ordinal);
  }

  /** The value of {@code ordinal}, or null when the cluster lacks the key. */
  String valueAt(int ordinal) {
    int id = ids.get(ordinal);
    return id < 0 ? null : values.get(id);
  }

  /** The posting of {@code value}; empty when no cluster ever held it. */
  Posting posting(String value) {
    Integer id = idsByValue.get(value);
    return id == null ? Posting.EMPTY : postings.get(id);
  }

  Posting present() {
    return present;
  }

  int valueCount() {
    return valueCount;
  }

  String value(int id) {
    return values.get(id);
  }

  Posting postingOf(int id) {
    return postings.get(id);
  }

  /**
   * The ids of every int64 value strictly greater than {@code bound} ({@code greater}) or strictly
   * less than it.
   */
  int[] numericRange(long bound, boolean greater) {
    int at = Arrays.binarySearch(numbers, bound);
    int from = greater ? (at >= 0 ? at + 1 : -at - 1) : 0;
    int to = greater ? numbers.length : (at >= 0 ? at : -at - 1);
    return Arrays.copyOfRange(numberIds, from, Math.max(from, to));
  }

  /** This column with {@code ordinal} holding {@code value} (null: lacking the key). */
  ValueColumn with(int ordinal, String value, int capacity) {
    int oldId = ids.get(ordinal);
    if (oldId >= 0 && value != null && values.get(oldId).equals(value)) {
      return this;
    }
    Chunked.Objects<Posting> newPostings = postings;
    Posting newPresent = present;
    if (oldId >= 0) {
      newPostings = newPostings.set(oldId, postings.get(oldId).without(ordinal, capacity));
      newPresent = newPresent.without(ordinal, capacity);
    }
    ShardedMap<String, Integer> newIdsByValue = idsByValue;
    Chunked.Objects<String> newValues = values;
    int newValueCount = valueCount;
    int newId = -1;
    if (value != null) {
      Integer existing = idsByValue.get(value);
      if (existing == null) {
        newId = valueCount;
        newValueCount++;
        newIdsByValue = idsByValue.with(value, newId);
        newValues = values.set(newId, value);
        newPostings = newPostings.set(newId, Posting.EMPTY);
      } else {
        newId = existing;
      }
      newPostings = newPostings.set(newId, newPostings.get(newId).with(ordinal, capacity));
      newPresent = newPresent.with(ordinal, capacity);
    }
    ValueColumn updated =
        new ValueColumn(
            key,
            ids.set(ordinal, newId),
            newIdsByValue,
            newValues,
            newPostings,
            newValueCount,
            newPresent,
            numbers,
            numberIds);
    return newValueCount > valueCount ? updated.withNumbers(valueCount, newValueCount) : updated;
  }

  /** True when no cluster holds the key any more. */
  boolean isEmpty() {
    return present.count() == 0;
  }

  /** Adds the int64-parsable values among ids {@code from..to} to the sorted numeric index. */
  private ValueColumn withNumbers(int from, int to) {
    long[] addedNumbers = new long[to - from];
    int[] addedIds = new int[to - from];
    int n = 0;
    for (int id = from; id < to; id++) {
      String value = values.get(id);
      if (Int64.isInt64(value)) {
        addedNumbers[n] = Long.parseLong(value);
        addedIds[n++] = id;
      }
    }
    if (n == 0) {
      return this;
    }
    long[] mergedNumbers = Arrays.copyOf(numbers, numbers.length + n);
    int[] mergedIds = Arrays.copyOf(numberIds, numberIds.length + n);
    System.arraycopy(addedNumbers, 0, mergedNumbers, numbers.length, n);
    System.arraycopy(addedIds, 0, mergedIds, numberIds.length, n);
    sortTogether(mergedNumbers, mergedIds);
    return new ValueColumn(
        key, ids, idsByValue, values, postings, valueCount, present, mergedNumbers, mergedIds);
  }

  private static void sortTogether(long[] keys, int[] payload) {
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    long[] k = keys.clone();
    int[] v = payload.clone();
    for (int i = 0; i < order.length; i++) {
      keys[i] = k[order[i]];
      payload[i] = v[order[i]];
    }
  }
}
