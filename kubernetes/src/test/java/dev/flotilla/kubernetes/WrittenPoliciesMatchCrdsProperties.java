package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.testkit.PolicyGens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link PolicyWriter} writes validates against the CRD of its kind, for every generated
 * policy ({@link PolicyGens}: every field, odd strings), and so does every Flotilla {@code
 * PlacementDecision} page {@link DecisionWriter} writes: a controller can store what Flotilla
 * writes.
 */
class WrittenPoliciesMatchCrdsProperties {
  private static final Map<String, KubernetesSchema> SCHEMAS = CrdDocumentsTest.schemas();

  private static List<String> problems(JsonNode document) {
    KubernetesSchema schema =
        SCHEMAS.get(
            document.get("apiVersion").textValue() + " " + document.get("kind").textValue());
    return schema.validate(document);
  }

  @Test
  void writtenPlacementsValidate() {
    qt().withFixedSeed(5101L)
        .withExamples(200)
        .forAll(PolicyGens.placements())
        .checkAssert(
            p -> assertEquals(List.of(), problems(PolicyWriter.toTree(p)), PolicyWriter.toYaml(p)));
  }

  @Test
  void writtenCustomizationsValidate() {
    qt().withFixedSeed(5103L)
        .withExamples(200)
        .forAll(PolicyGens.customizations())
        .checkAssert(
            c -> assertEquals(List.of(), problems(PolicyWriter.toTree(c)), PolicyWriter.toYaml(c)));
  }

  @Test
  void writtenStatusSummariesValidate() {
    qt().withFixedSeed(5107L)
        .withExamples(200)
        .forAll(PolicyGens.statusSummaries())
        .checkAssert(
            s -> assertEquals(List.of(), problems(PolicyWriter.toTree(s)), PolicyWriter.toYaml(s)));
  }

  @Test
  void writtenDecisionPagesValidateWithTheSharedSchemaToo() {
    DecisionObjects pages =
        DecisionWriter.flotilla()
            .clustersPerPage(3)
            .ownedBy("u")
            .write(
                SampleDecisions.grouped(
                    "web",
                    List.of(
                        new SampleDecisions.Chunk("canary", 2), new SampleDecisions.Chunk("", 5)),
                    true,
                    2));
    for (JsonNode page : pages.objects()) {
      assertEquals(List.of(), problems(page), page.toString());
    }
  }
}
