package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.benchmarks.state.SummaryState;
import dev.flotilla.summarize.LiveSummary;
import dev.flotilla.summarize.SummaryResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The summary benchmarks compute what they claim, at 5,000 clusters: the full summary has the
 * generated shape, an incremental replacement equals recomputation, and merging the partials at
 * once equals merging them one by one. P90 comes from a randomized sketch, so it is compared
 * separately (not null; everything else exactly).
 */
class SummaryBenchmarkStateTest {
  private final SummaryBenchmark benchmark = new SummaryBenchmark();
  private static final SummaryState state = SummaryState.of(5_000); // built once: ~10 s

  @Test
  void fullSummaryHasTheGeneratedShape() {
    SummaryResult result = benchmark.full(state).result();
    assertEquals(state.reports.length, result.reports());
    assertEquals(state.reports.length, result.matched());
    assertEquals(5_000 - state.reports.length, result.missing().count());
    assertTrue(result.missing().count() > 0 && result.stale().count() > 0);
    assertEquals(20, result.attention().items().size());
    assertTrue(result.attention().total() > 20, "about 3% of 5,000 fail");
    assertEquals(Map.of(), result.errors());
    long clusters =
        result.groups().stream().mapToLong(g -> (Long) g.aggregates().get("clusters")).sum();
    assertEquals(state.reports.length, clusters);
    assertTrue(result.groupCount() > 20 && result.groupCount() < 200, "" + result.groupCount());
    result.groups().forEach(g -> assertNotNull(g.aggregates().get("p90Restarts")));
    LiveSummary live = state.compiled.live(state.context);
    Arrays.stream(state.reports).forEach(live::put);
    assertTrue(withoutSketch(result).equals(withoutSketch(live.result())), "live == full");
  }

  @Test
  void replaceOneEqualsRecompute() {
    // The live summary starts from every report; apply change i incrementally, then recompute.
    LiveSummary live = state.compiled.live(state.context);
    Arrays.stream(state.reports).forEach(live::put);
    StatusReport[] changed = state.reports.clone();
    for (int i = 0; i < 3; i++) {
      live.put(state.replacements[i]);
      changed[state.positions[i]] = state.replacements[i];
      assertNotEquals(
          state.reports[state.positions[i]].observedAt(), state.replacements[i].observedAt());
    }
    SummaryResult expected =
        state.compiled.summarize(Arrays.asList(changed), state.context).result();
    assertTrue(withoutSketch(expected).equals(withoutSketch(live.result())), "3 replacements");
    assertEquals(state.reports.length, live.size());
    // The benchmark methods apply the prepared changes in turn.
    int before = state.live.size();
    assertTrue(benchmark.replaceOne(state).size() == before, "a replacement keeps the size");
    assertEquals(state.reports.length, benchmark.recompute(state).reports());
  }

  @Test
  void mergeAllEqualsTheFold() {
    SummaryResult all = benchmark.merge1000(state).result();
    SummaryResult folded = SummaryBenchmark.foldMerge(state.partials).result();
    assertTrue(withoutSketch(folded).equals(withoutSketch(all)), "mergeAll == fold");
    assertEquals(SummaryState.GROUPS_PER_PARTIAL, all.groupCount());
    assertEquals((long) SummaryState.PARTIALS * SummaryState.GROUPS_PER_PARTIAL, all.reports());
  }

  /** The result with each group's P90 replaced by whether it is present. */
  static SummaryResult withoutSketch(SummaryResult r) {
    List<SummaryResult.Group> groups =
        r.groups().stream()
            .map(
                g -> {
                  Map<String, Object> values = new LinkedHashMap<>(g.aggregates());
                  values.put("p90Restarts", values.get("p90Restarts") != null);
                  return new SummaryResult.Group(
                      g.key(), g.count(), values, g.skipped(), g.atLeast());
                })
            .toList();
    return new SummaryResult(
        r.reports(),
        r.matched(),
        groups,
        r.groupCount(),
        r.attention(),
        r.stale(),
        r.missing(),
        r.errors(),
        r.sizeLimited());
  }
}
