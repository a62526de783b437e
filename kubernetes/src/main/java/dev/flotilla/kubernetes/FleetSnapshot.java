package dev.flotilla.kubernetes;

import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.Decisions;
import dev.flotilla.placement.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link LiveFleet} knows after one applied batch: the fleet, the selections of the
 * placements registered with it, and the objects it could not take. Immutable and safe to share
 * between threads; every part belongs to the same batch.
 *
 * @param generation how many batches were applied before this snapshot was published (0 for the
 *     empty fleet a live fleet starts with)
 * @param inventory the clusters
 * @param decisions what each registered placement selects in {@code inventory} ({@code
 *     decisions.inventory() == inventory})
 * @param placements the registered placements, in the order they were registered
 * @param problems the objects whose latest version could not be mapped to a cluster, by name; a
 *     cluster that was good before keeps its last good version in {@code inventory}
 */
public record FleetSnapshot(
    long generation,
    Inventory inventory,
    Decisions decisions,
    List<Placement> placements,
    Map<String, ObjectProblem> problems) {

  /** Requires every part and copies the collections. */
  public FleetSnapshot {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(decisions, "decisions");
    placements = List.copyOf(placements);
    problems = Map.copyOf(problems);
    if (decisions.inventory() != inventory) {
      throw new IllegalArgumentException("decisions of another inventory snapshot");
    }
  }

  /**
   * The clusters the registered placement {@code namespace/name} selects (labels, properties and
   * CEL; taints and {@code numberOfClusters} are scheduling's business).
   *
   * @throws IllegalArgumentException when no such placement is registered
   */
  public ClusterSet selected(String namespace, String name) {
    return decisions.selected(namespace, name);
  }
}
