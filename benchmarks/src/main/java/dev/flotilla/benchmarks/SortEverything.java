package dev.flotilla.benchmarks;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.quantity.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of {@code SchedulingBenchmark}: the same decision computed the obvious way, as a
 * controller without a scheduler would: parse every cluster's properties, score, sort every
 * eligible cluster, then walk the sorted list per zone. Handles what the benchmark's placement uses
 * (every cluster eligible, property sorters, one DoNotSchedule spread constraint).
 */
final class SortEverything {
  private record Scored(String name, String zone, long score, long weight) {}

  private SortEverything() {}

  static List<String> pick(Placement placement, List<Cluster> fleet) {
    List<Prioritizer> prioritizers = placement.spec().prioritizers();
    double[][] values = new double[prioritizers.size()][fleet.size()];
    int[][] scores = new int[prioritizers.size()][fleet.size()];
    for (int p = 0; p < prioritizers.size(); p++) {
      Prioritizer.PropertySorter sorter = (Prioritizer.PropertySorter) prioritizers.get(p);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < fleet.size(); i++) {
        String text = fleet.get(i).properties().get(sorter.name());
        double v =
            text == null
                ? Double.NaN
                : Quantity.tryParse(text).map(Quantity::asApproximateDouble).orElse(Double.NaN);
        values[p][i] = v;
        if (!Double.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      for (int i = 0; i < fleet.size(); i++) {
        double v = values[p][i];
        double share =
            sorter.sortOrder() == Prioritizer.SortOrder.Descending
                ? (v - min) / (max - min)
                : (max - v) / (max - min);
        scores[p][i] = Double.isNaN(v) ? 0 : max == min ? 100 : (int) Math.round(100 * share);
      }
    }
    SpreadConstraint spread = placement.spec().spreadConstraints().get(0);
    Scored[] all = new Scored[fleet.size()];
    for (int i = 0; i < all.length; i++) {
      Cluster c = fleet.get(i);
      long total = 0;
      for (int p = 0; p < prioritizers.size(); p++) {
        total += (long) prioritizers.get(p).weight() * scores[p][i];
      }
      all[i] =
          new Scored(
              c.name(),
              spread.topologyKey().domainOf(c.labels(), c.properties()).orElse(null),
              total,
              rendezvousWeight(placement.namespace(), placement.name(), c.name()));
    }
    Comparator<Scored> rank =
        Comparator.comparingLong(Scored::score)
            .thenComparingLong(Scored::weight)
            .reversed()
            .thenComparing(Scored::name);
    Arrays.sort(all, rank);
    Map<String, List<Scored>> byZone = new LinkedHashMap<>();
    for (Scored s : all) {
      if (s.zone() != null) {
        byZone.computeIfAbsent(s.zone(), z -> new ArrayList<>()).add(s);
      }
    }
    int wanted = placement.spec().numberOfClusters().orElse(all.length);
    int skew = spread.maxSkew();
    int fewest = byZone.values().stream().mapToInt(List::size).min().orElse(0);
    int limit = Math.min(wanted, capacity(byZone, fewest + skew));
    int level = 0;
    while (capacity(byZone, level + skew) < limit) {
      level++;
    }
    List<Scored> picked = new ArrayList<>();
    List<Scored> pool = new ArrayList<>();
    for (List<Scored> zone : byZone.values()) {
      picked.addAll(zone.subList(0, level));
      pool.addAll(zone.subList(level, Math.min(zone.size(), level + skew)));
    }
    pool.sort(rank);
    picked.addAll(pool.subList(0, limit - picked.size()));
    picked.sort(rank);
    return picked.stream().map(Scored::name).toList();
  }

  /**
   * The scheduler's tie-break weight, restated here so the baseline computes the same decision
   * without reaching into the engine: SplitMix64's finaliser over the placement's FNV-1a seed mixed
   * with the cluster name's {@code String.hashCode()}. {@code SchedulingBenchmarkTest} fails if the
   * two ever differ.
   */
  static long rendezvousWeight(String namespace, String name, String cluster) {
    long seed = mix(fnv(namespace + "/" + name));
    return mix(seed ^ (cluster.hashCode() * 0x9e3779b97f4a7c15L));
  }

  private static long fnv(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static int capacity(Map<String, List<Scored>> byZone, int cap) {
    int total = 0;
    for (List<Scored> zone : byZone.values()) {
      total += Math.min(cap, zone.size());
    }
    return total;
  }
}
