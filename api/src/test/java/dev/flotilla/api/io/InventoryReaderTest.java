package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryReaderTest {

  @Test
  void readsClusterInventory() {
    List<Cluster> clusters =
        InventoryReader.read(
            "fleet.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: ClusterInventory
            clusters:
            - name: store-0001
              labels: {env: prod, region: eu-west}
              annotations: {owner: retail}
              properties: {cpu: 16, memory: 64Gi, kubernetesVersion: 1.31.2, ratio: 1.10}
              taints:
              - {key: maintenance, effect: NoSelect, timeAdded: "2026-01-02T03:04:05Z"}
            - name: store-0002
            """);
    assertEquals(2, clusters.size());
    Cluster first = clusters.get(0);
    assertEquals("store-0001", first.name());
    assertEquals(Map.of("env", "prod", "region", "eu-west"), first.labels());
    assertEquals("16", first.properties().get("cpu"));
    assertEquals("1.10", first.properties().get("ratio"), "numbers are kept as written");
    assertEquals(TaintEffect.NoSelect, first.taints().get(0).effect());
    assertEquals(
        Instant.parse("2026-01-02T03:04:05Z"), first.taints().get(0).timeAdded().orElseThrow());
    assertTrue(clusters.get(1).labels().isEmpty());
  }

  @Test
  void readsAStreamOfClusterDocuments() {
    List<Cluster> clusters =
        InventoryReader.read(
            "stream.yaml",
            """
            kind: Cluster
            metadata: {name: a, labels: {env: prod}}
            properties: {cpu: "8"}
            ---
            kind: Cluster
            name: b
            labels: {env: dev}
            """);
    assertEquals(List.of("a", "b"), clusters.stream().map(Cluster::name).toList());
    assertEquals("prod", clusters.get(0).labels().get("env"));
    assertEquals("8", clusters.get(0).properties().get("cpu"));
  }

  @Test
  void readsOpenClusterManagementManagedClusterList() {
    List<Cluster> clusters =
        InventoryReader.read(
            "ocm.yaml",
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: cluster.open-cluster-management.io/v1
              kind: ManagedCluster
              metadata:
                name: cluster1
                labels: {cluster.open-cluster-management.io/clusterset: default, vendor: OpenShift}
                resourceVersion: "1234"
              spec:
                hubAcceptsClient: true
                taints:
                - {key: cluster.open-cluster-management.io/unreachable, effect: NoSelect,
                   timeAdded: "2026-01-01T00:00:00Z"}
              status:
                allocatable: {cpu: "24", memory: 98Gi}
                capacity: {cpu: "24"}
                clusterClaims:
                - {name: kubeversion.open-cluster-management.io, value: v1.31.2}
                - {name: platform.open-cluster-management.io, value: AWS}
                conditions: []
            """);
    Cluster cluster = clusters.get(0);
    assertEquals("cluster1", cluster.name());
    assertEquals("OpenShift", cluster.labels().get("vendor"));
    assertEquals("24", cluster.properties().get("cpu"));
    assertEquals("98Gi", cluster.properties().get("memory"));
    assertEquals("v1.31.2", cluster.properties().get("kubeversion.open-cluster-management.io"));
    assertEquals(TaintEffect.NoSelect, cluster.taints().get(0).effect());
  }

  @Test
  void aBadObjectInAListIsOneProblemNamingItAndTheOthersAreStillRead() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                InventoryReader.read(
                    "fleet.yaml",
                    """
                    apiVersion: v1
                    kind: List
                    items:
                    - apiVersion: cluster.open-cluster-management.io/v1
                      kind: ManagedCluster
                      metadata: {name: good}
                      status:
                        clusterClaims:
                        - {name: %s, value: x}
                    - apiVersion: cluster.open-cluster-management.io/v1
                      kind: ManagedCluster
                      metadata: {name: bad1}
                      spec: {taints: [{key: t, effect: NoSchedule}]}
                      status: {allocatable: [cpu]}
                    - apiVersion: cluster.kubernetes-fleet.io/v1beta1
                      kind: MemberCluster
                      metadata: {name: bad2}
                      status:
                        properties:
                          kubernetes-fleet.io/node-count: {value: [3]}
                    """
                        .formatted(("a".repeat(63) + ".").repeat(3) + "b".repeat(61))));
    List<String> lines = e.problems().stream().map(Problem::toString).toList();
    assertEquals(
        List.of(
            "fleet.yaml:13:36: items[1].spec.taints[0].effect: ManagedCluster \"bad1\":"
                + " Unsupported value: \"NoSchedule\": supported values: \"NoSelect\","
                + " \"NoSelectIfNew\", \"PreferNoSelect\" (and 1 more: status.allocatable: wrong"
                + " type: expected object, got list)",
            "fleet.yaml:20:47: items[2].status.properties[kubernetes-fleet.io/node-count].value:"
                + " MemberCluster \"bad2\": wrong type: expected string, got list"),
        lines);
  }

  @Test
  void readsKubeFleetMemberClusterListWithItsPropertyNames() {
    List<Cluster> clusters =
        InventoryReader.read(
            "fleet.yaml",
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: cluster.kubernetes-fleet.io/v1beta1
              kind: MemberCluster
              metadata: {name: member-1}
              spec: {taints: [{key: dedicated, effect: NoSchedule}]}
              status:
                properties:
                  kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count: {value: "3"}
                resourceUsage:
                  allocatable: {cpu: "8"}
            """);
    Cluster cluster = clusters.get(0);
    assertEquals(
        "3", cluster.properties().get("kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count"));
    assertEquals("8", cluster.properties().get("resources.kubernetes-fleet.io/allocatable-cpu"));
    assertEquals(TaintEffect.NoSelect, cluster.taints().get(0).effect());
  }

  @Test
  void readsKarmadaClusterListAsJson() {
    List<Cluster> clusters =
        InventoryReader.read(
            "karmada.json",
            """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "cluster.karmada.io/v1alpha1", "kind": "Cluster",
               "metadata": {"name": "member1", "labels": {"env": "prod"}},
               "spec": {"provider": "aws", "region": "us-east-1", "zone": "us-east-1a",
                        "syncMode": "Push",
                        "taints": [{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"},
                                   {"key": "slow", "effect": "PreferNoSchedule"}]},
               "status": {"resourceSummary": {"allocatable": {"cpu": "16", "memory": "64Gi"}}}}
            ]}
            """);
    Cluster cluster = clusters.get(0);
    assertEquals("member1", cluster.name());
    assertEquals("aws", cluster.properties().get("provider"));
    assertEquals("us-east-1a", cluster.properties().get("zone"));
    assertEquals("16", cluster.properties().get("cpu"));
    assertEquals(TaintEffect.NoSelectIfNew, cluster.taints().get(0).effect());
    assertEquals(TaintEffect.PreferNoSelect, cluster.taints().get(1).effect());
  }

  @Test
  void unknownKindsContributeTheirMetadataOnly() {
    List<Cluster> clusters =
        InventoryReader.read(
            "other.yaml",
            """
            kind: List
            items:
            - kind: Something
              metadata: {name: x1, labels: {a: b}}
              spec: {whatever: [1, 2]}
            """);
    assertEquals(Map.of("a", "b"), clusters.get(0).labels());
  }

  @Test
  void reportsUnknownFieldsWithLineColumnAndPath() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                InventoryReader.read(
                    "fleet.yaml",
                    """
                    kind: ClusterInventory
                    clusters:
                    - name: a
                      lables: {env: prod}
                    """));
    Problem problem = e.problems().get(0);
    assertEquals("fleet.yaml:4:3: clusters[0].lables: unknown field", problem.toString());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                InventoryReader.read(
                    "fleet.yaml",
                    """
                    kind: ClusterInventory
                    clusters:
                    - name: Not_A_Name
                      labels: {env: [prod]}
                    - name: b
                      labels: {"bad key!": x}
                      taints: [{key: t, effect: NoSchedule}]
                    """));
    List<String> lines = e.problems().stream().map(Problem::toString).toList();
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(
        lines.get(0).startsWith("fleet.yaml:3:9: clusters[0].name: Invalid value"), lines.get(0));
    assertTrue(
        lines.get(1).startsWith("fleet.yaml:4:17: clusters[0].labels[env]: wrong type"),
        lines.get(1));
    assertTrue(
        lines.get(2).contains("clusters[1].labels: Invalid value: \"bad key!\""), lines.get(2));
    assertTrue(
        lines.get(3).startsWith("fleet.yaml:7:29: clusters[1].taints[0].effect: Unsupported value"),
        lines.get(3));
  }

  @Test
  void invalidLabelValueIsLocatedAtTheValue() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                InventoryReader.read(
                    "fleet.yaml",
                    """
                    kind: ClusterInventory
                    clusters:
                    - name: a
                      labels:
                        env: "-prod"
                    """));
    assertTrue(
        e.problems().get(0).toString().startsWith("fleet.yaml:5:10: clusters[0].labels[env]: "),
        e.getMessage());
  }

  @Test
  void rejectsDuplicateClusterNames() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                InventoryReader.read(
                    "fleet.yaml", "kind: ClusterInventory\nclusters: [{name: a}, {name: a}]\n"));
    // Located at the second name, with its path and the first one's (issue 11, item 4).
    assertEquals(
        "fleet.yaml:2:30: clusters[1].name: Duplicate value: \"a\": the cluster name is already"
            + " used at clusters[0].name (line 2); cluster names must be unique",
        e.getMessage());
  }

  @Test
  void rejectsDuplicateKeys() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> InventoryReader.read("f.yaml", "kind: ClusterInventory\nkind: Cluster\n"));
    assertTrue(e.getMessage().startsWith("f.yaml:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate key \"kind\""), e.getMessage());
  }

  @Test
  void reportsSyntaxErrorsWithTheirLine() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> InventoryReader.read("f.yaml", "kind: ClusterInventory\nclusters: [a, b\n"));
    assertTrue(e.getMessage().startsWith("f.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot parse"), e.getMessage());
  }

  @Test
  void refusesAliasBombs() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char previous = 'a';
    for (char name = 'b'; name <= 'k'; name++) {
      yaml.append(name).append(": &").append(name).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = name;
    }
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> InventoryReader.read("bomb.yaml", yaml.toString()));
    assertTrue(e.getMessage().contains("YAML aliases (*name) are not supported"), e.getMessage());
  }

  @Test
  void refusesDeepNesting() {
    String yaml = "kind: ClusterInventory\nclusters: " + "[".repeat(200) + "]".repeat(200) + "\n";
    ValidationException e =
        assertThrows(ValidationException.class, () -> InventoryReader.read("deep.yaml", yaml));
    assertTrue(e.getMessage().contains("cannot parse"), e.getMessage());
  }

  @Test
  void missingFileIsAProblemOfThatFile() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> InventoryReader.read(Path.of("no/such/file.yaml")));
    assertEquals("no/such/file.yaml: no such file", e.getMessage());
  }

  @Test
  void documentWithoutKindIsRejected() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> InventoryReader.read("f.yaml", "name: a\n"));
    assertTrue(e.getMessage().contains("kind: Required value"), e.getMessage());
  }
}
