package dev.flotilla.summarize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a result's JSON form within {@code maxBytes}: cuts error examples, then stale and missing
 * examples, then attention items, then groups (keeping as many as fit, found by bisection), never
 * the counts. With every list cut, what is left is counts and one entry per failing column, a few
 * kilobytes at most under the spec's limits, below the smallest allowed {@code maxBytes}.
 */
final class ResultBound {
  private ResultBound() {}

  static SummaryResult fit(SummaryResult full, int maxBytes) {
    if (full.jsonBytes() <= maxBytes) {
      return full;
    }
    SummaryResult r = withErrorExamples(full, 1);
    if (r.jsonBytes() <= maxBytes) {
      return r;
    }
    r = withErrorExamples(r, 0);
    r =
        copy(
            r,
            r.groups(),
            r.attention().items(),
            new SummaryResult.Clusters(r.stale().count(), List.of()),
            new SummaryResult.Clusters(r.missing().count(), List.of()));
    if (r.jsonBytes() <= maxBytes) {
      return r;
    }
    SummaryResult base = r;
    int items = largest(base.attention().items().size(), n -> withItems(base, n), maxBytes, 0);
    r = withItems(base, items);
    if (r.jsonBytes() <= maxBytes) {
      return r;
    }
    SummaryResult noItems = r;
    int groups = largest(noItems.groups().size(), n -> withGroups(noItems, n), maxBytes, 0);
    r = withGroups(noItems, groups);
    if (r.jsonBytes() > maxBytes) {
      throw new IllegalStateException(
          "a summary with every list cut is still " + r.jsonBytes() + " bytes");
    }
    return r;
  }

  /** The largest n in [min, max] for which build(n) fits (build(min) is taken to fit). */
  private static int largest(
      int max, java.util.function.IntFunction<SummaryResult> build, int maxBytes, int min) {
    int lo = min;
    int hi = max;
    while (lo < hi) {
      int mid = lo + (hi - lo + 1) / 2;
      if (build.apply(mid).jsonBytes() <= maxBytes) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static SummaryResult withErrorExamples(SummaryResult r, int n) {
    Map<String, SummaryResult.Errors> errors = new LinkedHashMap<>();
    r.errors()
        .forEach(
            (column, e) ->
                errors.put(
                    column,
                    new SummaryResult.Errors(
                        e.count(), e.examples().subList(0, Math.min(n, e.examples().size())))));
    return new SummaryResult(
        r.reports(),
        r.matched(),
        r.groups(),
        r.groupCount(),
        r.attention(),
        r.stale(),
        r.missing(),
        errors,
        true);
  }

  private static SummaryResult withItems(SummaryResult r, int n) {
    return copy(
        r,
        r.groups(),
        r.attention().items().subList(0, Math.min(n, r.attention().items().size())),
        r.stale(),
        r.missing());
  }

  private static SummaryResult withGroups(SummaryResult r, int n) {
    return copy(
        r,
        r.groups().subList(0, Math.min(n, r.groups().size())),
        r.attention().items(),
        r.stale(),
        r.missing());
  }

  private static SummaryResult copy(
      SummaryResult r,
      List<SummaryResult.Group> groups,
      List<SummaryResult.Item> items,
      SummaryResult.Clusters stale,
      SummaryResult.Clusters missing) {
    return new SummaryResult(
        r.reports(),
        r.matched(),
        groups,
        r.groupCount(),
        new SummaryResult.Attention(r.attention().total(), items),
        stale,
        missing,
        r.errors(),
        true);
  }
}
