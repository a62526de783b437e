package dev.flotilla.placement;

import java.util.List;
import java.util.Objects;

/**
 * One picked cluster of a {@link PlacementDecision}.
 *
 * @param name the cluster
 * @param score its total score
 * @param breakdown the terms of the score, one per prioritizer (and penalty)
 * @param kept whether it was kept from the previous decision
 * @param group index into {@link PlacementDecision#groups()}
 * @param wave index into {@link PlacementDecision#waves()}
 */
public record ScheduledCluster(
    String name, long score, List<ScoreTerm> breakdown, boolean kept, int group, int wave) {
  /** Copies the breakdown. */
  public ScheduledCluster {
    Objects.requireNonNull(name, "name");
    breakdown = List.copyOf(breakdown);
  }
}
