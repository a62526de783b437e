package dev.flotilla.expr;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.internal.ClusterProjection;
import java.util.Map;

/**
 * The value of the CEL variable {@code cluster} for one {@link Cluster}.
 *
 * <p>{@link #of(Cluster)} wraps the record's own immutable maps without copying them; cel-java then
 * copies each map it reads on every access, so in scans of the whole fleet prefer {@link
 * #of(Cluster, Dependencies)}, which hands CEL only the keys the expression reads.
 *
 * <p>Stateless: every method may be called from any thread at once.
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
   * The activation {@code {cluster: ...}} holding only what an expression with dependencies {@code
   * reads} can read (see {@link CompiledExpression#dependencies()}): the same result as {@link
   * #of(Cluster)} for that expression, at a fraction of the cost.
   */
  public static Map<String, Object> of(Cluster cluster, Dependencies reads) {
    return ClusterProjection.of(cluster.name(), ClusterProjection.lookup(cluster), reads);
  }
}
