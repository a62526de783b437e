package dev.flotilla.summarize;

import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.StatusReport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The summary written straight from the semantics, for property tests: per-report evaluation is the
 * engine's ({@link CompiledSummary#evaluate}, covered by worked examples), everything after it is
 * recomputed naively from the rows, with sorting instead of sorted maps and plain sets instead of
 * caps maintained on the way. Quantiles are exact (nearest rank), for inputs below the sketch's k
 * where the sketch is exact too.
 */
final class ReferenceSummary {
  private ReferenceSummary() {}

  static SummaryResult of(
      CompiledSummary compiled, List<StatusReport> reports, SummaryContext context) {
    Layout layout = compiled.layout();
    List<Row> rows = new ArrayList<>();
    for (StatusReport report : reports) {
      rows.add(compiled.evaluate(report, context, null));
    }
    long matched = rows.stream().filter(Row::matched).count();
    Map<List<Object>, List<Row>> byKey = new TreeMap<>(Values.KEY_ORDER);
    for (Row row : rows) {
      if (row.matched()) {
        byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
      }
    }
    List<SummaryResult.Group> groups = new ArrayList<>();
    byKey.forEach(
        (key, members) -> {
          Map<String, Object> keyMap = new LinkedHashMap<>();
          for (int i = 0; i < key.size(); i++) {
            keyMap.put(layout.groupBy().get(i), key.get(i));
          }
          Map<String, Object> values = new LinkedHashMap<>();
          Map<String, Long> skipped = new LinkedHashMap<>();
          List<String> atLeast = new ArrayList<>();
          for (int a = 0; a < layout.aggregates().size(); a++) {
            List<Object> subjects = new ArrayList<>();
            long nulls = 0;
            for (Row row : members) {
              Object s = row.subjects()[a];
              if (s == null) {
                nulls++;
              } else if (s != Row.FAILED) {
                subjects.add(s);
              }
            }
            String name = layout.aggregates().get(a);
            AggregateFunction f = layout.functions().get(a);
            values.put(name, aggregate(f, subjects));
            if (nulls > 0) {
              skipped.put(name, nulls);
            }
            if (f == AggregateFunction.CountDistinct
                && new HashSet<>(subjects).size() > Layout.DISTINCT_CAP) {
              atLeast.add(name);
            }
          }
          groups.add(new SummaryResult.Group(keyMap, members.size(), values, skipped, atLeast));
        });
    List<AttentionItem> items = new ArrayList<>();
    rows.stream().filter(r -> r.item() != null).forEach(r -> items.add(r.item()));
    items.sort(layout.itemOrder());
    List<SummaryResult.Item> shown = new ArrayList<>();
    for (AttentionItem item : items.subList(0, Math.min(layout.limit(), items.size()))) {
      shown.add(new SummaryResult.Item(item.cluster(), item.fields()));
    }
    List<String> stale =
        rows.stream().filter(r -> r.matched() && r.stale()).map(Row::cluster).sorted().toList();
    Set<String> reported = new HashSet<>();
    rows.forEach(r -> reported.add(r.cluster()));
    List<String> missing =
        context.expected().stream().filter(c -> !reported.contains(c)).sorted().toList();
    Map<String, TreeMap<String, String>> errors = new TreeMap<>();
    for (Row row : rows) {
      for (ColumnError e : row.errors()) {
        errors.computeIfAbsent(e.column(), c -> new TreeMap<>()).put(row.cluster(), e.message());
      }
    }
    Map<String, SummaryResult.Errors> errorResults = new LinkedHashMap<>();
    errors.forEach(
        (column, byCluster) ->
            errorResults.put(
                column,
                new SummaryResult.Errors(
                    byCluster.size(),
                    byCluster.entrySet().stream()
                        .limit(Layout.EXAMPLES)
                        .map(e -> new SummaryResult.ErrorExample(e.getKey(), e.getValue()))
                        .toList())));
    return new SummaryResult(
        rows.size(),
        matched,
        groups,
        groups.size(),
        new SummaryResult.Attention(items.size(), shown),
        new SummaryResult.Clusters(stale.size(), stale.stream().limit(Layout.EXAMPLES).toList()),
        new SummaryResult.Clusters(
            missing.size(), missing.stream().limit(Layout.EXAMPLES).toList()),
        errorResults,
        false);
  }

  static Object aggregate(AggregateFunction f, List<Object> subjects) {
    try {
      switch (f) {
        case Count:
          return subjects.stream().filter(Boolean.TRUE::equals).count();
        case Sum:
          {
            if (subjects.isEmpty()) {
              return null;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean fractional = false;
            for (Object s : subjects) {
              sum = sum.add(Values.decimal(s));
              fractional |= s instanceof Double;
            }
            if (fractional) {
              return Values.ofDouble(sum.doubleValue());
            }
            BigInteger exact = sum.toBigIntegerExact();
            return exact.bitLength() < 64 ? (Object) exact.longValue() : exact;
          }
        case Avg:
          {
            if (subjects.isEmpty()) {
              return null;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Object s : subjects) {
              sum = sum.add(Values.decimal(s));
            }
            return Values.ofDouble(
                sum.divide(BigDecimal.valueOf(subjects.size()), MathContext.DECIMAL64)
                    .doubleValue());
          }
        case Min:
          return subjects.stream().min(Values.ORDER).orElse(null);
        case Max:
          return subjects.stream().max(Values.ORDER).orElse(null);
        case CountDistinct:
          {
            TreeSet<Object> distinct = new TreeSet<>(Values.ORDER);
            distinct.addAll(subjects);
            return (long) Math.min(distinct.size(), Layout.DISTINCT_CAP);
          }
        default:
          {
            if (subjects.isEmpty()) {
              return null;
            }
            List<Double> sorted =
                subjects.stream()
                    .map(s -> ((Number) s).doubleValue())
                    .sorted(Comparator.naturalOrder())
                    .toList();
            int rank = (int) Math.ceil(f.rank() * sorted.size());
            return Values.ofDouble(sorted.get(Math.max(0, rank - 1)));
          }
      }
    } catch (Values.Invalid e) {
      return null;
    }
  }
}
