package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code place} reads an OCM Placement and an inventory of ManagedClusters as they are. */
class OcmPlacementCommandTest {
  @TempDir Path dir;

  private static final String INVENTORY =
      """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: cluster.open-cluster-management.io/v1
        kind: ManagedCluster
        metadata: {name: cluster3, labels: {cloud: Amazon}}
        spec: {hubAcceptsClient: true}
        status:
          conditions: [{type: ManagedClusterConditionAvailable, status: "True"}]
      - apiVersion: cluster.open-cluster-management.io/v1
        kind: ManagedCluster
        metadata: {name: cluster1, labels: {cloud: Amazon}}
        spec: {hubAcceptsClient: true}
        status:
          conditions: [{type: ManagedClusterConditionAvailable, status: "True"}]
      - apiVersion: cluster.open-cluster-management.io/v1
        kind: ManagedCluster
        metadata: {name: cluster2, labels: {cloud: Google}}
        spec: {hubAcceptsClient: true}
        status:
          conditions: [{type: ManagedClusterConditionAvailable, status: "True"}]
      """;

  @Test
  void placePrintsTheClustersOcmWouldPick() throws IOException {
    Path inventory = FlotillaTest.write(dir, "managedclusters.yaml", INVENTORY);
    Path placement =
        FlotillaTest.write(
            dir,
            "ocm-placement.yaml",
            """
            apiVersion: cluster.open-cluster-management.io/v1beta1
            kind: Placement
            metadata: {name: web, namespace: shop}
            spec:
              numberOfClusters: 1
              predicates:
              - requiredClusterSelector:
                  celSelector:
                    celExpressions: ['managedCluster.metadata.labels["cloud"] == "Amazon"']
            """);
    Result result =
        run(
            "place",
            "--inventory",
            inventory.toString(),
            "--placement",
            placement.toString(),
            "-o",
            "names");
    assertEquals(0, result.status(), result.err());
    assertEquals("cluster1\n", result.out());
  }

  @Test
  void whatCannotBeCarriedOverExitsOneWithTheFieldPath() throws IOException {
    Path inventory = FlotillaTest.write(dir, "managedclusters.yaml", INVENTORY);
    Path placement =
        FlotillaTest.write(
            dir,
            "ocm-placement.yaml",
            """
            apiVersion: cluster.open-cluster-management.io/v1beta1
            kind: Placement
            metadata: {name: web, namespace: shop}
            spec:
              clusterSets: [global]
            """);
    Result result =
        run(
            "place",
            "--inventory",
            inventory.toString(),
            "--placement",
            placement.toString(),
            "-o",
            "names");
    assertEquals(1, result.status(), result.err());
    assertTrue(result.err().startsWith("error:"), result.err());
    assertTrue(result.err().contains("spec.clusterSets"), result.err());
    assertTrue(!result.err().contains("Exception"), result.err());
  }
}
