package dev.flotilla.benchmarks.state;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Decisions;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementSet;
import dev.flotilla.testkit.FleetGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded fleet, thousands of placements written the way tenants write them (each built around a
 * real cluster's labels, so most select something), their decisions, and relabelled clusters with
 * the snapshots they produce, prepared in advance so the update benchmarks time only the deltas.
 */
@State(Scope.Benchmark)
public class PlacementSetState {
  /** How many prepared changes the update benchmarks cycle through. */
  public static final int CHANGES = 512;

  private static final String[] KEYS = {
    FleetGenerator.LABEL_REGION,
    FleetGenerator.LABEL_ZONE,
    FleetGenerator.LABEL_ENV,
    FleetGenerator.LABEL_HARDWARE,
    FleetGenerator.LABEL_CUSTOMER,
    FleetGenerator.LABEL_SITE,
    FleetGenerator.LABEL_NETWORK,
    FleetGenerator.LABEL_TIER,
    FleetGenerator.LABEL_VENDOR,
    FleetGenerator.LABEL_KUBERNETES_VERSION,
    FleetGenerator.LABEL_STORE_SIZE,
    FleetGenerator.LABEL_COST_CENTER
  };

  @Param({"100000"})
  public int clusters;

  @Param({"10000"})
  public int placements;

  public List<Cluster> fleet;
  public Inventory inventory;
  public List<Placement> written;
  public PlacementSet set;
  public List<CompiledPlacement> compiled;
  public Decisions decisions;

  /** {@code changed[i]}: a relabelled cluster; {@code next[i]}: the inventory with it. */
  public Cluster[] changed;

  public Inventory[] next;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    FleetGenerator generator =
        FleetGenerator.builder().seed(FleetState.SEED).clusters(clusters).build();
    fleet = List.copyOf(generator.generate());
    inventory = Inventory.of(fleet);
    written = placements(new SplittableRandom(FleetState.SEED), fleet, placements);
    set = PlacementSet.compile(written, PlacementSet.Bindings.unbounded());
    compiled = written.stream().map(CompiledPlacement::compile).toList();
    decisions = set.evaluate(inventory);
    changed = new Cluster[CHANGES];
    next = new Inventory[CHANGES];
    for (int i = 0; i < CHANGES; i++) {
      Cluster before = fleet.get((int) ((i * 7_919L) % fleet.size()));
      changed[i] = generator.relabel(before, i);
      next[i] = inventory.with(changed[i]);
    }
  }

  /** The index of the next prepared change, cycling. */
  public int nextChange() {
    int i = cursor;
    cursor = (i + 1) % CHANGES;
    return i;
  }

  /**
   * Placements around real clusters: one to three of a sampled cluster's labels as equality, a set
   * with a second value, NotIn of another cluster's value, or Exists; sometimes a property
   * requirement, a second term, or a CEL conjunction.
   */
  static List<Placement> placements(SplittableRandom random, List<Cluster> fleet, int count) {
    List<Placement> out = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      List<ClusterSelectorTerm> terms = new ArrayList<>();
      terms.add(term(random, fleet));
      if (random.nextInt(10) == 0) {
        terms.add(term(random, fleet));
      }
      out.add(
          new Placement(
              "placement-" + p,
              "tenant-" + (p % 100),
              new PlacementSpec(terms, List.of(), List.of())));
    }
    return out;
  }

  private static ClusterSelectorTerm term(SplittableRandom random, List<Cluster> fleet) {
    Cluster model = fleet.get(random.nextInt(fleet.size()));
    Cluster other = fleet.get(random.nextInt(fleet.size()));
    List<String> parts = new ArrayList<>();
    int requirements = 1 + random.nextInt(3);
    for (int r = 0; r < requirements; r++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      String value = model.labels().get(key);
      String otherValue = other.labels().get(key);
      if (value == null || parts.stream().anyMatch(part -> part.startsWith(key))) {
        continue;
      }
      switch (random.nextInt(6)) {
        case 0, 1, 2 -> parts.add(key + "=" + value);
        case 3 ->
            parts.add(key + " in (" + value + (otherValue == null ? "" : "," + otherValue) + ")");
        case 4 -> {
          if (otherValue != null && !otherValue.equals(value)) {
            parts.add(key + " notin (" + otherValue + ")");
          } else {
            parts.add(key);
          }
        }
        default -> parts.add(key);
      }
    }
    if (parts.isEmpty()) {
      parts.add(
          FleetGenerator.LABEL_REGION + "=" + model.labels().get(FleetGenerator.LABEL_REGION));
    }
    List<PropertyRequirement> properties = new ArrayList<>();
    if (random.nextInt(8) == 0) {
      properties.add(PropertyRequirement.of(FleetGenerator.PROPERTY_CPU, PropertyOperator.Ge, "4"));
    }
    List<String> cel = new ArrayList<>();
    if (random.nextInt(50) == 0) {
      cel.add("cluster.labels['tier'] == '" + model.labels().get(FleetGenerator.LABEL_TIER) + "'");
    }
    return new ClusterSelectorTerm(LabelSelector.parse(String.join(",", parts)), properties, cel);
  }

  /** Builds the state outside JMH (tests, tools). */
  public static PlacementSetState of(int clusters, int placements) {
    PlacementSetState state = new PlacementSetState();
    state.clusters = clusters;
    state.placements = placements;
    state.setUp();
    return state;
  }
}
