package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.placement.Inventory;
import dev.flotilla.summarize.CompiledSummary;
import dev.flotilla.summarize.Summary;
import dev.flotilla.summarize.SummaryContext;
import dev.flotilla.summarize.SummaryResult;
import dev.flotilla.testkit.StatusReportGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The summarization step of {@code flotilla demo}: a Deployment status report per cluster from the
 * seeded report generator (3% failing, 2% stale, 1% silent), summarized per region with an
 * attention list of the least ready, against the clusters {@code web-everywhere} selects.
 */
final class DemoSummary {
  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: web-status}
      spec:
        filter: "status.kind == 'Deployment'"
        groupBy:
        - {name: region, expression: "cluster.labels['topology.kubernetes.io/region']"}
        aggregates:
        - {name: clusters, function: Count}
        - {name: healthy, function: Count, expression: "workload.healthy"}
        - {name: ready, function: Sum, expression: "workload.ready"}
        - {name: desired, function: Sum, expression: "workload.desired"}
        - {name: images, function: CountDistinct, expression: "status.spec.template.spec.containers[0].image"}
        - {name: p90Restarts, function: P90, expression: "status.status.restarts"}
        attention:
          when: "!workload.healthy"
          orderBy:
          - {expression: "workload.ready", direction: Asc}
          - {expression: "status.status.restarts", direction: Desc}
          limit: 10
          fields:
          - {name: ready, expression: "workload.ready"}
          - {name: desired, expression: "workload.desired"}
          - {name: restarts, expression: "status.status.restarts"}
          - {name: image, expression: "status.spec.template.spec.containers[0].image"}
        staleAfter: 10m
      """;

  /** The clock reports are generated and judged against. */
  static final String NOW = StatusReportGenerator.DEFAULT_NOW.toString();

  /**
   * Above {@link DemoFleet#KEPT_CLUSTERS} clusters, reports are generated and summarized this many
   * at a time and the slices' summaries merged ({@link Summary#merge}: counts, sums and lists
   * exact, quantiles within the sketch's bound), so that a million reports (about 1.5 KB each as
   * maps) are never all in memory; below it, one {@link CompiledSummary#summarize} call over every
   * report, as {@code flotilla summarize} does.
   */
  static final int SLICE = 131_072;

  private final StatusReportGenerator generator;
  private final List<Cluster> fleet;
  private final SummaryResult result;

  private DemoSummary(StatusReportGenerator generator, List<Cluster> fleet, SummaryResult result) {
    this.generator = generator;
    this.fleet = fleet;
    this.result = result;
  }

  static DemoSummary run(
      List<Cluster> fleet,
      Inventory inventory,
      Collection<String> expected,
      long seed,
      DemoSteps steps) {
    StatusReportGenerator generator = StatusReportGenerator.builder().seed(seed).build();
    CompiledSummary compiled =
        steps.run(
            "compile status summary",
            () ->
                CompiledSummary.compile(
                    StatusSummaryReader.parse("status-summary.yaml", POLICY).value()));
    SummaryContext context = SummaryContext.at(generator.now()).withInventory(inventory);
    if (fleet.size() <= DemoFleet.KEPT_CLUSTERS) {
      List<StatusReport> reports =
          steps.run("generate status reports", () -> generator.generate(fleet));
      SummaryResult result =
          steps.run(
              "summarize", () -> compiled.summarize(reports, context.expecting(expected)).result());
      return new DemoSummary(generator, fleet, result);
    }
    SummaryResult result =
        steps.run(
            "generate and summarize status reports",
            fleet.size(),
            step -> sliced(generator, fleet, expected, compiled, context, step).result());
    return new DemoSummary(generator, fleet, result);
  }

  /** The summary of every report, generated and summarized {@link #SLICE} clusters at a time. */
  private static Summary sliced(
      StatusReportGenerator generator,
      List<Cluster> fleet,
      Collection<String> expected,
      CompiledSummary compiled,
      SummaryContext context,
      Progress.Step step) {
    List<Summary> partials = new ArrayList<>();
    Set<String> missing = new HashSet<>(expected);
    for (int from = 0; from < fleet.size(); from += SLICE) {
      int to = Math.min(fleet.size(), from + SLICE);
      List<StatusReport> reports = generator.generate(fleet, from, to);
      for (StatusReport report : reports) {
        missing.remove(report.cluster());
      }
      partials.add(compiled.summarize(reports, context));
      step.advance(to - from);
    }
    // The expected clusters no slice reported, as a partial of no reports.
    partials.add(compiled.summarize(List.of(), context.expecting(missing)));
    return Summary.mergeAll(partials);
  }

  void print(PrintWriter out) {
    out.printf(
        "%nStatus summary (web-status at %s: %s, %,d matched the filter)%n",
        NOW, Count.of(result.reports(), "report"), result.matched());
    out.printf(
        "  %-14s %8s %8s %9s %9s %7s %12s%n",
        "region", "clusters", "healthy", "ready", "desired", "images", "p90 restarts");
    for (SummaryResult.Group group : result.groups()) {
      Map<String, Object> a = group.aggregates();
      out.printf(
          "  %-14s %8s %8s %9s %9s %7s %12s%n",
          String.valueOf(group.key().get("region")),
          number(a.get("clusters")),
          number(a.get("healthy")),
          number(a.get("ready")),
          number(a.get("desired")),
          number(a.get("images")),
          number(a.get("p90Restarts")));
    }
    if (result.groupCount() > result.groups().size()) {
      out.printf(
          "  (%s, %,d shown)%n", Count.of(result.groupCount(), "group"), result.groups().size());
    }
    SummaryResult.Attention attention = result.attention();
    out.printf(
        "%n  Attention: %,d unhealthy, %,d listed%s%n",
        attention.total(), attention.items().size(), attention.truncated() ? " (truncated)" : "");
    if (!attention.items().isEmpty()) {
      out.printf("  %-28s %6s %8s %9s  %s%n", "cluster", "ready", "desired", "restarts", "image");
    }
    for (SummaryResult.Item item : attention.items()) {
      Map<String, Object> f = item.fields();
      out.printf(
          "  %-28s %6s %8s %9s  %s%n",
          item.cluster(),
          number(f.get("ready")),
          number(f.get("desired")),
          number(f.get("restarts")),
          f.get("image"));
    }
    out.printf("%n  Stale (older than 10m): %s%n", clusters(result.stale()));
    out.printf(
        "  Missing (selected by web-everywhere, no report): %s%n", clusters(result.missing()));
    if (result.errors().isEmpty()) {
      out.printf("  Expression errors: none%n");
    }
    result
        .errors()
        .forEach(
            (path, errors) -> out.printf("  Expression errors at %s: %,d%n", path, errors.count()));
  }

  private static String clusters(SummaryResult.Clusters clusters) {
    String examples = clusters.examples().stream().limit(3).collect(Collectors.joining(", "));
    return String.format("%,d", clusters.count())
        + (examples.isEmpty() ? "" : " (" + examples + (clusters.count() > 3 ? ", ..." : "") + ")");
  }

  private static String number(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) ? String.format("%,d", d.longValue()) : String.format("%,.1f", d);
    }
    if (value instanceof Number n) {
      return String.format("%,d", n.longValue());
    }
    return value.toString();
  }

  /** Writes the policy, the reports and the summary as {@code summarize -o json} prints it. */
  void write(DemoOutput output, String expectedPlacementFile, DemoSteps steps) {
    output.input("status-summary.yaml", "the StatusSummary policy", w -> w.write(POLICY));
    steps.run(
        "write reports.yaml",
        fleet.size(),
        step -> {
          output.input(
              "reports.yaml",
              "generated Deployment status reports",
              writer -> writeReports(writer, step));
          return null;
        });
    output.output(
        "summary.json",
        "summarization: the status summary",
        "summarize --policy status-summary.yaml --reports reports.yaml --inventory inventory.yaml"
            + " --placement "
            + expectedPlacementFile
            + " --now "
            + NOW
            + " -o json",
        writer -> writer.write(result.toJson() + "\n"));
  }

  private void writeReports(Writer writer, Progress.Step step) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(DemoFleet.yaml()).disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try (JsonGenerator out = yaml.getFactory().createGenerator(writer)) {
      out.writeStartArray();
      for (int from = 0; from < fleet.size(); from += SLICE) {
        int to = Math.min(fleet.size(), from + SLICE);
        for (StatusReport report : generator.generate(fleet, from, to)) {
          out.writeStartObject();
          out.writeStringField("cluster", report.cluster());
          out.writeStringField("observedAt", report.observedAt().toString());
          out.writeFieldName("object");
          yaml.writeValue(out, report.object());
          out.writeEndObject();
        }
        step.advance(to - from);
      }
      out.writeEndArray();
    }
  }
}
