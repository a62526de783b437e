package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * What a per-cluster predicate reads of one cluster: from a {@link Cluster} record (event-driven
 * controllers), or straight from an inventory's columns (no record rebuilt, no map copied).
 */
interface ClusterFacts {
  String name();

  /** The label's value, or null when the cluster lacks the key. */
  String label(String key);

  /** The property's value, or null. */
  String property(String name);

  /** The CEL variable {@code cluster}: name, labels, annotations, properties. */
  Map<String, Object> celCluster();

  static ClusterFacts of(Cluster cluster) {
    return new ClusterFacts() {
      @Override
      public String name() {
        return cluster.name();
      }

      @Override
      public String label(String key) {
        return cluster.labels().get(key);
      }

      @Override
      public String property(String name) {
        return cluster.properties().get(name);
      }

      @Override
      public Map<String, Object> celCluster() {
        return Map.of(
            "name", cluster.name(),
            "labels", cluster.labels(),
            "annotations", cluster.annotations(),
            "properties", cluster.properties());
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
      public Map<String, Object> celCluster() {
        return Map.of(
            "name",
            inventory.nameAt(ordinal),
            "labels",
            new ColumnView(inventory, ordinal, false),
            "annotations",
            inventory.annotationsAt(ordinal),
            "properties",
            new ColumnView(inventory, ordinal, true));
      }
    };
  }

  /**
   * A cluster's labels or properties read from the inventory's columns on demand: lookups cost a
   * dictionary read, and the whole map is only gathered when an expression iterates it.
   */
  final class ColumnView extends AbstractMap<String, String> {
    private final Inventory inventory;
    private final int ordinal;
    private final boolean properties;
    private Map<String, String> gathered;

    ColumnView(Inventory inventory, int ordinal, boolean properties) {
      this.inventory = inventory;
      this.ordinal = ordinal;
      this.properties = properties;
    }

    @Override
    public String get(Object key) {
      if (!(key instanceof String name)) {
        return null;
      }
      return properties ? inventory.property(ordinal, name) : inventory.label(ordinal, name);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      if (gathered == null) {
        gathered = properties ? inventory.propertiesAt(ordinal) : inventory.labelsAt(ordinal);
      }
      return gathered.entrySet();
    }
  }
}
