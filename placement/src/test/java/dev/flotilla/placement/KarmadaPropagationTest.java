package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.placement.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Karmada PropagationPolicies read as Flotilla placements, scheduled over inventories of Karmada
 * {@code Cluster} objects; cases carried over from Karmada's own tests, each naming its source.
 */
class KarmadaPropagationTest {

  /** A Karmada Cluster object; {@code pods} allocatable (null: no resource summary). */
  static String cluster(String name, String extra, Integer pods) {
    return cluster(name, extra, "", pods);
  }

  /**
   * A Karmada Cluster object enabling apps/v1 Deployment (Karmada's APIEnablement filter); {@code
   * status} adds lines under {@code status:}.
   */
  static String cluster(String name, String extra, String status, Integer pods) {
    StringBuilder out = new StringBuilder();
    out.append(
            "- apiVersion: cluster.karmada.io/v1alpha1\n  kind: Cluster\n  metadata:\n    name: ")
        .append(name)
        .append('\n');
    out.append(extra);
    out.append("  status:\n    apiEnablements:\n    - groupVersion: apps/v1\n")
        .append("      resources: [{name: deployments, kind: Deployment}]\n")
        .append(status);
    if (pods != null) {
      out.append("    resourceSummary:\n      allocatable:\n        pods: \"")
          .append(pods)
          .append("\"\n");
    }
    return out.toString();
  }

  static List<Cluster> inventory(String... clusters) {
    return InventoryReader.read(
        "clusters.yaml", "apiVersion: v1\nkind: List\nitems:\n" + String.join("", clusters));
  }

  static Placement policy(String placement) {
    return PlacementReader.parse(
            "policy.yaml",
            "apiVersion: policy.karmada.io/v1alpha1\nkind: PropagationPolicy\nmetadata:\n"
                + "  name: nginx\n  namespace: default\nspec:\n  resourceSelectors:\n"
                + "  - apiVersion: apps/v1\n    kind: Deployment\n    name: nginx\n"
                + placement)
        .value();
  }

  static PlacementDecision place(Placement placement, List<Cluster> clusters, int replicas) {
    return Scheduler.of(CompiledPlacement.compile(placement))
        .schedule(
            Inventory.of(clusters),
            SchedulingContext.at(Instant.parse("2026-01-01T00:00:00Z")).withReplicas(replicas, ""));
  }

  static Map<String, Integer> split(String... pairs) {
    Map<String, Integer> out = new TreeMap<>();
    for (String pair : pairs) {
      String[] parts = pair.split("=");
      out.put(parts[0], Integer.parseInt(parts[1]));
    }
    return out;
  }

