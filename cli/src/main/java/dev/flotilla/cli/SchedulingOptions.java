package dev.flotilla.cli;

import dev.flotilla.api.io.DecisionReader;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.placement.SchedulingContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The options {@code place} and {@code explain} share to build a scheduling context. */
final class SchedulingOptions {
  @Option(
      names = "--previous",
      description =
          "The previous decision (a file written by place -o yaml|json): its clusters are kept"
              + " while eligible.")
  Path previous;

  @Option(
      names = "--now",
      description =
          "The time of the decision, RFC 3339 (default: the clock); tolerationSeconds count to it.")
  String now;

  /** The context at {@code --now} (or the clock), with the previous decision's clusters. */
  SchedulingContext context(Placement placement) {
    Instant at;
    try {
      at = now == null ? Instant.now() : Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new UserError(
          "--now: Invalid value: \""
              + now
              + "\": must be an RFC 3339 time such as"
              + " 2026-01-02T15:04:05Z");
    }
    SchedulingContext context = SchedulingContext.at(at);
    if (previous == null) {
      return context;
    }
    PreviousDecision decision = DecisionReader.read(previous);
    if (!decision.placement().equals(placement.name())
        || !decision.namespace().equals(placement.namespace())) {
      throw new UserError(
          "--previous: "
              + previous
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
        || spec.rollout().isPresent();
  }
}
