package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Spreads the picked clusters over the domains of a topology key, as Kubernetes' topology spread
 * does: the skew (most clusters in a domain minus fewest, over the domains in play) stays at most
 * {@code maxSkew}.
 *
 * <ul>
 *   <li>Domains in play are those holding at least one eligible cluster; with {@code maxDomains},
 *       only that many, chosen in the order of their best-ranked cluster.
 *   <li>When fewer than {@code minDomains} domains are in play, the fewest is taken as 0 (as
 *       Kubernetes does): each domain gets at most {@code maxSkew} clusters.
 *   <li>Clusters lacking the key are not picked under {@code DoNotSchedule}; under {@code
 *       ScheduleAnyway} they are picked by rank once the spread-respecting picks are made.
 * </ul>
 *
 * @param topologyKey the label or property that names the domain
 * @param maxSkew at least 1
 * @param minDomains at least 1 when present
 * @param maxDomains at least 1 and at least minDomains when present
 * @param whenUnsatisfiable pick fewer, or pick anyway
 */
public record SpreadConstraint(
    TopologyKey topologyKey,
    int maxSkew,
    OptionalInt minDomains,
    OptionalInt maxDomains,
    WhenUnsatisfiable whenUnsatisfiable) {

  /** Validates the bounds. */
  public SpreadConstraint {
    Objects.requireNonNull(topologyKey, "topologyKey");
    Objects.requireNonNull(minDomains, "minDomains");
    Objects.requireNonNull(maxDomains, "maxDomains");
    Objects.requireNonNull(whenUnsatisfiable, "whenUnsatisfiable");
    List<Problem> problems = new ArrayList<>();
    if (maxSkew < 1) {
      problems.add(Problem.at("maxSkew", "Invalid value: " + maxSkew + ": must be at least 1"));
    }
    if (minDomains.isPresent() && minDomains.getAsInt() < 1) {
      problems.add(
          Problem.at(
              "minDomains", "Invalid value: " + minDomains.getAsInt() + ": must be at least 1"));
    }
    if (maxDomains.isPresent() && maxDomains.getAsInt() < Math.max(1, minDomains.orElse(1))) {
      problems.add(
          Problem.at(
              "maxDomains",
              "Invalid value: "
                  + maxDomains.getAsInt()
                  + ": must be at least 1 and at least minDomains"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Spread over {@code key} with {@code maxSkew}, hard ({@code DoNotSchedule}). */
  public static SpreadConstraint of(TopologyKey key, int maxSkew) {
    return new SpreadConstraint(
        key, maxSkew, OptionalInt.empty(), OptionalInt.empty(), WhenUnsatisfiable.DoNotSchedule);
  }
}
