package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.summary.StatusSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy readers take a custom resource as an API server returns it ({@code kubectl get
 * placement point-of-sale -o yaml}): every field of {@code metav1.ObjectMeta} the server writes,
 * and the controller's {@code status}, which is ignored. Unknown fields stay errors everywhere
 * else. The documents under {@code server/} are also validated against the CRDs by the kubernetes
 * module's CrdDocumentsTest.
 */
class ObjectMetaReaderTest {
  private static final String APPLIED =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Placement
      metadata: {name: point-of-sale, namespace: retail}
      spec:
        clusterSelectors:
        - labelSelector:
            matchLabels: {env: prod}
        numberOfClusters: 24
      """;

  private static String resource(String name) {
    try (InputStream in = ObjectMetaReaderTest.class.getResourceAsStream("server/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> placementProblems(String yaml) {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> PlacementReader.parse("p.yaml", yaml).value());
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aPlacementFromTheServerReadsAsTheFileItWasAppliedFrom() {
    Placement fromServer =
        PlacementReader.parse("placement.yaml", resource("placement.yaml")).value();
    assertEquals(PlacementReader.parse("applied.yaml", APPLIED).value(), fromServer);
  }

  @Test
  void aCustomizationBeingDeletedReads() {
    Customization customization =
        CustomizationReader.parse("customization.yaml", resource("customization.yaml")).value();
    assertEquals("pos-config-x7k2p", customization.name());
    assertEquals("retail", customization.namespace());
    assertEquals(10, customization.spec().priority());
  }

  @Test
  void aStatusSummaryInJsonFromTheServerReads() {
    StatusSummary summary =
        StatusSummaryReader.parse("statussummary.json", resource("statussummary.json")).value();
    assertEquals("pos-status", summary.name());
    assertEquals(1, summary.spec().aggregates().size());
  }

  @Test
  void aStatusOfAnyShapeIsIgnored() {
    // The status is the controller's: whatever it holds, the policy reads the same.
    assertEquals(
        PlacementReader.parse("applied.yaml", APPLIED).value(),
        PlacementReader.parse("p.yaml", APPLIED + "status: {anything: [1, {x: y}]}\n").value());
  }

  @Test
  void creationTimestampNullReads() {
    // kubectl create --dry-run=client -o yaml writes it.
    String yaml =
        APPLIED.replace("namespace: retail}", "namespace: retail, creationTimestamp: null}");
    assertEquals(
        PlacementReader.parse("applied.yaml", APPLIED).value(),
        PlacementReader.parse("p.yaml", yaml).value());
  }

  @Test
  void unknownFieldsAreStillErrors() {
    assertEquals(
        List.of("p.yaml:9:1: specs: unknown field"), placementProblems(APPLIED + "specs: {}\n"));
    assertEquals(
        List.of("p.yaml:9:3: spec.numberOfCluster: unknown field"),
        placementProblems(APPLIED + "  numberOfCluster: 3\n"));
    assertEquals(
        List.of("p.yaml:3:52: metadata.lables: unknown field"),
        placementProblems(APPLIED.replace("retail}", "retail, lables: {a: b}}")));
  }

  @Test
  void metadataFieldsOfTheWrongTypeAreReported() {
    String yaml =
        APPLIED.replace(
            "namespace: retail}",
            "namespace: retail, generation: \"3\", uid: 7, finalizers: a, ownerReferences: [x],"
                + " labels: {a: 1}}");
    assertEquals(
        List.of(
            "p.yaml:3:64: metadata.generation: wrong type: expected integer, got string",
            "p.yaml:3:74: metadata.uid: wrong type: expected string, got integer",
            "p.yaml:3:89: metadata.finalizers: wrong type: expected list, got string",
            "p.yaml:3:110: metadata.ownerReferences[0]: wrong type: expected object, got string",
            "p.yaml:3:126: metadata.labels[a]: wrong type: expected string, got integer"),
        placementProblems(yaml));
  }

  @Test
  void labelsAndAnnotationsFollowKubernetesRules() {
    // ValidateObjectMeta: label keys and annotation keys are qualified names, label values are
    // label values; annotation values are any string.
    String yaml =
        APPLIED.replace(
            "namespace: retail}",
            "namespace: retail, labels: {-bad: ok, good: not ok}, annotations: {note: any text at"
                + " all, /x: y}}");
    List<String> problems = placementProblems(yaml);
    assertEquals(3, problems.size(), problems.toString());
    assertEquals(true, problems.get(0).contains("metadata.labels[-bad]: Invalid value: \"-bad\""));
    assertEquals(
        true, problems.get(1).contains("metadata.labels[good]: Invalid value: \"not ok\""));
    assertEquals(
        true,
        problems.get(2).contains("metadata.annotations[/x]: Invalid value: \"/x\": prefix part"));
  }
}
