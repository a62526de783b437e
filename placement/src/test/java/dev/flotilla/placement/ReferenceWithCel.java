package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The test kit's {@link dev.flotilla.testkit.ReferencePlacement}, with CEL evaluated by compiling
 * each expression afresh (no caching, no projection, no key constraints: nothing the engine does to
 * go fast).
 */
final class ReferencePlacement {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();
  private static final dev.flotilla.testkit.ReferencePlacement REFERENCE =
      dev.flotilla.testkit.ReferencePlacement.withCel(ReferencePlacement::cel);

  private ReferencePlacement() {}

  static TreeSet<String> select(
      Placement placement, List<Cluster> clusters, Predicate<Cluster> scope) {
    return REFERENCE.select(placement, clusters, scope);
  }

  static boolean selects(Placement placement, Cluster cluster) {
    return REFERENCE.selects(placement, cluster);
  }

  static boolean matches(ClusterSelectorTerm term, Cluster cluster) {
    return REFERENCE.matches(term, cluster);
  }

  private static boolean cel(String expression, Cluster cluster) {
    try {
      return CEL.compileBoolean(expression, "cel").test(ClusterVariables.of(cluster));
    } catch (ExpressionEvaluationException e) {
      return false;
    }
  }
}
