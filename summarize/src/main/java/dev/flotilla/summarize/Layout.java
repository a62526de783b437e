package dev.flotilla.summarize;

import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.SortDirection;
import java.util.Comparator;
import java.util.List;

/**
 * The shape of a summary: what its columns are. Partials merge only when their layouts are equal,
 * which is checked, so two hubs running different policies cannot be added up by mistake.
 */
record Layout(
    List<String> groupBy,
    List<String> aggregates,
    List<AggregateFunction> functions,
    boolean attention,
    int limit,
    List<SortDirection> directions,
    List<String> fields,
    int maxBytes) {

  /** Examples kept per capped list (errors per column, stale and missing clusters). */
  static final int EXAMPLES = 10;

  /** Distinct values counted exactly per CountDistinct cell; beyond, the count is a lower bound. */
  static final int DISTINCT_CAP = 10_000;

  /** KLL sketch size: normalized rank error about 1.33% (99% confidence), see Summary. */
  static final int SKETCH_K = 200;

  Layout {
    groupBy = List.copyOf(groupBy);
    aggregates = List.copyOf(aggregates);
    functions = List.copyOf(functions);
    directions = List.copyOf(directions);
    fields = List.copyOf(fields);
  }

  /** The attention order: each key in its direction with nulls last, then the cluster name. */
  Comparator<AttentionItem> itemOrder() {
    return (a, b) -> {
      for (int i = 0; i < directions.size(); i++) {
        Object x = a.order().get(i);
        Object y = b.order().get(i);
        int c;
        if (x == null || y == null) {
          c = Values.compareNullsLast(x, y);
        } else {
          c = Values.compare(x, y);
          if (directions.get(i) == SortDirection.Desc) {
            c = -c;
          }
        }
        if (c != 0) {
          return c;
        }
      }
      return a.cluster().compareTo(b.cluster());
    };
  }
}
