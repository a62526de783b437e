package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.kubernetes.DecisionWriter;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.EvaluationError;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.ScheduledCluster;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.ScoreTerm;
import dev.flotilla.placement.Selection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla place}: a placement's decision. The clusters it selects go through scheduling
 * (taints and tolerations, prioritizers, number of clusters, spread, decision groups, rollout
 * waves); {@code --previous} keeps the clusters of an earlier decision while they stay eligible.
 * The YAML and JSON outputs are also the format {@code --previous} reads, as are the {@code
 * PlacementDecision} objects {@code -o decision} and {@code -o ocm} print.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "place",
    description =
        "Print a placement's decision: names, or YAML or JSON with groups, waves, scores.")
final class PlaceCommand implements Callable<Integer> {
  enum Format {
    names,
    name,
    yaml,
    json,
    decision,
    ocm
  }

  @Spec CommandSpec spec;

  @Mixin InventoryOption inventory;

  @Mixin PlacementOption placement;

  @Mixin ScopeOption scope;

  @Mixin SchedulingOptions scheduling;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "names",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); decision and ocm"
              + " print PlacementDecision objects (Flotilla's or OCM's pages) as a YAML stream.")
  Format output;

  @Option(
      names = "--placement-uid",
      paramLabel = "UID",
      description =
          "With -o decision|ocm: the placement's metadata.uid, so its pages are owned by it.")
  String placementUid;

  @Override
  public Integer call() throws JsonProcessingException {
    CompiledPlacement compiled = placement.compile();
    Inventory clusters = Inventory.of(inventory.read());
    Selection selection = compiled.select(clusters, scope.scope());
    PlacementDecision decision =
        Scheduler.of(compiled).schedule(selection, scheduling.context(compiled.placement()));
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case names -> decision.names().stream().sorted().forEach(out::println);
      case name ->
          decision.names().stream().sorted().map(KubectlName::cluster).forEach(out::println);
      case decision ->
          out.print(pages(DecisionWriter.flotilla()).write(decision, selection).yaml());
      case ocm -> out.print(pages(DecisionWriter.ocm()).write(decision).yaml());
      case yaml -> out.print(yaml().writeValueAsString(document(selection, decision)));
      case json ->
          out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(document(selection, decision)));
    }
    out.flush();
    return 0;
  }

  private DecisionWriter pages(DecisionWriter writer) {
    return placementUid == null || placementUid.isEmpty() ? writer : writer.ownedBy(placementUid);
  }

  static ObjectMapper yaml() {
    return new ObjectMapper(ManifestWriter.yamlFactory());
  }

  /**
   * The decision as an ordered map, so YAML and JSON list fields in the documented order: the
   * selection's fields first (as before scheduling existed), then scheduling's.
   */
  static Map<String, Object> document(Selection selection, PlacementDecision decision) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("placement", decision.placement());
    out.put("namespace", decision.namespace());
    out.put("selected", decision.clusters().size());
    out.put("clusters", decision.names().stream().sorted().toList());
    out.put("evaluationErrors", selection.errorCount());
    List<Map<String, String>> errors = new ArrayList<>();
    for (EvaluationError error : selection.errors()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("cluster", error.cluster());
      entry.put("path", error.path());
      entry.put("message", error.message());
      errors.add(entry);
    }
    out.put("errors", errors);
    decision.requested().ifPresent(n -> out.put("requested", n));
    out.put("eligible", decision.eligible());
    if (!decision.shortfall().isEmpty()) {
      out.put("shortfall", decision.shortfall());
    }
    decision.nextChange().ifPresent(at -> out.put("nextChange", at.toString()));
    decision.affinityGroup().ifPresent(group -> out.put("affinityGroup", group));
    if (!decision.replicas().isEmpty()) {
      Map<String, Integer> replicas = new java.util.TreeMap<>(decision.replicas());
      out.put("replicas", replicas);
    }
    List<Map<String, Object>> scores = new ArrayList<>();
    for (ScheduledCluster cluster : decision.clusters()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("cluster", cluster.name());
      entry.put("score", cluster.score());
      if (cluster.kept()) {
        entry.put("kept", true);
      }
      entry.put("group", cluster.group());
      entry.put("wave", cluster.wave());
      if (!cluster.breakdown().isEmpty()) {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (ScoreTerm term : cluster.breakdown()) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("source", term.source());
          line.put("score", term.score());
          line.put("weight", term.weight());
          terms.add(line);
        }
        entry.put("breakdown", terms);
      }
      scores.add(entry);
    }
    out.put("scores", scores);
    List<Map<String, Object>> groups = new ArrayList<>();
    for (PlacementDecision.Group group : decision.groups()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("groupName", group.groupName());
      entry.put("groupIndex", group.groupIndex());
      entry.put("clusters", group.clusters());
      groups.add(entry);
    }
    out.put("groups", groups);
    List<Map<String, Object>> waves = new ArrayList<>();
    for (PlacementDecision.Wave wave : decision.waves()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("wave", wave.index());
      if (!wave.canaryGroup().isEmpty()) {
        entry.put("canaryGroup", wave.canaryGroup());
      }
      entry.put("clusters", wave.clusters());
      waves.add(entry);
    }
    out.put("waves", waves);
    return out;
  }
}
