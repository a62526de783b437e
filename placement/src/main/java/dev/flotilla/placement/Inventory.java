package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of a fleet, indexed for selection.
 *
 * <pre>{@code
 * Inventory fleet = Inventory.of(clusters);           // build once: linear time
 * Inventory next = fleet.with(updatedCluster);         // update: cost of one cluster
 * ClusterSet prod = placement.select(next).clusters(); // readers of `fleet` are unaffected
 * }</pre>
 *
 * <p>Snapshots are safe to share between threads: a controller publishes the newest one (through a
 * volatile field or an {@code AtomicReference}) and readers always see a consistent fleet.
 */
public final class Inventory {
  /*
   * Layout, for maintainers. Every cluster has a dense ordinal (its slot); removed clusters leave a
   * hole until holes outnumber clusters, when the snapshot is rebuilt. Labels and properties are
   * stored by column, one ValueColumn per key, dictionary-encoded: each column holds a value id
   * (-1 when absent) for every slot, packed as a byte, char or int as the dictionary's size allows,
   * so a cluster costs about a byte per key of the fleet rather than a hash map of its own, and the
   * inverted index (value -> clusters) lives in the same column. Property columns also hold each
   * distinct value parsed as a quantity and a version, once. Names map to ordinals through a
   * StringIndex (open addressing over ids; the strings are the `names` column's). Annotations and
   * taints, rarely read in bulk, are kept per cluster, equal maps and lists once per bulk build.
   * Everything is persistent (Chunked, StringIndex, Posting): an update copies the chunks, postings
   * and index shard it touches, plus the map of columns when a column changes, and shares the rest,
   * so older snapshots stay valid. Invariant: a slot is live (in `live`) exactly when `names` has a
   * name there, and only live slots have value ids.
   */
  private final int capacity;
  private final int size;
  private final Chunked.Objects<String> names;
  private final StringIndex ordinals;
  private final Map<String, ValueColumn> labels;
  private final Map<String, ValueColumn> properties;
  private final Chunked.Objects<Map<String, String>> annotations;
  private final Chunked.Objects<List<Taint>> taints;
  private final Posting live;

  /** The sorted names, built on the first name query; shared while names and ordinals hold. */
  private volatile SortedNames sortedNames;

  private Inventory(
      int capacity,
      int size,
      Chunked.Objects<String> names,
      StringIndex ordinals,
      Map<String, ValueColumn> labels,
      Map<String, ValueColumn> properties,
      Chunked.Objects<Map<String, String>> annotations,
      Chunked.Objects<List<Taint>> taints,
      Posting live) {
    this.capacity = capacity;
    this.size = size;
    this.names = names;
    this.ordinals = ordinals;
    this.labels = labels;
    this.properties = properties;
    this.annotations = annotations;
    this.taints = taints;
    this.live = live;
  }

  /** An inventory with no clusters. */
  public static Inventory empty() {
    return of(List.of());
  }

