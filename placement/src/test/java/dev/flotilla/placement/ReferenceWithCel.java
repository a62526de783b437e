package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The test kit's {@link dev.flotilla.testkit.ReferencePlacement} (selection written from the
 * specification) with CEL from Flotilla's environment. Each expression is compiled once per source
 * text and evaluated over the whole {@code cluster} variable: no projection, no key constraints, no
 * index, nothing the engine does to go fast.
 */
final class ReferenceWithCel {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();
  private static final Map<String, CompiledExpression> COMPILED = new ConcurrentHashMap<>();
  private static final dev.flotilla.testkit.ReferencePlacement REFERENCE =
      dev.flotilla.testkit.ReferencePlacement.withCel(ReferenceWithCel::cel);

  private ReferenceWithCel() {}

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
    CompiledExpression compiled =
        COMPILED.computeIfAbsent(expression, e -> CEL.compileBoolean(e, "cel"));
    try {
      return compiled.test(ClusterVariables.of(cluster));
    } catch (ExpressionEvaluationException e) {
      return false;
    }
  }
}
