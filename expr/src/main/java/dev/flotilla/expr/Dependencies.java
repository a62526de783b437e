package dev.flotilla.expr;

import dev.flotilla.api.Cluster;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which parts of the variable {@code cluster} an expression reads, found by static analysis of its
 * syntax tree. The placement engine uses it to skip re-evaluating expressions whose inputs did not
 * change.
 *
 * <p>It is conservative: it may name more than the expression really reads, never less. A key is
 * listed when the expression reads it by a constant name ({@code cluster.labels['x']}, {@code
 * cluster.labels.x}, {@code 'x' in cluster.labels}, {@code has(cluster.labels.x)}, {@code
 * cluster.labels[?'x']}, {@code cluster.labels.?x}); a map is in {@link #wholeMaps()} when it is
 * used in any other way (iterated, passed to a function, indexed by a computed key, compared), so
 * that a change to any of its entries may change the result.
 *
 * @param readsName whether the expression may read {@code cluster.name}
 * @param labelKeys label keys read by constant name
 * @param annotationKeys annotation keys read by constant name
 * @param propertyNames property names read by constant name
 * @param wholeMaps the maps used as a whole
 */
public record Dependencies(
    boolean readsName,
    Set<String> labelKeys,
    Set<String> annotationKeys,
    Set<String> propertyNames,
    Set<ClusterMap> wholeMaps) {

  /** The maps of the variable {@code cluster}. */
  public enum ClusterMap {
    /** {@code cluster.labels} */
    LABELS,
    /** {@code cluster.annotations} */
    ANNOTATIONS,
    /** {@code cluster.properties} */
    PROPERTIES
  }

  private static final Dependencies NONE =
      new Dependencies(false, Set.of(), Set.of(), Set.of(), Set.of());
  private static final Dependencies EVERYTHING =
      new Dependencies(true, Set.of(), Set.of(), Set.of(), EnumSet.allOf(ClusterMap.class));

  /** Copies the sets. */
  public Dependencies {
    labelKeys = Set.copyOf(labelKeys);
    annotationKeys = Set.copyOf(annotationKeys);
    propertyNames = Set.copyOf(propertyNames);
    wholeMaps = Set.copyOf(wholeMaps);
  }

  /** An expression that does not read {@code cluster} at all. */
  public static Dependencies none() {
    return NONE;
  }

  /** An expression that may read anything in {@code cluster}. */
  public static Dependencies everything() {
    return EVERYTHING;
  }

  /** Everything any of {@code all} reads. */
  public static Dependencies union(Collection<Dependencies> all) {
    boolean name = false;
    Set<String> labels = new HashSet<>();
    Set<String> annotations = new HashSet<>();
    Set<String> properties = new HashSet<>();
    Set<ClusterMap> whole = EnumSet.noneOf(ClusterMap.class);
    for (Dependencies d : all) {
      name |= d.readsName;
      labels.addAll(d.labelKeys);
      annotations.addAll(d.annotationKeys);
      properties.addAll(d.propertyNames);
      whole.addAll(d.wholeMaps);
    }
    return new Dependencies(name, labels, annotations, properties, whole);
  }

  /** True when a change to any entry of some map may change the result. */
  public boolean dynamic() {
    return !wholeMaps.isEmpty();
  }

  /**
   * Whether changing {@code before} into {@code after} may change the expression's result: false
   * only when every input the expression reads is the same in both.
   */
  public boolean affectedBy(Cluster before, Cluster after) {
    if (readsName && !before.name().equals(after.name())) {
      return true;
    }
    return differ(ClusterMap.LABELS, labelKeys, before.labels(), after.labels())
        || differ(ClusterMap.ANNOTATIONS, annotationKeys, before.annotations(), after.annotations())
        || differ(ClusterMap.PROPERTIES, propertyNames, before.properties(), after.properties());
  }

  private boolean differ(
      ClusterMap map, Set<String> keys, Map<String, String> before, Map<String, String> after) {
    if (before == after) {
      return false;
    }
    if (wholeMaps.contains(map)) {
      return !before.equals(after);
    }
    for (String key : keys) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        return true;
      }
    }
    return false;
  }
}
