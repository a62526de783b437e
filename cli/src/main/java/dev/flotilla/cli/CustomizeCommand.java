package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.customize.CompiledCustomization;
import dev.flotilla.customize.CustomizationError;
import dev.flotilla.customize.CustomizationException;
import dev.flotilla.customize.CustomizationResult;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.placement.Inventory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla customize}: each cluster's customized manifests, as one object mapping cluster
 * names to arrays of manifests (YAML or JSON). A manifest deleted for a cluster is absent from its
 * array; a cluster with none maps to {@code []}. A rule that fails for a (cluster, manifest) leaves
 * that manifest out too, prints an {@code error:} line and makes the exit status 1; the other
 * clusters are still printed.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "customize",
    description =
        "Print each cluster's customized manifests: an object mapping cluster names to arrays of"
            + " manifests.")
final class CustomizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InventoryOption inventory;

  @Option(
      names = "--policy",
      required = true,
      description =
          "Customization file (YAML or JSON; - for stdin); repeat for several, applied by"
              + " (spec.priority, name).")
  List<Path> policies;

  @Option(
      names = "--manifests",
      required = true,
      description = "Manifests file: YAML (multi-document), JSON, or a kind: List (- for stdin).")
  Path manifests;

  @Option(names = "--cluster", description = "Print only this cluster.")
  String cluster;

  enum Format {
    yaml,
    json,
    name
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); name prints the"
              + " cluster's manifests as kubectl's kind.group/name lines (needs --cluster).")
  Format output;

  @Option(
      names = "--as-list",
      description =
          "With --cluster: print the cluster's manifests as a Kubernetes List (apiVersion: v1,"
              + " kind: List, items) that kubectl apply -f - accepts; nothing is printed if a"
              + " rule fails.")
  boolean asList;

  @Override
  public Integer call() {
    if (cluster == null && (asList || output == Format.name)) {
      throw new ParameterException(
          spec.commandLine(),
          (asList ? "--as-list" : "-o name")
              + " needs --cluster: the manifests differ from one cluster to the next");
    }
    if (asList && output == Format.name) {
      throw new ParameterException(
          spec.commandLine(), "--as-list prints YAML or JSON: use it with -o yaml or -o json");
    }
    RuleSet rules = compile(policies);
    List<JsonNode> inputs = Inputs.read(manifests, ManifestReader::read, ManifestReader::read);
    Inventory fleet = Inventory.of(inventory.read());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    List<CustomizationError> errors = new ArrayList<>();
    if (cluster != null) {
      Cluster one =
          fleet
              .cluster(cluster)
              .orElseThrow(
                  () ->
                      new UserError(
                          "--cluster: no cluster named \""
                              + cluster
                              + "\" in "
                              + Inputs.name(inventory.inventory)));
      ArrayNode list = out.putArray(one.name());
      for (int m = 0; m < inputs.size(); m++) {
        try {
          rules.apply(one, inputs.get(m)).ifPresent(list::add);
        } catch (CustomizationException e) {
          int index = m;
          e.errors().forEach(error -> errors.add(renumber(error, index)));
        }
      }
    } else {
      CustomizationResult result = rules.apply(fleet, inputs);
      for (String name : result.clusters()) {
        ArrayNode list = out.putArray(name);
        result.manifests(name).forEach(list::add);
      }
      errors.addAll(result.errors());
    }
    PrintWriter writer = spec.commandLine().getOut();
    if (output == Format.name) {
      out.get(cluster).forEach(manifest -> writer.println(KubectlName.of(manifest)));
    } else if (!asList || errors.isEmpty()) {
      // A List goes to kubectl apply: a partial one (a manifest whose rule failed left out) would
      // be applied as if whole, so it is printed only when every manifest was customized.
      JsonNode document = asList ? list(out.get(cluster)) : out;
      writer.print(
          output == Format.json
              ? ManifestWriter.json(document) + "\n"
              : ManifestWriter.yaml(document));
    }
    writer.flush();
    if (errors.isEmpty()) {
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    errors.forEach(error -> err.println("error: " + error));
    err.flush();
    return Flotilla.INVALID_INPUT;
  }

  /** {@code items} as a Kubernetes {@code List}, the shape {@code kubectl get -o yaml} prints. */
  static ObjectNode list(JsonNode items) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.set("items", items);
    return list;
  }

  /** Compiles every policy file, reporting the problems of all of them at once. */
  static RuleSet compile(List<Path> files) {
    List<CompiledCustomization> compiled = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        compiled.add(CustomizationFile.compile(file));
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    try {
      return RuleSet.of(compiled);
    } catch (ValidationException e) {
      throw new UserError(
          "--policy: " + e.problems().get(0).path() + ": " + e.problems().get(0).message());
    }
  }

  private static CustomizationError renumber(CustomizationError error, int manifest) {
    return new CustomizationError(
        error.cluster(),
        manifest,
        error.resource(),
        error.customization(),
        error.rule(),
        error.field(),
        error.target(),
        error.message());
  }
}
