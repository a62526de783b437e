package dev.flotilla.placement;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What a scheduling run needs besides the placement and the fleet: the time ({@code
 * tolerationSeconds} and score expiries are measured against it), the clusters picked last time
 * (kept while still eligible) and the scores supplied by the caller.
 *
 * <pre>{@code
 * SchedulingContext now = SchedulingContext.at(clock.instant())
 *     .withPrevious(lastDecision.names())
 *     .withScores(scores);
 * }</pre>
 *
 * <p>Immutable and thread-safe: the {@code with...} methods return new contexts.
 *
 * @param now the time of the decision
 * @param previous the names picked last time; empty for a first decision
 * @param scores the caller-supplied scores
 */
public record SchedulingContext(Instant now, Set<String> previous, ClusterScores scores) {

  /** Copies the set. */
  public SchedulingContext {
    Objects.requireNonNull(now, "now");
    previous = Set.copyOf(previous);
    Objects.requireNonNull(scores, "scores");
  }

  /** A first decision at {@code now}, with no supplied scores. */
  public static SchedulingContext at(Instant now) {
    return new SchedulingContext(now, Set.of(), ClusterScores.empty());
  }

  /** The same context, keeping {@code names} (the last decision) while they are eligible. */
  public SchedulingContext withPrevious(Collection<String> names) {
    return new SchedulingContext(now, Set.copyOf(names), scores);
  }

  /** The same context with these supplied scores. */
  public SchedulingContext withScores(ClusterScores newScores) {
    return new SchedulingContext(now, previous, newScores);
  }
}