  static Stream<Arguments> replicaSplits() {
    String staticWeights =
        "  placement:\n    replicaScheduling:\n      replicaSchedulingType: Divided\n"
            + "      replicaDivisionPreference: Weighted\n      weightPreference:\n"
            + "        staticWeightList:\n"
            + "        - targetCluster: {clusterNames: [member1]}\n          weight: 3\n"
            + "        - targetCluster: {clusterNames: [member2]}\n          weight: 2\n"
            + "        - targetCluster: {clusterNames: [member3]}\n          weight: 1\n";
    String dynamic =
        "  placement:\n    replicaScheduling:\n      replicaSchedulingType: Divided\n"
            + "      replicaDivisionPreference: Weighted\n      weightPreference:\n"
            + "        dynamicWeight: AvailableReplicas\n";
    String aggregated =
        "  placement:\n    replicaScheduling:\n      replicaSchedulingType: Divided\n"
            + "      replicaDivisionPreference: Aggregated\n";
    String defaults =
        "  placement:\n    replicaScheduling:\n      replicaSchedulingType: Divided\n";
    return Stream.of(
        // karmada pkg/scheduler/core/assignment_test.go, Test_assignByStaticWeightStrategy
        Arguments.of(
            "assignment_test.go: replica 12, weight 3:2:1",
            staticWeights,
            12,
            new int[] {10, 10, 10},
            split("member1=6", "member2=4", "member3=2")),
        Arguments.of(
            "assignment_test.go: replica 13, weight 3:2:1",
            staticWeights,
            13,
            new int[] {10, 10, 10},
            split("member1=7", "member2=4", "member3=2")),
        Arguments.of(
            "assignment_test.go: replica 12, default weight",
            defaults,
            12,
            new int[] {10, 10, 10},
            split("member1=4", "member2=4", "member3=4")),
        // assignment_test.go, Test_dynamicScale (fresh bindings)
        Arguments.of(
            "assignment_test.go: replica 12, dynamic weight 6:8:10",
            dynamic,
            12,
            new int[] {6, 8, 10},
            split("member1=3", "member2=4", "member3=5")),
        Arguments.of(
            "assignment_test.go: replica 12, dynamic weight 8:8:10",
            dynamic,
            12,
            new int[] {8, 8, 10},
            split("member1=4", "member2=4", "member3=4")),
        Arguments.of(
            "assignment_test.go: replica 12, dynamic weight 3:3:3",
            dynamic,
            12,
            new int[] {3, 3, 3},
            Map.of()),
        Arguments.of(
            "assignment_test.go: replica 12, aggregated 6:8:10",
            aggregated,
            12,
            new int[] {6, 8, 10},
            split("member2=5", "member3=7")),
        Arguments.of(
            "assignment_test.go: replica 12, aggregated 12:8:10",
            aggregated,
            12,
            new int[] {12, 8, 10},
            split("member1=12")),
        Arguments.of(
            "assignment_test.go: replica 12, aggregated 3:3:3",
            aggregated,
            12,
            new int[] {3, 3, 3},
            Map.of()),
        // karmada pkg/scheduler/core/division_algorithm_test.go, Test_dynamicDivideReplicas
        Arguments.of(
            "division_algorithm_test.go: replica 12, dynamic weight 18:12:6",
            dynamic,
            12,
            new int[] {18, 12, 6},
            split("member1=6", "member2=4", "member3=2")),
        Arguments.of(
            "division_algorithm_test.go: replica 12, dynamic weight 20:12:6",
            dynamic,
            12,
            new int[] {20, 12, 6},
            split("member1=6", "member2=4", "member3=2")),
        Arguments.of(
            "division_algorithm_test.go: replica 12, dynamic weight 6:12:6",
            dynamic,
            12,
            new int[] {6, 12, 6},
            split("member1=3", "member2=6", "member3=3")),
        Arguments.of(
            "division_algorithm_test.go: replica 12, aggregated 12:6:6",
            aggregated,
            12,
            new int[] {6, 12, 6},
            split("member2=12")),
        Arguments.of(
            "division_algorithm_test.go: replica 12, aggregated 6:6:6",
            aggregated,
            12,
            new int[] {6, 6, 6},
            split("member1=6", "member2=6")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicaSplits")
  void replicaSplitAsKarmada(
      String name, String placement, int replicas, int[] pods, Map<String, Integer> want) {
    List<Cluster> clusters =
        inventory(
            cluster("member1", "", pods[0]),
            cluster("member2", "", pods[1]),
            cluster("member3", "", pods[2]));
    PlacementDecision decision = place(policy(placement), clusters, replicas);
    assertEquals(want, new TreeMap<>(decision.replicas()), name);
    assertEquals(new ArrayList<>(want.keySet()), decision.names().stream().sorted().toList());
  }

  static Stream<Arguments> selections() {
    String ready = "  status:\n    conditions:\n    - type: Ready\n      status: \"True\"\n";
    return Stream.of(
        // karmada pkg/util/selector_test.go, TestClusterMatches: names AND selectors, exclude wins
        Arguments.of(
            "selector_test.go: clusterNames and labelSelector are ANDed",
            "  placement:\n    clusterAffinity:\n      clusterNames: [a, b]\n"
                + "      labelSelector: {matchLabels: {env: prod}}\n",
            List.of("a")),
        Arguments.of(
            "selector_test.go: exclude removes a named cluster",
            "  placement:\n    clusterAffinity:\n      clusterNames: [a, b]\n      exclude: [a]\n",
            List.of("b")),
        Arguments.of(
            "selector_test.go: fieldSelector provider In",
            "  placement:\n    clusterAffinity:\n      fieldSelector:\n        matchExpressions:\n"
                + "        - {key: provider, operator: In, values: [aws]}\n",
            List.of("a")), // c is aws too, but its NoExecute taint is not tolerated
        Arguments.of(
            "selector_test.go: fieldSelector region NotIn keeps clusters without a region",
            "  placement:\n    clusterAffinity:\n      fieldSelector:\n        matchExpressions:\n"
                + "        - {key: region, operator: NotIn, values: [us-east]}\n",
            List.of("b")),
        Arguments.of(
            "selector_test.go: zone In matches any of spec.zones",
            "  placement:\n    clusterAffinity:\n      fieldSelector:\n        matchExpressions:\n"
                + "        - {key: zone, operator: In, values: [z2]}\n",
            List.of("b")),
        Arguments.of(
            "selector_test.go: zone NotIn matches clusters none of whose zones are listed",
            "  placement:\n    clusterAffinity:\n      fieldSelector:\n        matchExpressions:\n"
                + "        - {key: zone, operator: NotIn, values: [z1]}\n",
            List.of("b")),
        // karmada tainttoleration plugin: NoSchedule and NoExecute both filter
        Arguments.of(
            "taint_toleration_test.go: untolerated NoSchedule taint filters",
            "  placement:\n    clusterAffinity: {}\n",
            List.of("a", "b")),
        Arguments.of(
            "taint_toleration_test.go: a NoSchedule toleration does not tolerate NoExecute",
            "  placement:\n    clusterTolerations:\n    - {key: gpu, operator: Exists, effect: NoSchedule}\n",
            List.of("a", "b")),
        Arguments.of(
            "taint_toleration_test.go: a NoExecute toleration tolerates NoExecute",
            "  placement:\n    clusterTolerations:\n    - {key: gpu, operator: Exists, effect: NoExecute}\n",
            List.of("a", "b", "c")),
        // spread_constraint.go (filter): a zone spread constraint needs spec.zones
        Arguments.of(
            "spread_constraint_test.go: zone spread filters clusters without zones",
            "  placement:\n    spreadConstraints:\n    - {spreadByField: cluster, maxGroups: 5}\n"
                + "    - {spreadByField: zone, minGroups: 1}\n",
            List.of("a", "b")),
        // select_clusters_by_cluster.go: at most maxGroups, by available replicas then name
        Arguments.of(
            "select_clusters_test.go: cluster spread takes maxGroups clusters",
            "  placement:\n    spreadConstraints:\n    - {spreadByField: cluster, maxGroups: 2, minGroups: 1}\n",
            List.of("a", "b")),
        Arguments.of(
            "select_clusters_test.go: fewer feasible clusters than minGroups schedules nothing",
            "  placement:\n    spreadConstraints:\n    - {spreadByField: cluster, maxGroups: 5, minGroups: 4}\n",
            List.of()),
        // scheduler.go: clusterAffinities, the first feasible term decides
        Arguments.of(
            "scheduler_test.go: clusterAffinities fall back to the next term",
            "  placement:\n    clusterAffinities:\n    - affinityName: primary\n"
                + "      labelSelector: {matchLabels: {env: nowhere}}\n"
                + "    - affinityName: backup\n      clusterNames: [b]\n",
            List.of("b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  void selectsAsKarmada(String name, String placement, List<String> want) {
    List<Cluster> clusters =
        inventory(
            cluster(
                "a",
                "    labels: {env: prod}\nspec:\n  provider: aws\n  region: us-east\n  zones: [z1]\n"
                    .replace("spec:", "  spec:")
                    .replace("\n  provider", "\n    provider")
                    .replace("\n  region", "\n    region")
                    .replace("\n  zones", "\n    zones"),
                null),
            cluster(
                "b",
                "    labels: {env: dev}\n  spec:\n    provider: gcp\n    zones: [z2, z3]\n",
                null),
            cluster(
                "c",
                "  spec:\n    provider: aws\n    taints:\n    - {key: gpu, effect: NoExecute}\n",
                null));
    PlacementDecision decision = place(policy(placement), clusters, 0);
    assertEquals(want, decision.names().stream().sorted().toList(), name);
  }

  @Test
  void deletingUnreadyAndApiLessClustersAreNotScheduled() {
    // generic_scheduler.go skips deleting clusters; the apienablement plugin needs the resource's
    // API; the cluster controller taints a cluster whose Ready condition is False with
    // cluster.karmada.io/not-ready:NoSchedule.
    List<Cluster> clusters =
        inventory(
            cluster("a", "    deletionTimestamp: \"2026-01-01T00:00:00Z\"\n", null),
            cluster("b", "", "    conditions:\n    - {type: Ready, status: \"False\"}\n", null),
            cluster("c", "", "    conditions:\n    - {type: Ready, status: \"True\"}\n", null),
            // apps/v1 enabled, but not Deployment
            "- apiVersion: cluster.karmada.io/v1alpha1\n  kind: Cluster\n  metadata: {name: d}\n"
                + "  status:\n    apiEnablements:\n    - groupVersion: apps/v1\n"
                + "      resources: [{name: statefulsets, kind: StatefulSet}]\n");
    assertEquals(List.of("c"), place(policy("  placement: {}\n"), clusters, 0).names());
    Placement tolerant =
        policy(
            "  placement:\n    clusterTolerations:\n"
                + "    - {key: cluster.karmada.io/not-ready, operator: Exists, effect: NoSchedule}\n");
    assertEquals(
        List.of("b", "c"), place(tolerant, clusters, 0).names().stream().sorted().toList());
  }

  @Test
  void refusesWhatItCannotReproduceWithFieldPaths() {
    ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class,
            () ->
                policy(
                    "  placement:\n    spreadConstraints:\n    - {spreadByField: region, maxGroups: 2}\n"
                        + "    - {spreadByField: cluster, maxGroups: 2}\n    bogus: 1\n"));
    String text = e.getMessage();
    assertTrue(text.contains("spec.placement.spreadConstraints[0].spreadByField"), text);
    assertTrue(text.contains("spec.placement.bogus"), text);
  }
}
