package dev.flotilla.placement;

import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which placements of a {@link PlacementSet} one cluster's change can affect, so that {@link
 * Decisions#update} re-tests those and no others.
 *
 * <p>For maintainers. A placement's result on a cluster is a function of its terms' results (names
 * and exclusions do not depend on labels), within its scope. A term's result can flip only if it
 * reads a key that changed, so every reader is routed by key; label requirements finer, by value
 * (In, NotIn, = and != flip only when the old or the new value is one they name, an absent key
 * being "no value"; Exists and DoesNotExist only when the key appears or disappears). That alone
 * still sends a change of {@code env} from prod to staging to every placement that names prod,
 * thousands of them, although nearly all of them require other labels this cluster lacks.
 *
 * <p>So each term with a positive label requirement (In, =, ==) is <em>anchored</em> on the one
 * that selects the fewest clusters of the snapshot the routing is built for: the term can be true
 * only on clusters whose anchor key has one of the anchor values. A term that flips is true before
 * or after the change, so it is found under one of the cluster's (key, value) pairs, before or
 * after; among those, only terms reading a changed key are taken. Anchors stay correct whatever the
 * inventory becomes (they are necessary conditions); counts only make them selective. Terms with no
 * positive requirement, scopes, properties and annotations use the routing by key and value.
 */
final class Routing {
  private final int placements;

  // Key and value routing, placement-level: unanchored terms and scopes (labels), all (others).
  private final Map<String, int[]> byLabel;
  private final Map<String, Map<String, int[]>> byLabelValue;
  private final Map<String, int[]> byLabelPresence;
  private final int[] anyLabel;
  private final Map<String, int[]> byProperty;
  private final int[] anyProperty;
  private final Map<String, int[]> byAnnotation;
  private final int[] anyAnnotation;

  // Anchored terms: anchor key -> anchor value -> term ids.
  private final Map<String, Map<String, int[]>> anchored;
  private final int[] termPlacement;

  /** The label keys each anchored term reads; null when it reads the whole label map. */
  private final String[][] termLabelKeys;

  private Routing(Builder built) {
    this.placements = built.placements;
    this.byLabel = arrays(built.byLabel);
    this.byLabelValue = nestedArrays(built.byLabelValue);
    this.byLabelPresence = arrays(built.byLabelPresence);
    this.anyLabel = array(built.anyLabel);
    this.byProperty = arrays(built.byProperty);
    this.anyProperty = array(built.anyProperty);
    this.byAnnotation = arrays(built.byAnnotation);
    this.anyAnnotation = array(built.anyAnnotation);
    this.anchored = nestedArrays(built.anchored);
    this.termPlacement = array(built.termPlacement);
    this.termLabelKeys = built.termLabelKeys.toArray(new String[0][]);
  }

  /** Routing for the placements and their scopes, anchors chosen by {@code inventory}'s counts. */
  static Routing of(CompiledPlacement[] placements, Scope[] scopes, Inventory inventory) {
    Builder builder = new Builder(placements.length);
    for (int i = 0; i < placements.length; i++) {
      for (CompiledTerm term : placements[i].terms()) {
        Condition.Label anchor = anchor(term, inventory);
        if (anchor == null) {
          builder.routeLabels(i, term);
        } else {
          builder.anchor(i, term, anchor);
        }
        builder.routeOthers(i, term);
      }
      for (CompiledTerm term : scopes[i].terms()) {
        builder.routeLabels(i, term);
        builder.routeOthers(i, term);
      }
    }
    return new Routing(builder);
  }

  /** The positive label requirement selecting the fewest clusters now, or null. */
  private static Condition.Label anchor(CompiledTerm term, Inventory inventory) {
    Condition.Label best = null;
    long bestCount = Long.MAX_VALUE;
    for (Condition condition : term.conditions()) {
      if (condition instanceof Condition.Label label && label.isPositiveValueTest()) {
        ValueColumn column = inventory.labelColumn(label.key());
        long count = 0;
        if (column != null) {
          for (String value : label.values()) {
            count += column.posting(value).count();
          }
        }
        if (count < bestCount) {
          best = label;
          bestCount = count;
        }
      }
    }
    return best;
  }

  /**
   * The placements whose result on a cluster may differ between its two versions, given their
   * label, property and annotation maps, in increasing order.
   */
  int[] affected(
      Map<String, String> labelsBefore,
      Map<String, String> labelsAfter,
      Map<String, String> propertiesBefore,
      Map<String, String> propertiesAfter,
      Map<String, String> annotationsBefore,
      Map<String, String> annotationsAfter) {
    BitSet out = new BitSet(placements);
    List<String> changed = changedKeys(labelsBefore, labelsAfter);
    if (!changed.isEmpty()) {
      for (String key : changed) {
        String before = labelsBefore.get(key);
        String after = labelsAfter.get(key);
        addAll(byLabel.get(key), out);
        Map<String, int[]> byValue = byLabelValue.get(key);
        if (byValue != null) {
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
      addAll(anyLabel, out);
      addAnchored(labelsBefore, changed, out);
      addAnchored(labelsAfter, changed, out);
    }
    collect(propertiesBefore, propertiesAfter, byProperty, anyProperty, out);
    collect(annotationsBefore, annotationsAfter, byAnnotation, anyAnnotation, out);
    return out.stream().toArray();
  }

  /** Anchored terms the cluster with {@code labels} satisfies the anchor of, reading a change. */
  private void addAnchored(Map<String, String> labels, List<String> changed, BitSet out) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      Map<String, int[]> byValue = anchored.get(label.getKey());
      int[] terms = byValue == null ? null : byValue.get(label.getValue());
      if (terms == null) {
        continue;
      }
      for (int term : terms) {
        int placement = termPlacement[term];
        if (!out.get(placement) && readsAny(termLabelKeys[term], changed)) {
          out.set(placement);
        }
      }
    }
  }

