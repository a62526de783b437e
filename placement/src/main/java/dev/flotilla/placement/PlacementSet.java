package dev.flotilla.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thousands of placements compiled together, with the routing that lets a cluster event touch only
 * the placements it can affect.
 *
 * <pre>{@code
 * PlacementSet set = PlacementSet.compile(placements, namespace -> scopeOf(namespace));
 * Decisions decisions = set.evaluate(inventory);              // every placement, over the index
 * Inventory next = inventory.with(changedCluster);
 * Decisions.Update update = decisions.update(next, changedCluster.name());
 * update.deltas();                                            // placement -> added, removed
 * }</pre>
 *
 * Each placement is evaluated within the scope its namespace is bound to: the tenant boundary.
 */
public final class PlacementSet {
  /*
   * Routing, for maintainers: every placement watches the label keys, property names and
   * annotation keys its conditions, CEL expressions and scope read (CEL's by static analysis,
   * conservative: an expression that iterates a whole map watches every key of that map). Label
   * requirements are routed finer, by value: In, NotIn, = and != can only flip when the old or the
   * new value is one they name (an absent key is "no value"), Exists and DoesNotExist only when the
   * key appears or disappears. A cluster update re-evaluates, on that one cluster, only the
   * placements so reached; additions and removals concern every placement.
   */
  private final String[] keys;
  private final Map<String, Integer> indexByKey;
  private final CompiledPlacement[] placements;
  private final Scope[] scopes;
  private final Map<String, int[]> byLabel;
  private final Map<String, Map<String, int[]>> byLabelValue;
  private final Map<String, int[]> byLabelPresence;
  private final Map<String, int[]> byProperty;
  private final Map<String, int[]> byAnnotation;
  private final int[] anyLabel;
  private final int[] anyProperty;
  private final int[] anyAnnotation;

