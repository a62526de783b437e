package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A placement's selection compiled once and evaluated many times, from any number of threads.
 *
 * <pre>{@code
 * CompiledPlacement web = CompiledPlacement.compile(placement);  // validates, compiles CEL
 * Selection selected = web.select(inventory);                   // over the index: microseconds
 * boolean fits = web.matches(cluster);                           // one cluster, no index
 * }</pre>
 *
 * A cluster is selected when it is in scope, not excluded, and either named or matched by a term.
 * Selection ignores taints and the scheduling fields ({@code numberOfClusters}, prioritizers,
 * spread, groups, rollout): it answers "which clusters match". {@link Scheduler} applies them on
 * top, because tolerations depend on the clock and on the previous decision.
 */
public final class CompiledPlacement {
  private final Placement placement;
  private final CompiledTerm[] terms;
  private final Set<String> names;
  private final Set<String> excluded;
  private final PolicyBudget budget;

  /** {@code placement namespace/name}, as budget errors name it. */
  private final String policyName;

  private CompiledPlacement(Placement placement, CompiledTerm[] terms, PolicyBudget budget) {
    this.budget = budget;
    this.policyName = "placement " + placement.namespace() + "/" + placement.name();
    this.placement = placement;
    this.terms = terms;
    this.names = Set.copyOf(placement.spec().clusterNames());
    this.excluded = Set.copyOf(placement.spec().excludeClusterNames());
  }

  /**
   * Compiles {@code placement} with the shared CEL environment.
   *
   * @throws ValidationException naming every expression that does not compile, with its field path
   */
  public static CompiledPlacement compile(Placement placement) {
    return compile(placement, ExpressionEnvironment.forClusters());
  }

  /** Compiles with a custom CEL environment (other limits, say). */
  public static CompiledPlacement compile(Placement placement, ExpressionEnvironment cel) {
    PlacementSpec spec = placement.spec();
    CompiledTerm[] terms = new CompiledTerm[spec.clusterSelectors().size()];
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      try {
        terms[i] =
            CompiledTerm.compile(
                spec.clusterSelectors().get(i), "spec.clusterSelectors[" + i + "]", cel);
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new CompiledPlacement(placement, terms, cel.policyBudget());
  }

  /** The placement this was compiled from. */
  public Placement placement() {
    return placement;
  }

  /**
   * The clusters of {@code inventory} this placement selects, with no scope boundary: in {@link
   * Scope#everything()}, every cluster of the inventory. Use {@link #select(Inventory, Scope)} to
   * keep a tenant boundary.
   */
  public Selection select(Inventory inventory) {
    return select(inventory, Scope.everything());
  }

  /**
   * The clusters of {@code inventory} this placement selects within {@code scope}. A CEL error on
   * one cluster means "not selected" and is reported in the {@link Selection}; the selection as a
   * whole runs within the {@link PolicyBudget} of the CEL environment the placement was compiled
   * with.
   *
   * @throws ExpressionEvaluationException of kind {@link
   *     ExpressionEvaluationException.Kind#POLICY_BUDGET} when the placement's CEL would exceed, or
   *     has exceeded, that budget: no partial selection is returned
   */
  public Selection select(Inventory inventory, Scope scope) {
    Errors errors = new Errors(budget.start(policyName));
    admit(errors.run, inventory.size());
    long[] skip = skipped(inventory, scope);
    long[] out;
    boolean fresh = names.isEmpty();
    if (fresh) {
      out = new long[Posting.words(inventory.capacity())];
    } else {
      out = inventory.named(names).words();
      if (skip != null) {
        Words.andNot(out, skip);
      }
    }
    for (CompiledTerm term : terms) {
      term.evaluate(inventory, out, fresh, skip, errors);
      fresh = false;
    }
    return new Selection(ClusterSet.of(inventory, out), errors.count, errors.examples);
  }

  /** The clusters excluded or out of scope, or null when there are none (the common case). */
  private long[] skipped(Inventory inventory, Scope scope) {
    long[] skip = null;
    if (!scope.isEverything()) {
      skip = scope.evaluate(inventory);
      for (int w = 0; w < skip.length; w++) {
        skip[w] = ~skip[w];
      }
    }
    if (!excluded.isEmpty()) {
      long[] named = inventory.named(excluded).words();
      if (skip == null) {
        skip = named;
      } else {
        Words.or(skip, named);
      }
    }
    return skip;
  }

  /**
   * Whether this placement selects {@code cluster}, with no scope boundary (in {@link
   * Scope#everything()}); a CEL runtime error means no, and is not reported: use {@link
   * #select(Inventory)} or {@link PlacementExplainer} to see errors.
   */
  public boolean matches(Cluster cluster) {
    return matches(ClusterFacts.of(cluster), Scope.everything(), new Errors());
  }

  /** Whether this placement selects {@code cluster} within {@code scope}. */
  public boolean matches(Cluster cluster, Scope scope) {
    return matches(ClusterFacts.of(cluster), scope, new Errors());
  }

  boolean matches(ClusterFacts cluster, Scope scope, CompiledTerm.ErrorSink errors) {
    if (excluded.contains(cluster.name()) || !scope.contains(cluster)) {
      return false;
    }
    if (names.contains(cluster.name())) {
      return true;
    }
    for (CompiledTerm term : terms) {
      if (term.test(cluster, errors)) {
        return true;
      }
    }
    return false;
  }

  /** {@code placement namespace/name}, as budget errors name it. */
  String policyName() {
    return policyName;
  }

  /** Rejects, before any work, CEL whose estimated cost over the fleet exceeds the budget. */
  private void admit(PolicyBudget.Run run, int clusters) {
    for (CompiledTerm term : terms) {
      for (CompiledExpression expression : term.expressions()) {
        run.admit(expression, clusters);
      }
    }
  }

  CompiledTerm[] terms() {
    return terms;
  }

  Set<String> names() {
    return names;
  }

  Set<String> excluded() {
    return excluded;
  }

  /** Counts errors and keeps the first few. */
  static final class Errors implements CompiledTerm.ErrorSink {
    int count;
    final List<EvaluationError> examples = new ArrayList<>();
    final PolicyBudget.Run run;

    Errors() {
      this(null);
    }

    Errors(PolicyBudget.Run run) {
      this.run = run;
    }

    @Override
    public PolicyBudget.Run budget() {
      return run;
    }

    /** Forgets every error, for reuse. */
    void clear() {
      count = 0;
      examples.clear();
    }

    @Override
    public void report(String cluster, CompiledExpression expression, String message) {
      count++;
      if (examples.size() < Selection.MAX_EXAMPLES) {
        examples.add(new EvaluationError(cluster, expression.fieldPath(), message));
      }
    }
  }
}
