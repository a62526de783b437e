package dev.flotilla.placement;

import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import java.util.Arrays;
import java.util.List;

/**
 * One label key (or property name) of an inventory, dictionary-encoded, with its inverted index.
 *
 * <p>For maintainers. Layout: each distinct value gets an id in order of first appearance; {@code
 * ids} maps a cluster ordinal to its value id ({@code -1} when the cluster lacks the key); {@code
 * postings} maps a value id to the clusters holding it, except a value held by one cluster, whose
 * ordinal is in {@code singles} instead (no posting object for each serial number); {@code
 * idsByValue} finds a value's id (a StringIndex over {@code values}), and {@code present} holds
 * every cluster that has the key. What a selector needs of a value is worked out once, when the value enters the
 * dictionary, never per select:
 *
 * <ul>
 *   <li>a label column keeps its int64 values sorted by number ({@code numbers}, with their ids in
 *       {@code numberIds}), so {@code Gt} and {@code Lt} become a binary search and a union of
 *       postings; a new value is placed by binary-search insertion into the two primitive arrays;
 *   <li>a property column keeps each value read as a Kubernetes quantity and as a semantic version
 *       ({@code quantities}, {@code versions}; null where it is not one), so a property comparison
 *       or a property sorter compares parsed values.
 * </ul>
 *
 * <p>Invariants: {@code numbers} is ascending and holds exactly the int64 values among ids {@code
 * 0..valueCount) (empty for property columns); {@code quantities} and {@code versions} have an
 * entry for every id of a property column. Ids are never reused: a value no cluster holds any more
 * keeps an empty posting until the next full build.
 *
 * <p>Immutable: {@link #with} returns a column sharing everything but the chunks, postings and
 * dictionary shard it had to change.
 */
final class ValueColumn {
  /** What the column's values are read as, beyond strings. */
  enum Kind {
    /** Label values: int64 numbers for {@code Gt} and {@code Lt}. */
    LABEL,
    /** Property values: quantities and versions for property requirements and sorters. */
    PROPERTY
  }

  private static final long[] NO_NUMBERS = new long[0];
  private static final int[] NO_IDS = new int[0];

  final String key;
  private final Kind kind;
  private final Chunked.Ints ids;
  private final StringIndex idsByValue;
  private final Chunked.Objects<String> values;
  private final Chunked.Objects<Posting> postings;
  private final Chunked.Ints singles;
  private final int valueCount;
  private final Posting present;
  private final long[] numbers;
  private final int[] numberIds;
  private final Chunked.Objects<Quantity> quantities;
  private final Chunked.Objects<Version> versions;

  /**
   * What evaluators derive from this column alone (a one-key CEL term's outcome per value, see
   * Combinations.Outcomes), keyed by the term: valid as long as the column, which is immutable and
   * shared by every later snapshot that leaves the key alone. Bounded, cleared when full.
   */
  private final java.util.concurrent.ConcurrentHashMap<Object, Object> derived =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int DERIVED = 16;

  private ValueColumn(
      String key,
      Kind kind,
      Chunked.Ints ids,
      StringIndex idsByValue,
      Chunked.Objects<String> values,
      Chunked.Objects<Posting> postings,
      Chunked.Ints singles,
      int valueCount,
      Posting present,
      long[] numbers,
      int[] numberIds,
      Chunked.Objects<Quantity> quantities,
      Chunked.Objects<Version> versions) {
    this.key = key;
    this.kind = kind;
    this.ids = ids;
    this.idsByValue = idsByValue;
    this.values = values;
    this.postings = postings;
    this.singles = singles;
    this.valueCount = valueCount;
    this.present = present;
    this.numbers = numbers;
    this.numberIds = numberIds;
    this.quantities = quantities;
    this.versions = versions;
  }

