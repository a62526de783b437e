package dev.flotilla.placement;

import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.quantity.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prioritizers' scores of one run's candidates, 0 to 100 each, as documented on {@link
 * Prioritizer}: one {@code int[]} per prioritizer, indexed by candidate.
 *
 * <p>For maintainers. A property sorter reads each distinct property value's quantity from the
 * column, where it was parsed once when the value entered the inventory, so scoring 100,000
 * clusters parses nothing. A label preference reads only the keys its selector names.
 */
final class Scoring {
  private final Inventory inventory;
  private final int[] ordinal;
  private final String[] name;
  private final SchedulingContext context;
  private Instant nextChange;

  Scoring(Inventory inventory, int[] ordinal, String[] name, SchedulingContext context) {
    this.inventory = inventory;
    this.ordinal = ordinal;
    this.name = name;
    this.context = context;
  }

  /** The scores of every prioritizer, in order. */
  int[][] scores(List<Prioritizer> prioritizers) {
    int[][] out = new int[prioritizers.size()][];
    for (int p = 0; p < out.length; p++) {
      Prioritizer prioritizer = prioritizers.get(p);
      if (prioritizer instanceof Prioritizer.PropertySorter sorter) {
        out[p] = propertyScores(sorter);
      } else if (prioritizer instanceof Prioritizer.LabelPreference preference) {
        out[p] = labelScores(preference);
      } else if (prioritizer instanceof Prioritizer.PropertyScale scale) {
        out[p] = scaleScores(scale);
      } else if (prioritizer instanceof Prioritizer.PreviouslyPicked) {
        out[p] = previousScores();
      } else {
        out[p] = suppliedScores((Prioritizer.Score) prioritizer);
      }
    }
    return out;
  }

  /** The earliest expiry of a supplied score that counted, or null. */
  Instant nextChange() {
    return nextChange;
  }

