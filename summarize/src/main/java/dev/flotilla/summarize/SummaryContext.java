package dev.flotilla.summarize;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.placement.Inventory;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
   * The same context, with {@code cluster} showing the inventory's facts. The snapshot is
   * immutable, so each report's cluster is read from its index when the report is evaluated
   * (nothing is copied here: a million clusters' variables as maps would take about a gigabyte).
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

  /** The value of the CEL variable {@code cluster} for {@code name}. */
  Map<String, Object> clusterValue(String name) {
    Map<String, Object> value =
        inventory != null ? inventory.clusterVariable(name).orElse(null) : clusters.get(name);
    return value != null
        ? value
        : Map.of("name", name, "labels", Map.of(), "annotations", Map.of(), "properties", Map.of());
  }
}
