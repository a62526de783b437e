package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The clusters every placement of a {@link PlacementSet} selects in one inventory snapshot, with
 * the CEL runtime errors met selecting them. Immutable; {@link #update} gives the decisions of the
 * next snapshot and what changed.
 *
 * <p>Thread-safe: nothing in a {@code Decisions} changes once built. {@link #update} returns a new
 * snapshot sharing structure with this one (copy-on-write chunks), so readers of this one on other
 * threads are never disturbed, and several updates may start from the same snapshot.
 */
public final class Decisions {
  /*
   * For maintainers. Per placement, by its index in the set: `decided` (the selected clusters, a
   * posting plus recent flips) and `errors` (an ErrorLog). Both are persistent arrays, so an update
   * copies the chunks of the placements it changed and shares the rest with older decisions.
   * Invariant: errorCount is the sum of the logs' counts, and each log's count is what a full
   * evaluation of that snapshot would count (an update subtracts the changed cluster's errors
   * before the change and adds those after it, for each placement it re-tests).
   */
  private final PlacementSet set;
  private final Inventory inventory;
  private final Routing routing;
  private final Chunked.Objects<Decided> decided;
  private final Chunked.Objects<ErrorLog> errors;
  private final int errorCount;

  Decisions(
      PlacementSet set,
      Inventory inventory,
      Routing routing,
      Chunked.Objects<Decided> decided,
      Chunked.Objects<ErrorLog> errors,
      int errorCount) {
    this.set = set;
    this.inventory = inventory;
    this.routing = routing;
    this.decided = decided;
    this.errors = errors;
    this.errorCount = errorCount;
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
    return selected(indexOf(namespace, name));
  }

  /**
   * The clusters selected by the placement {@code namespace/name}, with the CEL runtime errors met
   * selecting them in this snapshot: {@link Selection#errorCount()} counts every failed (cluster,
   * expression) evaluation, exactly as {@link CompiledPlacement#select(Inventory, Scope)} would
   * over this snapshot. {@link Selection#errors()} holds up to {@value Selection#MAX_EXAMPLES} of
   * them; after updates these are the examples still true plus new ones, and may be fewer than the
   * count allows.
   *
   * @throws IllegalArgumentException when the set has no such placement
   */
  public Selection selection(String namespace, String name) {
    int i = indexOf(namespace, name);
    ErrorLog log = errors.get(i);
    return new Selection(selected(i), log.count(), log.examples());
  }

  /** Failed CEL evaluations over every placement in this snapshot (0 when none failed). */
  public int errorCount() {
    return errorCount;
  }

  private int indexOf(String namespace, String name) {
    int i = set.indexOf(namespace + "/" + name);
    if (i < 0) {
      throw new IllegalArgumentException("no placement " + namespace + "/" + name);
    }
    return i;
  }

  private ClusterSet selected(int i) {
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
      return new Update(new Decisions(set, next, routing, decided, errors, errorCount), List.of());
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
    ClusterFacts then = before >= 0 ? ClusterFacts.of(inventory, before) : null;
    ClusterFacts now =
        after >= 0 ? ClusterFacts.of(clusterName, labels, properties, annotations) : null;
    return retest(next, clusterName, after >= 0 ? after : before, candidates, then, now);
  }

  /**
   * Re-tests the cluster at {@code ordinal} against the {@code candidates} placements, as it was
   * ({@code then}, null when it is new) and as it is ({@code now}, null when it is gone).
   */
  private Update retest(
      Inventory next,
      String clusterName,
      int ordinal,
      int[] candidates,
      ClusterFacts then,
      ClusterFacts now) {
    List<DecisionDelta> deltas = new ArrayList<>();
    int[] changed = new int[candidates.length];
    List<Decided> changedTo = new ArrayList<>();
    int[] erred = new int[candidates.length];
    List<ErrorLog> erredTo = new ArrayList<>();
    int total = errorCount;
    CompiledPlacement.Errors found = new CompiledPlacement.Errors();
    for (int i : candidates) {
      found.clear();
      Decided posting = decided.get(i);
      boolean was = then != null && posting.contains(ordinal);
      boolean is = now != null && set.placementAt(i).matches(now, set.scopeAt(i), found);
      ErrorLog log = errors.get(i);
      if (log.count() > 0 || found.count > 0) {
        ErrorLog updated = log.replace(clusterName, errorsBefore(i, log, then), found);
        if (updated != log) {
          erred[erredTo.size()] = i;
          erredTo.add(updated);
          total += updated.count() - log.count();
        }
      }
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
    Chunked.Objects<ErrorLog> updatedErrors =
        errors.setAll(Arrays.copyOf(erred, erredTo.size()), erredTo);
    return new Update(new Decisions(set, next, routing, updated, updatedErrors, total), deltas);
  }

  /** How many errors placement {@code i} counted on the cluster as it was: 0 when it had none. */
  private int errorsBefore(int i, ErrorLog log, ClusterFacts then) {
    if (then == null || log.count() == 0) {
      return 0;
    }
    CompiledPlacement.Errors before = new CompiledPlacement.Errors();
    set.placementAt(i).matches(then, set.scopeAt(i), before);
    return before.count;
  }

  /** Full re-evaluation, with the deltas computed by comparing names. */
  private Update rebuild(Inventory next) {
    Decisions fresh = set.evaluate(next);
    List<DecisionDelta> deltas = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      List<String> old = selected(i).names();
      List<String> now = fresh.selected(i).names();
      List<String> added = new ArrayList<>(now);
      added.removeAll(new HashSet<>(old));
      List<String> removed = new ArrayList<>(old);
      removed.removeAll(new HashSet<>(now));
      if (!added.isEmpty() || !removed.isEmpty()) {
        deltas.add(new DecisionDelta(set.keyAt(i), added, removed));
      }
    }
    return new Update(fresh, deltas);
  }
}
