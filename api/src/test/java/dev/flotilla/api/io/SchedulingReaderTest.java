package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The scheduling fields of a placement file, and previous decisions. */
class SchedulingReaderTest {
  private static final String HEAD =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Placement
      metadata: {name: web}
      spec:
        clusterSelectors: [{}]
      """;

  private static PlacementSpec read(String scheduling) {
    return PlacementReader.parse("p.yaml", HEAD + scheduling).value().spec();
  }

  private static List<String> problems(String scheduling) {
    ValidationException e = assertThrows(ValidationException.class, () -> read(scheduling));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEverySchedulingField() {
    PlacementSpec spec =
        read(
            """
              numberOfClusters: 10
              tolerations:
              - {key: maintenance, operator: Exists, effect: NoSelect, tolerationSeconds: 300}
              - {key: gpu, value: a100}
              prioritizers:
              - {weight: 2, propertySorter: {name: cpu, sortOrder: Descending}}
              - {weight: -1, labelPreference: {matchLabels: {tier: bronze}}}
              - {score: {name: latency}}
              spreadConstraints:
              - {topologyKey: "property:location", maxSkew: 2, minDomains: 3, maxDomains: 5,
                 whenUnsatisfiable: ScheduleAnyway}
              decisionGroups:
              - {groupName: canary, clusterSelector: {matchLabels: {canary: "true"}},
                 clustersPerGroup: 2}
              - {groupName: rest, clusterSelector: {}, clustersPerGroup: "25%"}
              rollout:
                canaryGroups: [canary]
                maxConcurrency: "10%"
                topologyKey: topology.kubernetes.io/zone
                maxUnavailablePerDomain: 1
            """);
    assertEquals(OptionalInt.of(10), spec.numberOfClusters());
    assertEquals(TolerationOperator.Exists, spec.tolerations().get(0).operator());
    assertEquals(OptionalLong.of(300), spec.tolerations().get(0).tolerationSeconds());
    assertEquals(TaintEffect.NoSelect, spec.tolerations().get(0).effect().orElseThrow());
    assertEquals(TolerationOperator.Equal, spec.tolerations().get(1).operator(), "default");
    assertEquals(
        new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 2),
        spec.prioritizers().get(0));
    assertTrue(
        ((Prioritizer.LabelPreference) spec.prioritizers().get(1))
            .labelSelector()
            .matches(Map.of("tier", "bronze")));
    assertEquals(new Prioritizer.Score("latency", 1), spec.prioritizers().get(2));
    assertEquals(TopologyKey.property("location"), spec.spreadConstraints().get(0).topologyKey());
    assertEquals(
        WhenUnsatisfiable.ScheduleAnyway, spec.spreadConstraints().get(0).whenUnsatisfiable());
    assertEquals(OptionalInt.of(5), spec.spreadConstraints().get(0).maxDomains());
    assertEquals(
        IntOrPercent.percentage(25), spec.decisionGroups().get(1).clustersPerGroup().get());
    assertEquals(List.of("canary"), spec.rollout().get().canaryGroups());
    assertEquals(IntOrPercent.percentage(10), spec.rollout().get().maxConcurrency().get());
    assertEquals(IntOrPercent.count(1), spec.rollout().get().maxUnavailablePerDomain().get());
  }

  @Test
  void everyProblemIsReportedWithLineAndFieldPath() {
    List<String> problems =
        problems(
            """
              numberOfClusters: -1
              tolerations:
              - {key: maintenance, operator: Sometimes}
              - {operator: Equal, value: x}
              prioritizers:
              - {weight: 500, score: {name: latency}}
              - {propertySorter: {name: cpu, sortOrder: Up}}
              - {weight: 1}
              spreadConstraints:
              - {topologyKey: zone, maxSkew: 0, colour: blue}
              decisionGroups:
              - {groupName: canary, clusterSelector: {}, clustersPerGroup: "150%"}
              rollout:
                canaryGroups: [nope]
                maxUnavailablePerDomain: 1
            """);
    String all = String.join("\n", problems);
    for (String expected :
        List.of(
            "p.yaml:6:21: spec.numberOfClusters: Invalid value: -1: must be at least 0",
            "spec.tolerations[0].operator: Unsupported value: \"Sometimes\"",
            "spec.tolerations[1].operator: Invalid value: \"Equal\": an empty key needs Exists",
            "spec.prioritizers[0].weight: Invalid value: 500: must be between -100 and 100",
            "spec.prioritizers[1].propertySorter.sortOrder: Unsupported value: \"Up\"",
            "spec.prioritizers[2]: Invalid value: must set exactly one of",
            "spec.spreadConstraints[0].colour: unknown field",
            "spec.decisionGroups[0].clustersPerGroup: Invalid value: \"150%\"",
            "spec.rollout.topologyKey: Required value: maxUnavailablePerDomain needs a topologyKey")) {
      assertTrue(all.contains(expected), "missing: " + expected + "\nin:\n" + all);
    }
    for (String problem : problems) {
      assertTrue(problem.matches("p\\.yaml:\\d+:\\d+: spec\\..*"), problem);
    }
  }

  @Test
  void crossFieldRulesAreCheckedOnceTheFieldsAreValid() {
    String all =
        String.join(
            "\n",
            problems(
                """
                  spreadConstraints:
                  - {topologyKey: zone, maxSkew: 1}
                  - {topologyKey: region, maxSkew: 1}
                  decisionGroups:
                  - {groupName: a, clusterSelector: {}}
                  - {groupName: a, clusterSelector: {}}
                  rollout: {canaryGroups: [b]}
                """));
    assertTrue(all.contains("spec.spreadConstraints: Too many: 2: must have at most 1 items"), all);
    assertTrue(all.contains("spec.decisionGroups[1].groupName: Duplicate value: \"a\""), all);
    assertTrue(all.contains("spec.rollout.canaryGroups[0]: Not found: \"b\""), all);
  }

  @Test
  void intOrPercentRoundsDownButNeverBelowOne() {
    assertEquals(2, IntOrPercent.parse("25%").resolve(10));
    assertEquals(1, IntOrPercent.parse("1%").resolve(10));
    assertEquals(10, IntOrPercent.parse("100%").resolve(10));
    assertEquals(0, IntOrPercent.parse("50%").resolve(0));
    assertEquals(3, IntOrPercent.parse("7").resolve(3), "a count is capped by the total");
    assertThrows(ValidationException.class, () -> IntOrPercent.parse("0"));
    assertThrows(ValidationException.class, () -> IntOrPercent.parse("x%"));
    assertEquals("25%", IntOrPercent.parse("25%").toString());
  }

  @Test
  void topologyKeysTellLabelsFromProperties() {
    assertEquals(
        TopologyKey.label("topology.kubernetes.io/zone"),
        TopologyKey.parse("topology.kubernetes.io/zone"));
    assertEquals(TopologyKey.property("location"), TopologyKey.parse("property:location"));
    assertEquals("property:location", TopologyKey.property("location").toString());
    assertThrows(ValidationException.class, () -> TopologyKey.parse("property:"));
  }

  @Test
  void readsThePreviousDecisionThatPlaceWrites() {
    PreviousDecision decision =
        DecisionReader.parse(
                "d.yaml",
                """
                placement: web
                namespace: retail
                selected: 2
                clusters: [store-1, store-2]
                groups: [{groupName: "", groupIndex: 0, clusters: [store-1, store-2]}]
                waves: []
                evaluationErrors: 0
                errors: []
                """)
            .value();
    assertEquals(new PreviousDecision("web", "retail", List.of("store-1", "store-2")), decision);
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.parse("d.yaml", "placement: web\nclusters: [Bad_Name]\nx: 1\n"));
    String all = e.getMessage();
    assertTrue(all.contains("d.yaml:3:1: x: unknown field"), all);
    ValidationException bad =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.parse("d.yaml", "placement: web\nclusters: [Bad_Name]\n"));
    assertTrue(
        bad.getMessage().contains("d.yaml:2:12: clusters[0]: Invalid value"), bad.getMessage());
  }

  @Test
  void placementsWithoutSchedulingStillReadAsBefore() {
    Placement placement = PlacementReader.parse("p.yaml", HEAD).value();
    assertTrue(placement.spec().tolerations().isEmpty());
    assertTrue(placement.spec().numberOfClusters().isEmpty());
    assertTrue(placement.spec().rollout().isEmpty());
  }
}
