package dev.flotilla.placement;

import static dev.flotilla.placement.KubeFleetFleet.crp;
import static dev.flotilla.placement.KubeFleetFleet.placement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.placement.Placement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KubeFleet's ClusterResourcePlacement read by Flotilla picks what KubeFleet's scheduler picks on a
 * first run. Cases from kubefleet-dev/kubefleet, named per test: pkg/scheduler/framework
 * (framework.go, score.go, score_test.go, framework_test.go), the plugins clusteraffinity
 * (filtering_test.go, scoring_test.go, types_test.go), tainttoleration (filtering_test.go), and
 * pkg/utils/validator/placement.go for what KubeFleet refuses. Every case runs against {@code v1}
 * and {@code v1beta1} objects (placements and MemberClusters alike).
 */
class KubeFleetPlacementTest {

  private static KubeFleetFleet fleet(String v) {
    return KubeFleetFleet.of(v)
        .cluster("cluster-1")
        .label("env", "prod")
        .label("region", "east")
        .property("kubernetes-fleet.io/node-count", "4")
        .usage("capacity", "cpu", "10")
        .usage("allocatable", "cpu", "8")
        .usage("available", "cpu", "2")
        .usage("available", "memory", "4Gi")
        .cluster("cluster-2")
        .label("env", "prod")
        .label("region", "west")
        .property("kubernetes-fleet.io/node-count", "7")
        .usage("available", "cpu", "6")
        .usage("available", "memory", "16Gi")
        .cluster("cluster-3")
        .label("env", "staging")
        .label("region", "west")
        .property("kubernetes-fleet.io/node-count", "2")
        .usage("available", "cpu", "500m")
        .cluster("cluster-4")
        .label("env", "dev")
        .and();
  }

