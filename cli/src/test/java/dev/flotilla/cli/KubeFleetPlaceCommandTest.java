package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code place} and {@code validate} on KubeFleet's objects: MemberClusters as the inventory, a
 * ClusterResourcePlacement as the placement (kubefleet pkg/scheduler/framework/framework.go: PickN
 * picks the highest scores, equal scores by descending name; clustereligibilitychecker/checker.go:
 * a stale heartbeat rules a cluster out).
 */
class KubeFleetPlaceCommandTest {
  @TempDir Path dir;

  private static String member(String name, String env, String heartbeat) {
    return """
        - apiVersion: cluster.kubernetes-fleet.io/v1
          kind: MemberCluster
          metadata: {name: %s, labels: {env: %s}}
          spec: {identity: {kind: ServiceAccount, name: agent, namespace: fleet-system}}
          status:
            agentStatus:
            - type: MemberAgent
              lastReceivedHeartbeat: "%s"
              conditions:
              - {type: Joined, status: "True", reason: r, lastTransitionTime: "2026-01-01T00:00:00Z"}
              - {type: Healthy, status: "True", reason: r, lastTransitionTime: "2026-01-01T00:00:00Z"}
        """
        .formatted(name, env, heartbeat);
  }

  private Path fleet() throws IOException {
    return FlotillaTest.write(
        dir,
        "members.yaml",
        "apiVersion: v1\nkind: List\nitems:\n"
            + member("member-a", "prod", "2026-03-01T11:59:00Z")
            + member("member-b", "prod", "2026-03-01T11:59:00Z")
            + member("member-c", "prod", "2026-03-01T11:59:00Z")
            + member("member-d", "prod", "2026-03-01T11:00:00Z")
            + member("member-e", "dev", "2026-03-01T11:59:00Z"));
  }

  @Test
  void placePrintsThePickedMemberClusters() throws IOException {
    Path crp =
        FlotillaTest.write(
            dir,
            "crp.yaml",
            """
            apiVersion: placement.kubernetes-fleet.io/v1
            kind: ClusterResourcePlacement
            metadata: {name: web}
            spec:
              resourceSelectors: [{group: "", version: v1, kind: Namespace, name: web}]
              policy:
                placementType: PickN
                numberOfClusters: 2
                affinity:
                  clusterAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      clusterSelectorTerms:
                      - labelSelector: {matchLabels: {env: prod}}
            """);
    FlotillaTest.Result result =
        FlotillaTest.run(
            "place",
            "--inventory",
            fleet().toString(),
            "--placement",
            crp.toString(),
            "--now",
            "2026-03-01T12:00:00Z",
            "-o",
            "names");
    assertEquals("", result.err());
    assertEquals(0, result.status());
    // member-d's heartbeat is an hour old; of a, b, c the two largest names win the tie.
    assertEquals("member-b\nmember-c\n", result.out());
  }

  @Test
  void whatKubeFleetRefusesIsAnErrorWithItsFieldPath() throws IOException {
    Path crp =
        FlotillaTest.write(
            dir,
            "spread.yaml",
            """
            apiVersion: placement.kubernetes-fleet.io/v1beta1
            kind: ClusterResourcePlacement
            metadata: {name: web}
            spec:
              resourceSelectors: [{group: "", version: v1, kind: Namespace, name: web}]
              policy:
                placementType: PickN
                numberOfClusters: 2
                topologySpreadConstraints:
                - {topologyKey: region, maxSkew: 1}
                tolerations:
                - {key: gpu, operator: Exists, value: "x"}
            """);
    FlotillaTest.Result result =
        FlotillaTest.run(
            "place",
            "--inventory",
            fleet().toString(),
            "--placement",
            crp.toString(),
            "-o",
            "names");
    assertEquals(1, result.status());
    assertEquals("", result.out());
    assertTrue(
        result.err().contains("spec.policy.topologySpreadConstraints: not supported"),
        result.err());
    assertTrue(result.err().contains("spec.policy.tolerations[0]"), result.err());
    for (String line : result.err().split("\n")) {
      assertTrue(line.startsWith("error: "), line);
    }
    assertEquals(1, FlotillaTest.run("validate", crp.toString()).status());
  }
}
