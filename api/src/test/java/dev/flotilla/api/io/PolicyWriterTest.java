package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.summary.StatusSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Named cases of {@link PolicyWriter}: the canonical form, YAML 1.1 quoting, refusals. */
class PolicyWriterTest {

  @Test
  void placementIsWrittenInTheDocumentedOrderWithAbsentFieldsLeftOut() {
    Placement placement =
        new Placement(
            "pos",
            "retail",
            new PlacementSpec(
                    List.of(
                        new ClusterSelectorTerm(
                            LabelSelector.parse("env=prod,tier in (a,b)"),
                            List.of(PropertyRequirement.of("cpu", PropertyOperator.Ge, "2000m")),
                            List.of())),
                    List.of("on"),
                    List.of())
                .withNumberOfClusters(3)
                .withTolerations(List.of(Toleration.exists("maintenance").forSeconds(60)))
                .withDecisionGroups(
                    List.of(
                        DecisionGroup.of("canary", "canary=yes", IntOrPercent.percentage(25)))));
    assertEquals(
        """
        apiVersion: flotilla.dev/v1alpha1
        kind: Placement
        metadata:
          name: pos
          namespace: retail
        spec:
          clusterSelectors:
          - labelSelector:
              matchLabels:
                env: prod
              matchExpressions:
              - key: tier
                operator: In
                values:
                - a
                - b
            propertySelector:
              matchExpressions:
              - name: cpu
                operator: Ge
                values:
                - "2"
          clusterNames:
          - "on"
          numberOfClusters: 3
          tolerations:
          - key: maintenance
            operator: Exists
            tolerationSeconds: 60
          decisionGroups:
          - groupName: canary
            clusterSelector:
              matchLabels:
                canary: "yes"
            clustersPerGroup: 25%
        """,
        PolicyWriter.toYaml(placement));
  }

  @Test
  void stringsThatYaml11ReadsAsOtherTypesStayQuoted() {
    Cluster cluster =
        new Cluster(
            "on",
            Map.of("yes", "1.10", "y", "off"),
            Map.of("note", "12:30"),
            Map.of("kubernetesVersion", "1.10", "since", "2026-01-01"),
            List.of(
                new Taint(
                    "maintenance",
                    "no",
                    TaintEffect.NoSelect,
                    Optional.of(Instant.parse("2026-11-20T08:00:00Z")))));
    String yaml = PolicyWriter.toYaml(List.of(cluster));
    for (String quoted :
        List.of(
            "name: \"on\"",
            "\"yes\": \"1.10\"",
            "\"y\": \"off\"",
            "note: \"12:30\"",
            "since: \"2026-01-01\"",
            "value: \"no\"",
            "timeAdded: \"2026-11-20T08:00:00Z\"")) {
      assertTrue(yaml.contains(quoted), quoted + " in\n" + yaml);
    }
    assertEquals(List.of(cluster), InventoryReader.read("i.yaml", yaml));
  }

  @Test
  void everyExamplePolicyReadsBackEqual() throws IOException {
    int policies = 0;
    try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(file);
        if (text.contains("\nkind: Placement")) {
          Placement placement = PlacementReader.read(file);
          assertEquals(
              placement, PlacementReader.parse("p.yaml", PolicyWriter.toYaml(placement)).value());
          policies++;
        } else if (text.contains("\nkind: Customization")) {
          Customization customization = CustomizationReader.read(file);
          assertEquals(
              customization,
              CustomizationReader.parse("c.json", PolicyWriter.toJson(customization)).value());
          policies++;
        } else if (text.contains("\nkind: StatusSummary")) {
          StatusSummary summary = StatusSummaryReader.read(file);
          assertEquals(
              summary, StatusSummaryReader.parse("s.yaml", PolicyWriter.toYaml(summary)).value());
          policies++;
        } else if (text.contains("\nkind: ClusterInventory")) {
          List<Cluster> clusters = InventoryReader.read(file);
          assertEquals(clusters, InventoryReader.read("i.yaml", PolicyWriter.toYaml(clusters)));
          policies++;
        }
      }
    }
    assertTrue(policies >= 5, "examples found: " + policies);
  }

  @Test
  void aSelectorThatMatchesNothingHasNoWrittenForm() {
    Placement placement =
        Placement.of(
            "p",
            PlacementSpec.selecting(
                ClusterSelectorTerm.all(), ClusterSelectorTerm.labels(LabelSelector.nothing())));
    ValidationException e =
        assertThrows(ValidationException.class, () -> PolicyWriter.toTree(placement));
    assertEquals("spec.clusterSelectors[1].labelSelector", e.problems().get(0).path());
  }

  @Test
  void equivalentOperatorsAreWrittenAsInAndNotIn() {
    Placement placement =
        Placement.of("p", PlacementSpec.selecting(ClusterSelectorTerm.labels("a==x,b!=y,a=z")));
    Placement back = PlacementReader.parse("p.yaml", PolicyWriter.toYaml(placement)).value();
    assertEquals(
        "a in (x),a in (z),b notin (y)",
        back.spec().clusterSelectors().get(0).labelSelector().toString());
  }

  @Test
  void actionsOutOfTheReadersOrderAreRefusedWithThePath() {
    Rule rule =
        new Rule(
            "r",
            Optional.of(ClusterSelectorTerm.all()),
            List.of(
                new Action.MergePatch(JsonNodeFactory.instance.objectNode()),
                new Action.RemoveValue("$.a")),
            false);
    Customization customization = Customization.of("c", CustomizationSpec.of(List.of(rule)));
    ValidationException e =
        assertThrows(ValidationException.class, () -> PolicyWriter.toJson(customization));
    assertEquals("spec.rules[0]", e.problems().get(0).path());
    assertTrue(e.problems().get(0).message().contains("out of order"), e.getMessage());
  }

  @Test
  void aNullMergePatchIsRefused() {
    Rule rule =
        Rule.of(
            "r",
            ClusterSelectorTerm.all(),
            new Action.MergePatch(JsonNodeFactory.instance.nullNode()));
    Customization customization = Customization.of("c", CustomizationSpec.of(List.of(rule)));
    ValidationException e =
        assertThrows(ValidationException.class, () -> PolicyWriter.toYaml(customization));
    assertEquals("spec.rules[0].mergePatch", e.problems().get(0).path());
  }

  @Test
  void tolerationSecondsBeyondAnIntAreRefused() {
    Placement placement =
        Placement.of(
            "p",
            PlacementSpec.selecting(ClusterSelectorTerm.all())
                .withTolerations(List.of(Toleration.exists("k").forSeconds(1L << 32))));
    ValidationException e =
        assertThrows(ValidationException.class, () -> PolicyWriter.toYaml(placement));
    assertEquals("spec.tolerations[0].tolerationSeconds", e.problems().get(0).path());
  }
}
