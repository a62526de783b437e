package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.summary.StatusReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The same reports give byte-identical JSON whatever runs them: the calling thread alone, one
 * thread, pools sized like machines of 2 to 64 processors, the common pool, a shut-down executor;
 * with groups far beyond the sketch's k, where KLL compaction flips coins.
 */
class DeterministicSummaryTest {
  static final CompiledSummary COMPILED =
      CompiledSummary.compile(
          Scenarios.policy(
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: StatusSummary
              metadata: {name: latency}
              spec:
                groupBy:
                - {name: region, expression: "status.region"}
                aggregates:
                - {name: n, function: Count}
                - {name: sum, function: Sum, expression: "status.ms"}
                - {name: p50, function: P50, expression: "status.ms"}
                - {name: p90, function: P90, expression: "status.ms"}
                - {name: p99, function: P99, expression: "status.ms"}
                - {name: distinct, function: CountDistinct, expression: "status.version"}
                attention:
                  when: "status.ms > 900.0"
                  orderBy: [{expression: "status.ms", direction: Desc}]
                  limit: 5
                staleAfter: 60m
              """));

  /** Reports enough for several chunks, with thousands of distinct values per group. */
  static List<StatusReport> reports(int n) {
    Random random = new Random(11);
    List<StatusReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("region", "r" + random.nextInt(3));
      object.put("ms", random.nextInt(1_000_000) / 1000.0);
      object.put("version", "v" + random.nextInt(40));
      out.add(new StatusReport("c-" + i, Scenarios.NOW.minusSeconds(random.nextInt(7200)), object));
    }
    return out;
  }

  private static String json(List<StatusReport> reports, SummaryContext context, Executor e) {
    Summary summary = COMPILED.summarize(reports, context, e);
    return summary.toJson() + "\n" + summary.result().toJson();
  }

  @Test
  void sameJsonWhateverTheExecutorOrProcessorCount() throws Exception {
    assertTrue(Sketches.deterministic(), "DataSketches' KLL coin is reachable");
    List<StatusReport> reports = reports(3 * CompiledSummary.CHUNK_SIZE + 123);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < reports.size() + 500; i += 3) {
      expected.add("c-" + i);
    }
    SummaryContext context = SummaryContext.at(Scenarios.NOW).expecting(expected);
    String reference = json(reports, context, Runnable::run);
    assertTrue(reference.contains("\"p99\""), "quantiles are in the output");
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      assertEquals(reference, json(reports, context, single), "one thread");
    } finally {
      single.shutdownNow();
    }
    for (int processors : new int[] {1, 3, 64}) {
      ForkJoinPool pool = new ForkJoinPool(processors);
      try {
        assertEquals(reference, json(reports, context, pool), processors + " processors");
        assertEquals(reference, json(reports, context, pool), processors + " processors, again");
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(reference, json(reports, context, ForkJoinPool.commonPool()), "common pool");
    assertEquals(
        reference,
        COMPILED.summarize(reports, context).toJson()
            + "\n"
            + COMPILED.summarize(reports, context).result().toJson(),
        "default executor");
    ExecutorService closed = Executors.newFixedThreadPool(2);
    closed.shutdown();
    assertEquals(reference, json(reports, context, closed), "a shut-down executor");
  }

  @Test
  void summariesRunConcurrentlyStayIdentical() throws Exception {
    List<StatusReport> reports = reports(CompiledSummary.PARALLEL_THRESHOLD + 1);
    SummaryContext context = SummaryContext.at(Scenarios.NOW);
    String reference = json(reports, context, Runnable::run);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(callers.submit(() -> json(reports, context, ForkJoinPool.commonPool())));
      }
      for (java.util.concurrent.Future<String> future : futures) {
        assertEquals(reference, future.get());
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void theCutDependsOnTheReportCountOnly() {
    assertEquals(0, CompiledSummary.chunkCount(0));
    assertEquals(2, CompiledSummary.chunkCount(CompiledSummary.PARALLEL_THRESHOLD));
    assertEquals(3, CompiledSummary.chunkCount(CompiledSummary.PARALLEL_THRESHOLD + 1));
    assertEquals(49, CompiledSummary.chunkCount(100_000));
  }
}
