package dev.flotilla.benchmarks;

import dev.flotilla.benchmarks.state.SchedulingState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheduling 100,000 eligible clusters down to 1,000, spread by zone, scored by cpu and memory:
 * Flotilla's {@code Scheduler} ({@code scheduler}: bounded heaps, O(E log N)) against the same
 * decision computed by sorting everything ({@code sortEverything}), in the same run. Each returns
 * the number of clusters picked; {@code SchedulingBenchmarkStateTest} checks both pick the same
 * clusters in the same order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulingBenchmark {

  @Benchmark
  public int scheduler(SchedulingState state) {
    return state.scheduler.schedule(state.selection, state.context).clusters().size();
  }

  @Benchmark
  public int sortEverything(SchedulingState state) {
    return SortEverything.pick(state.placement, state.fleet).size();
  }
}
