package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla demo}: generates a fleet and runs the stages that exist on it, timing each.
 * Stages still to be built are named as such, never faked.
 */
@Command(
    name = "demo",
    description = "Run Flotilla's stages on a generated fleet and show what they did and how long.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--clusters",
      defaultValue = "100000",
      description = "Fleet size (default ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (clusters < 1) {
      throw new UserError("--clusters: must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Flotilla demo: %,d generated clusters, seed %d%n%n", clusters, seed);

    long start = System.nanoTime();
    List<Cluster> fleet = FleetGenerator.builder().seed(seed).clusters(clusters).build().generate();
    out.printf("%-44s %12s%n", "generate fleet", millis(start));

    start = System.nanoTime();
    Inventory inventory = Inventory.of(fleet);
    out.printf("%-44s %12s%n", "index inventory", millis(start));

    out.printf("%nPlacement (selection over the index)%n");
    out.printf("%-44s %10s %12s%n", "placement", "selected", "time");
    for (Placement placement : placements()) {
      CompiledPlacement compiled = CompiledPlacement.compile(placement);
      compiled.select(inventory); // first run loads classes; time the second
      start = System.nanoTime();
      Selection selection = compiled.select(inventory);
      out.printf(
          "%-44s %,10d %12s%n", placement.name(), selection.clusters().size(), micros(start));
    }

    schedule(inventory, out);

    DemoCustomization.run(inventory, out);

    out.printf("%nNot built yet: summarization.%n");
    out.flush();
    return 0;
  }

  /** Picks 1,000 prod clusters spread by zone, scored by cpu and memory, in waves. */
  private static void schedule(Inventory inventory, PrintWriter out) {
    Placement placement =
        Placement.of(
            "pos-1000-by-zone",
            PlacementSpec.selecting(ClusterSelectorTerm.labels("env=prod"))
                .withNumberOfClusters(1000)
                .withPrioritizers(
                    List.of(
                        new Prioritizer.PropertySorter(
                            FleetGenerator.PROPERTY_CPU, Prioritizer.SortOrder.Descending, 2),
                        new Prioritizer.PropertySorter(
                            FleetGenerator.PROPERTY_MEMORY, Prioritizer.SortOrder.Descending, 1)))
                .withSpreadConstraints(
                    List.of(SpreadConstraint.of(TopologyKey.label(FleetGenerator.LABEL_ZONE), 1)))
                .withDecisionGroups(
                    List.of(
                        DecisionGroup.of(
                            "canary", FleetGenerator.LABEL_CANARY, IntOrPercent.count(10))))
                .withRollout(
                    new RolloutStrategy(
                        List.of("canary"),
                        Optional.of(IntOrPercent.percentage(10)),
                        Optional.of(TopologyKey.label(FleetGenerator.LABEL_REGION)),
                        Optional.of(IntOrPercent.percentage(20)))));
    CompiledPlacement compiled = CompiledPlacement.compile(placement);
    Scheduler scheduler = Scheduler.of(compiled);
    SchedulingContext context = SchedulingContext.at(FleetGenerator.EPOCH);
    Selection selection = compiled.select(inventory);
    scheduler.schedule(selection, context); // first run loads classes; time the second
    long start = System.nanoTime();
    PlacementDecision decision = scheduler.schedule(selection, context);
    String time = millis(start);
    out.printf(
        "%nScheduling (pick 1,000 prod clusters by cpu and memory, spread by zone, waves of 10%%"
            + " with at most 20%% of a region each)%n");
    out.printf(
        "%-44s %,10d %12s%n",
        placement.name() + ": eligible " + String.format("%,d", decision.eligible()),
        decision.clusters().size(),
        time);
    out.printf(
        "%-44s %,10d%n%-44s %,10d%n",
        "decision groups", decision.groups().size(), "rollout waves", decision.waves().size());
    decision.shortfall().forEach(reason -> out.printf("  fewer than requested: %s%n", reason));
  }

  private static List<Placement> placements() {
    return List.of(
        Placement.of(
            "prod-not-canary",
            PlacementSpec.selecting(ClusterSelectorTerm.labels("env=prod,!canary"))),
        Placement.of(
            "eu-regions",
            PlacementSpec.selecting(
                ClusterSelectorTerm.labels(
                    FleetGenerator.LABEL_REGION + " in (eu-west,eu-central,eu-north)"))),
        Placement.of(
            "big-racks",
            PlacementSpec.selecting(ClusterSelectorTerm.labels(FleetGenerator.LABEL_RACK + ">40"))),
        Placement.of(
            "gpu-capable",
            PlacementSpec.selecting(
                new ClusterSelectorTerm(
                    LabelSelector.parse("env=prod"),
                    List.of(PropertyRequirement.of("gpu", PropertyOperator.Ge, "1")),
                    List.of()))),
        Placement.of(
            "recent-kubernetes-with-cel",
            PlacementSpec.selecting(
                new ClusterSelectorTerm(
                    LabelSelector.parse("env=prod"),
                    List.of(),
                    List.of(
                        "semver(cluster.properties.kubernetesVersion).isGreaterThan(semver('1.30.0'))")))));
  }

  private static String millis(long start) {
    return String.format("%,.1f ms", (System.nanoTime() - start) / 1e6);
  }

  private static String micros(long start) {
    return String.format("%,.1f us", (System.nanoTime() - start) / 1e3);
  }
}
