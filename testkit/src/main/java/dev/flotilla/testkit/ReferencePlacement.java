package dev.flotilla.testkit;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PropertyRequirement;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Placement selection written straight from the specification, with no index and no compilation:
 * the oracle that Flotilla's engines are property-tested against, and that your tests can use to
 * check decisions you derive from them.
 *
 * <p>A cluster is selected when it is in scope, not in {@code excludeClusterNames}, and either in
 * {@code clusterNames} or matched by a term; a term ANDs its label selector (Kubernetes semantics),
 * its property requirements (a missing or unparsable property never matches) and its CEL
 * expressions (a runtime error means "no").
 *
 * <pre>{@code
 * ReferencePlacement reference = ReferencePlacement.withCel((expression, cluster) -> ...);
 * TreeSet<String> expected = reference.select(placement, clusters);
 * assertEquals(expected, new TreeSet<>(compiled.select(inventory).clusters().names()));
 * }</pre>
 *
 * <p>CEL is supplied by the caller (the test kit depends on the model only), for example with
 * Flotilla's environment: {@code (e, c) -> env.compileBoolean(e,
 * "cel").test(ClusterVariables.of(c))} inside a try that returns false on {@code
 * ExpressionEvaluationException}.
 */
public final class ReferencePlacement {

  /** Evaluates one CEL predicate over one cluster: false on any runtime error. */
  @FunctionalInterface
  public interface CelPredicate {
    /**
     * Whether {@code expression} is true for {@code cluster}.
     *
     * @param expression the CEL source, as written in the placement
     * @param cluster the cluster, as the variable {@code cluster}
     * @return the result; false when evaluation fails
     */
    boolean test(String expression, Cluster cluster);
  }

  private static final ReferencePlacement WITHOUT_CEL =
      new ReferencePlacement(
          (expression, cluster) -> {
            throw new IllegalArgumentException(
                "this reference has no CEL; use ReferencePlacement.withCel: " + expression);
          });

  private final CelPredicate cel;

  private ReferencePlacement(CelPredicate cel) {
    this.cel = Objects.requireNonNull(cel, "cel");
  }

  /** A reference for placements without CEL expressions (one with them is an error). */
  public static ReferencePlacement withoutCel() {
    return WITHOUT_CEL;
  }

  /** A reference evaluating CEL expressions with {@code cel}. */
  public static ReferencePlacement withCel(CelPredicate cel) {
    return new ReferencePlacement(cel);
  }

  /** The names of the clusters {@code placement} selects among {@code clusters}, sorted. */
  public TreeSet<String> select(Placement placement, List<Cluster> clusters) {
    return select(placement, clusters, cluster -> true);
  }

  /**
   * The names of the clusters {@code placement} selects among {@code clusters} within {@code scope}
   * (the tenant boundary: nothing outside it is selected), sorted.
   */
  public TreeSet<String> select(
      Placement placement, List<Cluster> clusters, Predicate<Cluster> scope) {
    TreeSet<String> out = new TreeSet<>();
    for (Cluster cluster : clusters) {
      if (selects(placement, cluster) && scope.test(cluster)) {
        out.add(cluster.name());
      }
    }
    return out;
  }

  /** Whether {@code placement} selects {@code cluster}, scope aside. */
  public boolean selects(Placement placement, Cluster cluster) {
    if (placement.spec().excludeClusterNames().contains(cluster.name())) {
      return false;
    }
    if (placement.spec().clusterNames().contains(cluster.name())) {
      return true;
    }
    for (ClusterSelectorTerm term : placement.spec().clusterSelectors()) {
      if (matches(term, cluster)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one term matches {@code cluster}. */
  public boolean matches(ClusterSelectorTerm term, Cluster cluster) {
    if (!term.labelSelector().matches(cluster.labels())) {
      return false;
    }
    for (PropertyRequirement property : term.propertyRequirements()) {
      if (!property.matches(cluster.properties())) {
        return false;
      }
    }
    for (String expression : term.celExpressions()) {
      if (!cel.test(expression, cluster)) {
        return false;
      }
    }
    return true;
  }
}
