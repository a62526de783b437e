package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Explains a compiled placement's decisions, for people: which requirement each cluster passed or
 * failed and on what value, and, over an inventory, what rejected how many clusters.
 *
 * <pre>{@code
 * PlacementExplainer why = new PlacementExplainer(CompiledPlacement.compile(placement));
 * ClusterExplanation one = why.explain(cluster, Scope.everything());
 * PlacementExplanation all = why.explain(inventory, Scope.everything(), 5);
 * }</pre>
 *
 * Explaining is a per-cluster scan that evaluates every requirement (no short-circuit, no index):
 * it is for diagnosis, not for the hot path. It agrees with {@link CompiledPlacement#matches} on
 * every cluster.
 *
 * <p>Thread-safe: it holds only its (immutable) compiled placement, and each explanation is
 * computed afresh.
 */
public final class PlacementExplainer {
  private final CompiledPlacement placement;

  public PlacementExplainer(CompiledPlacement placement) {
    this.placement = placement;
  }

  /**
   * Why {@code cluster} is or is not selected, with no scope boundary: in {@link
   * Scope#everything()}, as {@link CompiledPlacement#matches(Cluster)}.
   */
  public ClusterExplanation explain(Cluster cluster) {
    return explain(cluster, Scope.everything());
  }

  /** Why {@code cluster} is or is not selected within {@code scope}. */
  public ClusterExplanation explain(Cluster cluster, Scope scope) {
    return explain(ClusterFacts.of(cluster), scope);
  }

  /**
   * The selected count and the rejected clusters grouped by reason, with no scope boundary: in
   * {@link Scope#everything()}, as {@link CompiledPlacement#select(Inventory)}.
   */
  public PlacementExplanation explain(Inventory inventory, int maxExamples) {
    return explain(inventory, Scope.everything(), maxExamples);
  }

  /**
   * The selected count and the rejected clusters of {@code inventory} grouped by reason (see {@link
   * PlacementExplanation}), each group with up to {@code maxExamples} names, the alphabetically
   * first.
   */
  public PlacementExplanation explain(Inventory inventory, Scope scope, int maxExamples) {
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples: must be at least 0, got " + maxExamples);
    }
    Map<String, Group> groups = new HashMap<>();
    int[] selected = {0};
    inventory
        .all()
        .forEachOrdinal(
            ordinal -> {
              ClusterExplanation why = explain(ClusterFacts.of(inventory, ordinal), scope);
              if (why.selected()) {
                selected[0]++;
              } else {
                groups
                    .computeIfAbsent(rejection(why), reason -> new Group())
                    .add(why.cluster(), maxExamples);
              }
            });
    List<PlacementExplanation.Rejection> rejected = new ArrayList<>(groups.size());
    groups.forEach(
        (reason, group) ->
            rejected.add(
                new PlacementExplanation.Rejection(
                    reason, group.count, List.copyOf(group.examples))));
    rejected.sort(
        Comparator.comparingInt(PlacementExplanation.Rejection::count)
            .reversed()
            .thenComparing(PlacementExplanation.Rejection::reason));
    return new PlacementExplanation(
        placement.placement().name(), inventory.size(), selected[0], rejected);
  }

  ClusterExplanation explain(ClusterFacts cluster, Scope scope) {
    CompiledTerm[] terms = placement.terms();
    List<TermExplanation> explained = new ArrayList<>(terms.length);
    int firstMatch = -1;
    for (int i = 0; i < terms.length; i++) {
      TermExplanation term = explain(i, terms[i], cluster);
      explained.add(term);
      if (term.matched() && firstMatch < 0) {
        firstMatch = i;
      }
    }
    String name = cluster.name();
    boolean selected = false;
    String reason;
    if (!scope.contains(cluster)) {
      reason = PlacementExplanation.OUT_OF_SCOPE;
    } else if (placement.excluded().contains(name)) {
      reason = PlacementExplanation.EXCLUDED_BY_NAME;
    } else if (placement.names().contains(name)) {
      selected = true;
      reason = "named in clusterNames";
    } else if (firstMatch >= 0) {
      selected = true;
      reason = "matched term[" + firstMatch + "]";
    } else {
      reason = terms.length == 0 ? PlacementExplanation.NOT_NAMED : "no term matched";
    }
    return new ClusterExplanation(name, selected, reason, explained);
  }

  private static TermExplanation explain(int index, CompiledTerm term, ClusterFacts cluster) {
    List<RequirementResult> results = new ArrayList<>();
    for (Condition condition : term.conditions()) {
      results.add(explain(condition, cluster));
    }
    if (term.hasExpressions()) {
      Map<String, Object> variables = term.celVariables(cluster);
      for (CompiledExpression expression : term.expressions()) {
        results.add(explain(expression, variables));
      }
    }
    boolean matched = results.stream().allMatch(RequirementResult::passed);
    return new TermExplanation(index, matched, results);
  }

  private static RequirementResult explain(Condition condition, ClusterFacts cluster) {
    boolean passed = condition.test(cluster);
    String seen =
        condition instanceof Condition.Label label
            ? cluster.label(label.key())
            : cluster.property(condition.key());
    String requirement =
        condition instanceof Condition.Label label
            ? label.requirement().toString()
            : ((Condition.Property) condition).requirement().toString();
    return new RequirementResult(requirement, passed, seen(seen));
  }

  private static RequirementResult explain(
      CompiledExpression expression, Map<String, Object> variables) {
    try {
      boolean result = expression.test(variables);
      return new RequirementResult(expression.source(), result, Boolean.toString(result));
    } catch (ExpressionEvaluationException e) {
      return new RequirementResult(expression.source(), false, "error: " + e.getMessage());
    }
  }

  private static String seen(String value) {
    return value == null ? RequirementResult.MISSING : value;
  }

  /** The reason a rejected cluster is grouped under; see {@link PlacementExplanation}. */
  private static String rejection(ClusterExplanation why) {
    List<TermExplanation> terms = why.terms();
    if (!why.reason().equals("no term matched")) {
      return why.reason();
    }
    if (terms.size() == 1) {
      return terms.get(0).firstFailure().map(RequirementResult::requirement).orElseThrow();
    }
    StringBuilder reason = new StringBuilder();
    for (TermExplanation term : terms) {
      Optional<RequirementResult> failure = term.firstFailure();
      if (reason.length() > 0) {
        reason.append("; ");
      }
      reason
          .append("term[")
          .append(term.index())
          .append("]: ")
          .append(failure.map(RequirementResult::requirement).orElseThrow());
    }
    return reason.toString();
  }

  /** A rejection group being gathered: its count, and the alphabetically first names. */
  private static final class Group {
    int count;
    final TreeSet<String> examples = new TreeSet<>();

    void add(String name, int max) {
      count++;
      examples.add(name);
      if (examples.size() > max) {
        examples.pollLast();
      }
    }
  }
}
