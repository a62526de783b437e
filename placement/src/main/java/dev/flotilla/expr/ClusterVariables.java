package dev.flotilla.expr;

import dev.flotilla.api.Cluster;
import java.util.Map;

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
}