  /** Builds the column for {@code valuesByOrdinal} (null where absent) in linear time. */
  static ValueColumn build(String key, Kind kind, String[] valuesByOrdinal, int capacity) {
    // Ids by first appearance from a flat open-addressing table (slot: id + 1) over `distinct`:
    // a column of a million serial numbers would otherwise build a million HashMap nodes and
    // boxed ids just to throw them away; the column keeps its dictionary in a StringIndex.
    String[] distinct = new String[16];
    int valueCount = 0;
    int[] table = new int[64];
    int[] ids = new int[capacity];
    int[] counts = new int[16];
    int presentCount = 0;
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      String value = ordinal < valuesByOrdinal.length ? valuesByOrdinal[ordinal] : null;
      if (value == null) {
        ids[ordinal] = -1;
        continue;
      }
      int mask = table.length - 1;
      int slot = spread(value.hashCode()) & mask;
      int id;
      while (true) {
        int entry = table[slot];
        if (entry == 0) {
          id = valueCount++;
          table[slot] = id + 1;
          if (id == distinct.length) {
            distinct = Arrays.copyOf(distinct, id * 2);
            counts = Arrays.copyOf(counts, id * 2);
          }
          distinct[id] = value;
          if (valueCount * 2 > table.length) {
            table = rehash(table.length * 2, distinct, valueCount);
          }
          break;
        }
        if (distinct[entry - 1].equals(value)) {
          id = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      ids[ordinal] = id;
      counts[id]++;
      presentCount++;
    }
    return build(
        key, kind, capacity, Arrays.copyOf(distinct, valueCount), ids, counts, presentCount);
  }

  private static int spread(int h) {
    h *= 0x9e3779b9;
    return h ^ (h >>> 16);
  }

  private static int[] rehash(int size, String[] distinct, int count) {
    int[] table = new int[size];
    int mask = size - 1;
    for (int id = 0; id < count; id++) {
      int slot = spread(distinct[id].hashCode()) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
    return table;
  }

  private static ValueColumn build(
      String key,
      Kind kind,
      int capacity,
      String[] valueArray,
      int[] ids,
      int[] counts,
      int presentCount) {
    int[] presentOrdinals = new int[presentCount];
    int p = 0;
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      if (ids[ordinal] >= 0) {
        presentOrdinals[p++] = ordinal;
      }
    }
    int valueCount = valueArray.length;
    int[] singleArray = new int[valueCount];
    Object[] postingArray = postings(ids, counts, valueCount, presentCount, capacity, singleArray);
    Typed typed = Typed.of(kind, Arrays.asList(valueArray));
    return new ValueColumn(
        key,
        kind,
        Chunked.Ints.of(ids),
        StringIndex.of(valueArray, valueCount),
        Chunked.Objects.of(valueArray),
        Chunked.Objects.of(postingArray),
        Chunked.Ints.of(singleArray),
        valueCount,
        Posting.of(presentOrdinals, presentCount, capacity),
        typed.numbers,
        typed.numberIds,
        typed.quantities,
        typed.versions);
  }

  /**
   * One posting per value id, by a counting sort of the ordinals: one array, sliced per value. A
   * value on one cluster gets no posting object: its ordinal goes to {@code singles} (else -1).
   */
  private static Object[] postings(
      int[] ids, int[] counts, int valueCount, int presentCount, int capacity, int[] singles) {
    int[] starts = new int[valueCount + 1];
    for (int id = 0; id < valueCount; id++) {
      starts[id + 1] = starts[id] + counts[id];
    }
    int[] sorted = new int[presentCount];
    int[] fill = Arrays.copyOf(starts, valueCount);
    for (int ordinal = 0; ordinal < capacity; ordinal++) {
      if (ids[ordinal] >= 0) {
        sorted[fill[ids[ordinal]]++] = ordinal;
      }
    }
    Object[] out = new Object[valueCount];
    for (int id = 0; id < valueCount; id++) {
      if (counts[id] == 1) {
        singles[id] = sorted[starts[id]];
        continue;
      }
      singles[id] = -1;
      int[] slice = Arrays.copyOfRange(sorted, starts[id], starts[id + 1]);
      out[id] = Posting.of(slice, slice.length, capacity);
    }
    return out;
  }

  /** A column no cluster has yet. */
  static ValueColumn empty(String key, Kind kind) {
    return build(key, kind, new String[0], 0);
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
    int id = idsByValue.get(value, values::get);
    return id < 0 ? Posting.EMPTY : postingOf(id);
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
    int single = singles.get(id);
    return single >= 0 ? new Posting.Sparse(new int[] {single}) : postings.get(id);
  }

  /** Value {@code id} of a property column read as a quantity, or null when it is not one. */
  Quantity quantity(int id) {
    return quantities.get(id);
  }

  /** Value {@code id} of a property column read as a (normalized) version, or null. */
  Version version(int id) {
    return versions.get(id);
  }

  /**
   * The ids of every int64 value of a label column strictly greater than {@code bound} ({@code
   * greater}) or strictly less than it.
   */
  int[] numericRange(long bound, boolean greater) {
    int at = Arrays.binarySearch(numbers, bound);
    // Equal numbers may repeat ("7", "+7", "07"): widen the match to all of them.
    int low = at >= 0 ? at : -at - 1;
    int high = low;
    if (at >= 0) {
      while (low > 0 && numbers[low - 1] == bound) {
        low--;
      }
      while (high < numbers.length && numbers[high] == bound) {
        high++;
      }
    }
    int from = greater ? high : 0;
    int to = greater ? numbers.length : low;
    return Arrays.copyOfRange(numberIds, from, Math.max(from, to));
  }

  /** This column with {@code ordinal} holding {@code value} (null: lacking the key). */
  ValueColumn with(int ordinal, String value, int capacity) {
    int oldId = ids.get(ordinal);
    if (oldId >= 0 && value != null && values.get(oldId).equals(value)) {
      return this;
    }
    Postings changed = new Postings(postings, singles);
    Posting newPresent = present;
    if (oldId >= 0) {
      changed.set(oldId, postingOf(oldId).without(ordinal, capacity));
      newPresent = newPresent.without(ordinal, capacity);
    }
    if (value == null) {
      return new ValueColumn(
          key,
          kind,
          ids.set(ordinal, -1),
          idsByValue,
          values,
          changed.postings,
          changed.singles,
          valueCount,
          newPresent,
          numbers,
          numberIds,
          quantities,
          versions);
    }
    int existing = idsByValue.get(value, values::get);
    if (existing >= 0) {
      changed.set(existing, changed.get(existing).with(ordinal, capacity));
      return new ValueColumn(
          key,
          kind,
          ids.set(ordinal, existing),
          idsByValue,
          values,
          changed.postings,
          changed.singles,
          valueCount,
          newPresent.with(ordinal, capacity),
          numbers,
          numberIds,
          quantities,
          versions);
    }
    return withNewValue(ordinal, value, capacity, changed, newPresent);
  }

  /**
   * The postings of a column being updated: a posting of one ordinal goes to {@code singles}, any
   * other to {@code postings} (each side cleared where the other holds the value).
   */
  private static final class Postings {
    Chunked.Objects<Posting> postings;
    Chunked.Ints singles;

    Postings(Chunked.Objects<Posting> postings, Chunked.Ints singles) {
      this.postings = postings;
      this.singles = singles;
    }

    Posting get(int id) {
      int single = singles.get(id);
      return single >= 0 ? new Posting.Sparse(new int[] {single}) : postings.get(id);
    }

    void set(int id, Posting posting) {
      if (posting.count() == 1 && posting instanceof Posting.Sparse sparse) {
        singles = singles.set(id, sparse.ordinals[0]);
        if (postings.get(id) != null) {
          postings = postings.set(id, null);
        }
      } else {
        postings = postings.set(id, posting);
        if (singles.get(id) >= 0) {
          singles = singles.set(id, -1);
        }
      }
    }
  }

  /** {@link #with} for a value entering the dictionary: it gets the next id, typed once here. */
  private ValueColumn withNewValue(
      int ordinal, String value, int capacity, Postings changed, Posting present) {
    int id = valueCount;
    long[] newNumbers = numbers;
    int[] newNumberIds = numberIds;
    Chunked.Objects<Quantity> newQuantities = quantities;
    Chunked.Objects<Version> newVersions = versions;
    if (kind == Kind.LABEL && Int64.isInt64(value)) {
      long number = Long.parseLong(value);
      int at = Arrays.binarySearch(numbers, number);
      int insert = at >= 0 ? at : -at - 1;
      newNumbers = new long[numbers.length + 1];
      newNumberIds = new int[numbers.length + 1];
      System.arraycopy(numbers, 0, newNumbers, 0, insert);
      System.arraycopy(numberIds, 0, newNumberIds, 0, insert);
      newNumbers[insert] = number;
      newNumberIds[insert] = id;
      System.arraycopy(numbers, insert, newNumbers, insert + 1, numbers.length - insert);
      System.arraycopy(numberIds, insert, newNumberIds, insert + 1, numbers.length - insert);
    } else if (kind == Kind.PROPERTY) {
      newQuantities = quantities.set(id, Quantity.tryParse(value).orElse(null));
      newVersions = versions.set(id, Version.tryParseNormalized(value).orElse(null));
    }
    changed.set(id, Posting.EMPTY.with(ordinal, capacity));
    Chunked.Objects<String> newValues = values.set(id, value);
    return new ValueColumn(
        key,
        kind,
        ids.set(ordinal, id),
        idsByValue.with(value, id, newValues::get),
        newValues,
        changed.postings,
        changed.singles,
        valueCount + 1,
        present.with(ordinal, capacity),
        newNumbers,
        newNumberIds,
        newQuantities,
        newVersions);
  }

  /** What {@code compute} derives from this column for {@code key}, computed once per column. */
  @SuppressWarnings("unchecked")
  <K, T> T derived(K key, java.util.function.Function<K, T> compute) {
    Object value = derived.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (derived.size() >= DERIVED) {
        derived.clear();
      }
      derived.put(key, value);
    }
    return (T) value;
  }

