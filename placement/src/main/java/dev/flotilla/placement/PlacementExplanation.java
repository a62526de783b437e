package dev.flotilla.placement;

import java.util.List;

/**
 * Why a placement selected what it did over an inventory: the selected count, and the rejected
 * clusters grouped by reason.
 *
 * <p>A rejected cluster has exactly one reason, the first that applies: {@value #OUT_OF_SCOPE},
 * then {@value #EXCLUDED_BY_NAME}, then its failing requirements. With one term, the reason is that
 * term's first failing requirement ({@code env in (prod)}). With several terms a cluster fails each
 * of them, so the reason names the first failure of every term, in order: {@code term[0]: env in
 * (prod); term[1]: gpu Ge 1}. That keeps the reason exact (no term is hidden) at the price of more
 * groups. A placement with no terms rejects every cluster it does not name with {@value
 * #NOT_NAMED}.
 *
 * <p>Invariant: {@code selected + sum(rejected counts) == clusters}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param placement the placement's name
 * @param clusters the inventory's size
 * @param selected how many clusters are selected
 * @param rejected the groups, largest first (ties by reason)
 */
public record PlacementExplanation(
    String placement, int clusters, int selected, List<Rejection> rejected) {
  /** The reason of clusters outside the placement's scope. */
  public static final String OUT_OF_SCOPE = "out of scope";

  /** The reason of clusters named in {@code excludeClusterNames}. */
  public static final String EXCLUDED_BY_NAME = "excluded by name";

  /** The reason of clusters rejected by a placement that has no terms and does not name them. */
  public static final String NOT_NAMED = "not named in clusterNames";

  public PlacementExplanation {
    rejected = List.copyOf(rejected);
  }

  /** How many clusters are outside the scope. */
  public int outOfScope() {
    return count(OUT_OF_SCOPE);
  }

  /** How many in-scope clusters are excluded by name. */
  public int excludedByName() {
    return count(EXCLUDED_BY_NAME);
  }

  private int count(String reason) {
    return rejected.stream()
        .filter(r -> r.reason().equals(reason))
        .mapToInt(Rejection::count)
        .sum();
  }

  /**
   * Clusters rejected for one reason.
   *
   * @param reason see {@link PlacementExplanation}
   * @param count how many clusters
   * @param examples the alphabetically first few of their names, sorted
   */
  public record Rejection(String reason, int count, List<String> examples) {
    public Rejection {
      examples = List.copyOf(examples);
    }
  }
}
