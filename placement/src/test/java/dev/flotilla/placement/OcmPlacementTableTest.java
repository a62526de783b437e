package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.placement.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OCM Placements read by Flotilla schedule as OCM's placement controller does. Cases are written
 * from OCM's own tests (open-cluster-management-io/ocm, the file named in each case) over
 * inventories of ManagedClusters; OCM is deterministic (score, then name), so the picks are exact.
 */
class OcmPlacementTableTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** A ManagedCluster: labels, claims ("name=value") and taints given as YAML fragments. */
  static String cluster(String name, String labels, String claims, String taints, String extra) {
    StringBuilder out = new StringBuilder();
    out.append("- apiVersion: cluster.open-cluster-management.io/v1\n")
        .append("  kind: ManagedCluster\n")
        .append("  metadata:\n    name: ")
        .append(name)
        .append('\n');
    if (!labels.isEmpty()) {
      out.append("    labels: {").append(labels).append("}\n");
    }
    out.append(extra);
    out.append("  spec:\n    hubAcceptsClient: true\n");
    if (!taints.isEmpty()) {
      out.append("    taints: [").append(taints).append("]\n");
    }
    out.append("  status:\n");
    out.append(
        "    conditions: [{type: ManagedClusterConditionAvailable, status: \"True\","
            + " reason: x, message: x, lastTransitionTime: \"2026-01-01T00:00:00Z\"}]\n");
    if (!claims.isEmpty()) {
      out.append("    clusterClaims:\n");
      for (String claim : claims.split(";")) {
        String[] kv = claim.split("=", 2);
        out.append("    - {name: ").append(kv[0]).append(", value: \"").append(kv[1]);
        out.append("\"}\n");
      }
    }
    return out.toString();
  }

  static String list(String... clusters) {
    return "apiVersion: v1\nkind: List\nitems:\n" + String.join("", clusters);
  }

  static String placement(String spec) {
    return "apiVersion: cluster.open-cluster-management.io/v1beta1\nkind: Placement\n"
        + "metadata: {name: p, namespace: ns}\nspec:\n"
        + spec.indent(2);
  }

  static List<String> picked(String inventory, String ocmPlacement) {
    return picked(inventory, ocmPlacement, SchedulingContext.at(NOW));
  }

  static List<String> picked(String inventory, String ocmPlacement, SchedulingContext context) {
    List<Cluster> clusters = InventoryReader.read("managedclusters.yaml", inventory);
    Placement placement = PlacementReader.parse("ocm-placement.yaml", ocmPlacement).value();
    return Scheduler.of(CompiledPlacement.compile(placement))
        .schedule(Inventory.of(clusters), context)
        .names()
        .stream()
        .sorted()
        .toList();
  }

  static Stream<Arguments> cases() {
    String c1Amazon = cluster("cluster1", "cloud: Amazon", "", "", "");
    String c2Google = cluster("cluster2", "cloud: Google", "", "", "");
    return Stream.of(
        // ocm pkg/placement/plugins/predicate/predicate_test.go
        Arguments.of(
            "predicate_test.go: match with label",
            list(c1Amazon, c2Google),
            placement(
                "predicates:\n- requiredClusterSelector:\n"
                    + "    labelSelector: {matchLabels: {cloud: Amazon}}"),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: match with claim",
            list(
                cluster("cluster1", "", "cloud=Amazon", "", ""),
                cluster("cluster2", "", "cloud=Google", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    claimSelector:\n"
                    + "      matchExpressions: [{key: cloud, operator: In, values: [Amazon]}]"),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: match with both label and claim",
            list(
                cluster("cluster1", "cloud: Amazon", "region=us-east-1", "", ""),
                cluster("cluster2", "cloud: Amazon", "region=us-east-2", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n"
                    + "    labelSelector: {matchLabels: {cloud: Amazon}}\n    claimSelector:\n"
                    + "      matchExpressions: [{key: region, operator: In, values: [us-east-1]}]"),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: match with multiple predicates",
            list(
                cluster("cluster1", "cloud: Amazon", "", "", ""),
                cluster("cluster2", "", "region=us-east-1", "", ""),
                cluster("cluster3", "", "region=us-east-2", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n"
                    + "    labelSelector: {matchLabels: {cloud: Amazon}}\n"
                    + "- requiredClusterSelector:\n    claimSelector:\n"
                    + "      matchExpressions: [{key: region, operator: In, values: [us-east-1]}]"),
            List.of("cluster1", "cluster2")),
        Arguments.of(
            "predicate_test.go: match with CEL expression on labels",
            list(
                cluster("cluster1", "region: us-east-1", "", "", ""),
                cluster("cluster2", "region: us-west-1", "", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    celSelector:\n      celExpressions:\n"
                    + "      - managedCluster.metadata.labels[\"region\"] == \"us-east-1\""),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: match with CEL expression on claims",
            list(
                cluster("cluster1", "", "cloud=Amazon", "", ""),
                cluster("cluster2", "", "cloud=Google", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    celSelector:\n      celExpressions:\n"
                    + "      - 'managedCluster.status.clusterClaims.exists(c, c.name == \"cloud\""
                    + " && c.value == \"Amazon\")'"),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: match with CEL expression and other selectors",
            list(
                cluster("cluster1", "env: prod", "cloud=Amazon", "", ""),
                cluster("cluster2", "env: prod", "cloud=Azure", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n"
                    + "    labelSelector: {matchLabels: {env: prod}}\n    celSelector:\n"
                    + "      celExpressions:\n"
                    + "      - 'managedCluster.status.clusterClaims.exists(c, c.name == \"cloud\""
                    + " && c.value == \"Amazon\")'"),
            List.of("cluster1")),
        Arguments.of(
            "predicate_test.go: empty CEL expressions",
            list(c1Amazon),
            placement(
                "predicates:\n- requiredClusterSelector:\n    celSelector: {celExpressions: []}"),
            List.of("cluster1")),
        // ocm pkg/placement/helpers/cel_test.go
        Arguments.of(
            "cel_test.go: multiple expressions all match (semver)",
            list(
                cluster("cluster1", "env: prod, version: 1.30.0", "", "", ""),
                cluster("cluster2", "env: prod, version: 1.32.0", "", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    celSelector:\n      celExpressions:\n"
                    + "      - managedCluster.metadata.labels[\"env\"] == \"prod\"\n"
                    + "      - semver(managedCluster.metadata.labels[\"version\"])"
                    + ".isLessThan(semver(\"1.31.0\"))"),
            List.of("cluster1")),
        // A claim selector sees claims only (helpers/clusters.go GetClusterClaims): allocatable
        // cpu is a property but not a claim.
        Arguments.of(
            "clusters.go: a claim selector sees only claims",
            list(
                cluster("cluster1", "", "", "", "")
                    .replace("  status:\n", "  status:\n    allocatable: {cpu: \"4\"}\n"),
                cluster("cluster2", "", "cpu=4", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    claimSelector:\n"
                    + "      matchExpressions: [{key: cpu, operator: Exists}]"),
            List.of("cluster2")),
        Arguments.of(
            "clusters.go: NotIn is true without the claim",
            list(
                cluster("cluster1", "", "", "", ""),
                cluster("cluster2", "", "region=us-east-1", "", ""),
                cluster("cluster3", "", "region=us-east-2", "", "")),
            placement(
                "predicates:\n- requiredClusterSelector:\n    claimSelector:\n"
                    + "      matchExpressions: [{key: region, operator: NotIn, values: [us-east-1]}]"),
            List.of("cluster1", "cluster3")),
        // ocm pkg/placement/controllers/scheduling/helpers.go GetAvailableClusters
        Arguments.of(
            "helpers.go: a cluster being deleted is never scheduled",
            list(
                c1Amazon,
                cluster(
                    "cluster2",
                    "cloud: Amazon",
                    "",
                    "",
                    "    deletionTimestamp: \"2026-01-01T00:00:00Z\"\n")),
            placement("{}"),
            List.of("cluster1")),
        // ocm pkg/placement/controllers/scheduling/schedule_test.go
        Arguments.of(
            "schedule_test.go: new placement unsatisfied (NOC 3, one cluster)",
            list(c1Amazon),
            placement("numberOfClusters: 3"),
            List.of("cluster1")),
        Arguments.of(
            "schedule_test.go: placement with all decisions scheduled (ties by name)",
            list(
                cluster("cluster3", "", "", "", ""),
                cluster("cluster2", "", "", "", ""),
                cluster("cluster1", "", "", "", "")),
            placement("numberOfClusters: 2"),
            List.of("cluster1", "cluster2")),
        Arguments.of(
            "schedule_test.go: placement with taint and toleration",
            list(
                cluster(
                    "cluster1",
                    "",
                    "",
                    "{key: key1, value: value1, effect: NoSelect, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    ""),
                cluster(
                    "cluster2",
                    "",
                    "",
                    "{key: key2, value: value2, effect: NoSelect, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    ""),
                cluster("cluster3", "", "", "", "")),
            placement(
                "numberOfClusters: 3\ntolerations:\n"
                    + "- {key: key1, operator: Equal, value: value1}"),
            List.of("cluster1", "cluster3")),
        // ocm pkg/placement/plugins/tainttoleration/taint_toleration_test.go
        Arguments.of(
            "taint_toleration_test.go: PreferNoSelect taints never filter",
            list(
                cluster(
                    "cluster1",
                    "",
                    "",
                    "{key: key1, value: value1, effect: PreferNoSelect, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    ""),
                cluster("cluster2", "", "", "", "")),
            placement("{}"),
            List.of("cluster1", "cluster2")),
        Arguments.of(
            "taint_toleration_test.go: toleration expired after tolerationSeconds",
            list(
                cluster(
                    "cluster1",
                    "",
                    "",
                    "{key: key1, value: value1, effect: NoSelect, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    ""),
                cluster(
                    "cluster2",
                    "",
                    "",
                    "{key: key1, value: value1, effect: NoSelect, timeAdded: \"2026-03-01T11:59:00Z\"}",
                    "")),
            placement(
                "tolerations:\n"
                    + "- {key: key1, operator: Equal, value: value1, tolerationSeconds: 600}"),
            List.of("cluster2")),
        Arguments.of(
            "taint_toleration_test.go: a taint without timeAdded (Go's zero time) has outlived"
                + " every tolerationSeconds",
            list(
                cluster("cluster1", "", "", "{key: key1, value: value1, effect: NoSelect}", ""),
                cluster("cluster2", "", "", "", "")),
            placement(
                "tolerations:\n"
                    + "- {key: key1, operator: Equal, value: value1, tolerationSeconds: 600}"),
            List.of("cluster2")),
        Arguments.of(
            "taint_toleration_test.go: Exists with an empty key tolerates every taint",
            list(
                cluster(
                    "cluster1",
                    "",
                    "",
                    "{key: key1, value: value1, effect: NoSelectIfNew, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    ""),
                cluster(
                    "cluster2",
                    "",
                    "",
                    "{key: key2, effect: NoSelect, timeAdded: \"2026-03-01T11:00:00Z\"}",
                    "")),
            placement("tolerations:\n- {operator: Exists}"),
            List.of("cluster1", "cluster2")),
        // ocm registration's unreachable taint, derived by the ManagedCluster mapping
        Arguments.of(
            "taint_toleration_test.go: the unreachable taint filters unless tolerated",
            list(
                c1Amazon,
                cluster("cluster2", "cloud: Amazon", "", "", "")
                    .replace("status: \"True\"", "status: \"Unknown\"")),
            placement("{}"),
            List.of("cluster1")),
        Arguments.of(
            "taint_toleration_test.go: the unreachable taint tolerated",
            list(
                c1Amazon,
                cluster("cluster2", "cloud: Amazon", "", "", "")
                    .replace("status: \"True\"", "status: \"Unknown\"")),
            placement(
                "tolerations:\n- {key: cluster.open-cluster-management.io/unreachable,"
                    + " operator: Exists}"),
            List.of("cluster1", "cluster2")),
        // schedule.go: Exact with an AddOn score and no scores supplied: all 0, ties by name
        Arguments.of(
            "schedule_test.go: exact prioritizer policy, AddOn scores absent, ties by name",
            list(
                cluster("cluster-c", "", "", "", ""),
                cluster("cluster-a", "", "", "", ""),
                cluster("cluster-b", "", "", "", "")),
            placement(
                "numberOfClusters: 1\nprioritizerPolicy:\n  mode: Exact\n  configurations:\n"
                    + "  - scoreCoordinate: {type: AddOn, addOn: {resourceName: demo,"
                    + " scoreName: cpu}}\n    weight: 2"),
            List.of("cluster-a")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ocmPlacementPicksAsOcm(
      String name, String inventory, String ocmPlacement, List<String> expected) {
    assertEquals(expected, picked(inventory, ocmPlacement));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("spec.clusterSets", "clusterSets: [global]"),
        Arguments.of(
            "spec.predicates[0].requiredClusterSelector.celSelector.celExpressions[0]",
            "predicates:\n- requiredClusterSelector:\n    celSelector:\n      celExpressions:\n"
                + "      - managedCluster.spec.hubAcceptsClient"),
        Arguments.of(
            "spec.predicates[0].requiredClusterSelector.celSelector.celExpressions[0]",
            "predicates:\n- requiredClusterSelector:\n    celSelector:\n      celExpressions:\n"
                + "      - managedCluster.scores(\"a\").size() > 0"),
        Arguments.of(
            "spec.prioritizerPolicy.configurations[0].scoreCoordinate.builtIn",
            "prioritizerPolicy:\n  configurations:\n"
                + "  - scoreCoordinate: {builtIn: Spread}\n    weight: 1"),
        Arguments.of("spec.unknownField", "unknownField: 1"),
        Arguments.of("spec.tolerations[0].operator", "tolerations:\n- {key: a, operator: In}"));
  }

  @ParameterizedTest(name = "refused: {0}")
  @MethodSource("refused")
  void whatFlotillaCannotReproduceIsAnErrorWithAFieldPath(String path, String spec) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PlacementReader.parse("ocm-placement.yaml", placement(spec)));
    Set<String> paths =
        e.problems().stream().map(p -> p.path()).collect(java.util.stream.Collectors.toSet());
    assertTrue(paths.contains(path), () -> paths + " " + e.getMessage());
  }

  static String withMemory(String cluster, String allocatable, String capacity) {
    return cluster.replace(
        "  status:\n",
        "  status:\n    allocatable: {memory: \""
            + allocatable
            + "\"}\n    capacity: {memory: \""
            + capacity
            + "\"}\n");
  }

  static final java.time.Instant LATER = NOW.plusSeconds(3600);

  /** schedule_test.go "placement with additive Prioritizer Policy". */
  @org.junit.jupiter.api.Test
  void scheduleTestAdditivePolicyWithBalanceResourceAndAddOn() {
    String inventory =
        list(
            withMemory(cluster("cluster1", "", "", "", ""), "100", "100"),
            withMemory(cluster("cluster2", "", "", "", ""), "50", "100"),
            withMemory(cluster("cluster3", "", "", "", ""), "0", "100"));
    String ocm =
        placement(
            "numberOfClusters: 2\nprioritizerPolicy:\n  mode: Additive\n  configurations:\n"
                + "  - {scoreCoordinate: {builtIn: Balance}, weight: 3}\n"
                + "  - {scoreCoordinate: {builtIn: ResourceAllocatableMemory}, weight: 1}\n"
                + "  - {scoreCoordinate: {type: AddOn, addOn: {resourceName: demo,"
                + " scoreName: demo}}, weight: 1}");
    ClusterScores scores =
        ClusterScores.builder()
            .put("demo/demo", "cluster1", 30, LATER)
            .put("demo/demo", "cluster2", 40, LATER)
            .put("demo/demo", "cluster3", 50, LATER)
            .build();
    assertEquals(
        List.of("cluster1", "cluster2"),
        picked(inventory, ocm, SchedulingContext.at(NOW).withScores(scores)));
  }

  /** schedule_test.go "placement with exact Prioritizer Policy" (resource.go's -100..100). */
  @org.junit.jupiter.api.Test
  void scheduleTestExactPolicyScoresAllocatableMemoryFromMinusToPlusHundred() {
    String inventory =
        list(
            withMemory(cluster("cluster1", "", "", "", ""), "100", "100"),
            withMemory(cluster("cluster2", "", "", "", ""), "50", "100"),
            withMemory(cluster("cluster3", "", "", "", ""), "0", "100"));
    Placement placement =
        PlacementReader.parse(
                "p.yaml",
                placement(
                    "numberOfClusters: 2\nprioritizerPolicy:\n  mode: Exact\n  configurations:\n"
                        + "  - {scoreCoordinate: {builtIn: Balance}, weight: 3}\n"
                        + "  - {scoreCoordinate: {builtIn: ResourceAllocatableMemory},"
                        + " weight: 1}"))
            .value();
    Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(placement));
    Inventory fleet = Inventory.of(InventoryReader.read("m.yaml", inventory));
    PlacementDecision decision = scheduler.schedule(fleet, SchedulingContext.at(NOW));
    assertEquals(List.of("cluster1", "cluster2"), decision.names());
    // resource_test.go: the most allocatable scores 100, the middle 0, the least -100.
    Selection selection = scheduler.placement().select(fleet);
    assertEquals(100, scheduler.explain(selection, "cluster1", SchedulingContext.at(NOW)).score());
    assertEquals(0, scheduler.explain(selection, "cluster2", SchedulingContext.at(NOW)).score());
    assertEquals(-100, scheduler.explain(selection, "cluster3", SchedulingContext.at(NOW)).score());
  }

  /** resource.go: a cluster without capacity is not scored (0) and not in min/max. */
  @org.junit.jupiter.api.Test
  void resourceTestAClusterWithoutCapacityScoresZero() {
    String inventory =
        list(
            withMemory(cluster("cluster1", "", "", "", ""), "100", "100"),
            cluster("cluster2", "", "", "", "")
                .replace("  status:\n", "  status:\n    allocatable: {memory: \"1000\"}\n"),
            withMemory(cluster("cluster3", "", "", "", ""), "50", "100"));
    String ocm =
        placement(
            "numberOfClusters: 2\nprioritizerPolicy:\n  mode: Exact\n  configurations:\n"
                + "  - {scoreCoordinate: {builtIn: ResourceAllocatableMemory}, weight: 1}");
    // cluster1 100, cluster3 -100, cluster2 0 (allocatable but no capacity).
    assertEquals(
        List.of("cluster1", "cluster2"), picked(inventory, ocm, SchedulingContext.at(NOW)));
  }

  /** schedule_test.go "schedule to cluster with least decisions": Balance scores supplied. */
  @org.junit.jupiter.api.Test
  void scheduleTestBalanceScoresSuppliedByTheCaller() {
    String inventory =
        list(
            cluster("cluster1", "", "", "", ""),
            cluster("cluster2", "", "", "", ""),
            cluster("cluster3", "", "", "", ""));
    // balance.go over another placement's decision {cluster1, cluster2}: -100, -100, 100.
    ClusterScores balance =
        ClusterScores.builder()
            .put("ocm.flotilla.dev/balance", "cluster1", -100, LATER)
            .put("ocm.flotilla.dev/balance", "cluster2", -100, LATER)
            .put("ocm.flotilla.dev/balance", "cluster3", 100, LATER)
            .build();
    assertEquals(
        List.of("cluster3"),
        picked(
            inventory,
            placement("numberOfClusters: 1"),
            SchedulingContext.at(NOW).withScores(balance)));
  }

  /**
   * schedule_test.go "do not schedule to other cluster even with least decisions": Steady keeps
   * cluster3 (balance.go gives 0, -100, 0 over the others' decisions).
   */
  @org.junit.jupiter.api.Test
  void scheduleTestSteadyKeepsThePreviousDecision() {
    String inventory =
        list(
            cluster("cluster1", "", "", "", ""),
            cluster("cluster2", "", "", "", ""),
            cluster("cluster3", "", "", "", ""));
    ClusterScores balance =
        ClusterScores.builder()
            .put("ocm.flotilla.dev/balance", "cluster1", 0, LATER)
            .put("ocm.flotilla.dev/balance", "cluster2", -100, LATER)
            .put("ocm.flotilla.dev/balance", "cluster3", 0, LATER)
            .build();
    SchedulingContext context =
        SchedulingContext.at(NOW).withScores(balance).withPrevious(List.of("cluster3"));
    assertEquals(List.of("cluster3"), picked(inventory, placement("numberOfClusters: 1"), context));
  }

  /**
   * Steady is a score, not a rule: a heavier prioritizer outweighs it (schedule.go sums weight *
   * score), where Flotilla's default ordering would keep the previous pick first.
   */
  @org.junit.jupiter.api.Test
  void steadyIsOutweighedByAHeavierPrioritizer() {
    String inventory =
        list(
            withMemory(cluster("cluster1", "", "", "", ""), "100", "100"),
            withMemory(cluster("cluster2", "", "", "", ""), "0", "100"));
    String ocm =
        placement(
            "numberOfClusters: 1\nprioritizerPolicy:\n  configurations:\n"
                + "  - {scoreCoordinate: {builtIn: ResourceAllocatableMemory}, weight: 2}");
    SchedulingContext context = SchedulingContext.at(NOW).withPrevious(List.of("cluster2"));
    // cluster1: 2 * 100 = 200; cluster2: 2 * -100 + 100 (Steady) = -100.
    assertEquals(List.of("cluster1"), picked(inventory, ocm, context));
  }

  /** taint_toleration_test.go: NoSelectIfNew lets a cluster of the previous decision stay. */
  @org.junit.jupiter.api.Test
  void noSelectIfNewKeepsAClusterAlreadyDecided() {
    String taint = "{key: key1, effect: NoSelectIfNew, timeAdded: \"2026-03-01T11:00:00Z\"}";
    String inventory =
        list(cluster("cluster1", "", "", taint, ""), cluster("cluster2", "", "", taint, ""));
    SchedulingContext context = SchedulingContext.at(NOW).withPrevious(List.of("cluster2"));
    assertEquals(List.of("cluster2"), picked(inventory, placement("{}"), context));
  }

  /** predicate_test.go "invalid CEL expression": OCM reports the placement misconfigured. */
  @org.junit.jupiter.api.Test
  void anInvalidCelExpressionIsAnErrorAsOcmsMisconfigured() {
    Placement placement =
        PlacementReader.parse(
                "ocm-placement.yaml",
                placement(
                    "predicates:\n- requiredClusterSelector:\n    celSelector:\n"
                        + "      celExpressions: [invalid.expression]"))
            .value();
    assertThrows(ValidationException.class, () -> CompiledPlacement.compile(placement));
  }

  @org.junit.jupiter.api.Test
  void theNameAndNamespaceAreKeptAndOcmsOrderIsUsed() {
    Placement placement = PlacementReader.parse("p.yaml", placement("{}")).value();
    assertEquals("p", placement.name());
    assertEquals("ns", placement.namespace());
    assertEquals(dev.flotilla.api.placement.Ordering.ScoreThenName, placement.spec().ordering());
  }

  /** scheduling_controller.go syncPlacement: no decision at all for a disabled placement. */
  @org.junit.jupiter.api.Test
  void aPlacementWithSchedulingDisabledIsRefused() {
    String disabled =
        placement("{}")
            .replace(
                "metadata: {name: p, namespace: ns}",
                "metadata:\n  name: p\n  annotations:\n"
                    + "    cluster.open-cluster-management.io/experimental-scheduling-disable:"
                    + " \"true\"");
    ValidationException e =
        assertThrows(ValidationException.class, () -> PlacementReader.parse("p.yaml", disabled));
    assertTrue(e.problems().get(0).path().startsWith("metadata.annotations["), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void otherVersionsAreRefusedNamingTheKnownOne() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PlacementReader.parse("p.yaml", placement("{}").replace("v1beta1", "v1alpha1")));
    assertTrue(e.getMessage().contains("cluster.open-cluster-management.io/v1beta1"));
  }
}
