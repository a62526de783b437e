package dev.flotilla.cli;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.SelectorSyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flotilla select}: the names of the clusters a label selector matches, sorted. */
@Command(
    name = "select",
    description =
        "Print the names of the clusters matching a label selector, one per line, sorted.")
final class SelectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--inventory", required = true, description = "Inventory file (YAML or JSON).")
  Path inventory;

  @Option(
      names = "--selector",
      required = true,
      description = "A Kubernetes label selector, such as 'env in (prod),!canary'.")
  String selector;

  @Override
  public Integer call() {
    LabelSelector parsed = parseSelector(selector);
    List<Cluster> clusters = InventoryReader.read(inventory);
    List<String> names =
        clusters.stream()
            .filter(cluster -> parsed.matches(cluster.labels()))
            .map(Cluster::name)
            .sorted()
            .toList();
    var out = spec.commandLine().getOut();
    names.forEach(out::println);
    out.flush();
    return 0;
  }

  static LabelSelector parseSelector(String text) {
    try {
      return LabelSelector.parse(text);
    } catch (SelectorSyntaxException e) {
      throw new UserError("--selector: " + e.getMessage());
    }
  }
}
