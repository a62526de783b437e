package dev.flotilla.summarize;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.internal.ClusterLookup;
import dev.flotilla.expr.internal.ClusterProjection;
import dev.flotilla.placement.Inventory;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a summary is computed against, besides the reports: the clock that judges staleness, the
 * clusters whose labels, annotations and properties the CEL variable {@code cluster} shows (without
 * them, {@code cluster} has only its {@code name}), and the clusters expected to report (a
 * placement decision, say), whose silence is counted as missing. Immutable.
 *
 * <p>Thread-safe: the {@code with...} and {@code expecting} methods return new contexts, and one
 * context may serve summaries on many threads.
 */
public final class SummaryContext {
  private final Instant now;
  private final Map<String, Map<String, Object>> clusters;
  private final Inventory inventory;
  private final Set<String> expected;

  /** {@code inventory}, when not null, shows the clusters instead of {@code clusters}. */
  private SummaryContext(
      Instant now,
      Map<String, Map<String, Object>> clusters,
      Inventory inventory,
      Set<String> expected) {
    this.now = now;
    this.clusters = clusters;
    this.inventory = inventory;
    this.expected = expected;
  }

  /** A context judging staleness at {@code now}, with no clusters and no expectations. */
  public static SummaryContext at(Instant now) {
    return new SummaryContext(Objects.requireNonNull(now, "now"), Map.of(), null, Set.of());
  }

  /** The same context, with {@code cluster} showing these clusters' facts. */
  public SummaryContext withClusters(Collection<Cluster> fleet) {
    Map<String, Map<String, Object>> values = new HashMap<>(fleet.size() * 2);
    for (Cluster cluster : fleet) {
      values.put(cluster.name(), ClusterVariables.value(cluster));
    }
    return new SummaryContext(now, Map.copyOf(values), null, expected);
  }

  /**
   * The same context, with {@code cluster} showing the inventory's facts. An inventory is an
   * immutable snapshot, so they are read from it when a report of the cluster is evaluated, rather
   * than every cluster being rebuilt here and kept for the life of the context.
   */
  public SummaryContext withInventory(Inventory inventory) {
    return new SummaryContext(
        now, Map.of(), Objects.requireNonNull(inventory, "inventory"), expected);
  }

  /** The same context, counting as missing the clusters of {@code names} that do not report. */
  public SummaryContext expecting(Collection<String> names) {
    return new SummaryContext(now, clusters, inventory, Set.copyOf(names));
  }

  /** The clock staleness is judged against. */
  public Instant now() {
    return now;
  }

  /** The clusters expected to report. */
  public Set<String> expected() {
    return expected;
  }

  /**
   * The value of the CEL variable {@code cluster} for {@code name}, holding only what {@code reads}
   * names (a projection: cel-java copies each map it reads, so a map of one read label costs one
   * entry rather than all of them; absent keys stay absent, so every expression sees what it would
   * see in the whole value).
   */
  Map<String, Object> clusterValue(String name, Dependencies reads) {
    ClusterLookup lookup;
    if (inventory != null) {
      if (!inventory.contains(name)) {
        return unknown(name);
      }
      lookup = new InventoryLookup(inventory, name);
    } else {
      Map<String, Object> value = clusters.get(name);
      if (value == null) {
        return unknown(name);
      }
      lookup = map -> mapOf(value, map);
    }
    return ClusterProjection.value(name, lookup, reads);
  }

  private static Map<String, Object> unknown(String name) {
    return Map.of(
        "name", name, "labels", Map.of(), "annotations", Map.of(), "properties", Map.of());
  }

  /** One cluster of an inventory, read key by key from its columns. */
  private record InventoryLookup(Inventory inventory, String name) implements ClusterLookup {
    @Override
    public Map<String, String> map(Dependencies.ClusterMap map) {
      return mapOf(inventory.clusterVariable(name).orElseThrow(), map);
    }

    @Override
    public String value(Dependencies.ClusterMap map, String key) {
      Optional<String> value =
          switch (map) {
            case LABELS -> inventory.label(name, key);
            case ANNOTATIONS -> inventory.annotation(name, key);
            case PROPERTIES -> inventory.property(name, key);
          };
      return value.orElse(null);
    }
  }

  /**
   * One map ({@code labels}, {@code annotations}, {@code properties}) of a {@code cluster} value.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> mapOf(Map<String, Object> value, Dependencies.ClusterMap map) {
    Object maps =
        value.get(
            switch (map) {
              case LABELS -> "labels";
              case ANNOTATIONS -> "annotations";
              case PROPERTIES -> "properties";
            });
    return maps == null ? Map.of() : (Map<String, String>) maps;
  }
}