  private int[] propertyScores(Prioritizer.PropertySorter sorter) {
    int size = ordinal.length;
    int[] out = new int[size];
    ValueColumn column = inventory.propertyColumn(sorter.name());
    if (column == null) {
      return out;
    }
    boolean fleet = sorter.scale() == Prioritizer.SorterScale.FleetWeighted;
    double[] value = new double[size];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      int id = column.idAt(ordinal[i]);
      Quantity quantity = id < 0 ? null : column.quantity(id);
      double v = quantity == null ? Double.NaN : quantity.asApproximateDouble();
      value[i] = v;
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (fleet) {
      // KubeFleet takes the range over every member cluster, eligible or not: over the column's
      // values still held by a cluster. Exact quantities are compared, as KubeFleet does, and only
      // the extremes are turned into doubles.
      Quantity low = null;
      Quantity high = null;
      for (int id = 0; id < column.valueCount(); id++) {
        Quantity q = column.quantity(id);
        if (q == null || column.postingOf(id).count() == 0) {
          continue;
        }
        low = low == null || q.compareTo(low) < 0 ? q : low;
        high = high == null || q.compareTo(high) > 0 ? q : high;
      }
      min = low == null ? Double.NaN : low.asApproximateDouble();
      max = high == null ? Double.NaN : high.asApproximateDouble();
    }
    boolean descending = sorter.sortOrder() == Prioritizer.SortOrder.Descending;
    LabelSelector gate = sorter.labelSelector().orElse(null);
    List<String> keys = gate == null ? List.of() : keys(gate);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (gate != null && !matches(gate, keys, ordinal[i], labels)) {
        out[i] = 0;
      } else if (fleet) {
        out[i] = fleetWeighted(value[i], min, max, descending, sorter.weight());
      } else {
        out[i] = normalise(value[i], min, max, descending);
      }
    }
    return out;
  }

  private int[] scaleScores(Prioritizer.PropertyScale scale) {
    int size = ordinal.length;
    int[] out = new int[size];
    ValueColumn column = inventory.propertyColumn(scale.name());
    if (column == null) {
      return out;
    }
    ValueColumn required =
        scale.requires().isPresent() ? inventory.propertyColumn(scale.requires().get()) : null;
    if (scale.requires().isPresent() && required == null) {
      return out;
    }
    double[] value = new double[size];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      int id = column.idAt(ordinal[i]);
      Quantity quantity = id < 0 ? null : column.quantity(id);
      boolean has = quantity != null && (required == null || required.idAt(ordinal[i]) >= 0);
      double v = has ? quantity.asApproximateDouble() : Double.NaN;
      value[i] = v;
      if (has) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    boolean descending = scale.sortOrder() == Prioritizer.SortOrder.Descending;
    for (int i = 0; i < size; i++) {
      out[i] = centred(value[i], min, max, descending);
    }
    return out;
  }

  /** The property scale's score, as documented on {@link Prioritizer.PropertyScale}. */
  static int centred(double value, double min, double max, boolean descending) {
    if (Double.isNaN(value)) {
      return 0;
    }
    if (max - min == 0) {
      return 100;
    }
    // OCM's order of operations (plugins/resource, mostResourceAllocatableScores).
    double ratio = descending ? (value - min) / (max - min) : (max - value) / (max - min);
    return (int) (long) ((ratio - 0.5) * 2.0 * 100.0);
  }

  /**
   * KubeFleet's interpolated weight ({@code interpolateWeightFor} in kubefleet
   * pkg/scheduler/framework/plugins/clusteraffinity/types.go): the same double operations in the
   * same order, rounded half away from zero as Go's {@code math.Round}.
   */
  static int fleetWeighted(double value, double min, double max, boolean descending, int weight) {
    if (Double.isNaN(value) || Double.isNaN(min) || min == max) {
      return 0;
    }
    double share = (value - min) / (max - min);
    double w = descending ? share * (double) weight : (1 - share) * (double) weight;
    return (int) roundHalfAwayFromZero(w);
  }

  /** Go's {@code math.Round}: to the nearest integer, halves away from zero. */
  static double roundHalfAwayFromZero(double x) {
    double a = Math.abs(x);
    double t = Math.floor(a);
    if (a - t >= 0.5) {
      t += 1;
    }
    return Math.copySign(t, x);
  }

  private int[] labelScores(Prioritizer.LabelPreference preference) {
    int[] out = new int[ordinal.length];
    LabelSelector selector = preference.labelSelector();
    List<String> keys = keys(selector);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = matches(selector, keys, ordinal[i], labels) ? 100 : 0;
    }
    return out;
  }

  private static List<String> keys(LabelSelector selector) {
    List<String> keys = new ArrayList<>();
    for (Requirement requirement : selector.requirements()) {
      if (!keys.contains(requirement.key())) {
        keys.add(requirement.key());
      }
    }
    return keys;
  }

  /** Whether the cluster at {@code at} matches, reading only {@code keys} into {@code labels}. */
  private boolean matches(
      LabelSelector selector, List<String> keys, int at, Map<String, String> labels) {
    labels.clear();
    for (String key : keys) {
      String value = inventory.label(at, key);
      if (value != null) {
        labels.put(key, value);
      }
    }
    return selector.matches(labels);
  }

  private int[] previousScores() {
    int[] out = new int[ordinal.length];
    if (context.previous().isEmpty()) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = context.previous().contains(name[i]) ? 100 : 0;
    }
    return out;
  }

  private int[] suppliedScores(Prioritizer.Score supplied) {
    int[] out = new int[ordinal.length];
    Map<String, ClusterScores.Entry> scores = context.scores().named(supplied.name());
    if (scores.isEmpty()) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      ClusterScores.Entry entry = scores.get(name[i]);
      if (entry != null && entry.validAt(context.now())) {
        out[i] = entry.value();
        Instant expires = entry.expires();
        if (expires != null && (nextChange == null || expires.isBefore(nextChange))) {
          nextChange = expires;
        }
      }
    }
    return out;
  }

  /** The property sorter's score, as documented on {@link Prioritizer.PropertySorter}. */
  static int normalise(double value, double min, double max, boolean descending) {
    if (Double.isNaN(value)) {
      return 0;
    }
    if (max == min) {
      return 100;
    }
    double share = descending ? (value - min) / (max - min) : (max - value) / (max - min);
    return (int) Math.round(100.0 * share);
  }
}