  private PlacementSet(List<CompiledPlacement> compiled, List<Scope> scopes, List<Watch> watches) {
    this.placements = compiled.toArray(new CompiledPlacement[0]);
    this.scopes = scopes.toArray(new Scope[0]);
    this.keys = new String[placements.length];
    for (int i = 0; i < placements.length; i++) {
      keys[i] = key(placements[i].placement());
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      index.put(keys[i], i);
    }
    this.indexByKey = java.util.Collections.unmodifiableMap(index);
    Map<String, List<Integer>> labels = new HashMap<>();
    Map<String, Map<String, List<Integer>>> labelValues = new HashMap<>();
    Map<String, List<Integer>> labelPresence = new HashMap<>();
    Map<String, List<Integer>> properties = new HashMap<>();
    Map<String, List<Integer>> annotations = new HashMap<>();
    List<Integer> anyLabels = new ArrayList<>();
    List<Integer> anyProperties = new ArrayList<>();
    List<Integer> anyAnnotations = new ArrayList<>();
    for (int i = 0; i < watches.size(); i++) {
      Watch watch = watches.get(i);
      for (String key : watch.labels) {
        labels.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, Set<String>> entry : watch.labelValues.entrySet()) {
        Map<String, List<Integer>> byValue =
            labelValues.computeIfAbsent(entry.getKey(), k -> new HashMap<>());
        for (String value : entry.getValue()) {
          byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(i);
        }
      }
      for (String key : watch.labelPresence) {
        labelPresence.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      for (String key : watch.properties) {
        properties.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      for (String key : watch.annotations) {
        annotations.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      if (watch.allLabels) {
        anyLabels.add(i);
      }
      if (watch.allProperties) {
        anyProperties.add(i);
      }
      if (watch.allAnnotations) {
        anyAnnotations.add(i);
      }
    }
    this.byLabel = toArrays(labels);
    Map<String, Map<String, int[]>> valueArrays = new HashMap<>();
    labelValues.forEach((key, byValue) -> valueArrays.put(key, toArrays(byValue)));
    this.byLabelValue = valueArrays;
    this.byLabelPresence = toArrays(labelPresence);
    this.byProperty = toArrays(properties);
    this.byAnnotation = toArrays(annotations);
    this.anyLabel = toArray(anyLabels);
    this.anyProperty = toArray(anyProperties);
    this.anyAnnotation = toArray(anyAnnotations);
  }

  /** Binds namespaces to the clusters their placements may select. */
  @FunctionalInterface
  public interface Bindings {
    /** The scope of placements in {@code namespace}; {@link Scope#nothing()} when none is bound. */
    Scope scopeOf(String namespace);

    /** No tenant boundary: every placement may select every cluster. */
    static Bindings unbounded() {
      return namespace -> Scope.everything();
    }
  }

  /**
   * Compiles every placement; problems of all of them are reported together, each path prefixed
   * with the placement's {@code namespace/name}.
   *
   * @throws ValidationException when a placement is invalid or two share a namespace and name
   */
  public static PlacementSet compile(Collection<Placement> placements, Bindings bindings) {
    List<CompiledPlacement> compiled = new ArrayList<>(placements.size());
    List<Scope> scopes = new ArrayList<>(placements.size());
    List<Watch> watches = new ArrayList<>(placements.size());
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Placement placement : placements) {
      String key = key(placement);
      if (!seen.add(key)) {
        problems.add(Problem.at(key, "Duplicate value: placement defined twice"));
        continue;
      }
      try {
        CompiledPlacement one = CompiledPlacement.compile(placement);
        Scope scope = bindings.scopeOf(placement.namespace());
        compiled.add(one);
        scopes.add(scope);
        watches.add(Watch.of(one, scope));
      } catch (ValidationException e) {
        e.problems().forEach(p -> problems.add(p.under(key)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new PlacementSet(compiled, scopes, watches);
  }

  /** Number of placements. */
  public int size() {
    return placements.length;
  }

  /** Evaluates every placement over {@code inventory}'s index. */
  public Decisions evaluate(Inventory inventory) {
    Posting[] decided = new Posting[placements.length];
    for (int i = 0; i < placements.length; i++) {
      decided[i] = toPosting(placements[i].select(inventory, scopes[i]).clusters(), inventory);
    }
    return new Decisions(this, inventory, Chunked.Objects.of(decided));
  }

  int indexOf(String key) {
    return indexByKey.getOrDefault(key, -1);
  }

  String keyAt(int i) {
    return keys[i];
  }

  CompiledPlacement placementAt(int i) {
    return placements[i];
  }

  Scope scopeAt(int i) {
    return scopes[i];
  }

  /** The placements whose inputs differ between the two label, property and annotation maps. */
  int[] affected(
      Map<String, String> labelsBefore,
      Map<String, String> labelsAfter,
      Map<String, String> propertiesBefore,
      Map<String, String> propertiesAfter,
      Map<String, String> annotationsBefore,
      Map<String, String> annotationsAfter) {
    BitSet out = new BitSet(placements.length);
    List<String> labelKeys = changedKeys(labelsBefore, labelsAfter);
    for (String key : labelKeys) {
      String before = labelsBefore.get(key);
      String after = labelsAfter.get(key);
      addAll(byLabel.get(key), out);
      Map<String, int[]> byValue = byLabelValue.get(key);
      if (byValue != null) {
        // In, NotIn, =, != flip only when the old or the new value is one of theirs.
        if (before != null) {
          addAll(byValue.get(before), out);
        }
        if (after != null) {
          addAll(byValue.get(after), out);
        }
      }
      if ((before == null) != (after == null)) {
        addAll(byLabelPresence.get(key), out);
      }
    }
    if (!labelKeys.isEmpty()) {
      addAll(anyLabel, out);
    }
    collect(propertiesBefore, propertiesAfter, byProperty, anyProperty, out);
    collect(annotationsBefore, annotationsAfter, byAnnotation, anyAnnotation, out);
    return out.stream().toArray();
  }

  private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> entry : before.entrySet()) {
      if (!entry.getValue().equals(after.get(entry.getKey()))) {
        changed.add(entry.getKey());
      }
    }
    for (String key : after.keySet()) {
      if (!before.containsKey(key)) {
        changed.add(key);
      }
    }
    return changed;
  }

  private static void collect(
      Map<String, String> before,
      Map<String, String> after,
      Map<String, int[]> byKey,
      int[] any,
      BitSet out) {
    List<String> changed = changedKeys(before, after);
    for (String key : changed) {
      addAll(byKey.get(key), out);
    }
    if (!changed.isEmpty()) {
      addAll(any, out);
    }
  }

  private static void addAll(int[] ids, BitSet out) {
    if (ids != null) {
      for (int id : ids) {
        out.set(id);
      }
    }
  }

  static Posting toPosting(ClusterSet set, Inventory inventory) {
    int[] ordinals = new int[set.size()];
    int[] n = {0};
    set.forEachOrdinal(ordinal -> ordinals[n[0]++] = ordinal);
    return Posting.of(ordinals, ordinals.length, inventory.capacity());
  }

  static String key(Placement placement) {
    return placement.namespace() + "/" + placement.name();
  }

  private static Map<String, int[]> toArrays(Map<String, List<Integer>> lists) {
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((key, ids) -> out.put(key, toArray(ids)));
    return out;
  }

  private static int[] toArray(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** What one placement (with its scope) reads of a cluster. */
  private record Watch(
      Set<String> labels,
      Map<String, Set<String>> labelValues,
      Set<String> labelPresence,
      Set<String> properties,
      Set<String> annotations,
      boolean allLabels,
      boolean allProperties,
      boolean allAnnotations) {

    static Watch of(CompiledPlacement placement, Scope scope) {
      Set<String> labels = new java.util.HashSet<>();
      Map<String, Set<String>> labelValues = new HashMap<>();
      Set<String> labelPresence = new java.util.HashSet<>();
      Set<String> properties = new java.util.HashSet<>();
      Set<String> annotations = new java.util.HashSet<>();
      boolean[] whole = new boolean[3];
      List<CompiledTerm> terms = new ArrayList<>(Arrays.asList(placement.terms()));
      terms.addAll(scope.terms());
      for (CompiledTerm term : terms) {
        for (Condition condition : term.conditions()) {
          if (condition instanceof Condition.Label label) {
            switch (label.requirement().operator()) {
              case IN, EQUALS, DOUBLE_EQUALS, NOT_IN, NOT_EQUALS ->
                  labelValues
                      .computeIfAbsent(label.key(), k -> new java.util.HashSet<>())
                      .addAll(label.values());
              case EXISTS, DOES_NOT_EXIST -> labelPresence.add(label.key());
              case GREATER_THAN, LESS_THAN -> labels.add(label.key());
            }
          } else {
            properties.add(condition.key());
          }
        }
        for (CompiledExpression expression : term.expressions()) {
          Dependencies dependencies = expression.dependencies();
          labels.addAll(dependencies.labelKeys());
          properties.addAll(dependencies.propertyNames());
          annotations.addAll(dependencies.annotationKeys());
          for (Dependencies.ClusterMap map : dependencies.wholeMaps()) {
            whole[map.ordinal()] = true;
          }
        }
      }
      return new Watch(
          labels,
          labelValues,
          labelPresence,
          properties,
          annotations,
          whole[0],
          whole[2],
          whole[1]);
    }
  }

  /** Decisions keyed by placement, in the order placements were given. */
  Map<String, Integer> indexByKey() {
    return indexByKey;
  }
}
