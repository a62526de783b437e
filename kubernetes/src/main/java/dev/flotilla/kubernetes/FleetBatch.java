package dev.flotilla.kubernetes;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.DecisionDelta;
import dev.flotilla.placement.Decisions;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One batch of queued events, and the pure step that applies it to a fleet state.
 *
 * <p>For maintainers. Events are coalesced by object name as they arrive ({@link #upsert}, {@link
 * #delete}): a batch holds at most one operation per name, the last one, so a burst of updates to
 * one object maps it once. A resync replaces everything queued before it and remembers the names it
 * listed ({@code keep}); at apply time every other known name is deleted. Mapping happens at apply
 * time, on the applying thread, never on the thread that passed the event.
 *
 * <p>Applying: changes are found by comparing each mapped cluster with the snapshot's (so a resync
 * or a status heartbeat that changes nothing a {@code Cluster} holds costs no decision work). Few
 * changes go through {@link Inventory#with} and {@link Decisions#update} one cluster at a time, the
 * deltas merged per placement; many changes (or new placements) rebuild the inventory or evaluate
 * the placements from scratch and compare selections by name, which is cheaper than thousands of
 * copy-on-write steps.
 */
final class FleetBatch<T> {
  /** Name to the object's latest version; a null value is a delete. Insertion ordered. */
  private final LinkedHashMap<String, T> operations = new LinkedHashMap<>();

  /** The names the latest resync listed, kept current by later events; null without a resync. */
  private Set<String> keep;

  /** Placements registered since the last batch; null when unchanged. */
  private Registration placements;

  /** Placements compiled together, as registered. */
  record Registration(List<Placement> placements, PlacementSet set) {
    Registration {
      placements = List.copyOf(placements);
      Objects.requireNonNull(set, "set");
    }
  }

  /** A fleet state: the published snapshot, with the compiled placements behind it. */
  record State(FleetSnapshot snapshot, PlacementSet set) {}

  /** What applying a batch produced. */
  record Outcome(State state, FleetChange change) {}

  void upsert(String name, T object) {
    operations.put(name, object);
    if (keep != null) {
      keep.add(name);
    }
  }

  void delete(String name) {
    operations.put(name, null);
    if (keep != null) {
      keep.remove(name);
    }
  }

  void resync(Map<String, T> objects) {
    operations.clear();
    operations.putAll(objects);
    keep = new java.util.HashSet<>(objects.keySet());
  }

  void register(Registration registration) {
    placements = registration;
  }

  /** Operations queued (coalesced), for the size trigger. */
  int size() {
    return operations.size();
  }

  boolean isEmpty() {
    return operations.isEmpty() && keep == null && placements == null;
  }

  /**
   * Applies this batch to {@code before}. Mapping problems go to {@code report} and into the
   * snapshot's problems; they never stop the batch.
   *
   * @param rebuildAbove above this many cluster changes, rebuild instead of updating one by one
   * @return the outcome, or empty when the batch changed nothing
   */
  Optional<Outcome> apply(
      State before,
      Function<? super T, Cluster> mapping,
      int rebuildAbove,
      Consumer<ObjectProblem> report) {
    FleetSnapshot old = before.snapshot();
    Inventory inventory = old.inventory();
    Map<String, ObjectProblem> problems = new HashMap<>(old.problems());
    if (keep != null) {
      inventory.all().forEachName(name -> deleteUnlisted(name));
      for (String name : old.problems().keySet()) {
        deleteUnlisted(name);
      }
    }
    // Name -> new cluster, or null when removed. Sorted: deterministic order, sorted lists.
    TreeMap<String, Cluster> changes = new TreeMap<>();
    List<String> added = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, T> operation : operations.entrySet()) {
      String name = operation.getKey();
      if (operation.getValue() == null) {
        problems.remove(name);
        if (inventory.contains(name)) {
          changes.put(name, null);
        }
        continue;
      }
      Cluster cluster;
      try {
        cluster = map(name, operation.getValue(), mapping);
      } catch (ValidationException e) {
        ObjectProblem problem = new ObjectProblem(name, e.problems());
        problems.put(name, problem);
        report.accept(problem);
        continue;
      }
      problems.remove(name);
      Optional<Cluster> current = inventory.cluster(name);
      if (current.isEmpty() || !current.get().equals(cluster)) {
        changes.put(name, cluster);
      }
    }
    for (Map.Entry<String, Cluster> change : changes.entrySet()) {
      String name = change.getKey();
      (change.getValue() == null ? removed : inventory.contains(name) ? updated : added).add(name);
    }
    if (changes.isEmpty() && placements == null && problems.equals(old.problems())) {
      return Optional.empty();
    }
    Registration registration =
        placements != null ? placements : new Registration(old.placements(), before.set());
    Inventory next = null;
    Decisions decisions = null;
    List<DecisionDelta> deltas = null;
    if (placements == null && changes.size() <= rebuildAbove) {
      try {
        Stepwise stepwise = stepwise(old.decisions(), changes);
        next = stepwise.decisions.inventory();
        decisions = stepwise.decisions;
        deltas = stepwise.deltas();
      } catch (RuntimeException e) {
        // Not expected; evaluating from scratch below gives the same answer the slow way.
        next = null;
      }
    }
    if (next == null) {
      next =
          changes.size() <= rebuildAbove
              ? updated(inventory, changes)
              : rebuilt(inventory, changes);
      decisions = registration.set().evaluate(next);
      deltas = compare(old, registration.placements(), decisions);
    }
    FleetSnapshot snapshot =
        new FleetSnapshot(
            old.generation() + 1, next, decisions, registration.placements(), problems);
    return Optional.of(
        new Outcome(
            new State(snapshot, registration.set()),
            new FleetChange(old, snapshot, added, updated, removed, deltas)));
  }

  private void deleteUnlisted(String name) {
    if (!keep.contains(name)) {
      operations.put(name, null);
    }
  }

  private static <T> Cluster map(String name, T object, Function<? super T, Cluster> mapping) {
    Cluster cluster;
    try {
      cluster = mapping.apply(object);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      // A mapping that fails some other way is still this object's problem, not the fleet's.
      throw ValidationException.at("", "cannot map the object: " + e);
    }
    if (cluster == null) {
      throw ValidationException.at("", "the mapping returned no cluster");
    }
    if (!cluster.name().equals(name)) {
      throw ValidationException.at(
          "metadata.name",
          "Invalid value: \"" + cluster.name() + "\": the mapping named the cluster differently");
    }
    return cluster;
  }

  /** The decisions after each change in turn, with the deltas merged per placement. */
  private static Stepwise stepwise(Decisions decisions, Map<String, Cluster> changes) {
    Stepwise out = new Stepwise(decisions);
    for (Map.Entry<String, Cluster> change : changes.entrySet()) {
      Inventory current = out.decisions.inventory();
      Inventory next =
          change.getValue() == null
              ? current.without(change.getKey())
              : current.with(change.getValue());
      Decisions.Update update = out.decisions.update(next, change.getKey());
      out.decisions = update.decisions();
      for (DecisionDelta delta : update.deltas()) {
        out.merge(delta);
      }
    }
    return out;
  }

  private static final class Stepwise {
    Decisions decisions;
    final TreeMap<String, TreeSet<String>> added = new TreeMap<>();
    final TreeMap<String, TreeSet<String>> removed = new TreeMap<>();

    Stepwise(Decisions decisions) {
      this.decisions = decisions;
    }

    void merge(DecisionDelta delta) {
      TreeSet<String> in = added.computeIfAbsent(delta.placement(), k -> new TreeSet<>());
      TreeSet<String> out = removed.computeIfAbsent(delta.placement(), k -> new TreeSet<>());
      for (String name : delta.added()) {
        if (!out.remove(name)) {
          in.add(name);
        }
      }
      for (String name : delta.removed()) {
        if (!in.remove(name)) {
          out.add(name);
        }
      }
    }

    List<DecisionDelta> deltas() {
      List<DecisionDelta> deltas = new ArrayList<>();
      for (String key : added.keySet()) {
        TreeSet<String> in = added.get(key);
        TreeSet<String> out = removed.get(key);
        if (!in.isEmpty() || !out.isEmpty()) {
          deltas.add(new DecisionDelta(key, new ArrayList<>(in), new ArrayList<>(out)));
        }
      }
      return deltas;
    }
  }

  private static Inventory updated(Inventory inventory, Map<String, Cluster> changes) {
    Inventory next = inventory;
    for (Map.Entry<String, Cluster> change : changes.entrySet()) {
      next =
          change.getValue() == null ? next.without(change.getKey()) : next.with(change.getValue());
    }
    return next;
  }

  private static Inventory rebuilt(Inventory inventory, Map<String, Cluster> changes) {
    List<Cluster> clusters = new ArrayList<>(inventory.size() + changes.size());
    inventory
        .all()
        .forEachName(
            name -> {
              if (!changes.containsKey(name)) {
                clusters.add(inventory.cluster(name).orElseThrow());
              }
            });
    for (Cluster cluster : changes.values()) {
      if (cluster != null) {
        clusters.add(cluster);
      }
    }
    return Inventory.of(clusters);
  }

  /** Deltas between {@code old}'s selections and {@code decisions}', compared by name. */
  private static List<DecisionDelta> compare(
      FleetSnapshot old, List<Placement> placements, Decisions decisions) {
    TreeMap<String, DecisionDelta> deltas = new TreeMap<>();
    Set<String> registered = new java.util.HashSet<>();
    Set<String> wasRegistered = new java.util.HashSet<>();
    for (Placement placement : old.placements()) {
      wasRegistered.add(key(placement));
    }
    for (Placement placement : placements) {
      String key = key(placement);
      registered.add(key);
      List<String> before =
          wasRegistered.contains(key)
              ? old.selected(placement.namespace(), placement.name()).names()
              : List.of();
      delta(key, before, decisions.selected(placement.namespace(), placement.name()).names())
          .ifPresent(d -> deltas.put(key, d));
    }
    for (Placement placement : old.placements()) {
      String key = key(placement);
      if (!registered.contains(key)) {
        delta(key, old.selected(placement.namespace(), placement.name()).names(), List.of())
            .ifPresent(d -> deltas.put(key, d));
      }
    }
    return new ArrayList<>(deltas.values());
  }

  /** The delta between two sorted name lists, or empty when they are equal. */
  private static Optional<DecisionDelta> delta(
      String key, List<String> before, List<String> after) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      int order =
          i == before.size() ? 1 : j == after.size() ? -1 : before.get(i).compareTo(after.get(j));
      if (order < 0) {
        out.add(before.get(i++));
      } else if (order > 0) {
        in.add(after.get(j++));
      } else {
        i++;
        j++;
      }
    }
    return in.isEmpty() && out.isEmpty()
        ? Optional.empty()
        : Optional.of(new DecisionDelta(key, in, out));
  }

  static String key(Placement placement) {
    return placement.namespace() + "/" + placement.name();
  }
}
