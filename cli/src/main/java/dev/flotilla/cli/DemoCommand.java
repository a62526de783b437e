package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.io.PrintWriter;
import java.util.List;
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

    DemoCustomization.run(inventory, out);

    out.printf("%nNot built yet: scheduling (pick N, spread, waves), summarization.%n");
    out.flush();
    return 0;
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
