package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.DecisionReader;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.kubernetes.SampleDecisions.Chunk;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.ScheduledCluster;
import dev.flotilla.placement.ScoreTerm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Named cases of {@link DecisionWriter}: pages split exactly at the limits, names, labels, owner
 * references and the first page's summary; OCM's pages as OCM's scheduler writes them.
 */
class DecisionWriterTest {

  @Test
  void flotillaPagesSplitExactlyAtAThousand() {
    int[][] cases = {{0, 1}, {1, 1}, {999, 1}, {1000, 1}, {1001, 2}, {2000, 2}, {2001, 3}};
    for (int[] c : cases) {
      PlacementDecision decision = SampleDecisions.unscheduled("pos", c[0]);
      List<ObjectNode> pages = DecisionWriter.flotilla().write(decision).objects();
      assertEquals(c[1], pages.size(), c[0] + " clusters");
      List<String> written = new ArrayList<>();
      for (int p = 0; p < pages.size(); p++) {
        JsonNode status = pages.get(p).get("status");
        int expected = Math.min(1000, c[0] - 1000 * p);
        assertEquals(Math.max(0, expected), status.get("decisions").size(), c[0] + " page " + p);
        assertEquals(c[1], status.get("pages").intValue());
        status.get("decisions").forEach(d -> written.add(d.get("clusterName").textValue()));
      }
      assertEquals(decision.names(), written, "decision order kept across pages");
    }
  }

  @Test
  void aHundredThousandClustersAreAHundredFlotillaPagesOrAThousandOcmPages() {
    PlacementDecision decision = SampleDecisions.unscheduled("fleet", 100_000);
    DecisionObjects flotilla = DecisionWriter.flotilla().write(decision);
    assertEquals(100, flotilla.size());
    assertEquals("fleet-decision-100", flotilla.names().get(99));
    assertEquals(decision.names(), DecisionReader.fromObjects(flotilla.objects()).clusters());
    assertEquals(1000, DecisionWriter.ocm().write(decision).size());
  }

  @Test
  void flotillaPageSizeCanBeSmallerAndSplitsExactly() {
    PlacementDecision decision = SampleDecisions.unscheduled("pos", 7);
    DecisionObjects pages = DecisionWriter.flotilla().clustersPerPage(3).write(decision);
    assertEquals(List.of("pos-decision-1", "pos-decision-2", "pos-decision-3"), pages.names());
    assertEquals(1, pages.objects().get(2).get("status").get("decisions").size());
    assertThrows(
        IllegalArgumentException.class, () -> DecisionWriter.flotilla().clustersPerPage(1001));
    assertThrows(IllegalArgumentException.class, () -> DecisionWriter.ocm().clustersPerPage(101));
    assertThrows(IllegalArgumentException.class, () -> DecisionWriter.ocm().clustersPerPage(0));
  }

  @Test
  void flotillaFirstPageHoldsTheSummaryAndEveryPageItsLabels() {
    PlacementDecision decision =
        SampleDecisions.grouped("pos", List.of(new Chunk("canary", 2), new Chunk("", 3)), true, 2);
    List<ObjectNode> pages =
        DecisionWriter.flotilla().clustersPerPage(2).ownedBy("uid-1").write(decision).objects();
    assertEquals(
        """
        apiVersion: flotilla.dev/v1alpha1
        kind: PlacementDecision
        metadata:
          name: pos-decision-1
          namespace: retail
          labels:
            flotilla.dev/placement: pos
            flotilla.dev/decision-index: "1"
          ownerReferences:
          - apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            name: pos
            uid: uid-1
            controller: true
            blockOwnerDeletion: true
        status:
          pages: 3
          selected: 5
          eligible: 5
          requested: 5
          decisions:
          - clusterName: c-00001
            groupName: canary
            groupIndex: 0
            score: 200
            wave: 0
          - clusterName: c-00000
            groupName: canary
            groupIndex: 0
            score: 198
            wave: 1
        """,
        ManifestWriter.yaml(pages.get(0)));
    JsonNode third = pages.get(2);
    assertEquals("3", third.at("/metadata/labels/flotilla.dev~1decision-index").textValue());
    assertFalse(third.get("status").has("selected"), "the summary is on the first page only");
    assertFalse(third.at("/status/decisions/0").has("groupName"), "the unnamed group has no name");
    assertEquals(1, third.at("/status/decisions/0/groupIndex").intValue());
  }

  @Test
  void unscheduledDecisionsWriteNamesOnly() {
    JsonNode page =
        DecisionWriter.flotilla().write(SampleDecisions.unscheduled("p", 2)).objects().get(0);
    assertEquals("{\"clusterName\":\"c-00001\"}", page.at("/status/decisions/0").toString());
    assertFalse(page.get("metadata").has("ownerReferences"), "no uid, no owner");
  }

