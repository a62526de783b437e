package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.Parsed;
import dev.flotilla.api.io.StatusReportReader;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Selection;
import dev.flotilla.summarize.CompiledSummary;
import dev.flotilla.summarize.SummaryContext;
import dev.flotilla.summarize.SummaryResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla summarize}: a status summary of a reports file. With {@code --inventory}, CEL's
 * {@code cluster} shows each cluster's labels and properties; with {@code --placement} as well, the
 * clusters it places the workload on (its scheduled decision at {@code --now}) are expected to
 * report and the silent ones are counted as missing.
 */
@Command(
    name = "summarize",
    description = "Summarize status reports with a StatusSummary policy, as YAML or JSON.")
final class SummarizeCommand implements Callable<Integer> {
  enum Format {
    yaml,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = "--policy", required = true, description = "StatusSummary file (YAML or JSON).")
  Path policy;

  @Option(
      names = "--reports",
      required = true,
      description = "Status reports: a list of {cluster, observedAt, object} (YAML or JSON).")
  Path reports;

  @Option(names = "--inventory", description = "Inventory file: facts for CEL's cluster variable.")
  Path inventory;

  @Option(
      names = "--placement",
      description =
          "Placement file: the clusters it decides on at --now are expected (needs --inventory).")
  Path placement;

  @Option(
      names = "--now",
      description = "The clock staleness is judged against (RFC 3339; default: the current time).")
  String now;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() throws JsonProcessingException {
    Instant clock = clock();
    if (placement != null && inventory == null) {
      throw new UserError("--placement needs --inventory: the placement selects from it");
    }
    CompiledSummary compiled = compile(policy);
    List<StatusReport> reportList = StatusReportReader.read(reports);
    SummaryContext context = SummaryContext.at(clock);
    if (inventory != null) {
      List<Cluster> clusters = InventoryReader.read(inventory);
      context = context.withClusters(clusters);
      if (placement != null) {
        // Expect the clusters the placement puts the workload on: its scheduled picks at the
        // clock, not every cluster it selects (numberOfClusters, taints), or every store left out
        // of a 24-store rollout would be reported missing.
        CompiledPlacement where = PlacementFile.compile(placement);
        Selection selection = where.select(Inventory.of(clusters));
        context =
            context.expecting(
                Scheduler.of(where).schedule(selection, SchedulingContext.at(clock)).names());
      }
    }
    SummaryResult result = compiled.summarize(reportList, context).result();
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case json -> out.println(result.toJson());
      case yaml -> out.print(yaml().writeValueAsString(result.toMap()));
    }
    out.flush();
    return 0;
  }

  /** Reads and compiles a StatusSummary, placing CEL problems in the file. */
  static CompiledSummary compile(Path file) {
    Parsed<StatusSummary> parsed = StatusSummaryReader.parse(file);
    try {
      return CompiledSummary.compile(parsed.value());
    } catch (ValidationException e) {
      throw parsed.sourceMap().locate(e);
    }
  }

  private Instant clock() {
    if (now == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(now).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError("--now: \"" + now + "\" is not an RFC 3339 timestamp");
    }
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());
  }
}
