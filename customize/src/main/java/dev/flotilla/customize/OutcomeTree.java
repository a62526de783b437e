package dev.flotilla.customize;

import dev.flotilla.expr.CompiledExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one manifest became under one set of matched rules, for every cluster seen so far, keyed by
 * the template results its runs read: a decision tree whose inner nodes are the expressions a run
 * evaluated, in the order it evaluated them, and whose branches are their results.
 *
 * <p>A run is a deterministic function of the manifest, the rules and the results of the templates
 * it evaluates ({@link TemplateContext} is its only view of the cluster), and which template it
 * evaluates next depends only on the results before. So a cluster whose results agree along a path
 * already walked gets that path's outcome without running the rules: a Deployment's outcome is
 * shared by every cluster with the same registry, replicas and zone even when a rule that fails on
 * Deployments (a ConfigMap patch reading the city) would split them by city.
 */
final class OutcomeTree {
  /*
   * For maintainers. Walking evaluates only the expressions on the path, which are exactly those
   * the run would evaluate first (same earlier results, same next step), through the context's
   * memo: a hit costs no template evaluation the run would not have made. A miss runs the rules
   * with the context recording the expressions it evaluates (each once: later evaluations of the
   * same expression are memo hits that add no information) and grafts that trace from the root;
   * its prefix follows the walked path by the same determinism. Results compare with equals, as
   * the memo's do (a failure equals another failure with the same message).
   */
  private Node root;
  private int leaves;

  private sealed interface Node permits Branch, Leaf {}

  /** The next expression a run evaluates, and where each of its results leads. */
  private record Branch(CompiledExpression expression, Map<Object, Node> next) implements Node {}

  /** An outcome, numbered within its tree so that outcomes compare by identity cheaply. */
  record Leaf(int id, RuleRunner.Outcome outcome) implements Node {}

  /**
   * The outcome for the cluster of {@code context}: found along the path its results take, or
   * computed by {@code run} (which evaluates templates through {@code context}) and recorded.
   */
  Leaf outcome(TemplateContext context, Supplier<RuleRunner.Outcome> run) {
    Node node = root;
    while (node instanceof Branch branch) {
      node = branch.next.get(context.result(branch.expression));
    }
    if (node instanceof Leaf leaf) {
      return leaf;
    }
    List<Object[]> trace = new ArrayList<>();
    Map<CompiledExpression, Boolean> seen = new IdentityHashMap<>();
    context.record(
        (expression, result) -> {
          if (seen.put(expression, Boolean.TRUE) == null) {
            trace.add(new Object[] {expression, result});
          }
        });
    RuleRunner.Outcome outcome;
    try {
      outcome = run.get();
    } finally {
      context.record(null);
    }
    Leaf leaf = new Leaf(leaves++, outcome);
    graft(trace, leaf);
    return leaf;
  }

  /** Adds the path of {@code trace} from the root, ending in {@code leaf}. */
  private void graft(List<Object[]> trace, Leaf leaf) {
    Branch parent = null;
    Object branchResult = null;
    Node node = root;
    for (Object[] step : trace) {
      CompiledExpression expression = (CompiledExpression) step[0];
      Branch branch;
      if (node == null) {
        branch = new Branch(expression, new HashMap<>(4));
        attach(parent, branchResult, branch);
      } else if (node instanceof Branch existing && existing.expression == expression) {
        branch = existing;
      } else {
        // Unreachable while runs are deterministic; should one not be, the outcome is simply not
        // shared rather than shared wrongly.
        return;
      }
      parent = branch;
      branchResult = step[1];
      node = branch.next.get(branchResult);
    }
    if (node == null) {
      attach(parent, branchResult, leaf);
    }
  }

  private void attach(Branch parent, Object result, Node node) {
    if (parent == null) {
      root = node;
    } else {
      parent.next.put(result, node);
    }
  }
}
