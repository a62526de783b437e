package dev.flotilla.benchmarks.state;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.Attention;
import dev.flotilla.api.summary.Field;
import dev.flotilla.api.summary.GroupBy;
import dev.flotilla.api.summary.OrderBy;
import dev.flotilla.api.summary.SortDirection;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import dev.flotilla.summarize.CompiledSummary;
import dev.flotilla.summarize.LiveSummary;
import dev.flotilla.summarize.Summary;
import dev.flotilla.summarize.SummaryContext;
import dev.flotilla.testkit.FleetGenerator;
import dev.flotilla.testkit.StatusReportGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deployment reports from a seeded fleet (3% failing, 2% stale, 1% silent), a summary policy with 3
 * group keys, 5 aggregates and an attention list of 20, a live summary holding every report,
 * replacement reports prepared in advance, and 1,000 partials of 100 groups each for merging.
 */
@State(Scope.Benchmark)
public class SummaryState {
  /** How many replacement reports are prepared; replacements cycle through them. */
  public static final int CHANGES = 1024;

  /** Partials merged by {@code merge1000}. */
  public static final int PARTIALS = 1_000;

  /** Groups (and reports) in each partial. */
  public static final int GROUPS_PER_PARTIAL = 100;

  /** Clusters in the fleet; about 1% send no report. */
  @Param({"100000"})
  public int clusters;

  /** The generated fleet. */
  public List<Cluster> fleet;

  /** The report generator (its clock is the context's). */
  public StatusReportGenerator generator;

  /** The benchmark policy, compiled. */
  public CompiledSummary compiled;

  /** The clock, the fleet's facts, and every cluster expected. */
  public SummaryContext context;

  /** One report per reporting cluster. */
  public StatusReport[] reports;

  /** A live summary of {@link #reports}, changed by {@code replaceOne}. */
  public LiveSummary live;

  /** {@code replacements[i]} replaces {@code reports[positions[i]]} (a later observation). */
  public StatusReport[] replacements;

  /** Where each replacement goes in {@link #reports}. */
  public int[] positions;

  /** The partials {@code merge1000} merges. */
  public List<Summary> partials;

  private int next;

  /** The policy of the benchmark: what a fleet operator would ask of a Deployment's status. */
  public static StatusSummary policy(List<GroupBy> groupBy) {
    return StatusSummary.of(
        "web-status",
        StatusSummarySpec.of(
                List.of(
                    Aggregate.count("clusters"),
                    Aggregate.of("ready", AggregateFunction.Sum, "workload.ready"),
                    Aggregate.of("desired", AggregateFunction.Sum, "workload.desired"),
                    Aggregate.of("minAvailable", AggregateFunction.Min, "workload.available"),
                    Aggregate.of("p90Restarts", AggregateFunction.P90, "status.status.restarts")))
            .withFilter("status.kind == 'Deployment'")
            .withGroupBy(groupBy)
            .withAttention(
                new Attention(
                    "!workload.healthy",
                    List.of(
                        new OrderBy("workload.ready", SortDirection.Asc),
                        new OrderBy("status.status.restarts", SortDirection.Desc)),
                    20,
                    List.of(
                        new Field("ready", "workload.ready"),
                        new Field("desired", "workload.desired"),
                        new Field("image", "status.spec.template.spec.containers[0].image"))))
            .withStaleAfter(Duration.ofMinutes(10)));
  }

  /** Region, environment and image: three keys, about a hundred groups. */
  public static final List<GroupBy> GROUP_BY =
      List.of(
          new GroupBy("region", "cluster.labels['" + FleetGenerator.LABEL_REGION + "']"),
          new GroupBy("env", "cluster.labels.env"),
          new GroupBy("image", "status.spec.template.spec.containers[0].image"));

  /** Generates the reports and builds the summaries, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    fleet = FleetGenerator.builder().seed(FleetState.SEED).clusters(clusters).build().generate();
    generator = StatusReportGenerator.builder().seed(FleetState.SEED).build();
    reports = generator.generate(fleet).toArray(StatusReport[]::new);
    compiled = CompiledSummary.compile(policy(GROUP_BY));
    context =
        SummaryContext.at(generator.now())
            .withClusters(fleet)
            .expecting(fleet.stream().map(Cluster::name).toList());
    live = compiled.live(context);
    for (StatusReport report : reports) {
      live.put(report);
    }
    Map<String, Cluster> byName = new LinkedHashMap<>();
    fleet.forEach(c -> byName.put(c.name(), c));
    Map<String, Integer> indexOf = new LinkedHashMap<>();
    for (int i = 0; i < fleet.size(); i++) {
      indexOf.put(fleet.get(i).name(), i);
    }
    replacements = new StatusReport[CHANGES];
    positions = new int[CHANGES];
    for (int i = 0; i < CHANGES; i++) {
      positions[i] = (int) ((i * 7_919L) % reports.length);
      String name = reports[positions[i]].cluster();
      replacements[i] = generator.report(byName.get(name), indexOf.get(name), 1 + i);
    }
    partials = partials();
  }

  /** 1,000 partials, each of 100 reports in 100 groups (the same 100 keys across partials). */
  private List<Summary> partials() {
    CompiledSummary bucketed =
        CompiledSummary.compile(policy(List.of(new GroupBy("bucket", "status.bucket"))));
    List<Summary> out = new ArrayList<>(PARTIALS);
    // Each hub expects its own clusters; these made-up ones are all expected and all report.
    SummaryContext partialContext = SummaryContext.at(generator.now()).withClusters(fleet);
    for (int p = 0; p < PARTIALS; p++) {
      List<StatusReport> part = new ArrayList<>(GROUPS_PER_PARTIAL);
      for (int g = 0; g < GROUPS_PER_PARTIAL; g++) {
        StatusReport r = reports[(p * GROUPS_PER_PARTIAL + g) % reports.length];
        Map<String, Object> object = new LinkedHashMap<>(r.object());
        object.put("bucket", (long) g);
        part.add(new StatusReport(r.cluster() + "-" + p, r.observedAt(), object));
      }
      out.add(bucketed.summarize(part, partialContext));
    }
    return List.copyOf(out);
  }

  /** The index of the next prepared replacement, cycling. */
  public int nextChange() {
    int i = next;
    next = (i + 1) % CHANGES;
    return i;
  }

  /** Builds the state outside JMH (tests, tools). */
  public static SummaryState of(int clusters) {
    SummaryState state = new SummaryState();
    state.clusters = clusters;
    state.setUp();
    return state;
  }
}
