package dev.flotilla.expr.internal;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The activation {@code {cluster: ...}} holding only what an expression can read: the keys it reads
 * by constant name, and whole maps where it uses a map as a whole.
 *
 * <p>It gives the same result as {@link ClusterVariables#of(Cluster)}, because absent keys stay
 * absent and {@link Dependencies} never reports fewer inputs than an expression reads
 * (property-tested in {@code ClusterVariablesTest}). It is cheaper because cel-java copies every
 * map it reads, entry by entry, on each access: a projection copies a key or two into a small map
 * once per cluster instead of letting CEL copy dozens of labels per access.
 */
public final class ClusterProjection {
  private ClusterProjection() {}

  /** The activation for cluster {@code name}, reading its maps through {@code lookup}. */
  public static Map<String, Object> of(String name, ClusterLookup lookup, Dependencies reads) {
    return Map.of(ClusterVariables.CLUSTER, value(name, lookup, reads));
  }

  /** The value of the variable {@code cluster} alone, projected as {@link #of} projects it. */
  public static Map<String, Object> value(String name, ClusterLookup lookup, Dependencies reads) {
    return Map.of(
        "name", name,
        "labels", project(lookup, ClusterMap.LABELS, reads.labelKeys(), reads),
        "annotations", project(lookup, ClusterMap.ANNOTATIONS, reads.annotationKeys(), reads),
        "properties", project(lookup, ClusterMap.PROPERTIES, reads.propertyNames(), reads));
  }

  /** A lookup over a record's maps. */
  public static ClusterLookup lookup(Cluster cluster) {
    return map ->
        switch (map) {
          case LABELS -> cluster.labels();
          case ANNOTATIONS -> cluster.annotations();
          case PROPERTIES -> cluster.properties();
        };
  }

  private static Map<String, String> project(
      ClusterLookup lookup, ClusterMap map, Set<String> keys, Dependencies reads) {
    if (reads.wholeMaps().contains(map)) {
      return lookup.map(map);
    }
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>(keys.size() * 2);
    for (String key : keys) {
      String value = lookup.value(map, key);
      if (value != null) {
        out.put(key, value);
      }
    }
    return out;
  }
}
