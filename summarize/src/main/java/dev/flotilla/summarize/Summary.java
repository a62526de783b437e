package dev.flotilla.summarize;

import dev.flotilla.api.summary.AggregateFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A partial status summary: immutable, thread-safe, and mergeable up a hierarchy of hubs.
 *
 * <p>{@link #merge} is associative and commutative with {@link #empty()} as identity, and merging
 * the partials of any partition of a fleet's reports (each cluster's report in one part, each
 * expected cluster in the part that holds its report, if any) equals the summary of all of them:
 *
 * <ul>
 *   <li>exactly for counts, Sum, Avg (exact decimal sums), Min, Max, CountDistinct (exact up to
 *       10,000 distinct values per group, then "at least 10,000"), the attention list's top {@code
 *       limit} and total, stale, missing and error counts and their examples (the smallest cluster
 *       names);
 *   <li>within the sketch's bound for P50, P90 and P99: exact up to 200 values per group, then the
 *       returned value's rank is within about 1.33% of the requested rank (KLL, k = 200, 99%
 *       confidence).
 * </ul>
 *
 * <p>Merging is deterministic: the same partials merged in the same order give byte-identical JSON
 * on any machine (the sketches' compactions flip seeded coins). {@link #toJson()} and {@link
 * #fromJson(String)} carry a partial between processes; a partial read back equals the one written.
 * A partial is not bounded in size (its lists are kept complete so merging stays exact); {@link
 * #result()} is, by {@code maxBytes}.
 */
public final class Summary {
  private static final Summary EMPTY =
      new Summary(
          null,
          0,
          0,
          List.of(),
          0,
          List.of(),
          new Capped(0, List.of()),
          new Capped(0, List.of()),
          Map.of());

  final Layout layout;
  final long reports;
  final long matched;
  final List<GroupState> groups;
  final long attentionTotal;
  final List<AttentionItem> attention;
  final Capped stale;
  final Capped missing;
  final Map<String, ErrorColumn> errors;

  /** One group: its key, how many reports, one cell per aggregate. */
  record GroupState(List<Object> key, long count, List<Cell> cells) {
    GroupState {
      key = Collections.unmodifiableList(new ArrayList<>(key));
      cells = List.copyOf(cells);
    }
  }

  /** A count with the smallest cluster names as examples. */
  record Capped(long count, List<String> examples) {
    Capped {
      examples = List.copyOf(examples);
    }

    Capped merge(Capped other) {
      TreeSet<String> union = new TreeSet<>(examples);
      union.addAll(other.examples);
      return new Capped(count + other.count, union.stream().limit(Layout.EXAMPLES).toList());
    }
  }

  /** One failing report: the cluster and the message. */
  record Example(String cluster, String message) {}

  /** The failures of one column: how many, and the examples of the smallest cluster names. */
  record ErrorColumn(long count, List<Example> examples) {
    ErrorColumn {
      examples = List.copyOf(examples);
    }

    ErrorColumn merge(ErrorColumn other) {
      TreeMap<String, String> union = new TreeMap<>();
      examples.forEach(e -> union.put(e.cluster(), e.message()));
      other.examples.forEach(e -> union.put(e.cluster(), e.message()));
      return new ErrorColumn(
          count + other.count,
          union.entrySet().stream()
              .limit(Layout.EXAMPLES)
              .map(e -> new Example(e.getKey(), e.getValue()))
              .toList());
    }
  }

  Summary(
      Layout layout,
      long reports,
      long matched,
      List<GroupState> groups,
      long attentionTotal,
      List<AttentionItem> attention,
      Capped stale,
      Capped missing,
      Map<String, ErrorColumn> errors) {
    this.layout = layout;
    this.reports = reports;
    this.matched = matched;
    this.groups = List.copyOf(groups);
    this.attentionTotal = attentionTotal;
    this.attention = List.copyOf(attention);
    this.stale = stale;
    this.missing = missing;
    this.errors = Collections.unmodifiableMap(new TreeMap<>(errors));
  }

  /** The identity of {@link #merge}: a summary of nothing, compatible with every policy. */
  public static Summary empty() {
    return EMPTY;
  }

  /** How many reports this partial summarizes (kept by the filter or not). */
  public long reports() {
    return reports;
  }

  /** How many groups it holds. */
  public int groupCount() {
    return groups.size();
  }

  /**
   * The summary of the reports of both partials, which must cover different clusters.
   *
   * @throws IllegalArgumentException when the partials come from different policies (different
   *     groups, aggregates or attention list)
   */
  public Summary merge(Summary other) {
    Objects.requireNonNull(other, "other");
    if (layout == null) {
      return other;
    }
    if (other.layout == null) {
      return this;
    }
    if (!layout.equals(other.layout)) {
      throw new IllegalArgumentException(
          "cannot merge summaries of different policies: " + layout + " and " + other.layout);
    }
    List<GroupState> merged = new ArrayList<>(groups.size() + other.groups.size());
    int i = 0;
    int j = 0;
    while (i < groups.size() || j < other.groups.size()) {
      int c =
          i == groups.size()
              ? 1
              : j == other.groups.size()
                  ? -1
                  : Values.KEY_ORDER.compare(groups.get(i).key(), other.groups.get(j).key());
      if (c < 0) {
        merged.add(groups.get(i++));
      } else if (c > 0) {
        merged.add(other.groups.get(j++));
      } else {
        GroupState a = groups.get(i++);
        GroupState b = other.groups.get(j++);
        List<Cell> cells = new ArrayList<>(a.cells().size());
        for (int k = 0; k < a.cells().size(); k++) {
          cells.add(a.cells().get(k).merge(b.cells().get(k)));
        }
        merged.add(new GroupState(a.key(), a.count() + b.count(), cells));
      }
    }
    List<AttentionItem> items = new ArrayList<>(attention);
    items.addAll(other.attention);
    items.sort(layout.itemOrder());
    Map<String, ErrorColumn> columns = new TreeMap<>(errors);
    other.errors.forEach((column, e) -> columns.merge(column, e, ErrorColumn::merge));
    return new Summary(
        layout,
        reports + other.reports,
        matched + other.matched,
        merged,
        attentionTotal + other.attentionTotal,
        items.subList(0, Math.min(layout.limit(), items.size())),
        stale.merge(other.stale),
        missing.merge(other.missing),
        columns);
  }

  /**
   * The merge of every partial in {@code partials}, in one pass: equal to merging them one by one
   * (quantiles within the sketch's bound), with one mutable builder per group instead of a copy per
   * step. An empty collection gives {@link #empty()}.
   *
   * @throws IllegalArgumentException when the partials come from different policies
   */
  public static Summary mergeAll(java.util.Collection<Summary> partials) {
    return MergeAll.of(partials);
  }

  /**
   * The final summary: aggregates computed, null for empty groups (never NaN or infinity), and its
   * JSON form ({@link SummaryResult#toJson()}) within the policy's {@code maxBytes}: when it would
   * be larger, error examples, then stale and missing examples, then attention items, then groups
   * are cut, counts kept and the cut marked.
   */
  public SummaryResult result() {
    return ResultBound.fit(fullResult(), layout == null ? Integer.MAX_VALUE : layout.maxBytes());
  }

  SummaryResult fullResult() {
    if (layout == null) {
      return new SummaryResult(
          0,
          0,
          List.of(),
          0,
          new SummaryResult.Attention(0, List.of()),
          new SummaryResult.Clusters(0, List.of()),
          new SummaryResult.Clusters(0, List.of()),
          Map.of(),
          false);
    }
    List<SummaryResult.Group> out = new ArrayList<>(groups.size());
    for (GroupState group : groups) {
      Map<String, Object> key = new LinkedHashMap<>();
      for (int k = 0; k < layout.groupBy().size(); k++) {
        key.put(layout.groupBy().get(k), group.key().get(k));
      }
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, Long> skipped = new LinkedHashMap<>();
      List<String> atLeast = new ArrayList<>();
      for (int k = 0; k < layout.aggregates().size(); k++) {
        String name = layout.aggregates().get(k);
        Cell cell = group.cells().get(k);
        values.put(name, value(layout.functions().get(k), cell));
        if (cell.nulls() > 0) {
          skipped.put(name, cell.nulls());
        }
        if (cell instanceof Cell.Distinct d && d.overflow()) {
          atLeast.add(name);
        }
      }
      out.add(new SummaryResult.Group(key, group.count(), values, skipped, atLeast));
    }
    List<SummaryResult.Item> items = new ArrayList<>(attention.size());
    for (AttentionItem item : attention) {
      items.add(new SummaryResult.Item(item.cluster(), item.fields()));
    }
    Map<String, SummaryResult.Errors> errorResults = new LinkedHashMap<>();
    errors.forEach(
        (column, e) ->
            errorResults.put(
                column,
                new SummaryResult.Errors(
                    e.count(),
                    e.examples().stream()
                        .map(x -> new SummaryResult.ErrorExample(x.cluster(), x.message()))
                        .toList())));
    return new SummaryResult(
        reports,
        matched,
        out,
        groups.size(),
        new SummaryResult.Attention(attentionTotal, items),
        new SummaryResult.Clusters(stale.count(), stale.examples()),
        new SummaryResult.Clusters(missing.count(), missing.examples()),
        errorResults,
        false);
  }

  private static Object value(AggregateFunction function, Cell cell) {
    try {
      return switch (function) {
        case Count -> ((Cell.Count) cell).count();
        case Sum -> {
          Cell.Sum sum = (Cell.Sum) cell;
          if (sum.n() == 0) {
            yield null;
          }
          if (sum.fractional() > 0) {
            yield Values.ofDouble(sum.sum().doubleValue());
          }
          BigInteger exact = sum.sum().toBigIntegerExact();
          yield exact.bitLength() < 64 ? (Object) exact.longValue() : exact;
        }
        case Avg -> {
          Cell.Sum sum = (Cell.Sum) cell;
          yield sum.n() == 0
              ? null
              : Values.ofDouble(
                  sum.sum()
                      .divide(BigDecimal.valueOf(sum.n()), MathContext.DECIMAL64)
                      .doubleValue());
        }
        case Min, Max -> ((Cell.Extreme) cell).value();
        case CountDistinct -> (long) ((Cell.Distinct) cell).values().size();
        case P50, P90, P99 -> {
          Cell.Quantiles q = (Cell.Quantiles) cell;
          yield q.n() == 0
              ? null
              : Values.ofDouble(
                  q.sketch().getQuantile(function.rank(), QuantileSearchCriteria.INCLUSIVE));
        }
      };
    } catch (Values.Invalid e) {
      return null; // a sum of finite doubles beyond the double range: no finite answer to give
    }
  }

  /** The same partial with {@code missing} in place of its own. */
  Summary withMissing(Capped missing) {
    return new Summary(
        layout, reports, matched, groups, attentionTotal, attention, stale, missing, errors);
  }

  /** This partial as JSON, for a hub to send upward; {@link #fromJson} reads it back. */
  public String toJson() {
    return SummaryJson.write(this);
  }

  /**
   * Reads a partial written by {@link #toJson()}.
   *
   * @throws dev.flotilla.api.ValidationException when the text is not such a partial, with the
   *     field path of the first problem
   */
  public static Summary fromJson(String json) {
    return SummaryJson.read(json);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Summary s
        && Objects.equals(layout, s.layout)
        && reports == s.reports
        && matched == s.matched
        && groups.equals(s.groups)
        && attentionTotal == s.attentionTotal
        && attention.equals(s.attention)
        && stale.equals(s.stale)
        && missing.equals(s.missing)
        && errors.equals(s.errors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(layout, reports, matched, groups, attentionTotal, attention, errors);
  }

  @Override
  public String toString() {
    return "Summary{reports=" + reports + ", groups=" + groups.size() + "}";
  }
}
