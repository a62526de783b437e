package dev.flotilla.placement;

import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.SpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a run's pick into a {@link PlacementDecision}: decision groups ({@link DecisionGroups}),
 * rollout waves ({@link RolloutPlan}), each picked cluster's score breakdown, and the reasons the
 * pick fell short of {@code numberOfClusters}, read from the pick rather than computed again.
 */
final class Arrangement {
  private Arrangement() {}

  static PlacementDecision arrange(Placement placement, Candidates c, Pick pick) {
    PlacementSpec spec = placement.spec();
    int[] picked = pick.picked();
    int n = picked.length;
    int[] groupOf = new int[n];
    List<PlacementDecision.Group> groups = DecisionGroups.assign(spec, c, picked, groupOf);
    int[] waveOf = new int[n];
    List<PlacementDecision.Wave> waves = RolloutPlan.plan(spec, c, picked, groups, waveOf);
    List<ScheduledCluster> clusters = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int i = picked[k];
      clusters.add(
          new ScheduledCluster(
              c.name[i], c.score[i], c.breakdown(i), c.kept[i], groupOf[k], waveOf[k]));
    }
    return new PlacementDecision(
        placement.name(),
        placement.namespace(),
        spec.numberOfClusters(),
        c.size,
        clusters,
        groups,
        waves,
        Optional.ofNullable(c.nextChange),
        shortfall(spec, c, pick));
  }

  /** Why fewer clusters than requested were picked; empty when the request was met. */
  static List<String> shortfall(PlacementSpec spec, Candidates c, Pick pick) {
    List<String> out = new ArrayList<>();
    if (spec.numberOfClusters().isEmpty()) {
      return out;
    }
    int requested = spec.numberOfClusters().getAsInt();
    if (pick.picked().length >= requested) {
      return out;
    }
    if (c.size < requested) {
      out.add(
          "only "
              + c.size
              + (c.size == 1 ? " eligible cluster" : " eligible clusters")
              + " (selected and taints tolerated)");
    }
    if (pick.spread().isPresent()) {
      SpreadConstraint constraint = spec.spreadConstraints().get(0);
      Pick.SpreadBound bound = pick.spread().get();
      if (bound.missingKey() > 0) {
        out.add(
            bound.missingKey()
                + (bound.missingKey() == 1
                    ? " eligible cluster lacks "
                    : " eligible clusters lack ")
                + constraint.topologyKey());
      }
      if (bound.limit() < requested) {
        out.add(
            "spread over "
                + constraint.topologyKey()
                + " with maxSkew "
                + constraint.maxSkew()
                + ": at most "
                + bound.limit()
                + (bound.limit() == 1 ? " cluster over " : " clusters over ")
                + bound.domains()
                + (bound.domains() == 1 ? " domain" : " domains")
                + (bound.limit() == 1 ? " keeps the skew" : " keep the skew"));
      }
    }
    return out;
  }
}
