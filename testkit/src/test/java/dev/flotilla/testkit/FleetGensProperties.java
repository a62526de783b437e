package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.internal.LabelRules;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link FleetGens} produces valid values drawn from its small vocabularies. */
class FleetGensProperties {

  @Test
  void clustersAreValidAndUseTheSmallVocabularies() {
    qt().withFixedSeed(101L)
        .forAll(FleetGens.clusters())
        .checkAssert(FleetGensProperties::assertFromVocabulary);
  }

  @Test
  void inventoriesHaveDistinctNamesInOrder() {
    qt().withFixedSeed(103L)
        .forAll(FleetGens.inventories(20))
        .checkAssert(
            inventory -> {
              assertTrue(inventory.size() <= 20);
              for (int i = 0; i < inventory.size(); i++) {
                assertEquals(String.format("c-%02d", i), inventory.get(i).name());
                assertFromVocabulary(inventory.get(i));
              }
            });
    assertThrows(IllegalArgumentException.class, () -> FleetGens.inventories(-1));
  }

  @Test
  void labelSetsAreValidSortedAndSometimesMissKeys() {
    qt().withFixedSeed(107L)
        .forAll(FleetGens.labelSets())
        .checkAssert(
            labels -> {
              assertLabels(labels);
              assertEquals(
                  labels.keySet().stream().sorted().toList(), List.copyOf(labels.keySet()));
            });
  }

  @Test
  void labelKeysIncludeTheAbsentKey() {
    Set<String> keys = new HashSet<>(FleetGens.LABEL_VALUES.keySet());
    keys.add(FleetGens.ABSENT_LABEL_KEY);
    qt().withFixedSeed(109L)
        .forAll(FleetGens.labelKeys())
        .checkAssert(key -> assertTrue(keys.contains(key), key));
  }

  @Test
  void fleetsAreGeneratorOutput() {
    qt().withFixedSeed(113L)
        .withExamples(30)
        .forAll(FleetGens.fleets(200))
        .checkAssert(
            fleet -> {
              assertTrue(fleet.size() <= 200);
              Set<String> names = new HashSet<>();
              fleet.forEach(c -> assertTrue(names.add(c.name()), c.name()));
            });
  }

  @Test
  void vocabulariesAreValidLabelsAndPropertyNames() {
    FleetGens.LABEL_VALUES.forEach(
        (key, values) -> {
          assertTrue(LabelRules.isQualifiedName(key), key);
          values.forEach(v -> assertTrue(LabelRules.isLabelValue(v), v));
        });
    FleetGens.PROPERTY_VALUES.keySet().forEach(k -> assertTrue(LabelRules.isQualifiedName(k), k));
  }

  private static void assertFromVocabulary(Cluster cluster) {
    // The Cluster constructor already validated it; check again through the public rules so a
    // weakened constructor would not let invalid generated values through unnoticed.
    assertTrue(LabelRules.dns1123SubdomainErrors(cluster.name()).isEmpty(), cluster.name());
    assertLabels(cluster.labels());
    cluster
        .properties()
        .forEach(
            (name, value) ->
                assertTrue(
                    FleetGens.PROPERTY_VALUES.get(name).contains(value), name + "=" + value));
    Set<String> taintKeys = new HashSet<>();
    cluster.taints().forEach(t -> assertTrue(taintKeys.add(t.key()), cluster.taints().toString()));
  }

  private static void assertLabels(Map<String, String> labels) {
    labels.forEach(
        (key, value) -> {
          assertTrue(LabelRules.isQualifiedName(key), key);
          assertTrue(LabelRules.isLabelValue(value), value);
          assertTrue(FleetGens.LABEL_VALUES.get(key).contains(value), key + "=" + value);
        });
  }
}
