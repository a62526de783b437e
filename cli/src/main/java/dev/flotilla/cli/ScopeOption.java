package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.placement.Scope;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --scope}: the clusters a placement may select at all, like the cluster sets bound to a
 * tenant's namespace (the library's {@link Scope}). Each value is a label selector; a cluster is in
 * scope when it matches any of them. Without {@code --scope}, every cluster is.
 */
final class ScopeOption {
  @Option(
      names = "--scope",
      paramLabel = "SELECTOR",
      description =
          "Limit the clusters that may be selected to those matching this label selector, as the"
              + " cluster sets bound to a tenant do; repeat for several (a cluster in any is in"
              + " scope). Default: every cluster.")
  List<String> selectors = new ArrayList<>();

  private List<LabelSelector> parsed;

  /** The scope, every cluster when no {@code --scope} was given. */
  Scope scope() {
    Scope scope = selectors.isEmpty() ? Scope.everything() : Scope.nothing();
    for (LabelSelector selector : parsed()) {
      scope = scope.union(Scope.selecting(ClusterSelectorTerm.labels(selector)));
    }
    return scope;
  }

  /** True when {@code cluster} is in scope. */
  boolean contains(Cluster cluster) {
    if (selectors.isEmpty()) {
      return true;
    }
    for (LabelSelector selector : parsed()) {
      if (selector.matches(cluster.labels())) {
        return true;
      }
    }
    return false;
  }

  private List<LabelSelector> parsed() {
    if (parsed == null) {
      List<LabelSelector> out = new ArrayList<>();
      for (String text : selectors) {
        out.add(SelectCommand.parseSelector("--scope", text));
      }
      parsed = List.copyOf(out);
    }
    return parsed;
  }
}
