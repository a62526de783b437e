package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PropertyOperator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementReaderTest {

  private static Placement read(String yaml) {
    return PlacementReader.parse("p.yaml", yaml).value();
  }

  private static List<String> problems(String yaml) {
    ValidationException e = assertThrows(ValidationException.class, () -> read(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void peersPropertyNamesAreLegalInAPropertySelector() {
    // The names KubeFleet's property providers publish (pkg/propertyprovider/commons.go and
    // azure/provider.go) and an OCM claim name (kubeversion.open-cluster-management.io).
    Placement placement =
        read(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - propertySelector:
                  matchExpressions:
                  - {name: resources.kubernetes-fleet.io/total-cpu, operator: Ge, values: ["8"]}
                  - {name: kubernetes-fleet.io/node-count, operator: Gt, values: ["2"]}
                  - name: kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count
                    operator: Ge
                    values: ["1"]
                  - {name: kubeversion.open-cluster-management.io, operator: Ge, values: [1.30.0]}
            """);
    assertTrue(
        placement
            .spec()
            .clusterSelectors()
            .get(0)
            .propertyRequirements()
            .get(2)
            .matches(Map.of("kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count", "3")));
    List<String> bad =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - propertySelector:
                  matchExpressions:
                  - {name: "example.com//count", operator: Ge, values: ["1"]}
            """);
    assertEquals(1, bad.size(), bad.toString());
    assertTrue(
        bad.get(0)
            .contains(
                "spec.clusterSelectors[0].propertySelector.matchExpressions[0].name: Invalid value"),
        bad.get(0));
  }

  @Test
  void readsEveryPartOfATerm() {
    Placement placement =
        read(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web, namespace: retail}
            spec:
              clusterSelectors:
              - labelSelector:
                  matchLabels: {env: prod}
                  matchExpressions:
                  - {key: canary, operator: DoesNotExist}
                propertySelector:
                  matchExpressions:
                  - {name: cpu, operator: Ge, values: ["16"]}
                celSelector:
                  expressions: ["cluster.labels['tier'] == 'edge'"]
              - {}
              clusterNames: [store-1]
              excludeClusterNames: [store-2]
            """);
    assertEquals("web", placement.name());
    assertEquals("retail", placement.namespace());
    ClusterSelectorTerm term = placement.spec().clusterSelectors().get(0);
    assertTrue(term.labelSelector().matches(Map.of("env", "prod")));
    assertTrue(!term.labelSelector().matches(Map.of("env", "prod", "canary", "true")));
    assertEquals(PropertyOperator.Ge, term.propertyRequirements().get(0).operator());
    assertTrue(term.propertyRequirements().get(0).matches(Map.of("cpu", "32")));
    assertEquals(List.of("cluster.labels['tier'] == 'edge'"), term.celExpressions());
    assertTrue(placement.spec().clusterSelectors().get(1).isEmpty());
    assertEquals(List.of("store-1"), placement.spec().clusterNames());
    assertEquals(List.of("store-2"), placement.spec().excludeClusterNames());
  }

  @Test
  void unsupportedOperatorIsReportedAtItsFieldPath() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - labelSelector:
                  matchExpressions:
                  - key: env
                    operator: in
                    values: [prod]
            """);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "p.yaml:9:19: spec.clusterSelectors[0].labelSelector.matchExpressions[0].operator:"
                    + " Unsupported value: \"in\""),
        problems.get(0));
  }

  @Test
  void selectingTheWholeFleetByOmissionIsAnError() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              excludeClusterNames: [a]
            """);
    assertTrue(problems.get(0).contains("spec.clusterSelectors: Required value"), problems.get(0));
  }

  @Test
  void orderingOperatorsNeedAQuantityOrAVersion() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - propertySelector:
                  matchExpressions:
                  - {name: location, operator: Gt, values: [paris]}
            """);
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "p.yaml:8:48: spec.clusterSelectors[0].propertySelector.matchExpressions[0].values"),
        problems.get(0));
    assertTrue(problems.get(0).contains("needs a quantity"), problems.get(0));
  }

  @Test
  void propertyRequirementsTakeExactlyOneValue() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - propertySelector:
                  matchExpressions:
                  - {name: cpu, operator: Eq, values: ["1", "2"]}
                  - {name: cpu, operator: Approximately, values: ["1"]}
            """);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("must have exactly one value"), problems.get(0));
    assertTrue(problems.get(1).contains("Unsupported value: \"Approximately\""), problems.get(1));
  }

  @Test
  void wrongApiVersionKindAndUnknownFields() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v2
            kind: Placemnt
            metadata: {name: web}
            spec:
              clusterSelectors: [{}]
              numberOfCluster: 3
            """);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("apiVersion: Unsupported value"), problems.get(0));
    assertTrue(problems.get(1).contains("kind: Unsupported value"), problems.get(1));
    assertEquals("p.yaml:6:3: spec.numberOfCluster: unknown field", problems.get(2));
  }

  @Test
  void sourceMapLocatesProblemsFoundLater() {
    Parsed<Placement> parsed =
        PlacementReader.parse(
            "p.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web}
            spec:
              clusterSelectors:
              - celSelector:
                  expressions:
                  - "cluster.labels["
            """);
    Problem located =
        parsed
            .sourceMap()
            .locate(Problem.at("spec.clusterSelectors[0].celSelector.expressions[0]", "bad"));
    assertEquals(
        "p.yaml:8:9: spec.clusterSelectors[0].celSelector.expressions[0]: bad", located.toString());
  }
}
