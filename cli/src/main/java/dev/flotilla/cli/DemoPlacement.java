package dev.flotilla.cli;

import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The placement and scheduling steps of {@code flotilla demo}: six placements written as a user
 * would write them (labels, properties, CEL, taints), each selected over the index and scheduled
 * like {@code place} does; the last picks 1,000 clusters spread by zone, in decision groups and
 * rollout waves.
 */
final class DemoPlacement {
  /** The clock of every decision: the generator's epoch, so decisions depend on the seed only. */
  static final String NOW = FleetGenerator.EPOCH.toString();

  /** The placement the summary expects reports from. */
  static final String EVERYWHERE = "web-everywhere";

  /** The placement that schedules. */
  static final String SCHEDULED = "pos-by-zone";

  /** A CEL expression of the placements below, compiled early to warm the compiler up. */
  static final String WARM_UP = "cluster.name.startsWith('store-')";

  private record Definition(String name, String what, String yaml) {}

  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              EVERYWHERE,
              "every cluster (untolerated NoSelect taints drop some)",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: web-everywhere, namespace: shop}
              spec:
                clusterSelectors: [{}]
              """),
          new Definition(
              "prod-stable",
              "labels: env=prod, no canary label",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: prod-stable, namespace: shop}
              spec:
                clusterSelectors:
                - labelSelector:
                    matchLabels: {env: prod}
                    matchExpressions: [{key: canary, operator: DoesNotExist}]
              """),
          new Definition(
              "eu-stores",
              "EU regions (labels) and stores (CEL on the name)",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: eu-stores, namespace: shop}
              spec:
                clusterSelectors:
                - labelSelector:
                    matchExpressions:
                    - {key: topology.kubernetes.io/region, operator: In, values: [eu-west, eu-central, eu-north]}
                  celSelector:
                    expressions: ["cluster.name.startsWith('store-')"]
              """),
          new Definition(
              "gpu-inference",
              "prod with at least one GPU (property), tolerating degraded",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: gpu-inference, namespace: ml}
              spec:
                clusterSelectors:
                - labelSelector: {matchLabels: {env: prod}}
                  propertySelector:
                    matchExpressions: [{name: gpu, operator: Ge, values: ["1"]}]
                tolerations:
                - {key: degraded, operator: Exists}
              """),
          new Definition(
              "recent-k8s",
              "Kubernetes > 1.30 (CEL semver) or more than 8 nodes",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: recent-k8s, namespace: platform}
              spec:
                clusterSelectors:
                - celSelector:
                    expressions: ["semver(cluster.properties.kubernetesVersion).isGreaterThan(semver('1.30.0'))"]
                - propertySelector:
                    matchExpressions: [{name: nodeCount, operator: Gt, values: ["8"]}]
              """),
          new Definition(
              SCHEDULED,
              "1,000 prod silver/gold clusters by cpu, spread by zone",
              """
              apiVersion: flotilla.dev/v1alpha1
              kind: Placement
              metadata: {name: pos-by-zone, namespace: retail}
              spec:
                clusterSelectors:
                - labelSelector:
                    matchLabels: {env: prod}
                    matchExpressions: [{key: tier, operator: In, values: [silver, gold]}]
                numberOfClusters: 1000
                tolerations:
                - {key: degraded, operator: Exists}
                prioritizers:
                - {weight: 2, propertySorter: {name: cpu, sortOrder: Descending}}
                - {weight: 1, propertySorter: {name: memory, sortOrder: Descending}}
                - {weight: -1, labelPreference: {matchLabels: {tier: silver}}}
                spreadConstraints:
                - {topologyKey: topology.kubernetes.io/zone, maxSkew: 1}
                decisionGroups:
                - {groupName: canary, clusterSelector: {matchLabels: {canary: "true"}}, clustersPerGroup: 10}
                - {groupName: stores, clusterSelector: {}, clustersPerGroup: "25%"}
                rollout:
                  canaryGroups: [canary]
                  maxConcurrency: "10%"
                  topologyKey: topology.kubernetes.io/region
                  maxUnavailablePerDomain: "20%"
              """));

  /** One placement's selection and decision. */
  record Placed(
      String name, String what, String yaml, Selection selection, PlacementDecision decision) {
    String file() {
      return DemoPlacement.file(name);
    }
  }

  private final List<Placed> placed;

  private DemoPlacement(List<Placed> placed) {
    this.placed = placed;
  }

  /** Compiles, selects and schedules every placement, timing each. */
  static DemoPlacement run(Inventory inventory, DemoSteps steps) {
    List<CompiledPlacement> compiled =
        steps.run(
            "read and compile " + DEFINITIONS.size() + " placements",
            () ->
                DEFINITIONS.stream()
                    .map(d -> PlacementReader.parse(file(d.name()), d.yaml()).value())
                    .map(CompiledPlacement::compile)
                    .toList());
    SchedulingContext context = SchedulingContext.at(FleetGenerator.EPOCH);
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < DEFINITIONS.size(); i++) {
      Definition definition = DEFINITIONS.get(i);
      CompiledPlacement placement = compiled.get(i);
      Selection selection =
          steps.run("select " + definition.name(), () -> placement.select(inventory));
      PlacementDecision decision =
          steps.run(
              "schedule " + definition.name(),
              () -> Scheduler.of(placement).schedule(selection, context));
      placed.add(
          new Placed(definition.name(), definition.what(), definition.yaml(), selection, decision));
    }
    return new DemoPlacement(placed);
  }

  private static String file(String placement) {
    return "placement-" + placement + ".yaml";
  }

  /** The placement named {@code name}. */
  Placed get(String name) {
    return placed.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  void print(Inventory inventory, PrintWriter out) {
    out.printf("%nPlacements (selected by the index, then scheduled: taints, pick N, spread)%n");
    out.printf("  %-16s %9s %9s  %s%n", "placement", "selected", "placed", "what");
    for (Placed p : placed) {
      out.printf(
          "  %-16s %,9d %,9d  %s%n",
          p.name(), p.selection().clusters().size(), p.decision().clusters().size(), p.what());
      if (p.selection().errorCount() > 0) {
        int errors = p.selection().errorCount();
        out.printf(
            "  %-16s %,9d %s%n",
            "", errors, Count.noun(errors, "CEL evaluation error", "CEL evaluation errors"));
      }
    }
    printRegions(inventory, out);
    printRollout(inventory, get(SCHEDULED).decision(), out);
  }

  private void printRegions(Inventory inventory, PrintWriter out) {
    Map<String, int[]> byRegion = new TreeMap<>();
    Map<String, Integer> fleet = regions(inventory.all());
    for (int i = 0; i < placed.size(); i++) {
      ClusterSet picked = inventory.named(placed.get(i).decision().names());
      for (Map.Entry<String, Integer> region : regions(picked).entrySet()) {
        byRegion.computeIfAbsent(region.getKey(), r -> new int[placed.size()])[i] =
            region.getValue();
      }
    }
    out.printf("%nClusters placed per region%n  %-14s %8s", "region", "fleet");
    placed.forEach(p -> out.printf(" %" + width(p) + "s", p.name()));
    out.println();
    for (Map.Entry<String, Integer> region : fleet.entrySet()) {
      out.printf("  %-14s %,8d", region.getKey(), region.getValue());
      int[] counts = byRegion.getOrDefault(region.getKey(), new int[placed.size()]);
      for (int i = 0; i < placed.size(); i++) {
        out.printf(" %," + width(placed.get(i)) + "d", counts[i]);
      }
      out.println();
    }
  }

  private static int width(Placed p) {
    return Math.max(p.name().length(), 8);
  }

  private static void printRollout(
      Inventory inventory, PlacementDecision decision, PrintWriter out) {
    out.printf(
        "%nScheduling %s: requested %,d, eligible %,d, picked %,d%n",
        decision.placement(),
        decision.requested().orElse(decision.eligible()),
        decision.eligible(),
        decision.clusters().size());
    decision.shortfall().forEach(reason -> out.printf("  fewer than requested: %s%n", reason));
    out.printf("  decision groups:");
    for (PlacementDecision.Group group : decision.groups()) {
      out.printf(
          " %s#%d=%,d",
          group.groupName().isEmpty() ? "(rest)" : group.groupName(),
          group.groupIndex(),
          group.clusters().size());
    }
    // The rollout bounds, per region, the share of the region's picked clusters one wave takes.
    Map<String, Integer> picked = regions(inventory.named(decision.names()));
    out.printf(
        "%n  %-5s %-7s %9s  %s%n",
        "wave", "canary", "clusters", "largest share of a region's picked clusters in the wave");
    for (PlacementDecision.Wave wave : decision.waves()) {
      Map<String, Integer> perRegion = regions(inventory.named(wave.clusters()));
      String largest = "-";
      double share = -1;
      for (Map.Entry<String, Integer> entry : perRegion.entrySet()) {
        int of = picked.get(entry.getKey());
        double s = (double) entry.getValue() / of;
        if (s > share) {
          share = s;
          largest =
              String.format(
                  "%s: %,d of %,d (%.1f%%)", entry.getKey(), entry.getValue(), of, 100 * s);
        }
      }
      out.printf(
          "  %-5d %-7s %,9d  %s%n",
          wave.index(),
          wave.canaryGroup().isEmpty() ? "-" : wave.canaryGroup(),
          wave.clusters().size(),
          largest);
    }
  }

  /** Clusters of {@code set} per region, those without the label under "(none)". */
  private static Map<String, Integer> regions(ClusterSet set) {
    Map<String, Integer> out = new TreeMap<>(set.countByLabel(FleetGenerator.LABEL_REGION));
    int none = set.size() - out.values().stream().mapToInt(Integer::intValue).sum();
    if (none > 0) {
      out.put("(none)", none);
    }
    return out;
  }

  /** Writes each placement and its decision, as {@code place -o yaml} prints it. */
  void write(DemoOutput output, DemoSteps steps) {
    steps.run(
        "write placements and decisions",
        placed.size(),
        step -> {
          for (Placed p : placed) {
            output.input(p.file(), "placement: " + p.what(), writer -> writer.write(p.yaml()));
            output.output(
                "decision-" + p.name() + ".yaml",
                "placement " + p.name() + ": the decision",
                "place --inventory inventory.yaml --placement "
                    + p.file()
                    + " --now "
                    + NOW
                    + " -o yaml",
                writer ->
                    PlaceCommand.yaml()
                        .writeValue(writer, PlaceCommand.document(p.selection(), p.decision())));
            step.advance(1);
          }
          return null;
        });
  }
}
