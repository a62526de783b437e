package dev.flotilla.cli;

import dev.flotilla.api.io.DecisionReader;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.placement.SchedulingContext;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code place} and {@code explain} share to build a scheduling context. */
final class SchedulingOptions {
  @Option(
      names = "--previous",
      description =
          "The previous decision (a file written by place -o yaml|json; - for stdin): its"
              + " clusters are kept while eligible.")
  Path previous;

  @Mixin ClockOption clock;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description =
          "The workload's total replicas, which a placement with replicaScheduling (a Karmada"
              + " PropagationPolicy's replicaScheduling) places; default 0.")
  Integer replicas;

  @Option(
      names = "--resource-uid",
      paramLabel = "UID",
      description =
          "The workload's metadata.uid: Karmada breaks ties in a replica split by its hash.")
  String resourceUid;

  /** The context at {@code --now} (or the clock), with the previous decision's clusters. */
  SchedulingContext context(Placement placement) {
    SchedulingContext context = SchedulingContext.at(clock.now());
    if (replicas != null && replicas < 0) {
      throw new UserError("--replicas: must be at least 0, got " + replicas);
    }
    if (replicas != null || resourceUid != null) {
      context =
          context.withReplicas(
              replicas == null ? 0 : replicas, resourceUid == null ? "" : resourceUid);
    }
    if (previous == null) {
      return context;
    }
    PreviousDecision decision =
        Inputs.read(
            previous, DecisionReader::read, (name, in) -> DecisionReader.parse(name, in).value());
    if (!decision.placement().equals(placement.name())
        || !decision.namespace().equals(placement.namespace())) {
      throw new UserError(
          "--previous: "
              + Inputs.name(previous)
              + " is a decision of placement "
              + decision.namespace()
              + "/"
              + decision.placement()
              + ", not "
              + placement.namespace()
              + "/"
              + placement.name());
    }
    return context.withPrevious(decision.clusters());
  }

  /** True when the placement uses any scheduling field. */
  static boolean schedules(PlacementSpec spec) {
    return !spec.tolerations().isEmpty()
        || spec.numberOfClusters().isPresent()
        || !spec.prioritizers().isEmpty()
        || !spec.spreadConstraints().isEmpty()
        || !spec.decisionGroups().isEmpty()
        || spec.rollout().isPresent()
        || !spec.affinityGroups().isEmpty()
        || spec.replicaScheduling().isPresent();
  }
}
