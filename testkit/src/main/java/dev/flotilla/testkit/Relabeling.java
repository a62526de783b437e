package dev.flotilla.testkit;

import static dev.flotilla.testkit.FleetGenerator.CUSTOMERS;
import static dev.flotilla.testkit.FleetGenerator.HARDWARE;
import static dev.flotilla.testkit.FleetGenerator.KUBERNETES_MINORS;
import static dev.flotilla.testkit.FleetGenerator.LABEL_CANARY;
import static dev.flotilla.testkit.FleetGenerator.LABEL_COST_CENTER;
import static dev.flotilla.testkit.FleetGenerator.LABEL_CUSTOMER;
import static dev.flotilla.testkit.FleetGenerator.LABEL_ENV;
import static dev.flotilla.testkit.FleetGenerator.LABEL_HARDWARE;
import static dev.flotilla.testkit.FleetGenerator.LABEL_KUBERNETES_VERSION;
import static dev.flotilla.testkit.FleetGenerator.LABEL_MANAGED_BY;
import static dev.flotilla.testkit.FleetGenerator.LABEL_NETWORK;
import static dev.flotilla.testkit.FleetGenerator.LABEL_RACK;
import static dev.flotilla.testkit.FleetGenerator.LABEL_REGION;
import static dev.flotilla.testkit.FleetGenerator.LABEL_SERIAL;
import static dev.flotilla.testkit.FleetGenerator.LABEL_SITE;
import static dev.flotilla.testkit.FleetGenerator.LABEL_STORE_SIZE;
import static dev.flotilla.testkit.FleetGenerator.LABEL_TIER;
import static dev.flotilla.testkit.FleetGenerator.LABEL_VENDOR;
import static dev.flotilla.testkit.FleetGenerator.LABEL_ZONE;
import static dev.flotilla.testkit.FleetGenerator.MANAGED_BY;
import static dev.flotilla.testkit.FleetGenerator.MAX_RACK;
import static dev.flotilla.testkit.FleetGenerator.MAX_STORE_SIZE;
import static dev.flotilla.testkit.FleetGenerator.NETWORKS;
import static dev.flotilla.testkit.FleetGenerator.REGIONS;
import static dev.flotilla.testkit.FleetGenerator.STREAM_RELABEL;
import static dev.flotilla.testkit.FleetGenerator.TIERS;

import dev.flotilla.api.Cluster;
import dev.flotilla.testkit.FleetGenerator.HardwareClass;
import dev.flotilla.testkit.FleetGenerator.Region;
import dev.flotilla.testkit.FleetGenerator.WeightedValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label changes a fleet sees between two inventory snapshots, for incremental-update tests and
 * benchmarks: each key has a realistic change (promotion, upgrade, move) and a weight saying how
 * often it happens relative to the others.
 */
final class Relabeling {
  private static final int TWO_CHANGES_PER_TEN_THOUSAND = 3_000;
  private static final int COST_CENTERS = 600;
  private static final WeightedPick REGION_PICK = WeightedPick.of(REGIONS, Region::weight);

  private Relabeling() {}

  static Cluster relabel(Cluster cluster, long seed, List<String> keys) {
    List<String> candidates = new ArrayList<>();
    for (String key : keys) {
      if (weight(key) > 0 && (key.equals(LABEL_CANARY) || cluster.labels().containsKey(key))) {
        candidates.add(key);
      }
    }
    if (candidates.isEmpty()) {
      return cluster;
    }
    // String.hashCode is specified by the JLS, so this stays the same on every JVM.
    SeededRandom random = SeededRandom.of(seed, STREAM_RELABEL, cluster.name().hashCode());
    Map<String, String> labels = new HashMap<>(cluster.labels());
    int changes = random.chance(TWO_CHANGES_PER_TEN_THOUSAND) ? 2 : 1;
    for (int i = 0; i < changes && !candidates.isEmpty(); i++) {
      String key = candidates.remove(pickWeighted(candidates, random));
      change(key, labels, random);
    }
    return cluster.withLabels(labels);
  }

  // Relative frequency of a change to each key; 0 for identities (site, serial) that never change.
  private static int weight(String key) {
    switch (key) {
      case LABEL_CANARY:
      case LABEL_KUBERNETES_VERSION:
        return 4;
      case LABEL_ENV:
        return 3;
      case LABEL_RACK:
      case LABEL_TIER:
      case LABEL_NETWORK:
        return 2;
      case LABEL_SITE:
      case LABEL_SERIAL:
        return 0;
      default:
        return 1;
    }
  }

