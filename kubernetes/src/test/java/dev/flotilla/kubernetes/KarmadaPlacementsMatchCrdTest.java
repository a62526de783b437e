package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.placement.Placement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Karmada PropagationPolicies converted to Flotilla placements (with affinity groups, replica
 * scheduling and static weights) are written as documents the Placement CRD accepts.
 */
class KarmadaPlacementsMatchCrdTest {
  private static List<String> problems(JsonNode document) {
    return CrdDocumentsTest.schemas()
        .get(document.get("apiVersion").textValue() + " " + document.get("kind").textValue())
        .validate(document);
  }

  @Test
  void convertedExampleValidates() {
    Placement placement =
        PlacementReader.read(Path.of("../examples/peers/karmada/propagationpolicy.yaml"));
    assertEquals(
        List.of(), problems(PolicyWriter.toTree(placement)), PolicyWriter.toYaml(placement));
  }

  @Test
  void convertedGroupsAndStaticWeightsValidate() {
    Placement placement =
        PlacementReader.parse(
                "policy.yaml",
                """
                apiVersion: policy.karmada.io/v1alpha1
                kind: ClusterPropagationPolicy
                metadata: {name: app}
                spec:
                  resourceSelectors:
                  - {apiVersion: apps/v1, kind: Deployment}
                  placement:
                    clusterAffinities:
                    - affinityName: local
                      labelSelector: {matchLabels: {site: local}}
                      exclude: [old]
                    - affinityName: cloud
                      fieldSelector:
                        matchExpressions:
                        - {key: provider, operator: In, values: [aws]}
                    spreadConstraints:
                    - {spreadByField: cluster, minGroups: 1, maxGroups: 3}
                    replicaScheduling:
                      replicaSchedulingType: Divided
                      weightPreference:
                        staticWeightList:
                        - targetCluster: {clusterNames: [a, b]}
                          weight: 2
                """)
            .value();
    assertEquals(
        List.of(), problems(PolicyWriter.toTree(placement)), PolicyWriter.toYaml(placement));
  }
}
