package dev.flotilla.benchmarks;

import dev.flotilla.benchmarks.state.InventoryState;
import dev.flotilla.placement.Inventory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building an inventory of 100,000 clusters, and changing one cluster's labels two ways in the same
 * run: {@code update} ({@link Inventory#with}) against the baseline {@code rebuild} (copy the list,
 * replace the cluster, {@link Inventory#of}). Each returns the new snapshot so JMH keeps it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InventoryBenchmark {

  @Benchmark
  public Inventory build(InventoryState state) {
    return Inventory.of(state.fleet);
  }

  @Benchmark
  public Inventory update(InventoryState state) {
    return state.inventory.with(state.changed[state.nextChange()]);
  }

  @Benchmark
  public Inventory rebuild(InventoryState state) {
    return Inventory.of(state.fleetWith(state.nextChange()));
  }
}
