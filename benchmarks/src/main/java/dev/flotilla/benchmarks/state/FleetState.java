package dev.flotilla.benchmarks.state;

import dev.flotilla.api.Cluster;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded fleet, its inventory, one compiled placement and the equivalent client-java selector.
 * Built once per trial; the benchmarks only read it.
 */
@State(Scope.Benchmark)
public class FleetState {
  /** Seed of every benchmark fleet. */
  public static final long SEED = 42;

  @Param({
    "equality",
    "set",
    "notIn",
    "existsNotKey",
    "gt",
    "mixCel",
    "celVersion",
    "celNamePrefix"
  })
  public String shape;

  @Param({"100000"})
  public int clusters;

  @Param({"16"})
  public int labels;

  public List<Cluster> fleet;
  public Inventory inventory;
  public CompiledPlacement compiled;

  /** client-java's selector, or null for shapes it cannot express (CEL). */
  public io.kubernetes.client.util.labels.LabelSelector peer;

  /**
   * One 100,000-bit posting (the clusters labelled {@code env=prod}, 85%) as a selection leaves it:
   * what {@code floor} copies and counts.
   */
  public long[] floorWords;

  /** Each cluster's label map, in fleet order (what a client-java user would hold). */
  public Map<String, String>[] labelMaps;

  @Setup(Level.Trial)
  public void setUp() {
    fleet =
        FleetGenerator.builder()
            .seed(SEED)
            .clusters(clusters)
            .labelsPerCluster(labels)
            .build()
            .generate();
    inventory = Inventory.of(fleet);
    Shape chosen = Shape.ofParam(shape);
    compiled = CompiledPlacement.compile(chosen.placement());
    peer = chosen.hasPeer() ? chosen.peer() : null;
    @SuppressWarnings("unchecked")
    Map<String, String>[] maps = new Map[fleet.size()];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = fleet.get(i).labels();
    }
    labelMaps = maps;
    floorWords = new long[(maps.length + 63) >>> 6];
    for (int i = 0; i < maps.length; i++) {
      if ("prod".equals(maps[i].get(FleetGenerator.LABEL_ENV))) {
        floorWords[i >>> 6] |= 1L << i;
      }
    }
  }

  /** Builds the state outside JMH (tests, tools). */
  public static FleetState of(String shape, int clusters, int labels) {
    FleetState state = new FleetState();
    state.shape = shape;
    state.clusters = clusters;
    state.labels = labels;
    state.setUp();
    return state;
  }
}
