package dev.flotilla.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.benchmarks.state.CustomizeState;
import dev.flotilla.customize.CustomizationException;
import dev.flotilla.customize.CustomizationResult;
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
 * Customizing a ~2 KB Deployment for 100,000 clusters with six rules, in the same run: {@code
 * dedup} (the rule set's fleet application: each distinct output computed once), {@code naive} (the
 * baseline: deep copy and apply for every cluster), and {@code applyOne} (one cluster, the
 * event-driven path). {@code CustomizeBenchmarkStateTest} checks that {@code dedup} and {@code
 * naive} give the same manifests. Times are per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CustomizeBenchmark {

  /** The whole fleet, de-duplicated. */
  @Benchmark
  public CustomizationResult dedup(CustomizeState state) {
    return state.rules.apply(state.inventory, state.manifests);
  }

  /** The whole fleet, one deep copy and one application per cluster; returns delivered count. */
  @Benchmark
  public int naive(CustomizeState state) {
    return naiveDelivered(state);
  }

  /**
   * One cluster, one manifest, as an event-driven controller calls it: each call customizes the
   * next cluster of the fleet, so template results are reused across calls only where clusters
   * really share inputs.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode applyOne(CustomizeState state) {
    return state.rules.apply(state.nextCluster(), state.deployment).orElseThrow();
  }

  /** {@code applyOne} with nothing shared between calls: every template evaluated afresh. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public JsonNode applyOneFresh(CustomizeState state) {
    return state.uncached.apply(state.nextCluster(), state.deployment).orElseThrow();
  }

  static int naiveDelivered(CustomizeState state) {
    List<Cluster> fleet = state.fleet;
    JsonNode deployment = state.deployment;
    int delivered = 0;
    for (int i = 0, n = fleet.size(); i < n; i++) {
      try {
        if (state.uncached.apply(fleet.get(i), deployment).isPresent()) {
          delivered++;
        }
      } catch (CustomizationException e) {
        // counted as not delivered, like a failed (cluster, manifest) in dedup
      }
    }
    return delivered;
  }
}
