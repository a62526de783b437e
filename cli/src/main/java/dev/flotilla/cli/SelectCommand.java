package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.SelectorSyntaxException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flotilla select}: the names of the clusters a label selector matches, sorted. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "select",
    description =
        "Print the names of the clusters matching a label selector, one per line, sorted;"
            + " with --scope, only among the clusters in scope.")
final class SelectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InventoryOption inventory;

  @Option(
      names = "--selector",
      required = true,
      description = "A Kubernetes label selector, such as 'env in (prod),!canary'.")
  String selector;

  @Mixin ScopeOption scope;

  enum Format {
    names,
    name
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "names",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): names, or"
              + " kubectl's kind/name (cluster.flotilla.dev/NAME).")
  Format output;

  @Override
  public Integer call() {
    LabelSelector parsed = parseSelector("--selector", selector);
    List<Cluster> clusters = inventory.read();
    List<String> names =
        clusters.stream()
            .filter(cluster -> parsed.matches(cluster.labels()) && scope.contains(cluster))
            .map(Cluster::name)
            .sorted()
            .toList();
    var out = spec.commandLine().getOut();
    names.forEach(name -> out.println(output == Format.name ? KubectlName.cluster(name) : name));
    out.flush();
    return 0;
  }

  /** {@code text} as a label selector; a syntax error names {@code option}. */
  static LabelSelector parseSelector(String option, String text) {
    try {
      return LabelSelector.parse(text);
    } catch (SelectorSyntaxException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
  }
}