  @Test
  void aThousandLongNamesStayWellUnderEtcdsLimit() {
    String longName = "a".repeat(245);
    List<ScheduledCluster> clusters = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String name = longName + String.format("-%07d", i);
      names.add(name);
      clusters.add(
          new ScheduledCluster(
              name, Long.MIN_VALUE, List.of(new ScoreTerm("s", 1, 1)), false, 0, i % 2));
    }
    PlacementDecision decision =
        new PlacementDecision(
            "p".repeat(63),
            "n".repeat(63),
            OptionalInt.of(1000),
            1000,
            clusters,
            List.of(new PlacementDecision.Group("g".repeat(253), 7, names)),
            List.of(
                new PlacementDecision.Wave(0, "", names),
                new PlacementDecision.Wave(1, "", List.of())),
            Optional.empty(),
            List.of());
    String json = ManifestWriter.json(DecisionWriter.flotilla().write(decision).objects().get(0));
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < 1024 * 1024, bytes + " bytes");
  }

  @Test
  void aPlacementNameTooLongForALabelIsRefused() {
    PlacementDecision decision = SampleDecisions.unscheduled("p".repeat(64), 1);
    ValidationException e =
        assertThrows(ValidationException.class, () -> DecisionWriter.flotilla().write(decision));
    assertEquals("placement", e.problems().get(0).path());
    PlacementDecision longGroup =
        SampleDecisions.grouped("p", List.of(new Chunk("g".repeat(64), 1)), false, 1);
    e = assertThrows(ValidationException.class, () -> DecisionWriter.ocm().write(longGroup));
    assertEquals("groups[0].groupName", e.problems().get(0).path());
    DecisionWriter.flotilla().write(longGroup); // Flotilla's pages keep group names in status
  }

  /**
   * OCM's scheduler (open-cluster-management-io/ocm,
   * pkg/placement/controllers/scheduling/scheduling_controller.go: generateDecision,
   * divideDecisionGroups) sorts each group's clusters by name, cuts them into pages of 100 named
   * {@code <placement>-decision-<n>} counting from 1 over all groups, and labels each page with the
   * placement, the group name and the group index.
   */
  @Test
  void ocmPagesAreCutPerGroupInNameOrderAsOcmWritesThem() {
    PlacementDecision decision =
        SampleDecisions.grouped(
            "web",
            List.of(new Chunk("canary", 3), new Chunk("stores", 201), new Chunk("", 100)),
            false,
            1);
    List<ObjectNode> pages = DecisionWriter.ocm().ownedBy("u-7").write(decision).objects();
    assertEquals(1 + 3 + 1, pages.size());
    int[] sizes = {3, 100, 100, 1, 100};
    String[] groups = {"canary", "stores", "stores", "stores", ""};
    String[] indexes = {"0", "1", "1", "1", "2"};
    for (int p = 0; p < pages.size(); p++) {
      JsonNode page = pages.get(p);
      assertEquals("web-decision-" + (p + 1), page.at("/metadata/name").textValue());
      JsonNode labels = page.at("/metadata/labels");
      assertEquals("web", labels.get(DecisionWriter.OCM_PLACEMENT_LABEL).textValue());
      assertEquals(groups[p], labels.get(DecisionWriter.OCM_GROUP_NAME_LABEL).textValue());
      assertEquals(indexes[p], labels.get(DecisionWriter.OCM_GROUP_INDEX_LABEL).textValue());
      JsonNode decisions = page.at("/status/decisions");
      assertEquals(sizes[p], decisions.size());
      for (int i = 1; i < decisions.size(); i++) {
        assertTrue(
            decisions
                    .get(i - 1)
                    .get("clusterName")
                    .textValue()
                    .compareTo(decisions.get(i).get("clusterName").textValue())
                < 0,
            "sorted by name within a group");
      }
      assertEquals("", decisions.get(0).get("reason").textValue());
    }
    assertEquals(
        """
        apiVersion: cluster.open-cluster-management.io/v1beta1
        kind: PlacementDecision
        metadata:
          name: web-decision-1
          namespace: retail
          labels:
            cluster.open-cluster-management.io/decision-group-index: "0"
            cluster.open-cluster-management.io/decision-group-name: canary
            cluster.open-cluster-management.io/placement: web
          ownerReferences:
          - apiVersion: cluster.open-cluster-management.io/v1beta1
            kind: Placement
            name: web
            uid: u-7
            controller: true
            blockOwnerDeletion: true
        status:
          decisions:
          - clusterName: c-00000
            reason: ""
          - clusterName: c-00001
            reason: ""
          - clusterName: c-00002
            reason: ""
        """,
        ManifestWriter.yaml(pages.get(0)));
  }

  @Test
  void ocmPagesSplitExactlyAtAHundred() {
    int[][] cases = {{0, 1}, {1, 1}, {100, 1}, {101, 2}, {200, 2}, {201, 3}};
    for (int[] c : cases) {
      List<ObjectNode> pages =
          DecisionWriter.ocm().write(SampleDecisions.unscheduled("p", c[0])).objects();
      assertEquals(c[1], pages.size(), c[0] + " clusters");
      int total = 0;
      for (ObjectNode page : pages) {
        int size = page.at("/status/decisions").size();
        assertTrue(size <= 100);
        total += size;
      }
      assertEquals(c[0], total);
    }
  }

  @Test
  void anEmptyDecisionIsOneEmptyPageAsOcmWritesIt() {
    ObjectNode page =
        DecisionWriter.ocm().write(SampleDecisions.unscheduled("p", 0)).objects().get(0);
    assertEquals("p-decision-1", page.at("/metadata/name").textValue());
    assertEquals(
        "",
        page.at("/metadata/labels/cluster.open-cluster-management.io~1decision-group-name")
            .textValue());
    assertEquals(
        "0",
        page.at("/metadata/labels/cluster.open-cluster-management.io~1decision-group-index")
            .textValue());
    assertEquals(0, page.at("/status/decisions").size());
    assertTrue(page.at("/status/decisions").isArray(), "decisions is required in OCM's CRD");
  }

  @Test
  void textFormsAreAStreamAndAList() {
    DecisionObjects pages =
        DecisionWriter.flotilla().clustersPerPage(1).write(SampleDecisions.unscheduled("p", 2));
    String yaml = pages.yaml();
    assertTrue(yaml.startsWith("---\napiVersion: flotilla.dev/v1alpha1\n"), yaml);
    assertEquals(2, yaml.split("(?m)^---$").length - 1);
    JsonNode list = pages.list();
    assertEquals("List", list.get("kind").textValue());
    assertEquals(2, list.get("items").size());
    assertTrue(pages.json().endsWith("}\n"));
    Map<String, Object> map = pages.maps().get(1);
    assertEquals("p-decision-2", ((Map<?, ?>) map.get("metadata")).get("name"));
  }

  @Test
  void pagesReadBackAsThePreviousDecision() {
    PlacementDecision decision =
        SampleDecisions.grouped("pos", List.of(new Chunk("canary", 5), new Chunk("", 6)), true, 3);
    DecisionObjects pages = DecisionWriter.flotilla().clustersPerPage(4).write(decision);
    PreviousDecision all = DecisionReader.parse("d.yaml", pages.yaml()).value();
    assertEquals(new PreviousDecision("pos", "retail", decision.names()), all);
    assertEquals(all, DecisionReader.parse("d.json", pages.json()).value());
    assertEquals(all, DecisionReader.fromObjects(pages.objects()));
    assertEquals(all, DecisionReader.fromMaps(pages.maps()));
    PreviousDecision second = DecisionReader.fromObjects(List.of(pages.objects().get(1)));
    assertEquals(decision.names().subList(4, 8), second.clusters());
  }

  @Test
  void clusterNamesYaml11WouldMisreadStayStrings() {
    List<String> names = List.of("on", "yes", "1.10", "null", "1e3", "010");
    List<ScheduledCluster> clusters = new ArrayList<>();
    for (String name : names) {
      clusters.add(new ScheduledCluster(name, 0, List.of(), false, 0, 0));
    }
    PlacementDecision decision =
        new PlacementDecision(
            "y",
            "on",
            OptionalInt.empty(),
            names.size(),
            clusters,
            List.of(new PlacementDecision.Group("", 0, names)),
            List.of(new PlacementDecision.Wave(0, "", names)),
            Optional.empty(),
            List.of());
    for (DecisionWriter writer : List.of(DecisionWriter.flotilla(), DecisionWriter.ocm())) {
      String yaml = writer.write(decision).yaml();
      assertTrue(yaml.contains("clusterName: \"on\""), yaml);
      assertTrue(yaml.contains("namespace: \"on\""), yaml);
      PreviousDecision back = DecisionReader.parse("d.yaml", yaml).value();
      assertEquals("y", back.placement());
      assertEquals("on", back.namespace());
      assertEquals(Set.copyOf(names), Set.copyOf(back.clusters()));
    }
  }

  @Test
  void aHalfWrittenDecisionIsAnErrorNotASmallerDecision() {
    List<ObjectNode> pages =
        DecisionWriter.flotilla()
            .clustersPerPage(2)
            .write(SampleDecisions.unscheduled("p", 5))
            .objects();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.fromObjects(List.of(pages.get(0), pages.get(2))));
    assertTrue(e.getMessage().contains("page 2 of 3 is missing"), e.getMessage());
    ObjectNode other = pages.get(1).deepCopy();
    ((ObjectNode) other.at("/metadata/labels")).put(DecisionWriter.PLACEMENT_LABEL, "q");
    e =
        assertThrows(
            ValidationException.class,
            () -> DecisionReader.fromObjects(List.of(pages.get(0), other, pages.get(2))));
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.path().equals("[1]") && p.message().contains("placement retail/p")),
        e.getMessage());
  }

  @Test
  void ocmPagesReadBackAsThePreviousDecision() {
    PlacementDecision decision =
        SampleDecisions.grouped("web", List.of(new Chunk("a", 150), new Chunk("", 60)), false, 1);
    DecisionObjects pages = DecisionWriter.ocm().write(decision);
    PreviousDecision back = DecisionReader.parse("ocm.yaml", pages.yaml()).value();
    assertEquals("web", back.placement());
    assertEquals(
        decision.names().stream().sorted().toList(), back.clusters().stream().sorted().toList());
  }
}
