package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The clusters every placement of a {@link PlacementSet} selects in one inventory snapshot.
 * Immutable; {@link #update} gives the decisions of the next snapshot and what changed.
 */
public final class Decisions {
  private final PlacementSet set;
  private final Inventory inventory;
  private final Routing routing;
  private final Chunked.Objects<Decided> decided;

  Decisions(
      PlacementSet set, Inventory inventory, Routing routing, Chunked.Objects<Decided> decided) {
    this.set = set;
    this.inventory = inventory;
    this.routing = routing;
    this.decided = decided;
  }

  /** The snapshot these decisions are about. */
  public Inventory inventory() {
    return inventory;
  }

  /**
   * The clusters selected by the placement {@code namespace/name}.
   *
   * @throws IllegalArgumentException when the set has no such placement
   */
  public ClusterSet selected(String namespace, String name) {
    int i = set.indexOf(namespace + "/" + name);
    if (i < 0) {
      throw new IllegalArgumentException("no placement " + namespace + "/" + name);
    }
    Decided posting = decided.get(i);
    long[] words = new long[Posting.words(inventory.capacity())];
    posting.orInto(words);
    return new ClusterSet(inventory, words, posting.count());
  }

  /** The decisions after one cluster event, and the deltas. */
  public record Update(Decisions decisions, List<DecisionDelta> deltas) {
    /** Copies the deltas. */
    public Update {
      Objects.requireNonNull(decisions, "decisions");
      deltas = List.copyOf(deltas);
    }
  }

  /**
   * The decisions for {@code next}, a snapshot derived from this one by adding, changing or
   * removing the cluster {@code clusterName}. Only the placements that read something that changed
   * are evaluated, on that one cluster.
   */
  public Update update(Inventory next, String clusterName) {
    int before = inventory.ordinal(clusterName);
    int after = next.ordinal(clusterName);
    if ((before >= 0 && after >= 0 && before != after) || next.capacity() < inventory.capacity()) {
      return rebuild(next); // the snapshot was compacted: ordinals moved
    }
    if (before < 0 && after < 0) {
      return new Update(new Decisions(set, next, routing, decided), List.of());
    }
    // The changed cluster's maps, gathered once: hash lookups for every placement re-tested.
    Map<String, String> labels = after >= 0 ? next.labelsAt(after) : Map.of();
    Map<String, String> properties = after >= 0 ? next.propertiesAt(after) : Map.of();
    Map<String, String> annotations = after >= 0 ? next.annotationsAt(after) : Map.of();
    int[] candidates;
    if (before >= 0 && after >= 0) {
      candidates =
          routing.affected(
              inventory.labelsAt(before),
              labels,
              inventory.propertiesAt(before),
              properties,
              inventory.annotationsAt(before),
              annotations);
    } else {
      candidates = new int[set.size()];
      for (int i = 0; i < candidates.length; i++) {
        candidates[i] = i;
      }
    }
    List<DecisionDelta> deltas = new ArrayList<>();
    int[] changed = new int[candidates.length];
    List<Decided> changedTo = new ArrayList<>();
    CompiledPlacement.Errors ignored = new CompiledPlacement.Errors();
    ClusterFacts facts =
        after >= 0 ? ClusterFacts.of(clusterName, labels, properties, annotations) : null;
    int ordinal = after >= 0 ? after : before;
    for (int i : candidates) {
      Decided posting = decided.get(i);
      boolean was = before >= 0 && posting.contains(ordinal);
      boolean is = facts != null && set.placementAt(i).matches(facts, set.scopeAt(i), ignored);
      if (was != is) {
        changed[changedTo.size()] = i;
        changedTo.add(posting.with(ordinal, is, next.capacity()));
        deltas.add(
            new DecisionDelta(
                set.keyAt(i),
                is ? List.of(clusterName) : List.of(),
                is ? List.of() : List.of(clusterName)));
      }
    }
    Chunked.Objects<Decided> updated =
        decided.setAll(Arrays.copyOf(changed, changedTo.size()), changedTo);
    return new Update(new Decisions(set, next, routing, updated), deltas);
  }

  /** Full re-evaluation, with the deltas computed by comparing names. */
  private Update rebuild(Inventory next) {
    Decisions fresh = set.evaluate(next);
    List<DecisionDelta> deltas = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : set.indexByKey().entrySet()) {
      String[] parts = entry.getKey().split("/", 2);
      List<String> old = selected(parts[0], parts[1]).names();
      List<String> now = fresh.selected(parts[0], parts[1]).names();
      List<String> added = new ArrayList<>(now);
      added.removeAll(new java.util.HashSet<>(old));
      List<String> removed = new ArrayList<>(old);
      removed.removeAll(new java.util.HashSet<>(now));
      if (!added.isEmpty() || !removed.isEmpty()) {
        deltas.add(new DecisionDelta(entry.getKey(), added, removed));
      }
    }
    return new Update(fresh, deltas);
  }
}
