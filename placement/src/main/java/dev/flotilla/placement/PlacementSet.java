package dev.flotilla.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thousands of placements compiled together, with the routing that lets a cluster event touch only
 * the placements it can affect.
 *
 * <pre>{@code
 * PlacementSet set = PlacementSet.compile(placements, namespace -> scopeOf(namespace));
 * Decisions decisions = set.evaluate(inventory);              // every placement, over the index
 * Inventory next = inventory.with(changedCluster);
 * Decisions.Update update = decisions.update(next, changedCluster.name());
 * update.deltas();                                            // placement -> added, removed
 * }</pre>
 *
 * Each placement is evaluated within the scope its namespace is bound to: the tenant boundary.
 *
 * <p>Immutable and thread-safe: compiled once, {@link #evaluate} may run from many threads, on one
 * inventory or several, at once; it keeps nothing between calls.
 */
public final class PlacementSet {
  // Which placements a cluster event can affect is Routing's business, built with each evaluation.
  private final String[] keys;
  private final Map<String, Integer> indexByKey;
  private final CompiledPlacement[] placements;
  private final Scope[] scopes;

  private PlacementSet(List<CompiledPlacement> compiled, List<Scope> scopes) {
    this.placements = compiled.toArray(new CompiledPlacement[0]);
    this.scopes = scopes.toArray(new Scope[0]);
    this.keys = new String[placements.length];
    for (int i = 0; i < placements.length; i++) {
      keys[i] = key(placements[i].placement());
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      index.put(keys[i], i);
    }
    this.indexByKey = java.util.Collections.unmodifiableMap(index);
  }

  /** Binds namespaces to the clusters their placements may select. */
  @FunctionalInterface
  public interface Bindings {
    /** The scope of placements in {@code namespace}; {@link Scope#nothing()} when none is bound. */
    Scope scopeOf(String namespace);

    /** No tenant boundary: every placement may select every cluster. */
    static Bindings unbounded() {
      return namespace -> Scope.everything();
    }
  }

  /**
   * Compiles every placement; problems of all of them are reported together, each path prefixed
   * with the placement's {@code namespace/name}.
   *
   * @throws ValidationException when a placement is invalid or two share a namespace and name
   */
  public static PlacementSet compile(Collection<Placement> placements, Bindings bindings) {
    return compile(placements, bindings, ExpressionEnvironment.forClusters());
  }

  /**
   * As {@link #compile(Collection, Bindings)}, with a custom CEL environment: other limits, or
   * another {@link dev.flotilla.expr.PolicyBudget} for each placement's evaluation.
   */
  public static PlacementSet compile(
      Collection<Placement> placements, Bindings bindings, ExpressionEnvironment cel) {
    List<CompiledPlacement> compiled = new ArrayList<>(placements.size());
    List<Scope> scopes = new ArrayList<>(placements.size());
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Placement placement : placements) {
      String key = key(placement);
      if (!seen.add(key)) {
        problems.add(Problem.at(key, "Duplicate value: placement defined twice"));
        continue;
      }
      try {
        CompiledPlacement one = CompiledPlacement.compile(placement, cel);
        Scope scope = bindings.scopeOf(placement.namespace());
        compiled.add(one);
        scopes.add(scope);
      } catch (ValidationException e) {
        e.problems().forEach(p -> problems.add(p.under(key)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new PlacementSet(compiled, scopes);
  }

  /** Number of placements. */
  public int size() {
    return placements.length;
  }

  /**
   * Evaluates every placement over {@code inventory}'s index, each within the scope its namespace
   * is bound to. CEL runtime errors are kept per placement ({@link Decisions#selection}, {@link
   * Decisions#errorCount()}), as {@link CompiledPlacement#select(Inventory, Scope)} reports them.
   */
  public Decisions evaluate(Inventory inventory) {
    Decided[] decided = new Decided[placements.length];
    ErrorLog[] errors = new ErrorLog[placements.length];
    int errorCount = 0;
    for (int i = 0; i < placements.length; i++) {
      Selection selection = selectWithinBudget(i, inventory);
      decided[i] = Decided.of(selection.clusters().toPosting());
      errors[i] =
          selection.errorCount() == 0
              ? ErrorLog.NONE
              : new ErrorLog(selection.errorCount(), selection.errors());
      errorCount += selection.errorCount();
    }
    Routing routing = Routing.of(placements, scopes, inventory);
    return new Decisions(
        this,
        inventory,
        routing,
        Chunked.Objects.of(decided),
        Chunked.Objects.of(errors),
        errorCount);
  }

  /**
   * Placement {@code i}'s selection; one that exhausts its CEL budget selects nothing and reports
   * the budget error, and the other placements are not affected.
   */
  private Selection selectWithinBudget(int i, Inventory inventory) {
    try {
      return placements[i].select(inventory, scopes[i]);
    } catch (ExpressionEvaluationException e) {
      if (e.kind() != ExpressionEvaluationException.Kind.POLICY_BUDGET) {
        throw e;
      }
      return new Selection(
          ClusterSet.of(inventory, new long[(inventory.capacity() + 63) >>> 6]),
          1,
          List.of(new EvaluationError("", e.fieldPath(), e.getMessage())));
    }
  }

  int indexOf(String key) {
    return indexByKey.getOrDefault(key, -1);
  }

  String keyAt(int i) {
    return keys[i];
  }

  CompiledPlacement placementAt(int i) {
    return placements[i];
  }

  Scope scopeAt(int i) {
    return scopes[i];
  }

  static String key(Placement placement) {
    return placement.namespace() + "/" + placement.name();
  }
}
