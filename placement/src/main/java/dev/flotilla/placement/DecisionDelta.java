package dev.flotilla.placement;

import java.util.List;

/**
 * How one placement's decision changed after a cluster event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param placement the placement's key, {@code namespace/name}
 * @param added clusters newly selected, sorted
 * @param removed clusters no longer selected, sorted
 */
public record DecisionDelta(String placement, List<String> added, List<String> removed) {
  /** Copies the lists. */
  public DecisionDelta {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }
}
