package dev.flotilla.benchmarks;

import dev.flotilla.api.Cluster;
import dev.flotilla.benchmarks.state.PlacementSetState;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Decisions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ten thousand placements over 100,000 clusters: {@code evaluate} decides them all over the index;
 * on one cluster's label change, {@code update} ({@link Decisions#update}, routed to the placements
 * the change can affect) against the baseline {@code updateUnrouted} (test every placement on the
 * changed cluster, what a controller without routing must do at best) and {@code reevaluate}
 * (evaluate every placement again, what the peers do).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlacementSetBenchmark {

  @Benchmark
  public Decisions evaluate(PlacementSetState state) {
    return state.set.evaluate(state.inventory);
  }

  @Benchmark
  public Decisions.Update update(PlacementSetState state) {
    int i = state.nextChange();
    return state.decisions.update(state.next[i], state.changed[i].name());
  }

  @Benchmark
  public int updateUnrouted(PlacementSetState state) {
    Cluster changed = state.changed[state.nextChange()];
    int selecting = 0;
    for (CompiledPlacement placement : state.compiled) {
      if (placement.matches(changed)) {
        selecting++;
      }
    }
    return selecting;
  }

  @Benchmark
  public Decisions reevaluate(PlacementSetState state) {
    return state.set.evaluate(state.next[state.nextChange()]);
  }
}
