package dev.flotilla.expr.internal;

import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.Map;

/**
 * Where a projection reads a cluster's maps: the maps of a record, or the columns of an index that
 * can answer one key without gathering the whole map.
 */
@FunctionalInterface
public interface ClusterLookup {
  /** One whole map of the cluster (read only when an expression uses the map as a whole). */
  Map<String, String> map(ClusterMap map);

  /** One entry of one map, or null when the cluster lacks the key. */
  default String value(ClusterMap map, String key) {
    return map(map).get(key);
  }
}
