package dev.flotilla.testkit;

import static dev.flotilla.testkit.FleetGenerator.LABEL_CANARY;
import static dev.flotilla.testkit.FleetGenerator.LABEL_ENV;
import static dev.flotilla.testkit.FleetGenerator.LABEL_KEYS;
import static dev.flotilla.testkit.FleetGenerator.LABEL_KUBERNETES_VERSION;
import static dev.flotilla.testkit.FleetGenerator.LABEL_RACK;
import static dev.flotilla.testkit.FleetGenerator.LABEL_REGION;
import static dev.flotilla.testkit.FleetGenerator.LABEL_SERIAL;
import static dev.flotilla.testkit.FleetGenerator.LABEL_SITE;
import static dev.flotilla.testkit.FleetGenerator.LABEL_ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.testkit.FleetGenerator.Region;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FleetGeneratorTest {
  private static final int FLEET = 100_000;
  private static final FleetGenerator GENERATOR =
      FleetGenerator.builder().seed(42).clusters(FLEET).build();
  private static List<Cluster> fleet;

  @BeforeAll
  static void generateOnce() {
    // No timing here: a test that reads the clock fails on a loaded machine and proves nothing.
    // How fast generation is belongs to the benchmarks (InventoryBenchmark builds its fleets here).
    fleet = GENERATOR.generate();
  }

  @Test
  void sameSeedGivesEqualFleets() {
    FleetGenerator again = FleetGenerator.builder().seed(42).clusters(3_000).build();
    assertEquals(again.generate(), again.generate());
    assertEquals(fleet.subList(0, 3_000), again.generate());
  }

  @Test
  void differentSeedsGiveDifferentFleets() {
    List<Cluster> one = FleetGenerator.builder().seed(1).clusters(1_000).build().generate();
    List<Cluster> two = FleetGenerator.builder().seed(2).clusters(1_000).build().generate();
    assertNotEquals(one, two);
    int same = 0;
    for (int i = 0; i < one.size(); i++) {
      same += one.get(i).equals(two.get(i)) ? 1 : 0;
    }
    assertEquals(0, same, "no cluster should coincide (serials differ)");
  }

  /**
   * Pins the output of one seed, so a change to the generator (or a JVM that computes differently)
   * shows up here. If you change the generator on purpose, update the constant and say so in the
   * commit: benchmark results and reproduced property-test failures depend on it.
   */
  @Test
  void outputIsPinned() {
    List<Cluster> clusters = FleetGenerator.builder().seed(7).clusters(2_000).build().generate();
    assertEquals(PINNED_FINGERPRINT, fingerprint(clusters), "fingerprint of seed 7, 2000 clusters");
  }

  private static final long PINNED_FINGERPRINT = -3954244109731446341L;

  @Test
  void clusterAtOrdinalEqualsListElement() {
    for (int i = 0; i < FLEET; i += 997) {
      assertEquals(fleet.get(i), GENERATOR.cluster(i), "ordinal " + i);
    }
    assertEquals(fleet.get(FLEET - 1), GENERATOR.cluster(FLEET - 1));
    assertThrows(IndexOutOfBoundsException.class, () -> GENERATOR.cluster(FLEET));
    assertThrows(IndexOutOfBoundsException.class, () -> GENERATOR.cluster(-1));
  }

  @Test
  void namesAreUniqueSortableSubdomains() {
    Pattern shape = Pattern.compile("(store|antenna|plant|car)-[a-z]+-[a-z]+-\\d{7}");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < fleet.size(); i++) {
      String name = fleet.get(i).name();
      assertTrue(names.add(name), "duplicate name " + name);
      assertTrue(shape.matcher(name).matches(), name);
      assertTrue(name.endsWith(String.format("-%07d", i)), name);
      assertTrue(LabelRules.dns1123SubdomainErrors(name).isEmpty(), name);
    }
  }

  @Test
  void everyClusterHasTheSixteenKeysExceptCanaryOnNonCanaries() {
    assertEquals(16, LABEL_KEYS.size());
    for (Cluster cluster : fleet) {
      Map<String, String> labels = cluster.labels();
      int expected = labels.containsKey(LABEL_CANARY) ? 16 : 15;
      assertEquals(expected, labels.size(), cluster.name());
      assertTrue(LABEL_KEYS.containsAll(labels.keySet()), cluster.name());
      assertEquals(7, cluster.properties().size(), cluster.name());
      assertTrue(
          cluster
              .properties()
              .get("kubernetesVersion")
              .startsWith(labels.get(LABEL_KUBERNETES_VERSION) + "."),
          cluster.name());
      int rack = Integer.parseInt(labels.get(LABEL_RACK));
      assertTrue(rack >= 1 && rack <= FleetGenerator.MAX_RACK, cluster.name());
      assertTrue(labels.get(LABEL_ZONE).startsWith(labels.get(LABEL_REGION) + "-"), cluster.name());
    }
  }

  @Test
  void labelsPerClusterKeepsTheFirstKeysWithTheSameValues() {
    for (int n : new int[] {0, 1, 4, 5, 8, 15}) {
      FleetGenerator fewer =
          FleetGenerator.builder().seed(42).clusters(500).labelsPerCluster(n).build();
      assertEquals(LABEL_KEYS.subList(0, n), fewer.labelKeys());
      List<Cluster> clusters = fewer.generate();
      for (int i = 0; i < clusters.size(); i++) {
        Map<String, String> expected = new HashMap<>(fleet.get(i).labels());
        expected.keySet().retainAll(LABEL_KEYS.subList(0, n));
        assertEquals(expected, clusters.get(i).labels(), "n=" + n + " ordinal " + i);
        assertEquals(fleet.get(i).properties(), clusters.get(i).properties());
      }
    }
  }

  @Test
  void regionsAreSkewed() {
    Map<String, Integer> counts = count(LABEL_REGION);
    assertEquals(FleetGenerator.REGIONS.size(), counts.size(), counts.toString());
    int largest = counts.values().stream().max(Integer::compare).orElseThrow();
    int smallest = counts.values().stream().min(Integer::compare).orElseThrow();
    assertTrue(largest > 5 * smallest, counts.toString());
    assertEquals(FleetGenerator.REGIONS.get(0).name(), argmax(counts), counts.toString());
    int zones = 0;
    for (Region region : FleetGenerator.REGIONS) {
      zones += region.zones().size();
    }
    assertEquals(zones, count(LABEL_ZONE).size());
  }

  @Test
  void canariesAreAboutTwoPercent() {
    long canaries = fleet.stream().filter(c -> c.labels().containsKey(LABEL_CANARY)).count();
    // Binomial(100000, 0.02): mean 2000, standard deviation 44.
    assertTrue(canaries > 1_700 && canaries < 2_300, "canaries: " + canaries);
  }

  @Test
  void taintsAreAboutOnePercentAndOlderThanTheEpoch() {
    long tainted = 0;
    for (Cluster cluster : fleet) {
      if (!cluster.taints().isEmpty()) {
        tainted++;
      }
      for (Taint taint : cluster.taints()) {
        taint
            .timeAdded()
            .ifPresent(t -> assertTrue(t.isBefore(FleetGenerator.EPOCH.plusSeconds(1))));
      }
    }
    assertTrue(tainted > 800 && tainted < 1_200, "tainted: " + tainted);
  }

  @Test
  void environmentsSitesAndSerialsHaveTheirCardinality() {
    Map<String, Integer> envs = count(LABEL_ENV);
    assertTrue(envs.get("prod") > 0.82 * FLEET && envs.get("prod") < 0.88 * FLEET, envs.toString());
    int sites = count(LABEL_SITE).size();
    assertTrue(sites > FLEET / 6 && sites < FLEET / 4, "sites: " + sites);
    assertEquals(FLEET, count(LABEL_SERIAL).size());
    int customers = count(FleetGenerator.LABEL_CUSTOMER).size();
    assertTrue(customers > 150 && customers <= 200, "customers: " + customers);
  }

  @Test
  void clustersOfASiteShareItsPlace() {
    Map<String, String> regionOfSite = new HashMap<>();
    for (Cluster cluster : fleet) {
      String site = cluster.labels().get(LABEL_SITE);
      String where = cluster.labels().get(LABEL_ZONE) + "/" + cluster.properties().get("location");
      String before = regionOfSite.putIfAbsent(site, where);
      assertTrue(before == null || before.equals(where), site);
    }
  }

  @Test
  void relabelChangesOneOrTwoLabelsDeterministically() {
    for (int i = 0; i < 2_000; i += 7) {
      Cluster original = fleet.get(i);
      Cluster changed = GENERATOR.relabel(original, i);
      assertEquals(changed, GENERATOR.relabel(original, i));
      assertNotEquals(original, changed);
      Set<String> keys = new HashSet<>(original.labels().keySet());
      keys.addAll(changed.labels().keySet());
      int differing = 0;
      for (String key : keys) {
        differing +=
            java.util.Objects.equals(original.labels().get(key), changed.labels().get(key)) ? 0 : 1;
      }
      // Two changes at most, and a change may carry a dependent label (region and zone, hardware
      // and vendor).
      assertTrue(differing >= 1 && differing <= 4, original.labels() + " -> " + changed.labels());
      assertEquals(original.labels().get(LABEL_SITE), changed.labels().get(LABEL_SITE));
      assertEquals(original.labels().get(LABEL_SERIAL), changed.labels().get(LABEL_SERIAL));
      assertEquals(original.name(), changed.name());
      assertEquals(original.properties(), changed.properties());
      assertEquals(original.taints(), changed.taints());
    }
  }

  @Test
  void relabelWithoutLabelsReturnsTheSameCluster() {
    FleetGenerator bare = FleetGenerator.builder().seed(3).clusters(10).labelsPerCluster(0).build();
    Cluster cluster = bare.cluster(4);
    assertTrue(cluster.labels().isEmpty());
    assertEquals(cluster, bare.relabel(cluster, 99));
  }

  @Test
  void builderRejectsBadValues() {
    assertThrows(
        IllegalArgumentException.class, () -> FleetGenerator.builder().clusters(-1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> FleetGenerator.builder().labelsPerCluster(17).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> FleetGenerator.builder().labelsPerCluster(-1).build());
    assertEquals(List.of(), FleetGenerator.builder().clusters(0).build().generate());
  }

  private static Map<String, Integer> count(String key) {
    Map<String, Integer> counts = new HashMap<>();
    for (Cluster cluster : fleet) {
      String value = cluster.labels().get(key);
      if (value != null) {
        counts.merge(value, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String argmax(Map<String, Integer> counts) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  // Cluster maps iterate in a per-JVM-run order (Map.copyOf), so the fingerprint sorts them; it
  // spells taints out because record and Optional toString formats are unspecified.
  static long fingerprint(List<Cluster> clusters) {
    long hash = 1;
    for (Cluster cluster : clusters) {
      StringBuilder canonical = new StringBuilder(cluster.name());
      canonical.append(new TreeMap<>(cluster.labels()));
      canonical.append(new TreeMap<>(cluster.annotations()));
      canonical.append(new TreeMap<>(cluster.properties()));
      for (Taint taint : cluster.taints()) {
        canonical.append(taint.key()).append('=').append(taint.value()).append(':');
        canonical
            .append(taint.effect())
            .append('@')
            .append(taint.timeAdded().map(Object::toString).orElse("-"));
      }
      hash = 31 * hash + canonical.toString().hashCode();
    }
    return hash;
  }
}
