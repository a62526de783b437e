package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.EvaluationError;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla place}: the clusters a placement selects. Scheduling (number of clusters, spread,
 * stability against {@code --previous}) is not built yet, so the decision is the selection.
 */
@Command(
    name = "place",
    description = "Print the clusters a placement selects: names, or a YAML or JSON decision.")
final class PlaceCommand implements Callable<Integer> {
  enum Format {
    names,
    yaml,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = "--inventory", required = true, description = "Inventory file (YAML or JSON).")
  Path inventory;

  @Option(names = "--placement", required = true, description = "Placement file (YAML or JSON).")
  Path placement;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "names",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws JsonProcessingException {
    CompiledPlacement compiled = PlacementFile.compile(placement);
    Inventory clusters = Inventory.of(InventoryReader.read(inventory));
    Selection selection = compiled.select(clusters);
    List<String> names = selection.clusters().names().stream().sorted().toList();
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case names -> names.forEach(out::println);
      case yaml -> out.print(yaml().writeValueAsString(decision(compiled, selection, names)));
      case json ->
          out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(decision(compiled, selection, names)));
    }
    out.flush();
    return 0;
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());
  }

  /** The decision as an ordered map, so YAML and JSON list fields in the documented order. */
  private static Map<String, Object> decision(
      CompiledPlacement compiled, Selection selection, List<String> names) {
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("placement", compiled.placement().name());
    decision.put("namespace", compiled.placement().namespace());
    decision.put("selected", names.size());
    decision.put("clusters", names);
    decision.put("evaluationErrors", selection.errorCount());
    List<Map<String, String>> errors = new ArrayList<>();
    for (EvaluationError error : selection.errors()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("cluster", error.cluster());
      entry.put("path", error.path());
      entry.put("message", error.message());
      errors.add(entry);
    }
    decision.put("errors", errors);
    return decision;
  }
}
