package dev.flotilla.api.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each peer's cluster object, written as the peer's own tests and types describe it, mapped from
 * both a {@code JsonNode} and a {@code Map}: the two must give the same cluster.
 */
class ClusterObjectsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ClusterObjects OBJECTS = ClusterObjects.standard();
  private static final String AVAILABLE =
      ClusterObjectMapping.CONDITION_PREFIX + "ManagedClusterConditionAvailable";

  static JsonNode json(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String yaml) {
    try {
      return YAML.readValue(yaml, Map.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Maps both forms, checks they agree, returns the cluster. */
  static Cluster both(String yaml) {
    Cluster fromJson = OBJECTS.toCluster(json(yaml));
    Cluster fromMap = OBJECTS.toCluster(map(yaml));
    assertEquals(fromJson, fromMap, "JsonNode and Map give the same cluster");
    return fromJson;
  }

  /** The problems of both forms, which must agree; returned as text. */
  static List<String> problems(String yaml) {
    ValidationException a =
        assertThrows(ValidationException.class, () -> OBJECTS.toCluster(json(yaml)));
    ValidationException b =
        assertThrows(ValidationException.class, () -> OBJECTS.toCluster(map(yaml)));
    assertEquals(a.problems(), b.problems());
    return a.problems().stream().map(Problem::toString).toList();
  }

  // OCM: the cluster of ocm pkg/registration/hub/clusterprofile/status_controller_test.go, with
  // the capacity and allocatable of a ManagedClusterStatus (open-cluster-management-io/api
  // cluster/v1/types.go).
  static final String OCM_CLUSTER1 =
      """
      apiVersion: cluster.open-cluster-management.io/v1
      kind: ManagedCluster
      metadata:
        name: cluster1
        labels: {cluster.open-cluster-management.io/clusterset: set1}
        annotations: {open-cluster-management.io/cleanup-priority: "10"}
        resourceVersion: "4711"
      spec:
        hubAcceptsClient: true
        leaseDurationSeconds: 60
      status:
        version: {kubernetes: v1.28.0}
        capacity: {cpu: "24", memory: 98Gi, nvidia.com/gpu: "2"}
        allocatable: {cpu: "23", memory: 96Gi}
        clusterClaims:
        - {name: platform, value: AWS}
        - {name: region, value: us-west-2}
        conditions:
        - {type: ManagedClusterConditionAvailable, status: "True",
           reason: ManagedClusterAvailable, message: Cluster is available}
        - {type: ManagedClusterJoined, status: "True", reason: ManagedClusterJoined,
           message: Cluster has joined}
      """;

  private static Map<String, String> withoutOcmExtras(Map<String, String> properties) {
    Map<String, String> out = new java.util.HashMap<>(properties);
    out.keySet()
        .removeIf(
            k ->
                k.startsWith("resources.flotilla.dev/allocatable-")
                    || k.equals(ClusterObjects.OCM_CLAIM_NAMES));
    return out;
  }

  @Test
  void ocmManagedClusterBecomesACluster() {
    Cluster cluster = both(OCM_CLUSTER1);
    assertEquals("cluster1", cluster.name());
    assertEquals(Map.of("cluster.open-cluster-management.io/clusterset", "set1"), cluster.labels());
    assertEquals("10", cluster.annotations().get("open-cluster-management.io/cleanup-priority"));
    assertEquals(
        Map.of(
            "cpu",
            "23",
            "memory",
            "96Gi",
            "resources.flotilla.dev/capacity-cpu",
            "24",
            "resources.flotilla.dev/capacity-memory",
            "98Gi",
            "resources.flotilla.dev/capacity-nvidia.com/gpu",
            "2",
            "platform",
            "AWS",
            "region",
            "us-west-2",
            "kubernetesVersion",
            "v1.28.0",
            AVAILABLE,
            "True"),
        withoutOcmExtras(cluster.properties()));
    // For OCM's claim selectors and CEL: allocatable under a name of its own, the claim names.
    assertEquals("23", cluster.properties().get("resources.flotilla.dev/allocatable-cpu"));
    assertEquals("96Gi", cluster.properties().get("resources.flotilla.dev/allocatable-memory"));
    assertEquals("platform,region", cluster.properties().get(ClusterObjects.OCM_CLAIM_NAMES));
    assertEquals(12, cluster.properties().size());
    assertEquals(List.of(), cluster.taints());
  }

  @Test
  void ocmAvailableConditionGivesTheTaintsOcmsTaintControllerAdds() {
    // ocm pkg/registration/hub/taint/controller.go and controller_test.go (TestSyncTaintCluster):
    // True -> none, False -> unavailable, Unknown or missing -> unreachable; all NoSelect. An
    // object without a conditions list (hand-written) gets none: the hub taints it itself.
    String unavailable = "cluster.open-cluster-management.io/unavailable";
    String unreachable = "cluster.open-cluster-management.io/unreachable";
    record Case(String conditions, List<String> taints, Optional<String> property) {}
    List<Case> cases =
        List.of(
            new Case(
                "[{type: ManagedClusterConditionAvailable, status: \"True\"}]",
                List.of(),
                Optional.of("True")),
            new Case(
                "[{type: ManagedClusterConditionAvailable, status: \"False\"}]",
                List.of(unavailable),
                Optional.of("False")),
            new Case(
                "[{type: ManagedClusterConditionAvailable, status: Unknown}]",
                List.of(unreachable),
                Optional.of("Unknown")),
            new Case("[]", List.of(unreachable), Optional.empty()),
            new Case("null", List.of(), Optional.empty()),
            new Case(
                "[{type: ManagedClusterJoined, status: \"True\"}]",
                List.of(unreachable),
                Optional.empty()));
    for (Case c : cases) {
      Cluster cluster =
          both(
              "kind: ManagedCluster\napiVersion: cluster.open-cluster-management.io/v1\n"
                  + "metadata: {name: c1}\nstatus:\n  conditions: "
                  + c.conditions()
                  + "\n");
      assertEquals(c.taints(), cluster.taints().stream().map(Taint::key).toList(), c.conditions());
      assertTrue(cluster.taints().stream().allMatch(t -> t.effect() == TaintEffect.NoSelect));
      assertEquals(c.property(), Optional.ofNullable(cluster.properties().get(AVAILABLE)));
    }
  }

  private static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

  @Test
  void ocmTaintAlreadyAddedByTheHubIsKeptOnceWithItsTime() {
    Cluster cluster =
        both(
            """
            apiVersion: cluster.open-cluster-management.io/v1
            kind: ManagedCluster
            metadata: {name: c1}
            spec:
              taints:
              - {key: cluster.open-cluster-management.io/unreachable, effect: NoSelect,
                 timeAdded: "2026-01-01T00:00:00Z"}
              - {key: maintenance, value: planned, effect: PreferNoSelect, timeAdded: null}
              - {key: new-only, effect: NoSelectIfNew}
            """);
    assertEquals(
        List.of(
            new Taint(
                "cluster.open-cluster-management.io/unreachable",
                "",
                TaintEffect.NoSelect,
                Optional.of(Instant.parse("2026-01-01T00:00:00Z"))),
            // A null or missing timeAdded reads as Go's zero time, as in OCM's scheduler.
            new Taint("maintenance", "planned", TaintEffect.PreferNoSelect, Optional.of(ZERO)),
            new Taint("new-only", "", TaintEffect.NoSelectIfNew, Optional.of(ZERO))),
        cluster.taints());
  }

  @Test
  void ocmClaimNameOf253CharactersIsAProperty() {
    String claim = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);
    assertEquals(253, claim.length());
    Cluster cluster =
        both(
            "kind: ManagedCluster\napiVersion: cluster.open-cluster-management.io/v1\n"
                + "metadata: {name: c1}\nstatus:\n  clusterClaims:\n  - {name: "
                + claim
                + ", value: x}\n");
    assertEquals("x", cluster.properties().get(claim));
    List<String> lines =
        problems(
            "kind: ManagedCluster\napiVersion: cluster.open-cluster-management.io/v1\n"
                + "metadata: {name: c1}\nstatus:\n  clusterClaims:\n  - {name: ok, value: x}\n"
                + "  - {name: "
                + claim
                + "c, value: y}\n");
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "ManagedCluster \"c1\": status.clusterClaims[1].name: Invalid value: \""
                    + claim
                    + "c\""),
        lines.get(0));
  }

  // Karmada: the fields of karmada pkg/apis/cluster/v1alpha1/types.go (ClusterSpec, ClusterStatus,
  // ResourceSummary); the conditions as pkg/controllers/cluster/cluster_controller.go reads them.
  static final String KARMADA_MEMBER1 =
      """
      apiVersion: cluster.karmada.io/v1alpha1
      kind: Cluster
      metadata:
        name: member1
        labels: {env: prod}
      spec:
        syncMode: Push
        apiEndpoint: https://172.18.0.3:6443
        provider: aws
        region: us-east-1
        zone: us-east-1a
        zones: [us-east-1a, us-east-1b]
        taints:
        - {key: dedicated, value: gpu, effect: NoSchedule}
        - {key: slow, effect: PreferNoSchedule}
        - {key: evicting, effect: NoExecute, timeAdded: "2026-02-03T04:05:06Z"}
      status:
        kubernetesVersion: v1.31.2
        conditions:
        - {type: Ready, status: "True", reason: ClusterReady, message: cluster is healthy and ready to accept workloads}
        nodeSummary: {totalNum: 3, readyNum: 3}
        resourceSummary:
          allocatable: {cpu: "16", memory: 64Gi, pods: "330"}
          allocating: {cpu: 500m}
          allocated: {cpu: "4", memory: 8Gi}
      """;

  @Test
  void karmadaClusterBecomesACluster() {
    Cluster cluster = both(KARMADA_MEMBER1);
    assertEquals("member1", cluster.name());
    assertEquals(
        Map.ofEntries(
            Map.entry("provider", "aws"),
            Map.entry("region", "us-east-1"),
            Map.entry("zone", "us-east-1a"),
            Map.entry("zones", "us-east-1a,us-east-1b"),
            Map.entry("kubernetesVersion", "v1.31.2"),
            Map.entry("cpu", "16"),
            Map.entry("memory", "64Gi"),
            Map.entry("pods", "330"),
            Map.entry("resources.flotilla.dev/allocating-cpu", "500m"),
            Map.entry("resources.flotilla.dev/allocated-cpu", "4"),
            Map.entry("resources.flotilla.dev/allocated-memory", "8Gi"),
            Map.entry("condition.flotilla.dev/Ready", "True")),
        cluster.properties());
    assertEquals(
        List.of(
            new Taint("dedicated", "gpu", TaintEffect.NoSelectIfNew, Optional.empty()),
            Taint.of("slow", TaintEffect.PreferNoSelect),
            new Taint(
                "evicting",
                "",
                TaintEffect.NoSelect,
                Optional.of(Instant.parse("2026-02-03T04:05:06Z")))),
        cluster.taints());
  }

  @Test
  void karmadaReadyConditionGivesTheTaintsKarmadasClusterControllerAdds() {
    // karmada pkg/controllers/cluster/cluster_controller.go, taintClusterByCondition.
    record Case(String conditions, List<String> taints) {}
    for (Case c :
        List.of(
            new Case("[{type: Ready, status: \"True\"}]", List.of()),
            new Case("[{type: Ready, status: \"False\"}]", List.of("cluster.karmada.io/not-ready")),
            new Case("[{type: Ready, status: Unknown}]", List.of("cluster.karmada.io/unreachable")),
            new Case("[]", List.of("cluster.karmada.io/not-ready")),
            new Case("null", List.of()))) {
      Cluster cluster =
          both(
              "kind: Cluster\napiVersion: cluster.karmada.io/v1alpha1\nmetadata: {name: m1}\n"
                  + "spec: {syncMode: Pull}\nstatus:\n  conditions: "
                  + c.conditions()
                  + "\n");
      assertEquals(c.taints(), cluster.taints().stream().map(Taint::key).toList(), c.conditions());
    }
  }

  @Test
  void karmadaTaintEffectsAreKubernetesEffects() {
    List<String> lines =
        problems(
            """
            apiVersion: cluster.karmada.io/v1alpha1
            kind: Cluster
            metadata: {name: member1}
            spec: {taints: [{key: a, effect: NoSelect}]}
            """);
    assertEquals(
        List.of(
            "Cluster \"member1\": spec.taints[0].effect: Unsupported value: \"NoSelect\":"
                + " supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\""),
        lines);
  }

  // KubeFleet: a MemberCluster status as kubefleet apis/cluster/v1beta1/membercluster_types.go
  // defines it, with the resource usage of pkg/scheduler/framework/plugins/clusteraffinity/
  // types_test.go (TestRetrieveResourceUsageFrom) and properties named as the property providers
  // name them (pkg/propertyprovider/commons.go, azure/provider.go).
  static final String FLEET_MEMBER =
      """
      apiVersion: cluster.kubernetes-fleet.io/%s
      kind: MemberCluster
      metadata:
        name: kind-cluster-1
        labels: {fleet.azure.com/location: eastus}
      spec:
        identity: {name: fleet-member-agent-cluster-1, kind: ServiceAccount,
                   namespace: fleet-system, apiGroup: ""}
        heartbeatPeriodSeconds: 60
        taints:
        - {key: dedicated, value: batch, effect: NoSchedule}
      status:
        conditions:
        - {type: ReadyToJoin, status: "True", reason: ReadyToJoin}
        - {type: Joined, status: "True", reason: MemberClusterJoined}
        properties:
          kubernetes-fleet.io/node-count: {value: "3", observationTime: "2026-11-28T07:00:00Z"}
          kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count:
            {value: "3", observationTime: "2026-11-28T07:00:00Z"}
          kubernetes.azure.com/per-cpu-core-cost: {value: "0.073", observationTime: "2026-11-28T07:00:00Z"}
          k8s.io/k8s-version: {value: v1.30.4, observationTime: "2026-11-28T07:00:00Z"}
        resourceUsage:
          capacity: {cpu: "10", memory: 40Gi}
          allocatable: {cpu: "8", memory: 36Gi}
          available: {cpu: "2", memory: 4Gi}
          observationTime: "2026-11-28T07:00:00Z"
      """;

  static final Map<String, String> FLEET_PROPERTIES =
      Map.ofEntries(
          Map.entry("kubernetes-fleet.io/node-count", "3"),
          Map.entry("kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count", "3"),
          Map.entry("kubernetes.azure.com/per-cpu-core-cost", "0.073"),
          Map.entry("k8s.io/k8s-version", "v1.30.4"),
          Map.entry("resources.kubernetes-fleet.io/total-cpu", "10"),
          Map.entry("resources.kubernetes-fleet.io/total-memory", "40Gi"),
          Map.entry("resources.kubernetes-fleet.io/allocatable-cpu", "8"),
          Map.entry("resources.kubernetes-fleet.io/allocatable-memory", "36Gi"),
          Map.entry("resources.kubernetes-fleet.io/available-cpu", "2"),
          Map.entry("resources.kubernetes-fleet.io/available-memory", "4Gi"),
          Map.entry("condition.flotilla.dev/Joined", "True"));

  @Test
  void kubeFleetMemberClusterKeepsItsPropertyNamesInBothVersions() {
    for (String version : List.of("v1", "v1beta1")) {
      Cluster cluster = both(FLEET_MEMBER.formatted(version));
      assertEquals("kind-cluster-1", cluster.name());
      assertEquals("eastus", cluster.labels().get("fleet.azure.com/location"));
      assertEquals(FLEET_PROPERTIES, cluster.properties(), version);
      assertEquals(
          List.of(new Taint("dedicated", "batch", TaintEffect.NoSelect, Optional.empty())),
          cluster.taints());
    }
  }

  @Test
  void kubeFleetInternalMemberClusterCarriesJoinedPerAgent() {
    // kubefleet apis/cluster/v1beta1/internalmembercluster_types.go and commons.go (AgentStatus).
    Cluster cluster =
        both(
            """
            apiVersion: cluster.kubernetes-fleet.io/v1beta1
            kind: InternalMemberCluster
            metadata: {name: kind-cluster-1, namespace: fleet-member-kind-cluster-1}
            spec: {state: Join, heartbeatPeriodSeconds: 60}
            status:
              conditions: []
              properties:
                kubernetes-fleet.io/node-count: {value: "2", observationTime: "2026-11-28T07:00:00Z"}
              resourceUsage:
                allocatable: {cpu: "4"}
              agentStatus:
              - type: ServiceExportImportAgent
                conditions: [{type: Joined, status: "False"}]
              - type: MemberAgent
                conditions: [{type: Joined, status: "True"}, {type: Healthy, status: "True"}]
            """);
    assertEquals(
        Map.of(
            "kubernetes-fleet.io/node-count", "2",
            "resources.kubernetes-fleet.io/allocatable-cpu", "4",
            "condition.flotilla.dev/Joined", "True"),
        cluster.properties());
  }

  @Test
  void kubeFleetPropertyWithoutValueIsAProblemAtItsPath() {
    List<String> lines =
        problems(
            """
            apiVersion: cluster.kubernetes-fleet.io/v1beta1
            kind: MemberCluster
            metadata: {name: m1}
            status:
              properties:
                kubernetes-fleet.io/node-count: {observationTime: "2026-11-28T07:00:00Z"}
            """);
    assertEquals(
        List.of(
            "MemberCluster \"m1\": status.properties[kubernetes-fleet.io/node-count].value:"
                + " Required value"),
        lines);
  }

  @Test
  void flotillaClusterIsReadStrictly() {
    Cluster cluster =
        both(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Cluster
            metadata: {name: store-1, labels: {env: prod}}
            properties: {cpu: 16, ratio: 1.5}
            taints: [{key: maintenance, effect: NoSelect}]
            """);
    assertEquals(Map.of("cpu", "16", "ratio", "1.5"), cluster.properties());
    assertEquals(
        List.of("Cluster \"store-1\": propertes: unknown field"),
        problems("kind: Cluster\nname: store-1\npropertes: {cpu: 1}\n"));
  }

  @Test
  void anyOtherKindGivesItsMetadata() {
    Cluster cluster =
        both(
            """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata: {name: capi-1, labels: {env: dev}, annotations: {note: x}}
            spec: {paused: true, clusterNetwork: {pods: {cidrBlocks: [10.0.0.0/8]}}}
            """);
    assertEquals(
        new Cluster("capi-1", Map.of("env", "dev"), Map.of("note", "x"), Map.of(), List.of()),
        cluster);
  }

  @Test
  void aDeclarativeMappingMapsAnotherKind() {
    ClusterObjects objects =
        OBJECTS.with(
            ClusterObjectMapping.forKind("edge.example.com/*", "Site")
                .label("example.com/store", "spec.storeId")
                .property("location", "spec.location.city")
                .properties("status.capacity", "capacity.example.com/")
                .taints("spec.taints", ClusterObjectMapping.TaintSpelling.Kubernetes)
                .condition("status.conditions", "Online")
                .build());
    Cluster cluster =
        objects.toCluster(
            map(
                """
                apiVersion: edge.example.com/v2
                kind: Site
                metadata: {name: store-0042, labels: {env: prod}}
                spec:
                  storeId: "0042"
                  location: {city: Lyon}
                  taints: [{key: closed, effect: NoSchedule}]
                status:
                  capacity: {cpu: 4}
                  conditions: [{type: Online, status: "False"}]
                """));
    assertEquals(Map.of("env", "prod", "example.com/store", "0042"), cluster.labels());
    assertEquals(
        Map.of(
            "location", "Lyon",
            "capacity.example.com/cpu", "4",
            "condition.flotilla.dev/Online", "False"),
        cluster.properties());
    assertEquals(List.of(Taint.of("closed", TaintEffect.NoSelect)), cluster.taints());
  }

  @Test
  void aMappingForTheSameKindReplacesTheStandardOne() {
    ClusterObjects objects =
        OBJECTS.with(
            ClusterObjectMapping.forKind("cluster.open-cluster-management.io/*", "ManagedCluster")
                .propertyList("status.clusterClaims", "name", "value")
                .build());
    Cluster cluster = objects.toCluster(json(OCM_CLUSTER1));
    assertEquals(Map.of("platform", "AWS", "region", "us-west-2"), cluster.properties());
    assertEquals(ClusterObjects.standard().mappings().size(), objects.mappings().size());
    ClusterObjects exact =
        OBJECTS.with(
            ClusterObjectMapping.forKind("cluster.open-cluster-management.io/v1", "ManagedCluster")
                .build());
    assertEquals(Map.of(), exact.toCluster(json(OCM_CLUSTER1)).properties(), "exact first");
  }

  @Test
  void aBadMappingIsAValidationExceptionWithTheField() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> ClusterObjectMapping.forKind("example.com/v1", "Site").labels("spec..labels"));
    assertEquals(
        "<input>: path: Invalid value: \"spec..labels\": a step is empty: write fields separated"
            + " by single dots",
        e.getMessage());
    assertThrows(ValidationException.class, () -> ClusterObjectMapping.forKind("", "Site"));
    assertThrows(
        ValidationException.class,
        () ->
            ClusterObjectMapping.forKind("example.com/v1", "Site")
                .condition("status.conditions[type]", "Ready"));
  }

  @Test
  void aBadObjectNamesItselfAndTheFieldPath() {
    List<String> lines =
        problems(
            """
            apiVersion: cluster.open-cluster-management.io/v1
            kind: ManagedCluster
            metadata: {name: cluster1, labels: {env: [prod]}}
            spec: {taints: [{key: t, effect: NoSchedule}]}
            status: {clusterClaims: {platform: AWS}, allocatable: [cpu]}
            """);
    assertEquals(
        List.of(
            "ManagedCluster \"cluster1\": metadata.labels[env]: wrong type: expected string, got"
                + " list",
            "ManagedCluster \"cluster1\": spec.taints[0].effect: Unsupported value: \"NoSchedule\":"
                + " supported values: \"NoSelect\", \"NoSelectIfNew\", \"PreferNoSelect\"",
            "ManagedCluster \"cluster1\": status.allocatable: wrong type: expected object, got list",
            "ManagedCluster \"cluster1\": status.clusterClaims: wrong type: expected list, got"
                + " object"),
        lines);
    assertEquals(
        List.of("ManagedCluster: metadata.name: Required value"),
        problems("kind: ManagedCluster\nmetadata: {labels: {a: b}}\n"));
    assertEquals(
        List.of(
            "ManagedCluster \"Bad_Name\": metadata.name: Invalid value: \"Bad_Name\": a"
                + " lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                + " '-' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
        problems("kind: ManagedCluster\nmetadata: {name: Bad_Name}\n"));
  }

  @Test
  void aBadObjectAmongGoodOnesIsOneProblemAndTheRestAreMapped() {
    List<Object> objects =
        List.of(
            json(OCM_CLUSTER1),
            map(
                """
                apiVersion: cluster.open-cluster-management.io/v1
                kind: ManagedCluster
                metadata: {name: cluster2, labels: {"bad key!": x}}
                status: {clusterClaims: [{name: platform}]}
                """),
            map(KARMADA_MEMBER1),
            json(FLEET_MEMBER.formatted("v1beta1")),
            map(OCM_CLUSTER1.replace("cluster1", "cluster3")),
            json(OCM_CLUSTER1),
            "not an object");
    MappedClusters mapped = OBJECTS.toClusters(objects);
    assertEquals(
        List.of("cluster1", "member1", "kind-cluster-1", "cluster3"),
        mapped.clusters().stream().map(Cluster::name).toList());
    List<String> lines = mapped.problems().stream().map(Problem::toString).toList();
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "[1] ManagedCluster \"cluster2\": metadata.labels: Invalid value: \"bad key!\": name"
                    + " part must consist of alphanumeric characters"),
        lines.get(0));
    assertTrue(
        lines.get(0).endsWith("(and 1 more: status.clusterClaims[0].value: Required value)"),
        lines.get(0));
    assertTrue(
        lines.get(1).startsWith("[5] ManagedCluster \"cluster1\": metadata.name: Duplicate value"),
        lines.get(1));
    assertEquals(
        "[6]: wrong type: expected a JsonNode or a Map, got java.lang.String", lines.get(2));
    assertTrue(!mapped.complete());
  }
}
