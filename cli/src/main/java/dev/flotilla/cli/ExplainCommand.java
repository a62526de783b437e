package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.placement.ClusterExplanation;
import dev.flotilla.placement.ClusterScheduling;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.PlacementExplainer;
import dev.flotilla.placement.PlacementExplanation;
import dev.flotilla.placement.RequirementResult;
import dev.flotilla.placement.ScheduledCluster;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Scope;
import dev.flotilla.placement.ScoreTerm;
import dev.flotilla.placement.Selection;
import dev.flotilla.placement.TermExplanation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla explain}: why one cluster was or was not selected (every requirement, passed or
 * failed, with the value seen), or, for the whole inventory, what rejected how many clusters. When
 * the placement schedules (or a cluster has taints), it also shows scheduling: eligibility, the
 * score breakdown, and whether the cluster was picked; for the inventory, the picks with theirs.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "explain",
    description = "Explain why clusters were or were not selected by a placement.")
final class ExplainCommand implements Callable<Integer> {
  /** Example names shown per rejection reason. */
  static final int EXAMPLES = 5;

  /** Picked clusters whose breakdown the inventory summary shows. */
  static final int TOP = 10;

  @Spec CommandSpec spec;

  @Mixin InventoryOption inventory;

  @Mixin PlacementOption placement;

  @Mixin ScopeOption scope;

  @Option(names = "--cluster", description = "Explain this cluster, requirement by requirement.")
  String cluster;

  @Mixin SchedulingOptions scheduling;

  @Override
  public Integer call() {
    CompiledPlacement compiled = placement.compile();
    PlacementExplainer explainer = new PlacementExplainer(compiled);
    List<Cluster> clusters = inventory.read();
    Scope inScope = scope.scope();
    SchedulingContext context = scheduling.context(compiled.placement());
    boolean schedules = SchedulingOptions.schedules(compiled.placement().spec());
    Inventory fleet = Inventory.of(clusters);
    Scheduler scheduler = Scheduler.of(compiled);
    Selection selection = compiled.select(fleet, inScope);
    PrintWriter out = spec.commandLine().getOut();
    if (cluster != null) {
      Cluster one =
          clusters.stream()
              .filter(c -> c.name().equals(cluster))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserError(
                          "--cluster: no cluster named \""
                              + cluster
                              + "\" in "
                              + Inputs.name(inventory.inventory)));
      ClusterExplanation why = explainer.explain(one, inScope);
      print(why, out);
      if (why.selected() && (schedules || !one.taints().isEmpty())) {
        print(scheduler.explain(selection, cluster, context), out);
      }
    } else {
      print(explainer.explain(fleet, inScope, EXAMPLES), out);
      PlacementDecision decision = scheduler.schedule(selection, context);
      if (schedules || decision.eligible() != selection.clusters().size()) {
        print(decision, out);
      }
    }
    out.flush();
    return 0;
  }

  private static void print(ClusterScheduling how, PrintWriter out) {
    if (!how.eligible()) {
      out.printf("scheduling: not eligible (%s)%n", how.reason());
      return;
    }
    out.printf(
        "scheduling: %s, score %d%s%n",
        how.picked() ? "picked" : "not picked",
        how.score(),
        how.reason().isEmpty() ? "" : " (" + how.reason() + ")");
    printBreakdown(how.breakdown(), out);
  }

  private static void print(PlacementDecision decision, PrintWriter out) {
    out.printf(
        "scheduling: %d picked of %d eligible%s%n",
        decision.clusters().size(),
        decision.eligible(),
        decision.requested().isPresent()
            ? " (numberOfClusters " + decision.requested().getAsInt() + ")"
            : "");
    for (String reason : decision.shortfall()) {
      out.printf("  fewer than requested: %s%n", reason);
    }
    decision.nextChange().ifPresent(at -> out.printf("  next change: %s%n", at));
    out.printf(
        "  %s, %s%n",
        Count.of(decision.groups().size(), "group"), Count.of(decision.waves().size(), "wave"));
    List<ScheduledCluster> top =
        decision.clusters().subList(0, Math.min(TOP, decision.clusters().size()));
    for (ScheduledCluster picked : top) {
      out.printf(
          "  %s: score %d, group %d, wave %d%s%n",
          picked.name(),
          picked.score(),
          picked.group(),
          picked.wave(),
          picked.kept() ? ", kept" : "");
      for (ScoreTerm term : picked.breakdown()) {
        out.printf("    %+d x %d  %s%n", term.weight(), term.score(), term.source());
      }
    }
    if (decision.clusters().size() > top.size()) {
      out.printf("  ... %d more%n", decision.clusters().size() - top.size());
    }
  }

  private static void printBreakdown(List<ScoreTerm> breakdown, PrintWriter out) {
    for (ScoreTerm term : breakdown) {
      out.printf("  %+d x %d  %s%n", term.weight(), term.score(), term.source());
    }
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
        "placement %s: %d of %s selected%n",
        summary.placement(), summary.selected(), Count.of(summary.clusters(), "cluster"));
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
