package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.PreviousDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DecisionReader} on {@code PlacementDecision} pages, as a controller stores them. */
class DecisionPageReaderTest {
  private static final String PAGE_1 =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: PlacementDecision
      metadata:
        name: web-decision-1
        namespace: edge
        uid: 3c1d            # what a server adds is ignored
        resourceVersion: "42"
        labels: {flotilla.dev/placement: web, flotilla.dev/decision-index: "1"}
      status:
        pages: 2
        selected: 3
        eligible: 5
        decisions:
        - {clusterName: b, groupName: canary, groupIndex: 0, score: 10, wave: 0}
        - {clusterName: a, groupIndex: 1}
      """;
  private static final String PAGE_2 =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: PlacementDecision
      metadata:
        name: web-decision-2
        namespace: edge
        labels: {flotilla.dev/placement: web, flotilla.dev/decision-index: "2"}
      status:
        pages: 2
        decisions: [{clusterName: c}]
      """;

  @Test
  void pagesInAnyOrderReadAsOneDecisionInPageOrder() {
    PreviousDecision decision = DecisionReader.parse("d.yaml", PAGE_2 + "---\n" + PAGE_1).value();
    assertEquals(new PreviousDecision("web", "edge", List.of("b", "a", "c")), decision);
  }

  @Test
  void oneOfSeveralPagesReadsAlone() {
    assertEquals(List.of("c"), DecisionReader.parse("d.yaml", PAGE_2).value().clusters());
  }

  @Test
  void aListOfPagesReads() {
    String list =
        "apiVersion: v1\nkind: List\nitems:\n"
            + ("- " + PAGE_1.replace("\n", "\n  ")).stripTrailing()
            + "\n"
            + ("- " + PAGE_2.replace("\n", "\n  ")).stripTrailing()
            + "\n";
    assertEquals(List.of("b", "a", "c"), DecisionReader.parse("d.yaml", list).value().clusters());
  }

  @Test
  void problemsNameTheDocumentFieldAndLine() {
    String broken =
        PAGE_1.replace("flotilla.dev/placement: web, ", "").replace("wave: 0", "waves: 0");
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.parse("d.yaml", broken + "---\n" + PAGE_2));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertTrue(paths.contains("[0].metadata.labels[flotilla.dev/placement]"), paths.toString());
    assertTrue(paths.contains("[0].status.decisions[0].waves"), paths.toString());
    assertTrue(e.problems().stream().allMatch(p -> p.source().equals("d.yaml")));
  }

  @Test
  void aPageGivenTwiceOrAClusterOnTwoPagesIsAnError() {
    ValidationException twice =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.parse("d.yaml", PAGE_1 + "---\n" + PAGE_2 + "---\n" + PAGE_2));
    assertTrue(twice.getMessage().contains("page 2 is given twice"), twice.getMessage());
    ValidationException again =
        assertThrows(
            ValidationException.class,
            () ->
                DecisionReader.parse(
                    "d.yaml",
                    PAGE_1 + "---\n" + PAGE_2.replace("clusterName: c", "clusterName: a")));
    assertTrue(again.getMessage().contains("\"a\""), again.getMessage());
  }

  /**
   * OCM's pages carry the placement in label {@code cluster.open-cluster-management.io/placement}
   * and are numbered by their names' {@code -decision-N} suffix (ocm,
   * pkg/placement/controllers/scheduling/scheduling_controller.go); an empty {@code clusterName} is
   * "not scheduled yet" (api, cluster/v1beta1/types_placementdecision.go).
   */
  @Test
  void ocmPagesRead() {
    String ocm =
        """
        apiVersion: cluster.open-cluster-management.io/v1beta1
        kind: PlacementDecision
        metadata:
          name: web-decision-%d
          namespace: edge
          labels:
            cluster.open-cluster-management.io/decision-group-index: "0"
            cluster.open-cluster-management.io/decision-group-name: ""
            cluster.open-cluster-management.io/placement: web
        status:
          decisions:
          - {clusterName: %s, reason: ""}
          - {clusterName: "", reason: ""}
        """;
    PreviousDecision decision =
        DecisionReader.parse("ocm.yaml", ocm.formatted(10, "z") + "---\n" + ocm.formatted(9, "y"))
            .value();
    assertEquals(new PreviousDecision("web", "edge", List.of("y", "z")), decision);
  }

  @Test
  void thePlaceFormatStillReads() {
    assertEquals(
        List.of("a"),
        DecisionReader.parse("p.yaml", "placement: web\nclusters: [a]\nselected: 1\n")
            .value()
            .clusters());
  }
}