  /**
   * Indexes {@code clusters} in linear time.
   *
   * @throws IllegalArgumentException when two clusters have the same name
   */
  public static Inventory of(Collection<Cluster> clusters) {
    int n = clusters.size();
    String[] nameArray = new String[n];
    Map<String, String[]> labelValues = new HashMap<>();
    Map<String, String[]> propertyValues = new HashMap<>();
    Object[] annotationArray = new Object[n];
    Object[] taintArray = new Object[n];
    // Clusters of a fleet mostly repeat a few annotation maps and taint lists: keep one copy each.
    Map<Map<String, String>, Map<String, String>> sharedAnnotations = new HashMap<>();
    Map<List<Taint>, List<Taint>> sharedTaints = new HashMap<>();
    int ordinal = 0;
    for (Cluster cluster : clusters) {
      nameArray[ordinal] = cluster.name();
      spread(cluster.labels(), labelValues, ordinal, n);
      spread(cluster.properties(), propertyValues, ordinal, n);
      annotationArray[ordinal] =
          cluster.annotations().isEmpty()
              ? null
              : sharedAnnotations.computeIfAbsent(cluster.annotations(), a -> a);
      taintArray[ordinal] =
          cluster.taints().isEmpty()
              ? null
              : sharedTaints.computeIfAbsent(cluster.taints(), t -> t);
      ordinal++;
    }
    Chunked.Objects<String> names = Chunked.Objects.of(nameArray);
    StringIndex ordinals;
    try {
      ordinals = StringIndex.of(nameArray, n);
    } catch (IllegalArgumentException duplicate) {
      throw new IllegalArgumentException("duplicate cluster name: " + duplicate.getMessage());
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return new Inventory(
        n,
        n,
        names,
        ordinals,
        columns(labelValues, ValueColumn.Kind.LABEL, n),
        columns(propertyValues, ValueColumn.Kind.PROPERTY, n),
        Chunked.Objects.of(annotationArray),
        Chunked.Objects.of(taintArray),
        Posting.of(all, n, n));
  }

  private static void spread(
      Map<String, String> values, Map<String, String[]> columns, int ordinal, int n) {
    for (Map.Entry<String, String> entry : values.entrySet()) {
      // get-then-put rather than computeIfAbsent: no capturing lambda per label of every cluster.
      String[] column = columns.get(entry.getKey());
      if (column == null) {
        column = new String[n];
        columns.put(entry.getKey(), column);
      }
      column[ordinal] = entry.getValue();
    }
  }

  private static Map<String, ValueColumn> columns(
      Map<String, String[]> values, ValueColumn.Kind kind, int capacity) {
    Map<String, ValueColumn> out = new HashMap<>();
    values.forEach((key, column) -> out.put(key, ValueColumn.build(key, kind, column, capacity)));
    return Collections.unmodifiableMap(out);
  }

  /** Number of clusters. */
  public int size() {
    return size;
  }

  /** True when {@code name} is a cluster of this snapshot. */
  public boolean contains(String name) {
    return ordinals.get(name, names::get) >= 0;
  }

  /** The cluster named {@code name}, rebuilt from the index. */
  public Optional<Cluster> cluster(String name) {
    int ordinal = ordinal(name);
    return ordinal < 0 ? Optional.empty() : Optional.of(clusterAt(ordinal));
  }

  /**
   * The value of label {@code key} of the cluster named {@code name}, read from the index without
   * rebuilding the cluster; empty when there is no such cluster or label.
   */
  public Optional<String> label(String name, String key) {
    int ordinal = ordinal(name);
    return ordinal < 0 ? Optional.empty() : Optional.ofNullable(label(ordinal, key));
  }

  /** The value of property {@code property} of the cluster named {@code name}, if any. */
  public Optional<String> property(String name, String property) {
    int ordinal = ordinal(name);
    return ordinal < 0 ? Optional.empty() : Optional.ofNullable(property(ordinal, property));
  }

  /** The value of annotation {@code key} of the cluster named {@code name}, if any. */
  public Optional<String> annotation(String name, String key) {
    int ordinal = ordinal(name);
    return ordinal < 0 ? Optional.empty() : Optional.ofNullable(annotationsAt(ordinal).get(key));
  }

  /**
   * The value of the CEL variable {@code cluster} ({@code name}, {@code labels}, {@code
   * annotations}, {@code properties}, as {@link dev.flotilla.expr.ClusterVariables#value}) for the
   * cluster named {@code name}, gathered from the index without building (and validating) a {@link
   * Cluster} record. Empty when there is no such cluster. The maps are immutable.
   */
  public Optional<Map<String, Object>> clusterVariable(String name) {
    int ordinal = ordinal(name);
    return ordinal < 0
        ? Optional.empty()
        : Optional.of(
            Map.of(
                "name", nameAt(ordinal),
                "labels", Collections.unmodifiableMap(labelsAt(ordinal)),
                "annotations", annotationsAt(ordinal),
                "properties", Collections.unmodifiableMap(propertiesAt(ordinal))));
  }

  /** Every cluster, sorted by name (rebuilt from the index: for tools and tests, not hot paths). */
  public List<Cluster> clusters() {
    return all().names().stream().map(name -> cluster(name).orElseThrow()).toList();
  }

  /** The set of every cluster. */
  public ClusterSet all() {
    long[] words = new long[Posting.words(capacity)];
    live.orInto(words);
    return new ClusterSet(this, words, size);
  }

  /** The set of the named clusters of this snapshot; unknown names are ignored. */
  public ClusterSet named(Collection<String> clusterNames) {
    long[] words = new long[Posting.words(capacity)];
    int count = 0;
    for (String name : clusterNames) {
      int ordinal = ordinal(name);
      if (ordinal >= 0 && (words[ordinal >>> 6] & (1L << ordinal)) == 0) {
        words[ordinal >>> 6] |= 1L << ordinal;
        count++;
      }
    }
    return new ClusterSet(this, words, count);
  }

  /**
   * This inventory with {@code cluster} added, or replacing the cluster of the same name. Costs a
   * few kilobytes of copying per changed label, whatever the fleet size.
   */
  public Inventory with(Cluster cluster) {
    Inventory next = withCluster(cluster);
    if (next.capacity == capacity) {
      next.sortedNames = sortedNames; // same names at the same ordinals
    }
    return next;
  }

  private Inventory withCluster(Cluster cluster) {
    int found = ordinal(cluster.name());
    Integer existing = found >= 0 ? found : null;
    int ordinal = existing != null ? existing : capacity;
    int newCapacity = existing != null ? capacity : capacity + 1;
    Map<String, ValueColumn> newLabels =
        updateColumns(labels, ValueColumn.Kind.LABEL, ordinal, cluster.labels(), newCapacity);
    Map<String, ValueColumn> newProperties =
        updateColumns(
            properties, ValueColumn.Kind.PROPERTY, ordinal, cluster.properties(), newCapacity);
    Chunked.Objects<String> newNames =
        existing != null ? names : names.set(ordinal, cluster.name());
    return new Inventory(
        newCapacity,
        existing != null ? size : size + 1,
        newNames,
        existing != null ? ordinals : ordinals.with(cluster.name(), ordinal, newNames::get),
        newLabels,
        newProperties,
        annotations.set(ordinal, cluster.annotations().isEmpty() ? null : cluster.annotations()),
        taints.set(ordinal, cluster.taints().isEmpty() ? null : cluster.taints()),
        existing != null ? live : live.with(ordinal, newCapacity));
  }

  /** This inventory without the cluster named {@code name} (unchanged when there is none). */
  public Inventory without(String name) {
    int ordinal = ordinal(name);
    if (ordinal < 0) {
      return this;
    }
    Inventory removed =
        new Inventory(
            capacity,
            size - 1,
            names.set(ordinal, null),
            ordinals.without(name, names::get),
            updateColumns(labels, ValueColumn.Kind.LABEL, ordinal, Map.of(), capacity),
            updateColumns(properties, ValueColumn.Kind.PROPERTY, ordinal, Map.of(), capacity),
            annotations.set(ordinal, null),
            taints.set(ordinal, null),
            live.without(ordinal, capacity));
    removed.sortedNames = sortedNames; // the removed name stays, pointing at a hole
    // Holes cost memory and scan time; rebuild once they outnumber clusters.
    return removed.capacity > 1024 && removed.size < removed.capacity / 2
        ? Inventory.of(removed.clusters())
        : removed;
  }

  private static Map<String, ValueColumn> updateColumns(
      Map<String, ValueColumn> columns,
      ValueColumn.Kind kind,
      int ordinal,
      Map<String, String> values,
      int capacity) {
    Map<String, ValueColumn> updated = null;
    for (ValueColumn column : columns.values()) {
      String value = values.get(column.key);
      if (column.idAt(ordinal) >= 0 || value != null) {
        ValueColumn changed = column.with(ordinal, value, capacity);
        if (changed != column) {
          updated = updated == null ? new HashMap<>(columns) : updated;
          if (changed.isEmpty()) {
            updated.remove(column.key);
          } else {
            updated.put(column.key, changed);
          }
        }
      }
    }
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (!columns.containsKey(entry.getKey())) {
        updated = updated == null ? new HashMap<>(columns) : updated;
        ValueColumn created = ValueColumn.empty(entry.getKey(), kind);
        updated.put(entry.getKey(), created.with(ordinal, entry.getValue(), capacity));
      }
    }
    return updated == null ? columns : Collections.unmodifiableMap(updated);
  }

