package dev.flotilla.placement;

import static dev.flotilla.placement.OcmPlacementTableTest.NOW;
import static dev.flotilla.placement.OcmPlacementTableTest.cluster;
import static dev.flotilla.placement.OcmPlacementTableTest.list;
import static dev.flotilla.placement.OcmPlacementTableTest.placement;
import static dev.flotilla.placement.OcmPlacementTableTest.withMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OCM's decision groups ({@code spec.decisionStrategy.groupStrategy}) as OCM's scheduling
 * controller forms them (ocm pkg/placement/controllers/scheduling/scheduling_controller.go,
 * generateDecisionGroups, calculateLength, divideDecisionGroups): named groups first, then the
 * clusters left over, each sorted by name and cut into chunks of {@code clustersPerDecisionGroup}.
 * Cases from the OCM test named in each; groups are written "name:cluster,cluster".
 */
class OcmDecisionGroupTableTest {

  /** The decision's group chunks, in index order, as "name:clusters" (clusters in chunk order). */
  static List<String> groups(String inventory, String ocmPlacement) {
    Placement placement = PlacementReader.parse("ocm-placement.yaml", ocmPlacement).value();
    PlacementDecision decision =
        Scheduler.of(CompiledPlacement.compile(placement))
            .schedule(
                Inventory.of(InventoryReader.read("managedclusters.yaml", inventory)),
                SchedulingContext.at(NOW));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < decision.groups().size(); i++) {
      PlacementDecision.Group g = decision.groups().get(i);
      assertEquals(i, g.groupIndex());
      out.add(g.groupName() + ":" + String.join(",", g.clusters()));
    }
    // Flotilla's own form of the converted placement reads back to the same placement.
    String written = PolicyWriter.toYaml(placement);
    assertEquals(placement, PlacementReader.parse("converted.yaml", written).value(), written);
    return out;
  }

  static String clusters(String... nameAndLabels) {
    List<String> out = new ArrayList<>();
    for (String c : nameAndLabels) {
      String[] parts = c.split(" ", 2);
      out.add(cluster(parts[0], parts.length > 1 ? parts[1] : "", "", "", ""));
    }
    return list(out.toArray(String[]::new));
  }

  static String strategy(String perGroup, String groups) {
    String out = "decisionStrategy:\n  groupStrategy:\n";
    if (!perGroup.isEmpty()) {
      out += "    clustersPerDecisionGroup: " + perGroup + "\n";
    }
    if (!groups.isEmpty()) {
      out += "    decisionGroups:\n" + groups.indent(4);
    }
    return placement(out);
  }

  static String group(String name, String matchLabels) {
    return "- groupName: "
        + name
        + "\n  groupClusterSelector: {labelSelector: {matchLabels: {"
        + matchLabels
        + "}}}\n";
  }

  static Stream<Arguments> cases() {
    String fourClouds =
        clusters(
            "cluster1 cloud: Amazon",
            "cluster2 cloud: Amazon",
            "cluster3 cloud: Azure",
            "cluster4 cloud: Azure");
    String threeClouds =
        clusters("cluster1 cloud: Amazon", "cluster2 cloud: Amazon", "cluster3 cloud: Azure");
    String fiveVendors =
        clusters(
            "canary1 vendor: openShift", "canary2 vendor: openShift", "plain1", "plain2", "plain3");
    return Stream.of(
        Arguments.of(
            "scheduling_controller_test.go: placement with canary group strategy",
            fourClouds,
            strategy("1", group("canary", "cloud: Azure")),
            List.of("canary:cluster3", "canary:cluster4", ":cluster1", ":cluster2")),
        Arguments.of(
            "scheduling_controller_test.go: placement with multiple group strategy",
            threeClouds,
            strategy("", group("group1", "cloud: Amazon") + group("group2", "cloud: Azure")),
            List.of("group1:cluster1,cluster2", "group2:cluster3")),
        Arguments.of(
            "scheduling_controller_test.go: placement with only cluster per decision group (25%"
                + " of 3 rounds up to 1)",
            threeClouds, strategy("\"25%\"", ""), List.of(":cluster1", ":cluster2", ":cluster3")),
        Arguments.of(
            "test/integration/placement/placement_test.go: decision group with 2 clusters per"
                + " group",
            fiveVendors,
            strategy("2", group("canary", "vendor: openShift")),
            List.of("canary:canary1,canary2", ":plain1,plain2", ":plain3")),
        Arguments.of(
            "test/integration/placement/placement_test.go: after deleting a canary and a plain"
                + " cluster",
            clusters("canary2 vendor: openShift", "plain2", "plain3"),
            strategy("2", group("canary", "vendor: openShift")),
            List.of("canary:canary2", ":plain2,plain3")),
        Arguments.of(
            "calculateLength: 34% of 3 is ceil(1.02) = 2",
            threeClouds, strategy("\"34%\"", ""), List.of(":cluster1,cluster2", ":cluster3")),
        Arguments.of(
            "calculateLength: a length of 0 or less is the total (one chunk)",
            fourClouds,
            strategy("0", group("canary", "cloud: Azure")),
            List.of("canary:cluster3,cluster4", ":cluster1,cluster2")),
        Arguments.of(
            "calculateLength: a negative length is the total",
            fourClouds,
            strategy("-3", ""),
            List.of(":cluster1,cluster2,cluster3,cluster4")),
        Arguments.of(
            "calculateLength: a length over the total is the total",
            fourClouds,
            strategy("2147483647", ""),
            List.of(":cluster1,cluster2,cluster3,cluster4")),
        Arguments.of(
            "generateDecisionGroups: a group nothing matches has no chunk",
            fourClouds,
            strategy("3", group("none", "cloud: Google")),
            List.of(":cluster1,cluster2,cluster3", ":cluster4")),
        Arguments.of(
            "generateDecisionGroups: no cluster, no group of clusters",
            "apiVersion: v1\nkind: List\nitems: []\n",
            strategy("1", group("canary", "cloud: Azure")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decisionGroupsAreOcmsDecisionGroups(
      String name, String inventory, String ocmPlacement, List<String> expected) {
    assertEquals(expected, groups(inventory, ocmPlacement));
  }

  /**
   * divideDecisionGroups sorts each group by name before cutting it: the chunks follow names, not
   * scores (ResourceAllocatableMemory ranks cluster3 first).
   */
  @Test
  void divideDecisionGroupsCutsByNameNotByScore() {
    String inventory =
        list(
            withMemory(cluster("cluster1", "", "", "", ""), "0", "100"),
            withMemory(cluster("cluster2", "", "", "", ""), "50", "100"),
            withMemory(cluster("cluster3", "", "", "", ""), "100", "100"));
    String ocm =
        placement(
            "prioritizerPolicy:\n  mode: Exact\n  configurations:\n"
                + "  - {scoreCoordinate: {builtIn: ResourceAllocatableMemory}, weight: 1}\n"
                + "decisionStrategy:\n  groupStrategy: {clustersPerDecisionGroup: 2}");
    assertEquals(List.of(":cluster1,cluster2", ":cluster3"), groups(inventory, ocm));
  }

  /**
   * calculateLength computes a percentage in float64, ceil(7 / 100 * 100) = ceil(7.000000000000001)
   * = 8: 100 clusters at 7% are 12 chunks of 8 and one of 4.
   */
  @Test
  void calculateLengthRoundsAPercentageUpInFloatingPoint() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      names.add(String.format("c%03d", i));
    }
    List<String> groups = groups(clusters(names.toArray(String[]::new)), strategy("\"7%\"", ""));
    assertEquals(13, groups.size());
    for (int i = 0; i < 12; i++) {
      assertEquals(":" + String.join(",", names.subList(8 * i, 8 * i + 8)), groups.get(i));
    }
    assertEquals(":" + String.join(",", names.subList(96, 100)), groups.get(12));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("calculateLength: a count as a string is not a percentage", "\"5\""),
        Arguments.of("the API's pattern: whole percentages only", "\"12.5%\""),
        Arguments.of("the API's pattern: 0% is not allowed", "\"0%\""),
        Arguments.of("the API's pattern: over 100%", "\"101%\""),
        Arguments.of("intstr.IntOrString: an int32", "3000000000"),
        Arguments.of("intstr.IntOrString: an integer or a string", "2.5"));
  }

  @ParameterizedTest(name = "refused: {0}")
  @MethodSource("refused")
  void aClustersPerDecisionGroupOcmRejectsIsAnError(String name, String value) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PlacementReader.parse("ocm-placement.yaml", strategy(value, "")));
    assertTrue(
        e.problems().stream()
            .anyMatch(
                p ->
                    p.path()
                        .equals("spec.decisionStrategy.groupStrategy.clustersPerDecisionGroup")),
        e::getMessage);
  }
}
