package dev.flotilla.placement;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalInt;
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
 * @param replicas the workload's total replicas, for a placement with replica scheduling (a
 *     workload's {@code spec.replicas}); empty: none (0)
 * @param resourceUid the workload's UID, which breaks ties in the replica split as Karmada does;
 *     empty: none
 */
public record SchedulingContext(
    Instant now,
    Set<String> previous,
    ClusterScores scores,
    OptionalInt replicas,
    String resourceUid) {

  /** Copies the set. */
  public SchedulingContext {
    Objects.requireNonNull(now, "now");
    previous = Set.copyOf(previous);
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(resourceUid, "resourceUid");
    if (replicas.isPresent() && replicas.getAsInt() < 0) {
      throw new IllegalArgumentException(
          "replicas: must be at least 0, got " + replicas.getAsInt());
    }
  }

  /** A context without replicas. */
  public SchedulingContext(Instant now, Set<String> previous, ClusterScores scores) {
    this(now, previous, scores, OptionalInt.empty(), "");
  }

  /** The same context placing {@code total} replicas of a workload whose UID is {@code uid}. */
  public SchedulingContext withReplicas(int total, String uid) {
    return new SchedulingContext(now, previous, scores, OptionalInt.of(total), uid);
  }

  /** A first decision at {@code now}, with no supplied scores. */
  public static SchedulingContext at(Instant now) {
    return new SchedulingContext(now, Set.of(), ClusterScores.empty());
  }

  /** The same context, keeping {@code names} (the last decision) while they are eligible. */
  public SchedulingContext withPrevious(Collection<String> names) {
    return new SchedulingContext(now, Set.copyOf(names), scores, replicas, resourceUid);
  }

  /** The same context with these supplied scores. */
  public SchedulingContext withScores(ClusterScores newScores) {
    return new SchedulingContext(now, previous, newScores, replicas, resourceUid);
  }
}
