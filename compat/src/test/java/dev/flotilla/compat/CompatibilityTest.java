package dev.flotilla.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.RuntimeVersion;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.StatusReportReader;
import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.customize.CustomizationResult;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.summarize.CompiledSummary;
import dev.flotilla.summarize.Summary;
import dev.flotilla.summarize.SummaryContext;
import dev.flotilla.summarize.SummaryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The README's "Compatibility" promise, kept: with Jackson and protobuf-java at the lowest versions
 * it names (this module's pom pins them), the readers, CEL, placement, customization and
 * summarization give exactly the outputs the retail example documents, and bad input is still a
 * located problem, not a {@code NoSuchMethodError}.
 */
class CompatibilityTest {
  private static final Path RETAIL = root().resolve("examples/retail");
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** The repository root: the nearest directory, from the working directory up, with examples/. */
  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static String expected(String name) throws IOException {
    return Files.readString(RETAIL.resolve("expected").resolve(name));
  }

  @Test
  void runsWithThePinnedVersions() {
    // Without this, a change to the build could quietly test the newest versions instead.
    assertEquals(
        System.getProperty("compat.jackson.version"),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertEquals(
        System.getProperty("compat.jackson.version"),
        com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
    assertEquals(
        System.getProperty("compat.protobuf.version"),
        RuntimeVersion.MAJOR + "." + RuntimeVersion.MINOR + "." + RuntimeVersion.PATCH);
  }

  @Test
  void readersReadEveryKind() throws IOException {
    assertEquals(40, InventoryReader.read(RETAIL.resolve("fleet.yaml")).size());
    List<Cluster> sites = InventoryReader.read(root().resolve("examples/telco/sites.yaml"));
    assertFalse(sites.isEmpty());
    assertEquals(
        2,
        InventoryReader.read(
                "fleet.json",
                "{\"kind\": \"ClusterInventory\", \"clusters\": [{\"name\": \"a\"}, {\"name\":"
                    + " \"b\", \"labels\": {\"env\": \"prod\"}}]}")
            .size());
    assertEquals(
        "point-of-sale", PlacementReader.read(RETAIL.resolve("pos-placement.yaml")).name());
    assertEquals(
        5,
        CustomizationReader.read(RETAIL.resolve("pos-customization.yaml")).spec().rules().size());
    StatusSummaryReader.read(RETAIL.resolve("pos-status.yaml"));
    assertEquals(23, StatusReportReader.read(RETAIL.resolve("pos-reports.yaml")).size());
    List<JsonNode> manifests = ManifestReader.read(RETAIL.resolve("pos-manifests.yaml"));
    assertEquals(2, manifests.size());
    for (JsonNode manifest : manifests) {
      assertEquals(manifest, ManifestReader.parse("m.yaml", ManifestWriter.yaml(manifest)).get(0));
      assertEquals(manifest, ManifestReader.parse("m.json", ManifestWriter.json(manifest)).get(0));
    }
  }

  @Test
  void badInputIsALocatedProblem() {
    Executable unknownField =
        () ->
            PlacementReader.parse(
                "p.yaml",
                "apiVersion: flotilla.dev/v1alpha1\nkind: Placement\nmetadata: {name: p}\n"
                    + "spec: {clusterSelectors: [{}], numberOfCluster: 3}\n");
    ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, unknownField);
    assertTrue(e.getMessage().contains("p.yaml:4:"), e.getMessage());
    ValidationException json =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class, () -> ManifestReader.parse("m.json", "{\"a\": [1, }"));
    assertTrue(json.getMessage().contains("m.json:1:"), json.getMessage());
  }

  @Test
  void celCompilesAndEvaluates() {
    CompiledExpression expression =
        ExpressionEnvironment.forClusters()
            .compileBoolean(
                "quantity(cluster.properties.memory).isGreaterThan(quantity('16Gi'))"
                    + " && cluster.labels.exists(k, k.startsWith('env'))",
                "test");
    Map<String, Object> cluster =
        Map.of(
            "name", "store-1",
            "labels", Map.of("env", "prod"),
            "annotations", Map.of(),
            "properties", Map.of("memory", "32Gi"));
    assertTrue(expression.test(Map.of("cluster", cluster)));
  }

  private static PlacementDecision decision(Inventory fleet) {
    CompiledPlacement placement =
        CompiledPlacement.compile(PlacementReader.read(RETAIL.resolve("pos-placement.yaml")));
    return Scheduler.of(placement).schedule(placement.select(fleet), SchedulingContext.at(NOW));
  }

  @Test
  void placementAndSchedulingGiveTheDocumentedDecision() throws IOException {
    Inventory fleet = Inventory.of(InventoryReader.read(RETAIL.resolve("fleet.yaml")));
    List<String> names = decision(fleet).names().stream().sorted().toList();
    assertEquals(expected("place-names.txt"), String.join("\n", names) + "\n");
  }

  @Test
  void customizationGivesTheDocumentedManifests() throws IOException {
    RuleSet rules =
        RuleSet.compile(
            List.of(
                CustomizationReader.read(RETAIL.resolve("pos-customization.yaml")),
                CustomizationReader.read(RETAIL.resolve("pos-config-customization.yaml"))));
    Inventory fleet = Inventory.of(InventoryReader.read(RETAIL.resolve("fleet.yaml")));
    CustomizationResult result =
        rules.apply(fleet, ManifestReader.read(RETAIL.resolve("pos-manifests.yaml")));
    assertFalse(result.hasErrors(), result.errors().toString());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String name : result.clusters()) {
      result.manifests(name).forEach(out.putArray(name)::add);
    }
    assertEquals(expected("customize.yaml"), ManifestWriter.yaml(out));
  }

  @Test
  void summaryGivesTheDocumentedResult() throws IOException {
    List<Cluster> clusters = InventoryReader.read(RETAIL.resolve("fleet.yaml"));
    SummaryContext context =
        SummaryContext.at(NOW)
            .withClusters(clusters)
            .expecting(decision(Inventory.of(clusters)).names());
    CompiledSummary policy =
        CompiledSummary.compile(StatusSummaryReader.read(RETAIL.resolve("pos-status.yaml")));
    Summary partial =
        policy.summarize(StatusReportReader.read(RETAIL.resolve("pos-reports.yaml")), context);
    SummaryResult result = partial.result();
    assertEquals(expected("summary.json"), result.toJson() + "\n");
    assertEquals(partial, Summary.fromJson(partial.toJson()));
  }
}
