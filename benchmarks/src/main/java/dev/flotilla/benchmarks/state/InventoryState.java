package dev.flotilla.benchmarks.state;

import dev.flotilla.api.Cluster;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded fleet, its inventory, and relabelled versions of some of its clusters prepared in
 * advance, so the update benchmarks time the inventory and not the generator.
 */
@State(Scope.Benchmark)
public class InventoryState {
  /** How many relabelled clusters are prepared; updates cycle through them. */
  public static final int CHANGES = 1024;

  @Param({"100000"})
  public int clusters;

  @Param({"16"})
  public int labels;

  public List<Cluster> fleet;
  public Inventory inventory;

  /** {@code changed[i]} is {@code fleet.get(positions[i])} relabelled. */
  public Cluster[] changed;

  public int[] positions;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    FleetGenerator generator =
        FleetGenerator.builder()
            .seed(FleetState.SEED)
            .clusters(clusters)
            .labelsPerCluster(labels)
            .build();
    fleet = List.copyOf(generator.generate());
    inventory = Inventory.of(fleet);
    changed = new Cluster[CHANGES];
    positions = new int[CHANGES];
    // Spread over the fleet with a fixed stride (the fleet has no hot spot to favour).
    for (int i = 0; i < CHANGES; i++) {
      positions[i] = (int) ((i * 7_919L) % fleet.size());
      changed[i] = generator.relabel(fleet.get(positions[i]), i);
    }
  }

  /** The index of the next prepared change, cycling. */
  public int nextChange() {
    int i = next;
    next = (i + 1) % CHANGES;
    return i;
  }

  /** The fleet as a list with change {@code i} applied (what a rebuild starts from). */
  public List<Cluster> fleetWith(int i) {
    List<Cluster> copy = new ArrayList<>(fleet);
    copy.set(positions[i], changed[i]);
    return copy;
  }

  /** Builds the state outside JMH (tests, tools). */
  public static InventoryState of(int clusters, int labels) {
    InventoryState state = new InventoryState();
    state.clusters = clusters;
    state.labels = labels;
    state.setUp();
    return state;
  }
}
