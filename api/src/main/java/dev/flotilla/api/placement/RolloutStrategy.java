package dev.flotilla.api.placement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a decision is rolled out in ordered waves: the {@code canaryGroups} first (each decision
 * group named there, in the order listed), then every other cluster in decision order. Every wave
 * holds at most {@code maxConcurrency} clusters (a percentage is of the whole decision) and, over
 * the domains of {@code topologyKey}, at most {@code maxUnavailablePerDomain} clusters of each
 * domain (a percentage is of that domain's picked clusters), so no area loses more than its share
 * at once. Clusters lacking the key count as one domain of their own. Absent bounds do not limit.
 *
 * @param canaryGroups decision group names rolled out first
 * @param maxConcurrency clusters per wave
 * @param topologyKey the domains of the per-domain limit
 * @param maxUnavailablePerDomain clusters per domain per wave (needs {@code topologyKey})
 */
public record RolloutStrategy(
    List<String> canaryGroups,
    Optional<IntOrPercent> maxConcurrency,
    Optional<TopologyKey> topologyKey,
    Optional<IntOrPercent> maxUnavailablePerDomain) {

  /** Copies the list; a per-domain limit needs a topology key. */
  public RolloutStrategy {
    canaryGroups = List.copyOf(canaryGroups);
    Objects.requireNonNull(maxConcurrency, "maxConcurrency");
    Objects.requireNonNull(topologyKey, "topologyKey");
    Objects.requireNonNull(maxUnavailablePerDomain, "maxUnavailablePerDomain");
    if (maxUnavailablePerDomain.isPresent() && topologyKey.isEmpty()) {
      throw dev.flotilla.api.ValidationException.at(
          "topologyKey", "Required value: maxUnavailablePerDomain needs a topologyKey");
    }
  }

  /** Everything in one wave. */
  public static RolloutStrategy allAtOnce() {
    return new RolloutStrategy(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
