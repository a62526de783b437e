package dev.flotilla.placement;

import java.util.Optional;

/**
 * The candidates a run picks, in rank order, with the bound a spread constraint put on their
 * number: computed once per run and read by both the decision and its shortfall reasons.
 *
 * @param picked candidate indices, best first
 * @param spread the spread constraint's bound, when the placement has one
 */
record Pick(int[] picked, Optional<SpreadBound> spread) {

  /**
   * What limited a spread pick.
   *
   * @param limit the most clusters any pick could take while keeping the skew
   * @param domains the domains in play
   * @param missingKey eligible clusters lacking the topology key (never picked by spread)
   */
  record SpreadBound(int limit, int domains, int missingKey) {}

  /** The best {@code wanted} candidates, or the spread pick when {@code spec} has a constraint. */
  static Pick of(Candidates c, dev.flotilla.api.placement.PlacementSpec spec) {
    int wanted = spec.numberOfClusters().orElse(c.size);
    if (spec.spreadConstraints().isEmpty()) {
      return new Pick(c.ranking.top(c.all(), c.size, wanted), Optional.empty());
    }
    return Spread.pick(c, spec.spreadConstraints().get(0), wanted);
  }

  /** Whether candidate {@code index} is picked. */
  boolean contains(int index) {
    for (int p : picked) {
      if (p == index) {
        return true;
      }
    }
    return false;
  }
}
