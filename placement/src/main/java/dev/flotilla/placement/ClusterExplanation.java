package dev.flotilla.placement;

import java.util.List;

/**
 * Why one cluster was or was not selected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cluster the cluster's name
 * @param selected whether the placement selects it
 * @param reason the deciding fact: {@code "out of scope"}, {@code "excluded by name"}, {@code
 *     "named in clusterNames"}, {@code "matched term[i]"} or {@code "no term matched"}
 * @param terms every term, each requirement evaluated (not short-circuited) so that all failures
 *     show; present even when the reason makes the terms moot
 */
public record ClusterExplanation(
    String cluster, boolean selected, String reason, List<TermExplanation> terms) {
  /** Copies the terms. */
  public ClusterExplanation {
    terms = List.copyOf(terms);
  }
}
