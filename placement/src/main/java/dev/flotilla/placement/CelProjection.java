package dev.flotilla.placement;

import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The smallest value of the CEL variable {@code cluster} that gives a term's expressions the same
 * results as the whole cluster would.
 *
 * <p>Why: cel-java copies every Java map it reads into an immutable map of its own (and unwraps its
 * values) on each attribute access, so handing it a cluster's 16 labels costs 16 entries copied per
 * evaluation, and handing it the inventory's column view first gathers them from 16 columns. An
 * expression that reads labels only by constant key ({@code cluster.labels['tier']}, {@code
 * has(..)}, {@code 'x' in ..}, optional selection) cannot tell a map holding just those keys from
 * the whole map: present keys give the same values, absent keys are absent in both. {@link
 * Dependencies} is conservative (a map used any other way, iterated, sized, compared, indexed by a
 * computed key, is in {@link Dependencies#wholeMaps()}), and such maps are passed whole.
 */
final class CelProjection {
  private final String[] labelKeys;
  private final String[] annotationKeys;
  private final String[] propertyNames;
  private final Set<ClusterMap> wholeMaps;

  private CelProjection(
      Set<String> labelKeys,
      Set<String> annotationKeys,
      Set<String> propertyNames,
      Set<ClusterMap> wholeMaps) {
    this.labelKeys = labelKeys.toArray(new String[0]);
    this.annotationKeys = annotationKeys.toArray(new String[0]);
    this.propertyNames = propertyNames.toArray(new String[0]);
    this.wholeMaps = wholeMaps;
  }

  /** The union of what the expressions read. */
  static CelProjection of(CompiledExpression... expressions) {
    Set<String> labels = new LinkedHashSet<>();
    Set<String> annotations = new LinkedHashSet<>();
    Set<String> properties = new LinkedHashSet<>();
    Set<ClusterMap> whole = EnumSet.noneOf(ClusterMap.class);
    for (CompiledExpression expression : expressions) {
      Dependencies reads = expression.dependencies();
      labels.addAll(reads.labelKeys());
      annotations.addAll(reads.annotationKeys());
      properties.addAll(reads.propertyNames());
      whole.addAll(reads.wholeMaps());
    }
    return new CelProjection(labels, annotations, properties, whole);
  }

  /** The activation {@code {cluster: ...}} for one cluster. */
  Map<String, Object> variables(ClusterFacts cluster) {
    Map<String, Object> value =
        Map.of(
            "name", cluster.name(),
            "labels", project(ClusterMap.LABELS, labelKeys, cluster),
            "annotations", project(ClusterMap.ANNOTATIONS, annotationKeys, cluster),
            "properties", project(ClusterMap.PROPERTIES, propertyNames, cluster));
    return Map.of("cluster", value);
  }

  private Map<String, String> project(ClusterMap map, String[] keys, ClusterFacts cluster) {
    if (wholeMaps.contains(map)) {
      return cluster.map(map);
    }
    switch (keys.length) {
      case 0:
        return Map.of();
      case 1:
        {
          String value = cluster.value(map, keys[0]);
          return value == null ? Map.of() : Map.of(keys[0], value);
        }
      default:
        {
          Map<String, String> out = new HashMap<>(keys.length * 2);
          for (String key : keys) {
            String value = cluster.value(map, key);
            if (value != null) {
              out.put(key, value);
            }
          }
          return out;
        }
    }
  }
}
