package dev.flotilla.summarize;

/*
 * Maintainer notes. The engine's mutable core, shared by batch and live summaries: a batch
 * summary adds every row once; a live one also takes rows back. Layout:
 *   groups     HashMap<key, Group>      key = list of canonical scalars (equal values hash alike)
 *   Group      count + one AggregateState per aggregate (counted TreeMaps, exact sums)
 *   attention  TreeSet ordered by orderBy, then cluster name: every matching item, capped on read
 *   stale      TreeSet of cluster names; missing: the expected clusters seen reporting (a hash
 *              set), the silent ones found per snapshot
 *   errors     column -> (cluster -> message), TreeMaps so examples are the smallest names
 * Invariant: the state is a function of the multiset of rows added and not removed, so any
 * sequence of adds and removes equals adding the surviving rows; a group whose count reaches zero
 * is dropped, so it equals one that never existed. Each change costs O(log n) per column.
 */

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable state of a summary being computed: rows are added (and, for a live summary, taken
 * back), and {@link #snapshot()} gives the immutable, mergeable {@link Summary}.
 */
final class SummaryState {
  private final Layout layout;
  private final Set<String> expected;
  private final Map<List<Object>, Group> groups = new HashMap<>();
  private final TreeSet<AttentionItem> attention;
  private final TreeSet<String> stale = new TreeSet<>();
  private final Set<String> reportedExpected = new HashSet<>();
  private final TreeMap<String, TreeMap<String, String>> errors = new TreeMap<>();
  private long reports;
  private long matched;

  private final class Group {
    long count;
    final AggregateState[] aggregates;

    Group() {
      aggregates = new AggregateState[layout.functions().size()];
      for (int i = 0; i < aggregates.length; i++) {
        aggregates[i] = AggregateState.of(layout.functions().get(i));
      }
    }
  }

  SummaryState(Layout layout, Collection<String> expected) {
    this.layout = layout;
    this.expected = Set.copyOf(expected);
    this.attention = new TreeSet<>(layout.itemOrder());
  }

  void add(Row row) {
    apply(row, 1);
  }

  void remove(Row row) {
    apply(row, -1);
  }

  private void apply(Row row, int sign) {
    reports += sign;
    if (expected.contains(row.cluster())) {
      if (sign > 0) {
        reportedExpected.add(row.cluster());
      } else {
        reportedExpected.remove(row.cluster());
      }
    }
    for (ColumnError error : row.errors()) {
      TreeMap<String, String> column = errors.computeIfAbsent(error.column(), c -> new TreeMap<>());
      if (sign > 0) {
        column.put(row.cluster(), error.message());
      } else {
        column.remove(row.cluster());
        if (column.isEmpty()) {
          errors.remove(error.column());
        }
      }
    }
    if (!row.matched()) {
      return;
    }
    matched += sign;
    if (row.stale()) {
      if (sign > 0) {
        stale.add(row.cluster());
      } else {
        stale.remove(row.cluster());
      }
    }
    Group group = groups.get(row.key());
    if (group == null) {
      group = new Group();
      groups.put(row.key(), group);
    }
    group.count += sign;
    for (int i = 0; i < group.aggregates.length; i++) {
      group.aggregates[i].apply(row.subjects()[i], sign);
    }
    if (group.count == 0) {
      groups.remove(row.key());
    }
    if (row.item() != null) {
      if (sign > 0) {
        attention.add(row.item());
      } else {
        attention.remove(row.item());
      }
    }
  }

  /** The immutable partial for the current state. */
  Summary snapshot() {
    List<Summary.GroupState> states = new ArrayList<>(groups.size());
    for (Map.Entry<List<Object>, Group> e : groups.entrySet()) {
      List<Cell> cells = new ArrayList<>(e.getValue().aggregates.length);
      for (AggregateState aggregate : e.getValue().aggregates) {
        cells.add(aggregate.cell());
      }
      states.add(new Summary.GroupState(e.getKey(), e.getValue().count, cells));
    }
    states.sort((a, b) -> Values.KEY_ORDER.compare(a.key(), b.key()));
    List<AttentionItem> items = new ArrayList<>(Math.min(layout.limit(), attention.size()));
    Iterator<AttentionItem> it = attention.iterator();
    while (items.size() < layout.limit() && it.hasNext()) {
      items.add(it.next());
    }
    Map<String, Summary.ErrorColumn> errorColumns = new TreeMap<>();
    errors.forEach(
        (column, byCluster) -> {
          List<Summary.Example> examples = new ArrayList<>();
          for (Map.Entry<String, String> e : byCluster.entrySet()) {
            if (examples.size() == Layout.EXAMPLES) {
              break;
            }
            examples.add(new Summary.Example(e.getKey(), e.getValue()));
          }
          errorColumns.put(column, new Summary.ErrorColumn(byCluster.size(), examples));
        });
    return new Summary(
        layout,
        reports,
        matched,
        states,
        attention.size(),
        items,
        capped(stale),
        missing(),
        errorColumns);
  }

  /**
   * The expected clusters without a report: counted, and the smallest names kept with a bounded
   * heap, in O(expected) per snapshot rather than a sorted set of every expected cluster.
   */
  private Summary.Capped missing() {
    return missing(expected, reportedExpected);
  }

  /** The clusters of {@code expected} not in {@code reported}, counted, the smallest kept. */
  static Summary.Capped missing(Set<String> expected, Set<String> reported) {
    PriorityQueue<String> largestFirst = new PriorityQueue<>(Comparator.reverseOrder());
    long count = 0;
    for (String name : expected) {
      if (!reported.contains(name)) {
        count++;
        largestFirst.add(name);
        if (largestFirst.size() > Layout.EXAMPLES) {
          largestFirst.poll();
        }
      }
    }
    List<String> examples = new ArrayList<>(largestFirst);
    examples.sort(Comparator.naturalOrder());
    return new Summary.Capped(count, examples);
  }

  private static Summary.Capped capped(TreeSet<String> names) {
    List<String> examples = new ArrayList<>(Math.min(Layout.EXAMPLES, names.size()));
    for (String name : names) {
      if (examples.size() == Layout.EXAMPLES) {
        break;
      }
      examples.add(name);
    }
    return new Summary.Capped(names.size(), examples);
  }
}