  /** framework.go: a placement without a policy is PickAll over every cluster. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void noPolicyPicksEveryCluster(String v) {
    Placement p = placement(crp(v, ""));
    assertEquals(List.of("cluster-1", "cluster-2", "cluster-3", "cluster-4"), fleet(v).picked(p));
  }

  /**
   * clusteraffinity/filtering.go and types_test.go TestClusterRequirementMatches: terms are ORed;
   * within a term the label and property selectors are ANDed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void requiredTermsAreOredAndTheirSelectorsAnded(String v) {
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickAll
                  affinity:
                    clusterAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        clusterSelectorTerms:
                        - labelSelector: {matchLabels: {env: prod}}
                          propertySelector:
                            matchExpressions:
                            - {name: kubernetes-fleet.io/node-count, operator: Ge, values: ["5"]}
                        - labelSelector:
                            matchExpressions:
                            - {key: env, operator: In, values: [dev]}
                """));
    assertEquals(List.of("cluster-2", "cluster-4"), fleet(v).picked(p));
  }

  /**
   * types_test.go TestRetrieveResourceUsageFrom: resources.kubernetes-fleet.io/available-cpu reads
   * status.resourceUsage.available.cpu; a cluster without the resource does not match, whatever the
   * operator (Ne included).
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void resourcePropertiesComeFromResourceUsage(String v) {
    Placement ge =
        placement(
            crp(
                v,
                """
                policy:
                  affinity:
                    clusterAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        clusterSelectorTerms:
                        - propertySelector:
                            matchExpressions:
                            - {name: resources.kubernetes-fleet.io/available-cpu, operator: Ge, values: ["2"]}
                """));
    assertEquals(List.of("cluster-1", "cluster-2"), fleet(v).picked(ge));
    Placement ne =
        placement(
            crp(
                v,
                """
                policy:
                  affinity:
                    clusterAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        clusterSelectorTerms:
                        - propertySelector:
                            matchExpressions:
                            - {name: resources.kubernetes-fleet.io/available-memory, operator: Ne, values: ["4Gi"]}
                """));
    assertEquals(List.of("cluster-2"), fleet(v).picked(ne));
  }

  /**
   * score_test.go TestScoredClustersSort "sort by name when scores are the same" and
   * framework_test.go TestPickTopNScoredClusters: equal scores are picked in descending name order.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void pickNBreaksTiesByDescendingName(String v) {
    Placement p = placement(crp(v, "policy: {placementType: PickN, numberOfClusters: 2}\n"));
    assertEquals(List.of("cluster-4", "cluster-3"), fleet(v).pickedOrder(p));
  }

  /**
   * clusteraffinity/scoring_test.go TestPluginScore "multiple preferred terms": weights of matching
   * label preferences add up; a negative weight pushes a cluster down.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void preferredLabelTermsAddTheirWeights(String v) {
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickN
                  numberOfClusters: 2
                  affinity:
                    clusterAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 20
                        preference:
                          labelSelector: {matchLabels: {env: prod}}
                      - weight: 30
                        preference:
                          labelSelector: {matchLabels: {region: west}}
                      - weight: -60
                        preference:
                          labelSelector: {matchLabels: {env: staging}}
                """));
    // cluster-2: 50, cluster-1: 20, cluster-4: 0, cluster-3: 30 - 60 = -30.
    assertEquals(List.of("cluster-2", "cluster-1"), fleet(v).pickedOrder(p));
  }

  /**
   * types_test.go TestInterpolateWeightFor and state.go preparePluginState: a property sorter
   * interpolates between the minimum and maximum over every member cluster, even those a required
   * term rules out, and rounds weight * share half away from zero.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void propertySortersInterpolateOverTheWholeFleet(String v) {
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickN
                  numberOfClusters: 1
                  affinity:
                    clusterAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        clusterSelectorTerms:
                        - labelSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 7
                        preference:
                          propertySorter: {name: kubernetes-fleet.io/node-count, sortOrder: Descending}
                      - weight: 3
                        preference:
                          labelSelector: {matchLabels: {env: dev}}
                """));
    // Range 2..7 over the fleet (cluster-2's 7 counts though it is not selected): cluster-3 (2)
    // gets round(0 * 7) = 0, cluster-4 (no node count) 0 + 3 = 3: cluster-4 wins. Normalised over
    // the selected clusters only, cluster-3 would score the whole weight 7 and win.
    assertEquals(List.of("cluster-4"), fleet(v).pickedOrder(p));
  }

  /**
   * scoring_test.go "single preferred term which features label selector and requires sorting": a
   * sorter gated by a label selector gives clusters that do not match nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void aGatedSorterScoresOnlyMatchingClusters(String v) {
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickN
                  numberOfClusters: 2
                  affinity:
                    clusterAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 100
                        preference:
                          labelSelector: {matchLabels: {region: west}}
                          propertySorter: {name: resources.kubernetes-fleet.io/available-cpu, sortOrder: Ascending}
                """));
    // available-cpu over the fleet: 500m..6. cluster-3 (west, 0.5): 100; cluster-2 (west, 6): 0;
    // cluster-1 (east): 0; cluster-4: 0. Ties by descending name: cluster-4 before cluster-2.
    assertEquals(List.of("cluster-3", "cluster-4"), fleet(v).pickedOrder(p));
  }

  /**
   * tainttoleration/filtering_test.go: a taint is tolerated by Equal on key and value or by Exists
   * on the key (an empty key tolerates every taint); one untolerated taint rules a cluster out.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void tolerationsAgainstMemberClusterTaints(String v) {
    KubeFleetFleet tainted =
        KubeFleetFleet.of(v)
            .cluster("a")
            .taint("gpu", "true")
            .cluster("b")
            .taint("gpu", "true")
            .taint("maintenance", "")
            .cluster("c")
            .taint("gpu", "false")
            .cluster("d")
            .and();
    String equal =
        """
        policy:
          tolerations:
          - {key: gpu, operator: Equal, value: "true", effect: NoSchedule}
        """;
    assertEquals(List.of("a", "d"), tainted.picked(placement(crp(v, equal))));
    String exists = "policy:\n  tolerations:\n  - {key: gpu, operator: Exists}\n";
    assertEquals(List.of("a", "c", "d"), tainted.picked(placement(crp(v, exists))));
    String everything = "policy:\n  tolerations:\n  - {operator: Exists}\n";
    assertEquals(List.of("a", "b", "c", "d"), tainted.picked(placement(crp(v, everything))));
    String defaulted = "policy:\n  tolerations:\n  - {key: gpu, value: \"false\"}\n";
    assertEquals(List.of("c", "d"), tainted.picked(placement(crp(v, defaulted))));
  }

  /**
   * framework.go runSchedulingCycleForPickFixedPlacementType: the named clusters that exist,
   * whatever their taints; names not in the fleet are not picked.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void pickFixedPicksTheNamedClusters(String v) {
    KubeFleetFleet f = fleet(v).cluster("tainted").taint("k", "v").and();
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickFixed
                  clusterNames: [cluster-2, tainted, not-there]
                """));
    assertEquals(List.of("cluster-2", "tainted"), f.picked(p));
    Placement none = placement(crp(v, "policy: {placementType: PickFixed, clusterNames: []}\n"));
    assertEquals(List.of(), f.picked(none));
  }

  /**
   * clustereligibilitychecker/checker_test.go TestIsEligible (with the scheduler's default 5 minute
   * timeouts, checker.go): left, no member agent, not joined, no recent heartbeat, no health
   * condition and long unhealthy clusters are never picked; a recent health failure is forgiven.
   * PickN, PickAll and PickFixed alike (framework.go crossReferenceClustersWithTargetNames).
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void clustersKubeFleetCannotScheduleAreNotPicked(String v) {
    String now = "2026-03-01T12:00:00Z";
    String twentyAgo = "2026-03-01T11:40:00Z";
    String minuteAgo = "2026-03-01T11:59:00Z";
    KubeFleetFleet f =
        KubeFleetFleet.of(v)
            .cluster("left")
            .deleting(minuteAgo)
            .agent(now, "True", "True", twentyAgo)
            .cluster("no-agent")
            .otherAgentOnly()
            .cluster("no-joined")
            .agent(now, null, "True", twentyAgo)
            .cluster("joined-false")
            .agent(now, "False", "True", twentyAgo)
            .cluster("stale-heartbeat")
            .agent(twentyAgo, "True", "True", twentyAgo)
            .cluster("no-heartbeat")
            .agent(null, "True", "True", twentyAgo)
            .cluster("no-health")
            .agent(now, "True", null, null)
            .cluster("unhealthy-long")
            .agent(now, "True", "False", twentyAgo)
            .cluster("unhealthy-recent")
            .agent(now, "True", "False", minuteAgo)
            .cluster("normal")
            .agent(now, "True", "True", twentyAgo)
            .and();
    List<String> eligible = List.of("normal", "unhealthy-recent");
    assertEquals(eligible, f.picked(placement(crp(v, ""))));
    assertEquals(
        eligible,
        f.picked(placement(crp(v, "policy: {placementType: PickN, numberOfClusters: 9}\n"))));
    String fixed =
        "policy:\n  placementType: PickFixed\n  clusterNames: [left, no-agent, stale-heartbeat,"
            + " unhealthy-recent, normal]\n";
    assertEquals(eligible, f.picked(placement(crp(v, fixed))));
    // A toleration of every taint does not make them eligible: KubeFleet checks eligibility first.
    String tolerant = "policy:\n  tolerations: [{operator: Exists}]\n";
    assertEquals(eligible, f.picked(placement(crp(v, tolerant))));
  }

  /**
   * checker.go compares time.Since(...) > 5 minutes: a heartbeat exactly 5 minutes old still
   * counts; a second later it does not. The recent health failure runs out the same way.
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void heartbeatAndHealthTimeoutsFollowTheClock(String v) {
    KubeFleetFleet f =
        KubeFleetFleet.of(v)
            .cluster("beating")
            .agent("2026-03-01T12:00:00Z", "True", "True", "2026-03-01T12:00:00Z")
            .cluster("failing")
            .agent("2026-03-01T12:03:00Z", "True", "False", "2026-03-01T12:01:00Z")
            .and();
    Placement all = placement(crp(v, ""));
    java.time.Instant noon = java.time.Instant.parse("2026-03-01T12:00:00Z");
    assertEquals(
        List.of("beating", "failing"),
        f.pickedOrder(all, noon.plusSeconds(300)).stream().sorted().toList());
    assertEquals(List.of("failing"), f.pickedOrder(all, noon.plusSeconds(301)));
    assertEquals(List.of("failing"), f.pickedOrder(all, noon.plusSeconds(360)));
    assertEquals(List.of(), f.pickedOrder(all, noon.plusSeconds(361)));
  }

  /** The converted placement, written by PolicyWriter and read back, is the same placement. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void convertedPlacementsRoundTrip(String v) {
    Placement p =
        placement(
            crp(
                v,
                """
                policy:
                  placementType: PickN
                  numberOfClusters: 2
                  tolerations: [{operator: Exists}]
                  affinity:
                    clusterAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        clusterSelectorTerms:
                        - propertySelector:
                            matchExpressions:
                            - {name: resources.kubernetes-fleet.io/available-cpu, operator: Gt, values: ["1"]}
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: -5
                        preference:
                          labelSelector: {matchLabels: {region: west}}
                          propertySorter: {name: kubernetes-fleet.io/node-count, sortOrder: Ascending}
                """));
    Placement back = PlacementReader.parse("back.yaml", PolicyWriter.toYaml(p)).value();
    assertEquals(p, back);
  }

  /** What KubeFleet rejects or Flotilla cannot carry over exactly: errors with field paths. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void refusals(String v) {
    assertProblem(
        crp(
            v,
            """
            policy:
              placementType: PickN
              numberOfClusters: 2
              topologySpreadConstraints: [{topologyKey: region}]
            """),
        "spec.policy.topologySpreadConstraints",
        "not supported");
    assertProblem(
        crp(
            v,
            """
            policy:
              affinity:
                clusterAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 1
                    preference: {labelSelector: {matchLabels: {a: b}}}
            """),
        "spec.policy.affinity.clusterAffinity.preferredDuringSchedulingIgnoredDuringExecution",
        "PickAll");
    assertProblem(
        crp(
            v,
            """
            policy:
              affinity:
                clusterAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    clusterSelectorTerms:
                    - propertySelector:
                        matchExpressions:
                        - {name: kubernetes-fleet.io/node-count, operator: Eq, values: [v1.2.3]}
            """),
        "spec.policy.affinity.clusterAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".clusterSelectorTerms[0].propertySelector.matchExpressions[0].values[0]",
        "quantity");
    assertProblem(
        crp(
            v,
            """
            policy:
              affinity:
                clusterAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    clusterSelectorTerms:
                    - propertySelector:
                        matchExpressions:
                        - {name: resources.kubernetes-fleet.io/free-cpu, operator: Eq, values: ["1"]}
            """),
        "spec.policy.affinity.clusterAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".clusterSelectorTerms[0].propertySelector.matchExpressions[0].name",
        "resource property");
    // pkg/utils/validator/placement.go validateRequirementsConsistency.
    assertProblem(
        crp(
            v,
            """
            policy:
              affinity:
                clusterAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    clusterSelectorTerms:
                    - propertySelector:
                        matchExpressions:
                        - {name: kubernetes-fleet.io/node-count, operator: Gt, values: ["10"]}
                        - {name: kubernetes-fleet.io/node-count, operator: Le, values: ["10"]}
            """),
        "spec.policy.affinity.clusterAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".clusterSelectorTerms[0].propertySelector.matchExpressions",
        "exclude all values");
    assertProblem(
        crp(v, "policy: {placementType: PickN}\n"), "spec.policy.numberOfClusters", "Required");
    assertProblem(
        crp(v, "policy: {placementType: PickAll, sortBy: name}\n"),
        "spec.policy.sortBy",
        "unknown field");
    assertProblem(
        crp(
            v,
            """
            policy:
              affinity:
                clusterAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    clusterSelectorTerms:
                    - labelSelector: {matchExpressions: [{key: n, operator: Gt, values: ["1"]}]}
            """),
        "spec.policy.affinity.clusterAffinity.requiredDuringSchedulingIgnoredDuringExecution"
            + ".clusterSelectorTerms[0].labelSelector.matchExpressions[0].operator",
        "Unsupported value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1alpha1", "v2"})
  void unknownVersionsAreRefusedNamingTheKnownOnes(String v) {
    assertProblem(crp(v, ""), "apiVersion", "placement.kubernetes-fleet.io/v1beta1");
  }

  private static void assertProblem(String text, String path, String fragment) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> PlacementReader.parse("crp.yaml", text));
    String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    assertTrue(
        e.problems().stream()
            .anyMatch(pr -> pr.path().equals(path) && pr.message().contains(fragment)),
        () -> "expected " + path + " with \"" + fragment + "\" in:\n" + all);
  }
}