  /** True when no cluster holds the key any more. */
  boolean isEmpty() {
    return present.count() == 0;
  }

  /** The typed readings of a column's distinct values, built in one pass. */
  private static final class Typed {
    long[] numbers = NO_NUMBERS;
    int[] numberIds = NO_IDS;
    Chunked.Objects<Quantity> quantities = Chunked.Objects.empty();
    Chunked.Objects<Version> versions = Chunked.Objects.empty();

    static Typed of(Kind kind, List<String> distinct) {
      Typed typed = new Typed();
      int n = distinct.size();
      if (kind == Kind.PROPERTY) {
        Object[] quantities = new Object[n];
        Object[] versions = new Object[n];
        for (int id = 0; id < n; id++) {
          quantities[id] = Quantity.tryParse(distinct.get(id)).orElse(null);
          versions[id] = Version.tryParseNormalized(distinct.get(id)).orElse(null);
        }
        typed.quantities = Chunked.Objects.of(quantities);
        typed.versions = Chunked.Objects.of(versions);
        return typed;
      }
      long[] numbers = new long[n];
      int[] ids = new int[n];
      int count = 0;
      for (int id = 0; id < n; id++) {
        if (Int64.isInt64(distinct.get(id))) {
          numbers[count] = Long.parseLong(distinct.get(id));
          ids[count++] = id;
        }
      }
      if (count > 0) {
        typed.numbers = Arrays.copyOf(numbers, count);
        typed.numberIds = Arrays.copyOf(ids, count);
        sortByNumber(typed.numbers, typed.numberIds);
      }
      return typed;
    }
  }

  /** Sorts the pairs (numbers[i], ids[i]) by number: a bottom-up merge sort, no boxing. */
  static void sortByNumber(long[] numbers, int[] ids) {
    int n = numbers.length;
    long[] numberBuffer = new long[n];
    int[] idBuffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (j >= hi || (i < mid && numbers[i] <= numbers[j])) {
            numberBuffer[k] = numbers[i];
            idBuffer[k] = ids[i++];
          } else {
            numberBuffer[k] = numbers[j];
            idBuffer[k] = ids[j++];
          }
        }
      }
      System.arraycopy(numberBuffer, 0, numbers, 0, n);
      System.arraycopy(idBuffer, 0, ids, 0, n);
    }
  }
}
