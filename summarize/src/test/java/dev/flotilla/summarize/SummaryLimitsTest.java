package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.summary.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;

/** Quantiles within the sketch's documented rank error; CountDistinct's cap and its merge law. */
class SummaryLimitsTest {
  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: limits}
      spec:
        aggregates:
        - {name: p50, function: P50, expression: "status.v"}
        - {name: p90, function: P90, expression: "status.v"}
        - {name: p99, function: P99, expression: "status.v"}
        - {name: distinct, function: CountDistinct, expression: "status.v"}
      """;

  static final CompiledSummary COMPILED = CompiledSummary.compile(Scenarios.policy(POLICY));

  /** Without sketches, so that partials compare exactly beyond the sketch's k. */
  static final CompiledSummary DISTINCT =
      CompiledSummary.compile(
          Scenarios.policy(
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: StatusSummary
              metadata: {name: distinct}
              spec:
                aggregates:
                - {name: distinct, function: CountDistinct, expression: "status.v"}
                - {name: max, function: Max, expression: "status.v"}
              """));

  static List<StatusReport> reports(int n, long seed, int offset) {
    Random random = new Random(seed);
    List<StatusReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long v = random.nextInt(1_000_000);
      out.add(new StatusReport("c-" + (offset + i), Scenarios.NOW, Map.of("v", v)));
    }
    return out;
  }

  /** The fraction of subjects at or below {@code value}. */
  static double rankOf(List<StatusReport> reports, long value) {
    long below = reports.stream().filter(r -> (Long) r.object().get("v") <= value).count();
    return (double) below / reports.size();
  }

  @Test
  void quantilesAreWithinTheRankErrorAlsoWhenMerged() {
    double bound = KllSketch.getNormalizedRankError(Layout.SKETCH_K, false);
    assertTrue(bound < 0.014, "k=200 gives about 1.33%: " + bound);
    List<StatusReport> all = new ArrayList<>();
    Summary merged = Summary.empty();
    for (int part = 0; part < 4; part++) {
      List<StatusReport> some = reports(5_000, part, part * 5_000);
      all.addAll(some);
      merged = merged.merge(COMPILED.summarize(some, SummaryContext.at(Scenarios.NOW)));
    }
    for (Summary summary :
        List.of(merged, COMPILED.summarize(all, SummaryContext.at(Scenarios.NOW)))) {
      Map<String, Object> values = summary.result().groups().get(0).aggregates();
      assertEquals(0.5, rankOf(all, (Long) values.get("p50")), bound);
      assertEquals(0.9, rankOf(all, (Long) values.get("p90")), bound);
      assertEquals(0.99, rankOf(all, (Long) values.get("p99")), bound);
    }
  }

  @Test
  void liveQuantilesAfterRemovalsAreWithinTheRankError() {
    double bound = KllSketch.getNormalizedRankError(Layout.SKETCH_K, false);
    List<StatusReport> all = reports(6_000, 11, 0);
    LiveSummary live = COMPILED.live(SummaryContext.at(Scenarios.NOW));
    all.forEach(live::put);
    List<StatusReport> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (i % 3 == 0) {
        live.remove(all.get(i).cluster());
      } else {
        kept.add(all.get(i));
      }
    }
    Map<String, Object> values = live.result().groups().get(0).aggregates();
    assertEquals(0.5, rankOf(kept, (Long) values.get("p50")), bound);
    assertEquals(0.99, rankOf(kept, (Long) values.get("p99")), bound);
    assertEquals(
        (long) kept.size(), COMPILED.summarize(kept, SummaryContext.at(Scenarios.NOW)).reports());
  }

  @Test
  void countDistinctIsExactUpToTheCapThenALowerBoundAndMergesExactly() {
    List<StatusReport> all = new ArrayList<>();
    Summary merged = Summary.empty();
    for (int part = 0; part < 3; part++) {
      List<StatusReport> some = new ArrayList<>();
      for (int i = 0; i < 4_000; i++) {
        int n = part * 4_000 + i;
        some.add(new StatusReport("c-" + n, Scenarios.NOW, Map.of("v", (long) (n % 11_000))));
      }
      all.addAll(some);
      Summary partial = DISTINCT.summarize(some, SummaryContext.at(Scenarios.NOW));
      assertEquals(
          4_000L, partial.result().groups().get(0).aggregates().get("distinct"), "exact below cap");
      merged = merged.merge(partial);
    }
    Summary whole = DISTINCT.summarize(all, SummaryContext.at(Scenarios.NOW));
    assertEquals(whole, merged);
    SummaryResult.Group group = whole.result().groups().get(0);
    assertEquals((long) Layout.DISTINCT_CAP, group.aggregates().get("distinct"));
    assertEquals(List.of("distinct"), group.atLeast());
  }
}
