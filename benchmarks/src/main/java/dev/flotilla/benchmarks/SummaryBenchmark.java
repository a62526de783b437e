package dev.flotilla.benchmarks;

import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.benchmarks.state.SummaryState;
import dev.flotilla.summarize.LiveSummary;
import dev.flotilla.summarize.Summary;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Summarizing 100,000 Deployment reports (3 group keys, 5 aggregates, attention limit 20):
 *
 * <ul>
 *   <li>{@code full}: the whole summary from scratch (every CEL expression on every report);
 *   <li>{@code replaceOne}: one cluster's report replaced in a live summary, against the baseline
 *       {@code recompute}: the same change by summarizing every report again;
 *   <li>{@code merge1000}: merging 1,000 partials of 100 groups each, as a root hub would.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SummaryBenchmark {

  /** The whole summary from scratch. */
  @Benchmark
  public Summary full(SummaryState state) {
    return state.compiled.summarize(Arrays.asList(state.reports), state.context);
  }

  /** One report replaced in the live summary. */
  @Benchmark
  public LiveSummary replaceOne(SummaryState state) {
    state.live.put(state.replacements[state.nextChange()]);
    return state.live;
  }

  /** The baseline of {@code replaceOne}: the same change, then everything summarized again. */
  @Benchmark
  public Summary recompute(SummaryState state) {
    int i = state.nextChange();
    StatusReport[] changed = state.reports.clone();
    changed[state.positions[i]] = state.replacements[i];
    return state.compiled.summarize(Arrays.asList(changed), state.context);
  }

  /** 1,000 partials merged at once. */
  @Benchmark
  public Summary merge1000(SummaryState state) {
    return Summary.mergeAll(state.partials);
  }

  /** The fold that {@code merge1000} improves on, for tests: one merge at a time. */
  static Summary foldMerge(List<Summary> partials) {
    Summary merged = Summary.empty();
    for (Summary partial : partials) {
      merged = merged.merge(partial);
    }
    return merged;
  }
}
