package dev.flotilla.kubernetes;

import dev.flotilla.placement.DecisionDelta;
import java.util.List;
import java.util.Objects;

/**
 * What one applied batch of a {@link LiveFleet} changed. Immutable.
 *
 * <p>{@code deltas} name only selection changes. A change that leaves a cluster selected but
 * matters to scheduling (a taint, a property a prioritizer scores) shows in {@code updated}: a
 * controller that schedules re-decides each placement with a delta, plus each placement whose
 * selection in {@code before} or {@code after} holds an updated cluster.
 *
 * @param before the snapshot the batch was applied to
 * @param after the snapshot it produced, now published
 * @param added clusters new to the fleet, sorted
 * @param updated clusters whose mapped value changed, sorted (an event that changes nothing a
 *     {@code Cluster} holds, such as a resync or a status heartbeat, is not listed)
 * @param removed clusters gone from the fleet, sorted
 * @param deltas for each registered placement whose selection changed (by key {@code
 *     namespace/name}, sorted), the clusters it newly selects and no longer selects; a placement
 *     registered in this batch counts as having selected nothing before, one unregistered as
 *     selecting nothing after
 */
public record FleetChange(
    FleetSnapshot before,
    FleetSnapshot after,
    List<String> added,
    List<String> updated,
    List<String> removed,
    List<DecisionDelta> deltas) {

  /** Requires both snapshots and copies the lists. */
  public FleetChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    removed = List.copyOf(removed);
    deltas = List.copyOf(deltas);
  }

  /**
   * True when no cluster was added, updated or removed (the batch changed placements or problems).
   */
  public boolean clustersUnchanged() {
    return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
  }
}