  private static boolean readsAny(String[] keys, List<String> changed) {
    if (keys == null) {
      return true;
    }
    for (String key : keys) {
      if (changed.contains(key)) {
        return true;
      }
    }
    return false;
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

  private static int[] array(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Map<String, int[]> arrays(Map<String, List<Integer>> lists) {
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((key, ids) -> out.put(key, array(ids)));
    return out;
  }

  private static Map<String, Map<String, int[]>> nestedArrays(
      Map<String, Map<String, List<Integer>>> lists) {
    Map<String, Map<String, int[]>> out = new HashMap<>();
    lists.forEach((key, byValue) -> out.put(key, arrays(byValue)));
    return out;
  }

  /** Accumulates the routes while the placements are walked. */
  private static final class Builder {
    final int placements;
    final Map<String, List<Integer>> byLabel = new HashMap<>();
    final Map<String, Map<String, List<Integer>>> byLabelValue = new HashMap<>();
    final Map<String, List<Integer>> byLabelPresence = new HashMap<>();
    final List<Integer> anyLabel = new ArrayList<>();
    final Map<String, List<Integer>> byProperty = new HashMap<>();
    final List<Integer> anyProperty = new ArrayList<>();
    final Map<String, List<Integer>> byAnnotation = new HashMap<>();
    final List<Integer> anyAnnotation = new ArrayList<>();
    final Map<String, Map<String, List<Integer>>> anchored = new HashMap<>();
    final List<Integer> termPlacement = new ArrayList<>();
    final List<String[]> termLabelKeys = new ArrayList<>();

    Builder(int placements) {
      this.placements = placements;
    }

    /** Routes what {@code term} reads of labels, by key, value and presence. */
    void routeLabels(int placement, CompiledTerm term) {
      for (Condition condition : term.conditions()) {
        if (condition instanceof Condition.Label label) {
          switch (label.requirement().operator()) {
            case IN, EQUALS, DOUBLE_EQUALS, NOT_IN, NOT_EQUALS -> {
              Map<String, List<Integer>> byValue =
                  byLabelValue.computeIfAbsent(label.key(), k -> new HashMap<>());
              for (String value : label.values()) {
                add(byValue, value, placement);
              }
            }
            case EXISTS, DOES_NOT_EXIST -> add(byLabelPresence, label.key(), placement);
            case GREATER_THAN, LESS_THAN -> add(byLabel, label.key(), placement);
          }
        }
      }
      for (CompiledExpression expression : term.expressions()) {
        Dependencies reads = expression.dependencies();
        reads.labelKeys().forEach(key -> add(byLabel, key, placement));
        if (reads.wholeMaps().contains(ClusterMap.LABELS)) {
          addOnce(anyLabel, placement);
        }
      }
    }

    /** Routes what {@code term} reads of properties and annotations, by key. */
    void routeOthers(int placement, CompiledTerm term) {
      for (Condition condition : term.conditions()) {
        if (condition instanceof Condition.Property) {
          add(byProperty, condition.key(), placement);
        }
      }
      for (CompiledExpression expression : term.expressions()) {
        Dependencies reads = expression.dependencies();
        reads.propertyNames().forEach(key -> add(byProperty, key, placement));
        reads.annotationKeys().forEach(key -> add(byAnnotation, key, placement));
        if (reads.wholeMaps().contains(ClusterMap.PROPERTIES)) {
          addOnce(anyProperty, placement);
        }
        if (reads.wholeMaps().contains(ClusterMap.ANNOTATIONS)) {
          addOnce(anyAnnotation, placement);
        }
      }
    }

    /** Files {@code term} under each value of its anchor, with the label keys it reads. */
    void anchor(int placement, CompiledTerm term, Condition.Label anchor) {
      int id = termPlacement.size();
      termPlacement.add(placement);
      Set<String> keys = new LinkedHashSet<>();
      boolean wholeMap = false;
      for (Condition condition : term.conditions()) {
        if (condition instanceof Condition.Label) {
          keys.add(condition.key());
        }
      }
      for (CompiledExpression expression : term.expressions()) {
        keys.addAll(expression.dependencies().labelKeys());
        wholeMap |= expression.dependencies().wholeMaps().contains(ClusterMap.LABELS);
      }
      termLabelKeys.add(wholeMap ? null : keys.toArray(new String[0]));
      Map<String, List<Integer>> byValue =
          anchored.computeIfAbsent(anchor.key(), k -> new HashMap<>());
      for (String value : anchor.values()) {
        add(byValue, value, id);
      }
    }

    private static void add(Map<String, List<Integer>> map, String key, int id) {
      List<Integer> ids = map.computeIfAbsent(key, k -> new ArrayList<>());
      addOnce(ids, id);
    }

    private static void addOnce(List<Integer> ids, int id) {
      if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
        ids.add(id);
      }
    }
  }
}
