package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Placement selection written straight from DESIGN.md, with no index and no compilation beyond
 * CEL's: in scope, not excluded, and named or matched by a term (labels, properties, CEL ANDed; a
 * CEL error means "no").
 */
final class ReferencePlacement {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();

  private ReferencePlacement() {}

  static TreeSet<String> select(
      Placement placement, List<Cluster> clusters, Predicate<Cluster> scope) {
    TreeSet<String> out = new TreeSet<>();
    for (Cluster cluster : clusters) {
      if (selects(placement, cluster) && scope.test(cluster)) {
        out.add(cluster.name());
      }
    }
    return out;
  }

  static boolean selects(Placement placement, Cluster cluster) {
    if (placement.spec().excludeClusterNames().contains(cluster.name())) {
      return false;
    }
    if (placement.spec().clusterNames().contains(cluster.name())) {
      return true;
    }
    return placement.spec().clusterSelectors().stream().anyMatch(term -> matches(term, cluster));
  }

  static boolean matches(ClusterSelectorTerm term, Cluster cluster) {
    if (!term.labelSelector().matches(cluster.labels())) {
      return false;
    }
    for (PropertyRequirement property : term.propertyRequirements()) {
      if (!property.matches(cluster.properties())) {
        return false;
      }
    }
    for (String expression : term.celExpressions()) {
      Map<String, Object> variables =
          Map.of(
              "cluster",
              Map.of(
                  "name", cluster.name(),
                  "labels", cluster.labels(),
                  "annotations", cluster.annotations(),
                  "properties", cluster.properties()));
      try {
        if (!CEL.compileBoolean(expression, "cel").test(variables)) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    return true;
  }
}