  private static int pickWeighted(List<String> keys, SeededRandom random) {
    int total = 0;
    for (String key : keys) {
      total += weight(key);
    }
    int x = random.nextInt(total);
    for (int i = 0; i < keys.size(); i++) {
      x -= weight(keys.get(i));
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError("weights changed under the pick");
  }

  private static void change(String key, Map<String, String> labels, SeededRandom random) {
    String current = labels.get(key);
    switch (key) {
      case LABEL_CANARY:
        if (current == null) {
          labels.put(key, "true");
        } else {
          labels.remove(key);
        }
        break;
      case LABEL_REGION:
        moveRegion(labels, random);
        break;
      case LABEL_ZONE:
        labels.put(key, other(regionOfZone(current).zones(), current, random));
        break;
      case LABEL_ENV:
        labels.put(
            key,
            "dev".equals(current) ? "staging" : "staging".equals(current) ? "prod" : "staging");
        break;
      case LABEL_HARDWARE:
        swapHardware(labels, random);
        break;
      case LABEL_KUBERNETES_VERSION:
        labels.put(key, nextMinor(current));
        break;
      case LABEL_RACK:
        labels.put(key, otherInt(current, MAX_RACK, random));
        break;
      case LABEL_STORE_SIZE:
        labels.put(key, otherInt(current, MAX_STORE_SIZE, random));
        break;
      case LABEL_COST_CENTER:
        String costCenter;
        do {
          costCenter = "cc-" + (1000 + random.nextInt(COST_CENTERS));
        } while (costCenter.equals(current));
        labels.put(key, costCenter);
        break;
      case LABEL_CUSTOMER:
        labels.put(key, other(CUSTOMERS, current, random));
        break;
      case LABEL_NETWORK:
        labels.put(key, other(NETWORKS, current, random));
        break;
      case LABEL_TIER:
        labels.put(key, other(TIERS, current, random));
        break;
      case LABEL_MANAGED_BY:
        labels.put(key, other(MANAGED_BY, current, random));
        break;
      case LABEL_VENDOR:
        labels.put(key, otherVendor(current, random));
        break;
      default:
        throw new AssertionError("no change defined for " + key);
    }
  }

  // A car driving to another region: its zone (if labelled) follows.
  private static void moveRegion(Map<String, String> labels, SeededRandom random) {
    String current = labels.get(LABEL_REGION);
    Region region;
    do {
      region = REGIONS.get(REGION_PICK.pick(random));
    } while (region.name().equals(current));
    labels.put(LABEL_REGION, region.name());
    if (labels.containsKey(LABEL_ZONE)) {
      labels.put(LABEL_ZONE, other(region.zones(), null, random));
    }
  }

  // A hardware refresh: the vendor (if labelled) becomes one of the new class's vendors.
  private static void swapHardware(Map<String, String> labels, SeededRandom random) {
    String current = labels.get(LABEL_HARDWARE);
    HardwareClass hardware;
    do {
      hardware = HARDWARE.get(random.nextInt(HARDWARE.size()));
    } while (hardware.name().equals(current));
    labels.put(LABEL_HARDWARE, hardware.name());
    if (labels.containsKey(LABEL_VENDOR)) {
      labels.put(LABEL_VENDOR, hardware.vendors().get(random.nextInt(hardware.vendors().size())));
    }
  }

  private static String otherVendor(String current, SeededRandom random) {
    List<String> vendors = new ArrayList<>();
    for (HardwareClass hardware : HARDWARE) {
      for (String vendor : hardware.vendors()) {
        if (!vendors.contains(vendor) && !vendor.equals(current)) {
          vendors.add(vendor);
        }
      }
    }
    return vendors.get(random.nextInt(vendors.size()));
  }

  // An upgrade to the next minor; the newest (or an unknown one) is rolled back to the one before.
  private static String nextMinor(String current) {
    for (int i = 1; i < KUBERNETES_MINORS.size(); i++) {
      if (KUBERNETES_MINORS.get(i).version().equals(current)) {
        return KUBERNETES_MINORS.get(i - 1).version();
      }
    }
    return KUBERNETES_MINORS
        .get(KUBERNETES_MINORS.get(0).version().equals(current) ? 1 : 0)
        .version();
  }

  private static Region regionOfZone(String zone) {
    for (Region region : REGIONS) {
      for (WeightedValue candidate : region.zones()) {
        if (candidate.value().equals(zone)) {
          return region;
        }
      }
    }
    return REGIONS.get(0);
  }

  // A value of the vocabulary other than current, by weight; every vocabulary has two or more.
  private static String other(List<WeightedValue> vocabulary, String current, SeededRandom random) {
    WeightedPick pick = WeightedPick.of(vocabulary, WeightedValue::weight);
    String value;
    do {
      value = vocabulary.get(pick.pick(random)).value();
    } while (value.equals(current));
    return value;
  }

  private static String otherInt(String current, int max, SeededRandom random) {
    String value;
    do {
      value = FleetGenerator.smallInt(1 + random.nextInt(max));
    } while (value.equals(current));
    return value;
  }
}
