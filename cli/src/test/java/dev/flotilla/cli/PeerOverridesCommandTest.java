package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla customize} with the peers' overrides as they are: a Karmada OverridePolicy on an
 * inventory of Karmada Clusters, a KubeFleet ResourceOverride on MemberClusters, and the errors of
 * a policy that cannot be carried over.
 */
class PeerOverridesCommandTest {
  @TempDir Path dir;
  Path karmadaClusters;
  Path fleetClusters;
  Path deploy;

  @BeforeEach
  void files() throws IOException {
    karmadaClusters =
        FlotillaTest.write(
            dir,
            "karmada-clusters.yaml",
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: cluster.karmada.io/v1alpha1
              kind: Cluster
              metadata: {name: member1, labels: {env: prod}}
              spec: {provider: aws, region: eu-west-1, zones: [eu-west-1a]}
            - apiVersion: cluster.karmada.io/v1alpha1
              kind: Cluster
              metadata: {name: member2, labels: {env: dev}}
              spec: {provider: gcp, region: us-east1}
            """);
    fleetClusters =
        FlotillaTest.write(
            dir,
            "member-clusters.yaml",
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: cluster.kubernetes-fleet.io/v1beta1
              kind: MemberCluster
              metadata: {name: cluster-1, labels: {region: us-west}}
              spec: {identity: {kind: ServiceAccount, name: fleet, namespace: fleet-system}}
            """);
    deploy =
        FlotillaTest.write(
            dir,
            "deploy.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec:
              template:
                spec:
                  containers: [{name: web, image: "docker.io/shop/web:1.0", args: [--port=80]}]
            """);
  }

  @Test
  void karmadaOverridePolicyCustomizesForOneCluster() throws IOException {
    Path policy =
        FlotillaTest.write(
            dir,
            "karmada-op.yaml",
            """
            apiVersion: policy.karmada.io/v1alpha1
            kind: OverridePolicy
            metadata: {name: web, namespace: default}
            spec:
              resourceSelectors:
              - {apiVersion: apps/v1, kind: Deployment, name: web, namespace: default}
              overrideRules:
              - targetCluster:
                  fieldSelector:
                    matchExpressions: [{key: region, operator: In, values: [eu-west-1]}]
                overriders:
                  imageOverrider:
                  - {component: Registry, operator: replace, value: mirror.eu.example.com}
                  argsOverrider:
                  - {containerName: web, operator: add, value: [--region=eu]}
                  labelsOverrider:
                  - {operator: add, value: {tier: edge}}
            """);
    Result result =
        run(
            "customize",
            "--inventory",
            karmadaClusters.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            deploy.toString(),
            "--cluster",
            "member1",
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    JsonNode out = new ObjectMapper().readTree(result.out());
    assertEquals(
        "mirror.eu.example.com/shop/web:1.0",
        out.at("/member1/0/spec/template/spec/containers/0/image").asText());
    assertEquals(
        "[\"--port=80\",\"--region=eu\"]",
        out.at("/member1/0/spec/template/spec/containers/0/args").toString());
    assertEquals("edge", out.at("/member1/0/metadata/labels/tier").asText());

    Result other =
        run(
            "customize",
            "--inventory",
            karmadaClusters.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            deploy.toString(),
            "--cluster",
            "member2",
            "-o",
            "json");
    assertEquals(0, other.status(), other.err());
    assertEquals(
        "docker.io/shop/web:1.0",
        new ObjectMapper()
            .readTree(other.out())
            .at("/member2/0/spec/template/spec/containers/0/image")
            .asText());
  }

  @Test
  void kubeFleetResourceOverrideUsesTheMemberClustersLabels() throws IOException {
    Path policy =
        FlotillaTest.write(
            dir,
            "resource-override.yaml",
            """
            apiVersion: placement.kubernetes-fleet.io/v1beta1
            kind: ResourceOverride
            metadata: {name: web, namespace: default}
            spec:
              resourceSelectors:
              - {group: apps, version: v1, kind: Deployment, name: web}
              policy:
                overrideRules:
                - clusterSelector: {clusterSelectorTerms: []}
                  jsonPatchOverrides:
                  - {op: add, path: /metadata/labels/where, value: "${MEMBER-CLUSTER-NAME}.${MEMBER-CLUSTER-LABEL-KEY-region}"}
            """);
    Result result =
        run(
            "customize",
            "--inventory",
            fleetClusters.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            deploy.toString(),
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    assertEquals(
        "cluster-1.us-west",
        new ObjectMapper()
            .readTree(result.out())
            .at("/cluster-1/0/metadata/labels/where")
            .asText());
  }

  @Test
  void aPolicyThatCannotBeCarriedOverExitsOneNamingTheFields() throws IOException {
    Path policy =
        FlotillaTest.write(
            dir,
            "karmada-op.yaml",
            """
            apiVersion: policy.karmada.io/v1alpha1
            kind: OverridePolicy
            metadata: {name: web, namespace: default}
            spec:
              resourceSelectors:
              - {apiVersion: apps/v1, kind: Deployment, namespace: default}
              overrideRules:
              - targetCluster:
                  fieldSelector:
                    matchExpressions: [{key: region, operator: Exists}]
                overriders:
                  fieldOverrider:
                  - fieldPath: /data/app.yaml
                    yaml: [{subPath: /a, operator: remove}]
                    json: [{subPath: /a, operator: remove}]
                  plaintext:
                  - {path: /spec/template/spec/containers/-1/image, operator: replace, value: x}
            """);
    Result result =
        run(
            "customize",
            "--inventory",
            karmadaClusters.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            deploy.toString(),
            "--cluster",
            "member1");
    assertEquals(1, result.status(), result.out());
    String err = result.err();
    assertTrue(err.contains("error: " + policy + ":"), err);
    assertTrue(
        err.lines()
            .anyMatch(
                l ->
                    l.startsWith("error: ")
                        && l.contains(
                            "spec.overrideRules[0].targetCluster.fieldSelector.matchExpressions[0].operator: Unsupported value: \"Exists\"")),
        err);
    assertTrue(
        err.lines()
            .anyMatch(
                l ->
                    l.startsWith("error: ")
                        && l.contains(
                            "spec.overrideRules[0].overriders.fieldOverrider[0]: Invalid value:"
                                + " FieldOverrider has both YAML and JSON set")),
        err);
    assertTrue(
        err.lines()
            .anyMatch(
                l ->
                    l.startsWith("error: ")
                        && l.contains("spec.overrideRules[0].overriders.plaintext[0].path")),
        err);
    assertTrue(err.lines().allMatch(l -> l.startsWith("error: ")), err);
  }
}
