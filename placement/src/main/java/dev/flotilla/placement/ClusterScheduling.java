package dev.flotilla.placement;

import java.util.List;
import java.util.Objects;

/**
 * How scheduling saw one cluster, for explanations: whether it was eligible (selected and its
 * taints tolerated), its score breakdown, and whether it was picked.
 *
 * @param cluster the cluster's name
 * @param selected whether the placement's selectors selected it
 * @param eligible whether it survived the taints
 * @param reason why not eligible, or the taints' effect; empty when nothing to say
 * @param score its total score (0 when not eligible)
 * @param breakdown the terms of the score
 * @param picked whether the decision picked it
 */
public record ClusterScheduling(
    String cluster,
    boolean selected,
    boolean eligible,
    String reason,
    long score,
    List<ScoreTerm> breakdown,
    boolean picked) {
  /** Copies the breakdown. */
  public ClusterScheduling {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(reason, "reason");
    breakdown = List.copyOf(breakdown);
  }
}
