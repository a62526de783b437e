package dev.flotilla.customize;

import dev.flotilla.expr.Dependencies;
import dev.flotilla.placement.Inventory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which inputs of a cluster the templates of a set of rules read (found by {@link
 * dev.flotilla.expr.CompiledExpression#dependencies()}): clusters with equal {@link #values} get
 * equal template results from those rules.
 */
record KeyPlan(
    boolean name,
    String[] labels,
    String[] annotations,
    String[] properties,
    boolean allLabels,
    boolean allAnnotations,
    boolean allProperties) {

  /** The plan of the rules {@code r} with {@code matched[r]}. */
  static KeyPlan of(boolean[] matched, CompiledRule[] rules) {
    boolean name = false;
    Set<String> labels = new HashSet<>();
    Set<String> annotations = new HashSet<>();
    Set<String> properties = new HashSet<>();
    Set<Dependencies.ClusterMap> whole = new HashSet<>();
    for (int r = 0; r < rules.length; r++) {
      if (!matched[r]) {
        continue;
      }
      for (Dependencies d : rules[r].dependencies) {
        name |= d.readsName();
        labels.addAll(d.labelKeys());
        annotations.addAll(d.annotationKeys());
        properties.addAll(d.propertyNames());
        whole.addAll(d.wholeMaps());
      }
    }
    return new KeyPlan(
        name,
        labels.toArray(String[]::new),
        annotations.toArray(String[]::new),
        properties.toArray(String[]::new),
        whole.contains(Dependencies.ClusterMap.LABELS),
        whole.contains(Dependencies.ClusterMap.ANNOTATIONS),
        whole.contains(Dependencies.ClusterMap.PROPERTIES));
  }

  /** True when the rules' templates read nothing of a cluster: every cluster has equal values. */
  boolean readsNothing() {
    return !name
        && labels.length == 0
        && annotations.length == 0
        && properties.length == 0
        && !allLabels
        && !allAnnotations
        && !allProperties;
  }

  /**
   * The values of the plan's label and property keys for every cluster, in the order of {@code
   * inventory.all()} (as {@link dev.flotilla.placement.ClusterSet#labelValues} reads them).
   */
  record Columns(List<List<String>> labels, List<List<String>> properties) {}

  /**
   * The values the plan reads of the cluster named {@code cluster}, at {@code position} of {@code
   * columns} (nulls for missing keys).
   */
  Values values(Inventory inventory, String cluster, Columns columns, int position) {
    List<Object> out = new ArrayList<>();
    if (name) {
      out.add(cluster);
    }
    for (List<String> column : columns.labels) {
      out.add(column.get(position));
    }
    for (String key : annotations) {
      out.add(inventory.annotation(cluster, key).orElse(null));
    }
    for (List<String> column : columns.properties) {
      out.add(column.get(position));
    }
    if (allLabels || allAnnotations || allProperties) {
      // Rare: templates that iterate a map. Copies, so the key compares by content.
      Map<String, Object> whole = inventory.clusterVariable(cluster).orElseThrow();
      out.add(allLabels ? Map.copyOf((Map<?, ?>) whole.get("labels")) : null);
      out.add(allAnnotations ? Map.copyOf((Map<?, ?>) whole.get("annotations")) : null);
      out.add(allProperties ? Map.copyOf((Map<?, ?>) whole.get("properties")) : null);
    }
    return new Values(out.toArray());
  }

  /** The values a plan reads of one cluster, compared by content. */
  record Values(Object[] values) {
    static final Values NONE = new Values(new Object[0]);

    @Override
    public boolean equals(Object o) {
      return o instanceof Values other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }
}
