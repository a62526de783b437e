package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Cluster sets behave as {@code TreeSet}s of names, also over snapshots with holes. */
class ClusterSetProperties {

  @Test
  void setAlgebraMatchesTreeSets() {
    qt().withFixedSeed(53L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<Cluster> clusters = new ArrayList<>();
              for (int i = random.nextInt(400); i > 0; i--) {
                clusters.add(Cluster.of("c-" + i, Map.of()));
              }
              Inventory inventory = Inventory.of(clusters);
              TreeSet<String> all = new TreeSet<>();
              clusters.forEach(c -> all.add(c.name()));
              // Holes: removed clusters keep their slot until compaction.
              for (int i = random.nextInt(5); i > 0 && !all.isEmpty(); i--) {
                String gone = new ArrayList<>(all).get(random.nextInt(all.size()));
                inventory = inventory.without(gone);
                all.remove(gone);
              }
              TreeSet<String> a = sample(random, all);
              TreeSet<String> b = sample(random, all);
              ClusterSet x = named(inventory, a, random);
              ClusterSet y = named(inventory, b, random);
              String context = "seed " + seed;
              assertSet(a, x, context + " a");
              assertSet(all, inventory.all(), context + " all");
              TreeSet<String> and = new TreeSet<>(a);
              and.retainAll(b);
              assertSet(and, x.and(y), context + " and");
              TreeSet<String> or = new TreeSet<>(a);
              or.addAll(b);
              assertSet(or, x.or(y), context + " or");
              TreeSet<String> andNot = new TreeSet<>(a);
              andNot.removeAll(b);
              assertSet(andNot, x.andNot(y), context + " andNot");
              assertEquals(a.equals(b), x.equals(y), context + " equals");
              if (a.equals(b)) {
                assertEquals(x.hashCode(), y.hashCode(), context + " hashCode");
              }
            });
  }

  @Test
  void countByLabelCountsTheSetsClustersPerValue() {
    qt().withFixedSeed(59L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              // Frequent values (dense postings), rare ones (sparse) and clusters without the key.
              Map<String, Cluster> clusters = new TreeMap<>();
              for (int i = random.nextInt(600); i > 0; i--) {
                int roll = random.nextInt(10);
                Map<String, String> labels =
                    roll < 6
                        ? Map.of("zone", "z" + random.nextInt(3))
                        : roll < 8 ? Map.of("zone", "rare-" + i) : Map.of("other", "x");
                clusters.put("c-" + i, Cluster.of("c-" + i, labels));
              }
              Inventory inventory = Inventory.of(List.copyOf(clusters.values()));
              for (int i = random.nextInt(8); i > 0 && !clusters.isEmpty(); i--) {
                String name =
                    new ArrayList<>(clusters.keySet()).get(random.nextInt(clusters.size()));
                if (random.nextBoolean()) {
                  inventory = inventory.without(name);
                  clusters.remove(name);
                } else {
                  Cluster moved = Cluster.of(name, Map.of("zone", "z" + random.nextInt(4)));
                  inventory = inventory.with(moved);
                  clusters.put(name, moved);
                }
              }
              TreeSet<String> sample = sample(random, new TreeSet<>(clusters.keySet()));
              Map<String, Integer> expected = new TreeMap<>();
              for (String name : sample) {
                String zone = clusters.get(name).labels().get("zone");
                if (zone != null) {
                  expected.merge(zone, 1, Integer::sum);
                }
              }
              ClusterSet set = named(inventory, sample, random);
              assertEquals(expected, set.countByLabel("zone"), "seed " + seed);
              assertEquals(
                  new ArrayList<>(expected.keySet()),
                  new ArrayList<>(set.countByLabel("zone").keySet()),
                  "seed " + seed + " sorted by value");
              assertEquals(Map.of(), set.countByLabel("no-such-key"), "seed " + seed);
              List<String> visited = new ArrayList<>();
              set.forEachName(visited::add);
              List<String> zones = new ArrayList<>();
              visited.forEach(name -> zones.add(clusters.get(name).labels().get("zone")));
              assertEquals(zones, set.labelValues("zone"), "seed " + seed + " labelValues");
              assertEquals(
                  Collections.nCopies(visited.size(), null),
                  set.propertyValues("zone"),
                  "seed " + seed + " no such property");
            });
  }

  @Test
  void setsOfDifferentSnapshotsDoNotMix() {
    Inventory one = Inventory.of(List.of(Cluster.of("a", Map.of())));
    Inventory two = one.with(Cluster.of("b", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> one.all().and(two.all()));
    assertNotEquals(one.all(), two.named(List.of("a")));
  }

  @Test
  void unknownNamesAreIgnoredAndDuplicatesCountOnce() {
    Inventory inventory = Inventory.of(List.of(Cluster.of("a", Map.of())));
    ClusterSet set = inventory.named(List.of("a", "a", "zz"));
    assertEquals(1, set.size());
    assertEquals(List.of("a"), set.names());
    assertEquals("[a]", set.toString());
  }

  private static TreeSet<String> sample(SplittableRandom random, TreeSet<String> all) {
    TreeSet<String> out = new TreeSet<>();
    int percent = random.nextInt(101);
    for (String name : all) {
      if (random.nextInt(100) < percent) {
        out.add(name);
      }
    }
    return out;
  }

  /** The set of {@code names}, plus a name the snapshot lacks (ignored). */
  private static ClusterSet named(Inventory inventory, TreeSet<String> names, SplittableRandom r) {
    List<String> with = new ArrayList<>(names);
    with.add("absent-" + r.nextInt(10));
    return inventory.named(with);
  }

  private static void assertSet(TreeSet<String> expected, ClusterSet set, String context) {
    assertEquals(new ArrayList<>(expected), set.names(), context + " names");
    assertEquals(expected.size(), set.size(), context + " size");
    assertEquals(expected.isEmpty(), set.isEmpty(), context + " isEmpty");
    for (String name : expected) {
      assertEquals(true, set.contains(name), context + " contains " + name);
    }
    List<String> visited = new ArrayList<>();
    set.forEachName(visited::add);
    assertEquals(expected, new TreeSet<>(visited), context + " forEachName");
    assertEquals(expected.size(), visited.size(), context + " forEachName once each");
  }
}
