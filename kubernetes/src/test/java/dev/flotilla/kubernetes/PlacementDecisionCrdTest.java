package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.kubernetes.SampleDecisions.Chunk;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.EvaluationError;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Selection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@code crds/flotilla.dev_placementdecisions.yaml} is a structural CRD of Flotilla's kind, and
 * every page {@link DecisionWriter} writes validates against its {@code openAPIV3Schema} (with a
 * real JSON-schema validator), while broken pages do not.
 */
class PlacementDecisionCrdTest {
  private static final Path CRD = Path.of("../crds/flotilla.dev_placementdecisions.yaml");

  private static JsonNode crd() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(CRD.toFile());
  }

  private static Schema schema() throws IOException {
    JsonNode openApi = crd().at("/spec/versions/0/schema/openAPIV3Schema");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
        .getSchema(openApi.toString(), InputFormat.JSON);
  }

  @Test
  void theCrdDeclaresFlotillasKind() throws IOException {
    JsonNode crd = crd();
    assertEquals("apiextensions.k8s.io/v1", crd.get("apiVersion").textValue());
    assertEquals("placementdecisions." + FlotillaKinds.GROUP, crd.at("/metadata/name").textValue());
    assertEquals(FlotillaKinds.GROUP, crd.at("/spec/group").textValue());
    assertEquals(FlotillaKinds.PLACEMENT_DECISION, crd.at("/spec/names/kind").textValue());
    assertEquals("Namespaced", crd.at("/spec/scope").textValue());
    JsonNode version = crd.at("/spec/versions/0");
    assertEquals(FlotillaKinds.VERSION, version.get("name").textValue());
    assertTrue(version.at("/subresources/status").isObject());
    assertTrue(version.get("additionalPrinterColumns").size() >= 3);
    assertEquals(
        DecisionWriter.MAX_CLUSTERS_PER_PAGE,
        version
            .at("/schema/openAPIV3Schema/properties/status/properties/decisions/maxItems")
            .intValue());
  }

  /**
   * Kubernetes' structural schema rules (apiextensions, "Specifying a structural schema"): every
   * node has a type, {@code metadata} only a type, no {@code additionalProperties} beside {@code
   * properties}.
   */
  @Test
  void theSchemaIsStructural() throws IOException {
    JsonNode root = crd().at("/spec/versions/0/schema/openAPIV3Schema");
    assertStructural(root, "openAPIV3Schema");
    assertEquals(
        "{\"type\":\"object\"}", root.at("/properties/metadata").toString(), "metadata: type only");
  }

  private static void assertStructural(JsonNode schema, String path) {
    assertTrue(schema.has("type"), path + ": a type");
    assertFalse(
        schema.has("properties") && schema.has("additionalProperties"),
        path + ": properties or additionalProperties, not both");
    schema
        .path("properties")
        .properties()
        .forEach(e -> assertStructural(e.getValue(), path + ".properties." + e.getKey()));
    if (schema.has("items")) {
      assertStructural(schema.get("items"), path + ".items");
    }
  }

  @Test
  void everyWrittenPageValidates() throws IOException {
    Schema schema = schema();
    PlacementDecision grouped =
        SampleDecisions.grouped(
            "pos", List.of(new Chunk("canary", 3), new Chunk("", 2500)), true, 4);
    PlacementDecision withSummary =
        new PlacementDecision(
            "pos",
            "retail",
            OptionalInt.of(10),
            4,
            grouped.clusters().subList(0, 3),
            grouped.groups().subList(0, 1),
            grouped.waves(),
            Optional.of(Instant.parse("2026-11-28T10:00:00Z")),
            List.of("only 4 clusters are eligible"));
    Selection selection =
        new Selection(
            CompiledPlacement.compile(
                    Placement.of("pos", PlacementSpec.selecting(ClusterSelectorTerm.all())))
                .select(Inventory.empty())
                .clusters(),
            1,
            List.of(new EvaluationError("c-1", "spec.x", "no such key")));
    for (DecisionObjects pages :
        List.of(
            DecisionWriter.flotilla().ownedBy("u").write(grouped),
            DecisionWriter.flotilla().write(withSummary, selection),
            DecisionWriter.flotilla().write(SampleDecisions.unscheduled("p", 0)))) {
      for (ObjectNode page : pages.objects()) {
        List<Error> errors = schema.validate(page.toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + page.at("/metadata/name"));
      }
    }
  }

  @Test
  void aPageJustCreatedHasNoStatusYetAndValidates() throws IOException {
    ObjectNode page =
        DecisionWriter.flotilla().write(SampleDecisions.unscheduled("p", 2)).objects().get(0);
    page.remove("status"); // what the API server keeps of a create: status is the subresource's
    assertTrue(schema().validate(page.toString(), InputFormat.JSON).isEmpty());
  }

  @Test
  void brokenPagesDoNotValidate() throws IOException {
    Schema schema = schema();
    ObjectNode page =
        DecisionWriter.flotilla().write(SampleDecisions.unscheduled("p", 2)).objects().get(0);
    ObjectNode noName = page.deepCopy();
    ((ObjectNode) noName.at("/status/decisions/0")).remove("clusterName");
    ObjectNode noPages = page.deepCopy();
    ((ObjectNode) noPages.get("status")).remove("pages");
    ObjectNode wrongType = page.deepCopy();
    ((ObjectNode) wrongType.get("status")).put("selected", "many");
    ObjectNode tooMany = page.deepCopy();
    ArrayNode decisions = (ArrayNode) tooMany.at("/status/decisions");
    for (int i = 0; i < DecisionWriter.MAX_CLUSTERS_PER_PAGE; i++) {
      decisions.addObject().put("clusterName", "x-" + i);
    }
    for (ObjectNode broken : List.of(noName, noPages, wrongType, tooMany)) {
      assertFalse(
          schema.validate(broken.toString(), InputFormat.JSON).isEmpty(), broken.toString());
    }
  }
}
