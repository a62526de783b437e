package dev.flotilla.benchmarks;

import dev.flotilla.api.Cluster;
import dev.flotilla.benchmarks.state.FleetState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selecting over 100,000 clusters three ways in the same run: Flotilla's index ({@code indexed}),
 * Flotilla's per-cluster predicate ({@code scan}) and client-java's label selector ({@code peer}).
 * Each returns the number of selected clusters; {@code PlacementBenchmarkStateTest} checks the
 * three agree. Forks and iterations are defaults: override them with {@code -f -wi -i -w -r}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlacementBenchmark {

  @Benchmark
  public int indexed(FleetState state) {
    return state.compiled.select(state.inventory).clusters().size();
  }

  @Benchmark
  public int scan(FleetState state) {
    List<Cluster> fleet = state.fleet;
    int count = 0;
    for (int i = 0, n = fleet.size(); i < n; i++) {
      if (state.compiled.matches(fleet.get(i))) {
        count++;
      }
    }
    return count;
  }

  /**
   * client-java's label selector over the same label maps. Shapes with CEL that client-java cannot
   * express ({@code celVersion}, {@code celNamePrefix}) have no peer: this method then fails.
   */
  @Benchmark
  public int peer(FleetState state) {
    Map<String, String>[] maps = state.labelMaps;
    io.kubernetes.client.util.labels.LabelSelector selector = state.peer;
    if (selector == null) {
      throw new UnsupportedOperationException(
          "client-java has no CEL: shape " + state.shape + " has no peer");
    }
    int count = 0;
    for (Map<String, String> labels : maps) {
      if (selector.test(labels)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The least any selection costs: copy one 100,000-bit posting (as a selection copies its result
   * out of the index) and count it. Independent of the shape.
   */
  @Benchmark
  public int floor(FleetState state) {
    long[] copy = state.floorWords.clone();
    int count = 0;
    for (long word : copy) {
      count += Long.bitCount(word);
    }
    return count;
  }
}
