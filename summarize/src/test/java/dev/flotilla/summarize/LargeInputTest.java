package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.summary.StatusReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Above the parallel threshold, reports are summarized in chunks that are merged: the result equals
 * one sequential pass (a live summary fed one report at a time), missing clusters included.
 */
class LargeInputTest {
  static final CompiledSummary EXACT =
      CompiledSummary.compile(
          Scenarios.policy(
              Scenarios.POLICY
                  .replace("  - {name: p50, function: P50, expression: \"status.v\"}\n", "")
                  .replace("  - {name: p90, function: P90, expression: \"status.v\"}\n", "")));

  @Test
  void chunkedSummaryEqualsOneSequentialPass() {
    assertEquals(7, EXACT.layout().aggregates().size(), "the quantiles are left out");
    Random random = new Random(5);
    List<StatusReport> reports = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 12_000; i++) {
      String cluster = "c-" + i;
      if (random.nextInt(50) > 0) {
        reports.add(Scenarios.report(random, cluster));
      }
      if (random.nextInt(3) > 0) {
        expected.add(cluster);
      }
    }
    Collections.shuffle(reports, random);
    SummaryContext context = SummaryContext.at(Scenarios.NOW).expecting(expected);
    LiveSummary live = EXACT.live(context);
    reports.forEach(live::put);
    Summary chunked = EXACT.summarize(reports, context);
    assertTrue(chunked.equals(live.snapshot()), "chunked == sequential");
    assertTrue(chunked.result().missing().count() > 0);
    assertEquals(reports.size(), chunked.reports());
  }
}
