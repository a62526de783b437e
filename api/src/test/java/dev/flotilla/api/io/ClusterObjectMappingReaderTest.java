package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.kube.ClusterObjectMapping;
import dev.flotilla.api.kube.ClusterObjectMapping.ConditionStatus;
import dev.flotilla.api.kube.ClusterObjects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterObjectMappingReaderTest {
  private static final String SITES =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: ClusterObjectMapping
      metadata: {name: edge-sites}
      spec:
        apiVersion: edge.example.com/*
        kind: Site
        rules:
        - label: {key: example.com/store, path: spec.storeId}
        - property: {name: location, path: spec.location.city}
        - properties: {path: status.capacity, namePrefix: capacity.example.com/}
        - propertyList: {path: status.facts}
        - taints: {path: spec.taints, spelling: Kubernetes}
        - condition: {path: status.conditions, type: Online}
        - conditionTaint: {path: status.conditions, type: Online, statuses: ["False", Absent],
                           key: example.com/offline, effect: NoSelect}
      """;

  @Test
  void readsAMappingEqualToTheBuiltOne() {
    List<ClusterObjectMapping> mappings = ClusterObjectMappingReader.read("sites.yaml", SITES);
    ClusterObjectMapping built =
        ClusterObjectMapping.forKind("edge.example.com/*", "Site")
            .label("example.com/store", "spec.storeId")
            .property("location", "spec.location.city")
            .properties("status.capacity", "capacity.example.com/")
            .propertyList("status.facts", "name", "value")
            .taints("spec.taints", ClusterObjectMapping.TaintSpelling.Kubernetes)
            .condition("status.conditions", "Online")
            .conditionTaint(
                "status.conditions",
                "Online",
                Set.of(ConditionStatus.False, ConditionStatus.Absent),
                "example.com/offline",
                TaintEffect.NoSelect)
            .build();
    assertEquals(List.of(built), mappings);
    Cluster cluster =
        ClusterObjects.standard()
            .with(mappings)
            .toCluster(
                Map.of(
                    "apiVersion",
                    "edge.example.com/v1",
                    "kind",
                    "Site",
                    "metadata",
                    Map.of("name", "store-7"),
                    "spec",
                    Map.of("storeId", "7", "location", Map.of("city", "Lyon")),
                    "status",
                    Map.of(
                        "facts",
                        List.of(Map.of("name", "tier", "value", "gold")),
                        "conditions",
                        List.of())));
    assertEquals(Map.of("example.com/store", "7"), cluster.labels());
    assertEquals(Map.of("location", "Lyon", "tier", "gold"), cluster.properties());
    assertEquals(List.of(Taint.of("example.com/offline", TaintEffect.NoSelect)), cluster.taints());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                ClusterObjectMappingReader.read(
                    "sites.yaml",
                    """
                    apiVersion: flotilla.dev/v1alpha1
                    kind: ClusterObjectMapping
                    spec:
                      kind: Site
                      rules:
                      - label: {key: a, path: spec..id}
                      - taints: {path: spec.taints, spelling: Azure}
                      - {property: {name: x, path: a}, labels: {path: b}}
                      - conditionTaint: {path: s, type: T, statuses: [Never], key: k}
                    """));
    assertEquals(
        List.of(
            "sites.yaml:4:3: spec.apiVersion: Required value",
            "sites.yaml:6:27: spec.rules[0].label.path: Invalid value: \"spec..id\": a step is"
                + " empty: write fields separated by single dots",
            "sites.yaml:7:13: spec.rules[1].taints.spelling: Unsupported value: \"Azure\":"
                + " supported values: \"Flotilla\", \"Karmada\", \"Kubernetes\", \"OpenClusterManagement\"",
            "sites.yaml:8:5: spec.rules[2]: Invalid value: must set exactly one of labels, label,"
                + " annotations, properties, propertyList, property, taints, condition,"
                + " conditionTaint, kubeFleetEligibility",
            "sites.yaml:9:21: spec.rules[3].conditionTaint.effect: Required value",
            "sites.yaml:9:21: spec.rules[3].conditionTaint.statuses[0]: Unsupported value:"
                + " \"Never\": supported values: \"Absent\", \"False\", \"True\", \"Unknown\""),
        e.problems().stream().map(Problem::toString).toList());
  }
}
