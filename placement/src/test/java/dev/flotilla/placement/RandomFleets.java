package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random inventories and placements over deliberately small vocabularies, so that requirements hit,
 * miss and meet missing keys often. Seeded: a failing seed replays.
 */
final class RandomFleets {
  static final List<String> KEYS = List.of("a", "b", "c", "n");
  static final List<String> VALUES = List.of("x", "y", "z", "1", "5", "10");
  static final List<String> PROPERTIES = List.of("cpu", "version", "site");
  static final List<String> CPU = List.of("500m", "1", "2", "4", "16", "2Gi", "bogus");
  static final List<String> VERSIONS = List.of("1.29.0", "1.30.2", "v1.31.0", "1.31.10", "x.y");
  static final List<String> CEL =
      List.of(
          "cluster.labels['a'] == 'x'",
          "'b' in cluster.labels",
          "cluster.labels.c.startsWith('y')", // errors when c is missing
          "cluster.name.endsWith('3')",
          "cluster.name.startsWith('c-1')", // answered by the name dictionary
          "cluster.name.matches('^c-2.*')",
          // reads one property: evaluated once per distinct version; errors on x.y, v1.31.0, absent
          "semver(cluster.properties.version).isGreaterThan(semver('1.30.0'))",
          "int(cluster.properties.cpu) > 1", // errors on 500m, 2Gi, bogus and a missing cpu
          "quantity(cluster.properties.cpu).isGreaterThan(quantity('1'))", // errors on bogus
          "cluster.labels.exists(k, cluster.labels[k] == '5')",
          // conjunctions of key tests, which the index pre-filters by their KeyConstraints
          "cluster.labels.b != 'y' && has(cluster.labels.n)",
          "cluster.labels['c'] in ['x', '10'] && !('a' in cluster.labels)",
          "'5' == cluster.labels.a && cluster.properties['site'] == 'x'",
          "has(cluster.properties.cpu) && !has(cluster.labels.c)");

  private final SplittableRandom random;

  RandomFleets(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  List<Cluster> inventory(int size) {
    List<Cluster> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(cluster("c-" + i));
    }
    return out;
  }

  Cluster cluster(String name) {
    Map<String, String> labels = new HashMap<>();
    for (String key : KEYS) {
      if (random.nextInt(3) > 0) {
        labels.put(key, pick(VALUES));
      }
    }
    Map<String, String> properties = new HashMap<>();
    if (random.nextInt(4) > 0) {
      properties.put("cpu", pick(CPU));
    }
    if (random.nextInt(4) > 0) {
      properties.put("version", pick(VERSIONS));
    }
    if (random.nextBoolean()) {
      properties.put("site", pick(VALUES));
    }
    return new Cluster(name, labels, Map.of(), properties, List.of());
  }

  Requirement requirement() {
    String key = pick(KEYS);
    return switch (random.nextInt(8)) {
      case 0 -> Requirement.in(key, pick(VALUES), pick(VALUES));
      case 1 -> Requirement.notIn(key, pick(VALUES));
      case 2 -> Requirement.equalTo(key, pick(VALUES));
      case 3 -> Requirement.notEqualTo(key, pick(VALUES));
      case 4 -> Requirement.exists(key);
      case 5 -> Requirement.doesNotExist(key);
      case 6 -> Requirement.greaterThan(key, random.nextInt(12));
      default -> Requirement.lessThan(key, random.nextInt(12));
    };
  }

  PropertyRequirement property() {
    String name = pick(PROPERTIES);
    PropertyOperator operator = pick(List.of(PropertyOperator.values()));
    String value =
        switch (name) {
          case "cpu" -> pick(CPU.subList(0, CPU.size() - 1));
          case "version" -> pick(VERSIONS.subList(0, VERSIONS.size() - 1));
          default -> operator.isOrdering() ? "3" : pick(VALUES);
        };
    return PropertyRequirement.of(name, operator, value);
  }

  ClusterSelectorTerm term(boolean withCel) {
    List<Requirement> requirements = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      requirements.add(requirement());
    }
    List<PropertyRequirement> properties = new ArrayList<>();
    for (int i = random.nextInt(3) == 0 ? 1 : 0; i > 0; i--) {
      properties.add(property());
    }
    List<String> cel = withCel && random.nextInt(3) == 0 ? List.of(pick(CEL)) : List.of();
    return new ClusterSelectorTerm(LabelSelector.of(requirements), properties, cel);
  }

  Placement placement(int inventorySize, boolean withCel) {
    List<ClusterSelectorTerm> terms = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      terms.add(term(withCel));
    }
    List<String> names = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      names.add("c-" + random.nextInt(Math.max(1, inventorySize)));
    }
    if (random.nextInt(4) == 0) {
      excluded.add("c-" + random.nextInt(Math.max(1, inventorySize)));
    }
    return Placement.of("p", new PlacementSpec(terms, names, excluded));
  }

  /** A random label map change for one cluster (set, change or drop a few keys). */
  Map<String, String> relabel(Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>(labels);
    String key = pick(KEYS);
    if (random.nextBoolean()) {
      out.put(key, pick(VALUES));
    } else {
      out.remove(key);
    }
    return out;
  }
}
