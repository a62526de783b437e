package dev.flotilla.benchmarks.state;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded fleet where every cluster is eligible (the placement selects all and tolerates every
 * taint), and a placement picking {@code pick} clusters spread by zone (maxSkew 1), scored by cpu
 * and memory (two property sorters). The selection is made once: the benchmarks time scheduling.
 */
@State(Scope.Benchmark)
public class SchedulingState {
  @Param({"100000"})
  public int clusters;

  @Param({"1000"})
  public int pick;

  public List<Cluster> fleet;
  public Inventory inventory;
  public Placement placement;
  public Scheduler scheduler;
  public Selection selection;
  public SchedulingContext context;

  @Setup(Level.Trial)
  public void setUp() {
    fleet =
        List.copyOf(
            FleetGenerator.builder()
                .seed(FleetState.SEED)
                .clusters(clusters)
                .labelsPerCluster(16)
                .build()
                .generate());
    inventory = Inventory.of(fleet);
    Toleration everything =
        new Toleration("", TolerationOperator.Exists, "", Optional.empty(), OptionalLong.empty());
    placement =
        Placement.of(
            "spread-by-zone",
            PlacementSpec.selecting(ClusterSelectorTerm.all())
                .withTolerations(List.of(everything))
                .withNumberOfClusters(pick)
                .withPrioritizers(
                    List.of(
                        new Prioritizer.PropertySorter(
                            FleetGenerator.PROPERTY_CPU, Prioritizer.SortOrder.Descending, 2),
                        new Prioritizer.PropertySorter(
                            FleetGenerator.PROPERTY_MEMORY, Prioritizer.SortOrder.Descending, 1)))
                .withSpreadConstraints(
                    List.of(SpreadConstraint.of(TopologyKey.label(FleetGenerator.LABEL_ZONE), 1))));
    CompiledPlacement compiled = CompiledPlacement.compile(placement);
    scheduler = Scheduler.of(compiled);
    selection = compiled.select(inventory);
    context = SchedulingContext.at(FleetGenerator.EPOCH);
  }

  /** Builds the state outside JMH (tests, tools). */
  public static SchedulingState of(int clusters, int pick) {
    SchedulingState state = new SchedulingState();
    state.clusters = clusters;
    state.pick = pick;
    state.setUp();
    return state;
  }
}
