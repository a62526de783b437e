package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.Dependencies.ClusterMap;
import dev.flotilla.expr.internal.ClusterLookup;
import java.util.Map;

/**
 * What a per-cluster predicate reads of one cluster: from a {@link Cluster} record (event-driven
 * controllers), or straight from an inventory's columns (no record rebuilt, no map copied).
 */
interface ClusterFacts extends ClusterLookup {
  String name();

  /** The label's value, or null when the cluster lacks the key. */
  String label(String key);

  /** The property's value, or null. */
  String property(String name);

  /** The annotation's value, or null. */
  String annotation(String key);

  /** One entry of one of the cluster's maps, or null: a column read, no map gathered. */
  @Override
  default String value(ClusterMap map, String key) {
    return switch (map) {
      case LABELS -> label(key);
      case ANNOTATIONS -> annotation(key);
      case PROPERTIES -> property(key);
    };
  }

  static ClusterFacts of(Cluster cluster) {
    return of(cluster.name(), cluster.labels(), cluster.properties(), cluster.annotations());
  }

  /** Facts read from plain maps, which the caller must not change while they are in use. */
  static ClusterFacts of(
      String name,
      Map<String, String> labels,
      Map<String, String> properties,
      Map<String, String> annotations) {
    return new ClusterFacts() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String label(String key) {
        return labels.get(key);
      }

      @Override
      public String property(String key) {
        return properties.get(key);
      }

      @Override
      public String annotation(String key) {
        return annotations.get(key);
      }

      @Override
      public Map<String, String> map(ClusterMap map) {
        return switch (map) {
          case LABELS -> labels;
          case ANNOTATIONS -> annotations;
          case PROPERTIES -> properties;
        };
      }
    };
  }

  static ClusterFacts of(Inventory inventory, int ordinal) {
    return new ClusterFacts() {
      @Override
      public String name() {
        return inventory.nameAt(ordinal);
      }

      @Override
      public String label(String key) {
        return inventory.label(ordinal, key);
      }

      @Override
      public String property(String name) {
        return inventory.property(ordinal, name);
      }

      @Override
      public String annotation(String key) {
        return inventory.annotationsAt(ordinal).get(key);
      }

      @Override
      public Map<String, String> map(ClusterMap map) {
        return switch (map) {
          case LABELS -> inventory.labelsAt(ordinal);
          case ANNOTATIONS -> inventory.annotationsAt(ordinal);
          case PROPERTIES -> inventory.propertiesAt(ordinal);
        };
      }
    };
  }
}
