package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Flotilla's {@code spec.clustersPerDecisionGroup} (OCM's grouping): read, written back, forbidden
 * beside a group's own {@code clustersPerGroup}, and sized as OCM's calculateLength sizes a group
 * (ocm pkg/placement/controllers/scheduling/scheduling_controller.go).
 */
class ClustersPerDecisionGroupTest {
  static String placement(String spec) {
    return "apiVersion: flotilla.dev/v1alpha1\nkind: Placement\nmetadata: {name: p}\nspec:\n"
        + "  clusterSelectors: [{}]\n"
        + spec.indent(2);
  }

  @Test
  void readAndWrittenBack() {
    Placement p =
        PlacementReader.parse(
                "p.yaml",
                placement(
                    "clustersPerDecisionGroup: 25%\n"
                        + "decisionGroups: [{groupName: canary, clusterSelector: {}}]"))
            .value();
    assertEquals(Optional.of(IntOrPercent.percentage(25)), p.spec().clustersPerDecisionGroup());
    String written = PolicyWriter.toYaml(p);
    assertTrue(written.contains("clustersPerDecisionGroup: 25%"), written);
    assertEquals(p, PlacementReader.parse("back.yaml", written).value());
    Placement count =
        PlacementReader.parse("p.yaml", placement("clustersPerDecisionGroup: 3")).value();
    assertEquals(Optional.of(IntOrPercent.count(3)), count.spec().clustersPerDecisionGroup());
  }

  @Test
  void forbiddenBesideAGroupsOwnChunkSize() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                PlacementReader.parse(
                    "p.yaml",
                    placement(
                        "clustersPerDecisionGroup: 2\n"
                            + "decisionGroups:\n"
                            + "- {groupName: canary, clusterSelector: {}, clustersPerGroup: 1}")));
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.path().equals("spec.decisionGroups[0].clustersPerGroup")),
        e::getMessage);
  }

  @Test
  void aBadValueIsAnErrorAtItsPath() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PlacementReader.parse("p.yaml", placement("clustersPerDecisionGroup: 0%")));
    assertTrue(
        e.problems().stream().anyMatch(p -> p.path().equals("spec.clustersPerDecisionGroup")),
        e::getMessage);
  }

  /** calculateLength: ceil(percent / 100 * total) in float64; a count over the total is it. */
  @Test
  void resolveUpIsOcmsCalculateLength() {
    assertEquals(1, IntOrPercent.percentage(25).resolveUp(3));
    assertEquals(2, IntOrPercent.percentage(34).resolveUp(3));
    assertEquals(8, IntOrPercent.percentage(7).resolveUp(100)); // 7.000000000000001
    assertEquals(5, IntOrPercent.percentage(100).resolveUp(5));
    assertEquals(4, IntOrPercent.count(9).resolveUp(4));
    assertEquals(2, IntOrPercent.count(2).resolveUp(4));
    assertEquals(0, IntOrPercent.percentage(50).resolveUp(0));
  }
}