  // ---- package-private access for the evaluators ----

  int capacity() {
    return capacity;
  }

  Posting live() {
    return live;
  }

  /** The ordinal of {@code name}, or -1. */
  int ordinal(String name) {
    return ordinals.get(name, names::get);
  }

  /** The name at {@code ordinal}; null for a hole. */
  String nameAt(int ordinal) {
    return names.get(ordinal);
  }

  /** The sorted name dictionary (sorted on first use). */
  SortedNames nameDictionary() {
    SortedNames sorted = sortedNames;
    if (sorted == null) {
      sorted = SortedNames.of(this);
      sortedNames = sorted;
    }
    return sorted;
  }

  ValueColumn labelColumn(String key) {
    return labels.get(key);
  }

  ValueColumn propertyColumn(String name) {
    return properties.get(name);
  }

  String label(int ordinal, String key) {
    ValueColumn column = labels.get(key);
    return column == null ? null : column.valueAt(ordinal);
  }

  String property(int ordinal, String name) {
    ValueColumn column = properties.get(name);
    return column == null ? null : column.valueAt(ordinal);
  }

  Map<String, String> labelsAt(int ordinal) {
    return gather(labels, ordinal);
  }

  Map<String, String> propertiesAt(int ordinal) {
    return gather(properties, ordinal);
  }

  Map<String, String> annotationsAt(int ordinal) {
    Map<String, String> map = annotations.get(ordinal);
    return map == null ? Map.of() : map;
  }

  List<Taint> taintsAt(int ordinal) {
    List<Taint> list = taints.get(ordinal);
    return list == null ? List.of() : list;
  }

  Cluster clusterAt(int ordinal) {
    return new Cluster(
        nameAt(ordinal),
        labelsAt(ordinal),
        annotationsAt(ordinal),
        propertiesAt(ordinal),
        taintsAt(ordinal));
  }

  private static Map<String, String> gather(Map<String, ValueColumn> columns, int ordinal) {
    // A hash map: callers look keys up (predicates, CEL, Cluster records copy it anyway).
    Map<String, String> out = new HashMap<>();
    for (ValueColumn column : columns.values()) {
      String value = column.valueAt(ordinal);
      if (value != null) {
        out.put(column.key, value);
      }
    }
    return out;
  }
}
