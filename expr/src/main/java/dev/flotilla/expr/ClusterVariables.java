package dev.flotilla.expr;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The value of the CEL variable {@code cluster} for one {@link Cluster}.
 *
 * <p>It runs once per cluster in scans of the whole fleet, so it copies nothing: the maps are the
 * record's own immutable maps, wrapped in two small immutable maps.
 */
public final class ClusterVariables {
  /** The name of the variable. */
  public static final String CLUSTER = "cluster";

  private ClusterVariables() {}

  /**
   * The activation {@code {cluster: ...}} for an expression compiled by {@link
   * ExpressionEnvironment#forClusters()}.
   */
  public static Map<String, Object> of(Cluster cluster) {
    return Map.of(CLUSTER, value(cluster));
  }

  /**
   * The value of {@code cluster} alone ({@code name}, {@code labels}, {@code annotations}, {@code
   * properties}), to combine with other variables such as {@code status}.
   */
  public static Map<String, Object> value(Cluster cluster) {
    return Map.of(
        "name",
        cluster.name(),
        "labels",
        cluster.labels(),
        "annotations",
        cluster.annotations(),
        "properties",
        cluster.properties());
  }

  /**
   * Where a projection reads a cluster's maps: the maps of a record, or the columns of an index
   * that can answer one key without gathering the whole map.
   */
  @FunctionalInterface
  public interface Lookup {
    /** One whole map of the cluster (read only when an expression uses the map as a whole). */
    Map<String, String> map(ClusterMap map);

    /** One entry of one map, or null when the cluster lacks the key. */
    default String value(ClusterMap map, String key) {
      return map(map).get(key);
    }
  }

  /**
   * The activation {@code {cluster: ...}} holding only what an expression with dependencies {@code
   * reads} can read: the keys it reads by constant name, and whole maps where it uses a map as a
   * whole. It gives the same result as {@link #of(Cluster)}, because absent keys stay absent and
   * {@link Dependencies} never reports fewer inputs than an expression reads (property-tested); it
   * is cheaper because cel-java copies every map it reads, entry by entry, on each access.
   */
  public static Map<String, Object> of(Cluster cluster, Dependencies reads) {
    return of(cluster.name(), ClusterVariables.lookup(cluster), reads);
  }

  /** As {@link #of(Cluster, Dependencies)}, reading the cluster through {@code lookup}. */
  public static Map<String, Object> of(String name, Lookup lookup, Dependencies reads) {
    Map<String, Object> value =
        Map.of(
            "name", name,
            "labels", project(lookup, ClusterMap.LABELS, reads.labelKeys(), reads),
            "annotations", project(lookup, ClusterMap.ANNOTATIONS, reads.annotationKeys(), reads),
            "properties", project(lookup, ClusterMap.PROPERTIES, reads.propertyNames(), reads));
    return Map.of(CLUSTER, value);
  }

  /** A lookup over a record's maps. */
  public static Lookup lookup(Cluster cluster) {
    return map ->
        switch (map) {
          case LABELS -> cluster.labels();
          case ANNOTATIONS -> cluster.annotations();
          case PROPERTIES -> cluster.properties();
        };
  }

  private static Map<String, String> project(
      Lookup lookup, ClusterMap map, Set<String> keys, Dependencies reads) {
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
