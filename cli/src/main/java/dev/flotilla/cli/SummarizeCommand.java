package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.ManifestWriter;
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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    mixinStandardHelpOptions = true,
    versionProvider = Flotilla.Version.class,
    name = "summarize",
    description = "Summarize status reports with a StatusSummary policy, as YAML or JSON.")
final class SummarizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      required = true,
      description = "StatusSummary file (YAML or JSON; - for stdin).")
  Path policy;

  @Option(
      names = "--reports",
      required = true,
      description =
          "Status reports: a list of {cluster, observedAt, object} (YAML or JSON; - for stdin).")
  Path reports;

  @Option(
      names = "--inventory",
      description = "Inventory file: facts for CEL's cluster variable (- for stdin).")
  Path inventory;

  @Option(
      names = "--placement",
      description =
          "Placement file: the clusters it decides on at --now are expected (needs --inventory;"
              + " - for stdin).")
  Path placement;

  @Mixin ClockOption clock;

  @Mixin FormatOption format;

  @Override
  public Integer call() throws JsonProcessingException {
    Instant now = clock.now();
    if (placement != null && inventory == null) {
      throw new UserError("--placement needs --inventory: the placement selects from it");
    }
    CompiledSummary compiled = compile(policy);
    List<StatusReport> reportList =
        Inputs.read(reports, StatusReportReader::read, StatusReportReader::read);
    SummaryContext context = SummaryContext.at(now);
    if (inventory != null) {
      List<Cluster> clusters = Inputs.inventory(inventory);
      context = context.withClusters(clusters);
      if (placement != null) {
        // Expect the clusters the placement puts the workload on: its scheduled picks at the
        // clock, not every cluster it selects (numberOfClusters, taints), or every store left out
        // of a 24-store rollout would be reported missing.
        CompiledPlacement where = PlacementFile.compile(placement);
        Selection selection = where.select(Inventory.of(clusters));
        context =
            context.expecting(
                Scheduler.of(where).schedule(selection, SchedulingContext.at(now)).names());
      }
    }
    SummaryResult result = compiled.summarize(reportList, context).result();
    PrintWriter out = spec.commandLine().getOut();
    switch (format.output) {
      case json -> out.println(result.toJson());
      case yaml -> out.print(yaml().writeValueAsString(result.toMap()));
    }
    out.flush();
    return 0;
  }

  /** Reads and compiles a StatusSummary, placing CEL problems in the file. */
  static CompiledSummary compile(Path file) {
    Parsed<StatusSummary> parsed =
        Inputs.read(file, StatusSummaryReader::parse, StatusSummaryReader::parse);
    return compile(parsed);
  }

  /** Compiles a StatusSummary already read, placing CEL problems in the file. */
  static CompiledSummary compile(Parsed<StatusSummary> parsed) {
    try {
      return CompiledSummary.compile(parsed.value());
    } catch (ValidationException e) {
      throw parsed.sourceMap().locate(e);
    }
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(ManifestWriter.yamlFactory());
  }
}
