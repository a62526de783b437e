package dev.flotilla.benchmarks.state;

import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.GroupBy;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import dev.flotilla.testkit.FleetGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 10,000 policies of each kind, as a fleet's tenants would write them: placements (a third with a
 * CEL selector), customizations (a third with a template rule) and status summaries (a filter, a
 * group and an aggregate each). Half of the CEL expressions come from a dozen that many tenants
 * write alike (the demo's version and name tests, tier and region tests); the other half are
 * distinct per policy (a store prefix, a CPU threshold, a version bound). {@link #distinct} counts
 * the distinct expressions of each kind, for the report. Built once per trial, deterministically.
 */
@State(Scope.Benchmark)
public class CompileState {
  /** Policies of each kind. */
  public static final int POLICIES = 10_000;

  /** Expressions many tenants write alike. */
  static final List<String> COMMON =
      List.of(
          "cluster.labels['tier'] == 'gold'",
          "semver(cluster.properties.kubernetesVersion).isGreaterThan(semver('1.30.0'))",
          "cluster.name.startsWith('store-')",
          "quantity(cluster.properties.cpu).isGreaterThan(quantity('8'))",
          "cluster.labels.env == 'prod' && cluster.labels['hardware'] != 'arm-gateway'",
          "'gpu' in cluster.properties",
          "cluster.labels['" + FleetGenerator.LABEL_REGION + "'] in ['us-east', 'eu-west']",
          "has(cluster.labels.canary)",
          "cluster.properties.memory == '64Gi'",
          "cluster.name.matches('^store-[0-9]+$')",
          "cluster.labels['rack'] == '7'",
          "cluster.labels.env != 'dev'");

  /** Label selectors the placements and rules combine with their CEL. */
  static final List<String> SELECTORS =
      List.of(
          "env=prod",
          FleetGenerator.LABEL_REGION + " in (us-east,eu-west,ap-northeast),env=prod",
          "env notin (dev,staging),tier!=bronze",
          "hardware,!canary",
          "rack>40",
          "env=prod,hardware in (gpu-server,jetson-orin)");

  /** The placements, compiled by {@code compile10k}. */
  public List<Placement> placements;

  /** The customizations, compiled into one rule set by {@code customize10k}. */
  public List<Customization> customizations;

  /** The status summaries, compiled one by one by {@code summarize10k}. */
  public List<StatusSummary> summaries;

  /** Distinct CEL sources among the placements, customizations and summaries. */
  public int[] distinct;

  /** Builds the policies. */
  @Setup(Level.Trial)
  public void setUp() {
    placements = placements();
    customizations = customizations();
    summaries = summaries();
    distinct =
        new int[] {
          distinct(placements.stream().flatMap(CompileState::celOf).toList()),
          distinctTemplates(),
          distinct(summaries.stream().flatMap(CompileState::celOf).toList())
        };
  }

  /** The state, set up, for tests. */
  public static CompileState of() {
    CompileState state = new CompileState();
    state.setUp();
    return state;
  }

  /** The CEL expression of the {@code i}th policy that has one: common for even, own for odd. */
  static String cel(int i) {
    if (i % 2 == 0) {
      return COMMON.get((i / 2) % COMMON.size());
    }
    int n = i / 2;
    return switch (n % 4) {
      case 0 -> "cluster.name.startsWith('store-" + n + "')";
      case 1 -> "quantity(cluster.properties.cpu).isGreaterThan(quantity('" + n + "m'))";
      case 2 -> "semver(cluster.properties.kubernetesVersion).isLessThan(semver('1.29." + n + "'))";
      default ->
          "cluster.labels['rack'] == '" + (n % 48) + "' && cluster.name != 'store-" + n + "'";
    };
  }

  static List<Placement> placements() {
    List<Placement> out = new ArrayList<>(POLICIES);
    for (int i = 0; i < POLICIES; i++) {
      LabelSelector labels = LabelSelector.parse(SELECTORS.get(i % SELECTORS.size()));
      List<String> cel = i % 3 == 0 ? List.of(cel(i / 3)) : List.of();
      out.add(
          Placement.of(
              "placement-" + i,
              PlacementSpec.selecting(new ClusterSelectorTerm(labels, List.of(), cel))));
    }
    return List.copyOf(out);
  }

  static List<Customization> customizations() {
    List<Customization> out = new ArrayList<>(POLICIES);
    for (int i = 0; i < POLICIES; i++) {
      String rule =
          i % 3 == 0
              ? """
                - name: replicas
                  clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
                  replicas: "${ %s ? 3 : 1 }"
              """
                  .formatted(cel(i / 3).replace("\"", "\\\""))
              : """
                - name: zone-label
                  clusterSelector: {labelSelector: {matchLabels: {tier: gold}}}
                  labels:
                    add: {flotilla.dev/tenant: "tenant-%d"}
              """
                  .formatted(i);
      String yaml =
          """
          apiVersion: flotilla.dev/v1alpha1
          kind: Customization
          metadata: {name: tenant-%d, namespace: shop}
          spec:
            resourceSelectors: [{apiVersion: apps/v1, kind: Deployment, name: web-%d}]
            rules:
          %s"""
              .formatted(i, i % 50, rule);
      out.add(CustomizationReader.parse("customization-" + i, yaml).value());
    }
    return List.copyOf(out);
  }

  static List<StatusSummary> summaries() {
    List<StatusSummary> out = new ArrayList<>(POLICIES);
    for (int i = 0; i < POLICIES; i++) {
      String filter =
          i % 2 == 0
              ? "status.kind == 'Deployment'"
              : "status.kind == 'Deployment' && status.metadata.name == 'web-" + i + "'";
      out.add(
          StatusSummary.of(
              "summary-" + i,
              StatusSummarySpec.of(
                      List.of(
                          Aggregate.count("clusters"),
                          Aggregate.of(
                              "ready",
                              i % 3 == 0 ? AggregateFunction.Min : AggregateFunction.Sum,
                              "workload.ready")))
                  .withFilter(filter)
                  .withGroupBy(List.of(new GroupBy("tier", "cluster.labels['tier']")))));
    }
    return List.copyOf(out);
  }

  private static java.util.stream.Stream<String> celOf(Placement placement) {
    return placement.spec().clusterSelectors().stream().flatMap(t -> t.celExpressions().stream());
  }

  private static java.util.stream.Stream<String> celOf(StatusSummary summary) {
    List<String> out = new ArrayList<>();
    summary.spec().filter().ifPresent(out::add);
    summary.spec().groupBy().forEach(g -> out.add(g.expression()));
    summary.spec().aggregates().forEach(a -> a.expression().ifPresent(out::add));
    return out.stream();
  }

  private int distinctTemplates() {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < POLICIES; i += 3) {
      out.add(cel(i / 3));
    }
    return out.size();
  }

  private static int distinct(List<String> sources) {
    return new HashSet<>(sources).size();
  }
}
