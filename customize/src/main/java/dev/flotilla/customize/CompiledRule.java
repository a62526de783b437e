package dev.flotilla.customize;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule compiled: its cluster selector as a placement predicate (the same index evaluation and
 * per-cluster test as placement; a CEL error for a cluster means the rule does not apply to it),
 * its actions compiled, and what its templates read.
 */
final class CompiledRule {
  private static final String SELECTOR = "spec.clusterSelectors[0]";
  private static final java.util.Map<Class<?>, String> FIELD =
      java.util.Map.of(
          Action.JsonPatch.class, "jsonPatch",
          Action.MergePatch.class, "mergePatch",
          Action.Image.class, "image",
          Action.Labels.class, "labels",
          Action.Annotations.class, "annotations",
          Action.Replicas.class, "replicas");

  final String customization;
  final String name;
  final String path;
  final boolean optional;
  final boolean delete;

  /** Whether the rule's delete takes effect in its place rather than winning outright. */
  final boolean deleteInOrder;

  final CompiledAction[] actions;

  /** The expressions of the rule's templates (their results decide the rule's edits). */
  final List<CompiledExpression> expressions;

  final List<Dependencies> dependencies;

  /** Null when the rule has no selector: it applies to no cluster. */
  private final CompiledPlacement selector;

  private CompiledRule(
      String customization,
      Rule rule,
      String path,
      CompiledPlacement selector,
      CompiledAction[] actions,
      boolean deleteInOrder) {
    this.customization = customization;
    this.name = rule.name();
    this.path = path;
    this.optional = rule.optional();
    this.delete = rule.actions().stream().anyMatch(a -> a instanceof Action.Delete);
    this.deleteInOrder = deleteInOrder;
    this.selector = selector;
    this.actions = actions;
    List<CompiledExpression> all = new ArrayList<>();
    for (CompiledAction action : actions) {
      action.addExpressions(all);
    }
    this.expressions = List.copyOf(all);
    this.dependencies = all.stream().map(CompiledExpression::dependencies).toList();
  }

  static CompiledRule compile(
      String customization, Rule rule, String path, ExpressionEnvironment cel) {
    return compile(customization, rule, path, cel, false);
  }

  static CompiledRule compile(
      String customization,
      Rule rule,
      String path,
      ExpressionEnvironment cel,
      boolean deleteInOrder) {
    List<Problem> problems = new ArrayList<>();
    CompiledPlacement selector = null;
    if (rule.clusterSelector().isPresent()) {
      try {
        selector =
            CompiledPlacement.compile(
                Placement.of("rule", PlacementSpec.selecting(rule.clusterSelector().get())), cel);
      } catch (ValidationException e) {
        for (Problem p : e.problems()) {
          problems.add(reroot(p, path + ".clusterSelector"));
        }
      }
    }
    List<CompiledAction> actions = new ArrayList<>();
    int sets = 0;
    int removes = 0;
    int envs = 0;
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (Action action : rule.actions()) {
      String at;
      if (action instanceof Action.Delete) {
        continue;
      } else if (action instanceof Action.ImageComponent) {
        at =
            path
                + ".imageComponents["
                + (counts.merge("imageComponents", 1, Integer::sum) - 1)
                + "]";
      } else if (action instanceof Action.ContainerList list) {
        at =
            path
                + "."
                + list.field()
                + "["
                + (counts.merge(list.field(), 1, Integer::sum) - 1)
                + "]";
      } else if (action instanceof Action.EmbeddedPatch) {
        at =
            path
                + ".embeddedPatches["
                + (counts.merge("embeddedPatches", 1, Integer::sum) - 1)
                + "]";
      } else if (action instanceof Action.SetValue) {
        at = path + ".set[" + sets++ + "]";
      } else if (action instanceof Action.RemoveValue) {
        at = path + ".remove[" + removes++ + "]";
      } else if (action instanceof Action.Env) {
        at = path + ".env[" + envs++ + "]";
      } else {
        at = path + "." + FIELD.get(action.getClass());
      }
      try {
        actions.add(CompiledAction.compile(action, at, cel));
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new CompiledRule(
        customization, rule, path, selector, actions.toArray(CompiledAction[]::new), deleteInOrder);
  }

  private static Problem reroot(Problem problem, String prefix) {
    String p = problem.path();
    String rest = p.startsWith(SELECTOR) ? p.substring(SELECTOR.length()) : "";
    String joined = prefix + rest;
    return new Problem(
        problem.source(), problem.line(), problem.column(), joined, problem.message());
  }

  /** Whether the rule applies to {@code cluster}. */
  boolean matches(Cluster cluster) {
    return selector != null && selector.matches(cluster);
  }

  /** The clusters of {@code inventory} the rule applies to; null for none. */
  ClusterSet select(Inventory inventory) {
    return selector == null ? null : selector.select(inventory).clusters();
  }
}
