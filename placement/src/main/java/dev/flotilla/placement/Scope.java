package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.List;
import java.util.Set;

/**
 * The clusters a placement may ever select: the cluster sets bound to its namespace, like Open
 * Cluster Management's ManagedClusterSetBinding. It is the tenant boundary: whatever a placement
 * says (names, selectors, an empty term), nothing outside its scope is selected.
 *
 * <p>Immutable and thread-safe: {@code union} and the factories return new scopes.
 */
public final class Scope {
  private static final Scope ALL = new Scope(List.of(), Set.of(), true);

  private final List<CompiledTerm> selectors;
  private final Set<String> names;
  private final boolean everything;

  private Scope(List<CompiledTerm> selectors, Set<String> names, boolean everything) {
    this.selectors = selectors;
    this.names = names;
    this.everything = everything;
  }

  /** No boundary: every cluster of the inventory. */
  public static Scope everything() {
    return ALL;
  }

  /** No cluster at all (a namespace with no cluster set bound). */
  public static Scope nothing() {
    return new Scope(List.of(), Set.of(), false);
  }

  /** The clusters matching {@code selector} (the union of several bound sets is {@link #union}). */
  public static Scope selecting(ClusterSelectorTerm selector) {
    return new Scope(
        List.of(CompiledTerm.compile(selector, "scope", ExpressionEnvironment.forClusters())),
        Set.of(),
        false);
  }

  /** Exactly the named clusters (those present in the inventory). */
  public static Scope named(Set<String> clusterNames) {
    return new Scope(List.of(), Set.copyOf(clusterNames), false);
  }

  /** Clusters in this scope or in {@code other}, as when two sets are bound to a namespace. */
  public Scope union(Scope other) {
    if (everything || other.everything) {
      return ALL;
    }
    List<CompiledTerm> terms = new java.util.ArrayList<>(selectors);
    terms.addAll(other.selectors);
    Set<String> allNames = new java.util.HashSet<>(names);
    allNames.addAll(other.names);
    return new Scope(List.copyOf(terms), Set.copyOf(allNames), false);
  }

  List<CompiledTerm> terms() {
    return selectors;
  }

  /** The in-scope clusters of {@code inventory} as words. */
  long[] evaluate(Inventory inventory) {
    if (everything) {
      return inventory.all().words();
    }
    long[] words = inventory.named(names).words().clone();
    for (CompiledTerm term : selectors) {
      term.evaluate(inventory, words, false, null, (cluster, expression, message) -> {});
    }
    return words;
  }

  /** True for {@link #everything()}: no boundary. */
  boolean isEverything() {
    return everything;
  }

  /** Whether one cluster is in scope. */
  boolean contains(Cluster cluster) {
    return contains(ClusterFacts.of(cluster));
  }

  boolean contains(ClusterFacts cluster) {
    if (everything || names.contains(cluster.name())) {
      return true;
    }
    for (CompiledTerm term : selectors) {
      if (term.test(cluster, (c, expression, message) -> {})) {
        return true;
      }
    }
    return false;
  }
}
