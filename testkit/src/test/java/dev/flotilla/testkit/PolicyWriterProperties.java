package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.io.StatusSummaryReader;
import org.junit.jupiter.api.Test;

/**
 * {@code read(write(x)).equals(x)} for every policy kind and inventories, in YAML and JSON, over
 * {@link PolicyGens}' values (odd strings everywhere text is free), and writing is deterministic.
 */
class PolicyWriterProperties {

  @Test
  void placementsReadBackEqual() {
    qt().withFixedSeed(1201L)
        .withExamples(400)
        .forAll(PolicyGens.placements())
        .checkAssert(
            placement -> {
              String yaml = PolicyWriter.toYaml(placement);
              assertEquals(placement, PlacementReader.parse("p.yaml", yaml).value(), yaml);
              String json = PolicyWriter.toJson(placement);
              assertEquals(placement, PlacementReader.parse("p.json", json).value(), json);
              assertEquals(
                  yaml, PolicyWriter.toYaml(PlacementReader.parse("p.yaml", yaml).value()));
            });
  }

  @Test
  void customizationsReadBackEqual() {
    qt().withFixedSeed(1203L)
        .withExamples(400)
        .forAll(PolicyGens.customizations())
        .checkAssert(
            customization -> {
              String yaml = PolicyWriter.toYaml(customization);
              assertEquals(customization, CustomizationReader.parse("c.yaml", yaml).value(), yaml);
              String json = PolicyWriter.toJson(customization);
              assertEquals(customization, CustomizationReader.parse("c.json", json).value(), json);
            });
  }

  @Test
  void statusSummariesReadBackEqual() {
    qt().withFixedSeed(1207L)
        .withExamples(400)
        .forAll(PolicyGens.statusSummaries())
        .checkAssert(
            summary -> {
              String yaml = PolicyWriter.toYaml(summary);
              assertEquals(summary, StatusSummaryReader.parse("s.yaml", yaml).value(), yaml);
              String json = PolicyWriter.toJson(summary);
              assertEquals(summary, StatusSummaryReader.parse("s.json", json).value(), json);
            });
  }

  @Test
  void oddInventoriesReadBackEqual() {
    qt().withFixedSeed(1211L)
        .withExamples(300)
        .forAll(PolicyGens.oddInventories(12))
        .checkAssert(
            clusters -> {
              String yaml = PolicyWriter.toYaml(clusters);
              assertEquals(clusters, InventoryReader.read("i.yaml", yaml), yaml);
              String json = PolicyWriter.toJson(clusters);
              assertEquals(clusters, InventoryReader.read("i.json", json), json);
            });
  }

  @Test
  void generatedAndRealisticFleetsReadBackEqual() {
    qt().withFixedSeed(1213L)
        .withExamples(100)
        .forAll(FleetGens.inventories(20), FleetGens.fleets(50))
        .checkAssert(
            (small, realistic) -> {
              assertEquals(small, InventoryReader.read("i.yaml", PolicyWriter.toYaml(small)));
              assertEquals(
                  realistic, InventoryReader.read("r.json", PolicyWriter.toJson(realistic)));
            });
  }
}
