package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.placement.ClusterExplanation;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementExplainer;
import dev.flotilla.placement.PlacementExplanation;
import dev.flotilla.placement.RequirementResult;
import dev.flotilla.placement.TermExplanation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla explain}: why one cluster was or was not selected (every requirement, passed or
 * failed, with the value seen), or, for the whole inventory, what rejected how many clusters.
 */
@Command(
    name = "explain",
    description = "Explain why clusters were or were not selected by a placement.")
final class ExplainCommand implements Callable<Integer> {
  /** Example names shown per rejection reason. */
  static final int EXAMPLES = 5;

  @Spec CommandSpec spec;

  @Option(names = "--inventory", required = true, description = "Inventory file (YAML or JSON).")
  Path inventory;

  @Option(names = "--placement", required = true, description = "Placement file (YAML or JSON).")
  Path placement;

  @Option(names = "--cluster", description = "Explain this cluster, requirement by requirement.")
  String cluster;

  @Override
  public Integer call() {
    PlacementExplainer explainer = new PlacementExplainer(PlacementFile.compile(placement));
    List<Cluster> clusters = InventoryReader.read(inventory);
    PrintWriter out = spec.commandLine().getOut();
    if (cluster != null) {
      Cluster one =
          clusters.stream()
              .filter(c -> c.name().equals(cluster))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserError(
                          "--cluster: no cluster named \"" + cluster + "\" in " + inventory));
      print(explainer.explain(one), out);
    } else {
      print(explainer.explain(Inventory.of(clusters), EXAMPLES), out);
    }
    out.flush();
    return 0;
  }

  private static void print(ClusterExplanation why, PrintWriter out) {
    out.printf(
        "cluster %s: %s (%s)%n",
        why.cluster(), why.selected() ? "selected" : "not selected", why.reason());
    for (TermExplanation term : why.terms()) {
      out.printf("term[%d]: %s%n", term.index(), term.matched() ? "matched" : "not matched");
      for (RequirementResult result : term.requirements()) {
        out.printf(
            "  %s %s  seen: %s%n",
            result.passed() ? "PASS" : "FAIL", result.requirement(), result.seen());
      }
    }
  }

  private static void print(PlacementExplanation summary, PrintWriter out) {
    out.printf(
        "placement %s: %d of %d clusters selected%n",
        summary.placement(), summary.selected(), summary.clusters());
    if (summary.rejected().isEmpty()) {
      return;
    }
    out.println("rejected, by first failing requirement:");
    for (PlacementExplanation.Rejection group : summary.rejected()) {
      out.printf(
          "  %d  %s  e.g. %s%n",
          group.count(),
          group.reason(),
          String.join(", ", group.examples())
              + (group.count() > group.examples().size() ? ", ..." : ""));
    }
  }
}
