package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every cluster's customized manifests, from {@link RuleSet#apply(dev.flotilla.placement.Inventory,
 * List)}. Immutable and thread-safe.
 *
 * <p>Clusters with equal outputs share them internally; every accessor hands out a fresh deep copy,
 * so what a caller does with a returned tree never reaches another cluster's output or another
 * caller. Copying costs time: read each cluster's manifests once.
 */
public final class CustomizationResult {
  /** What happened to one manifest for one cluster. */
  public enum Delivery {
    /** Customized and delivered. */
    DELIVERED,
    /** A rule deleted it for this cluster. */
    DELETED,
    /** A rule failed; see {@link #errors(String)}. */
    FAILED
  }

  private final int manifestCount;
  private final Map<String, Group> byCluster;
  private final List<Group> groups;

  /** Takes ownership of the map and the list (the engine built them and keeps no reference). */
  CustomizationResult(int manifestCount, Map<String, Group> byCluster, List<Group> groups) {
    this.manifestCount = manifestCount;
    this.byCluster = Collections.unmodifiableMap(byCluster);
    this.groups = Collections.unmodifiableList(groups);
  }

  /** The customized manifests of clusters that share inputs (internal, never handed out). */
  record Group(JsonNode[] outputs, CustomizationError[] errors) {}

  /** The names of the clusters, sorted. */
  public List<String> clusters() {
    List<String> names = new ArrayList<>(byCluster.keySet());
    Collections.sort(names);
    return names;
  }

  /** Number of clusters. */
  public int size() {
    return byCluster.size();
  }

  /** Number of input manifests. */
  public int manifestCount() {
    return manifestCount;
  }

  /**
   * How many distinct combinations of outcomes (one per manifest) the clusters got, so how many
   * output groups the result holds. Each manifest's outcome was computed once per distinct set of
   * template results its rules read, so the rules ran at most this many times per manifest.
   */
  public int distinctOutputs() {
    return groups.size();
  }

  /**
   * The manifests delivered to {@code cluster}, customized, in input order (deleted and failed ones
   * left out), as fresh copies.
   *
   * @throws IllegalArgumentException when the cluster is not in the inventory
   */
  public List<JsonNode> manifests(String cluster) {
    Group group = group(cluster);
    List<JsonNode> out = new ArrayList<>(manifestCount);
    for (JsonNode output : group.outputs) {
      if (output != null) {
        out.add(output.deepCopy());
      }
    }
    return out;
  }

  /** What happened to manifest {@code index} for {@code cluster}. */
  public Delivery delivery(String cluster, int index) {
    return delivery(group(cluster), index);
  }

  private static Delivery delivery(Group group, int index) {
    if (group.outputs[index] != null) {
      return Delivery.DELIVERED;
    }
    return group.errors[index] == null ? Delivery.DELETED : Delivery.FAILED;
  }

  /**
   * How many clusters got each delivery of manifest {@code index}: what a status line reports,
   * without visiting the clusters by name.
   */
  public Map<Delivery, Integer> deliveries(int index) {
    Objects.checkIndex(index, manifestCount);
    Map<Group, Integer> members = new IdentityHashMap<>();
    for (Group group : byCluster.values()) {
      members.merge(group, 1, Integer::sum);
    }
    Map<Delivery, Integer> out = new EnumMap<>(Delivery.class);
    for (Delivery delivery : Delivery.values()) {
      out.put(delivery, 0);
    }
    members.forEach((group, count) -> out.merge(delivery(group, index), count, Integer::sum));
    return Collections.unmodifiableMap(out);
  }

  /** The errors of {@code cluster}, by manifest index. */
  public List<CustomizationError> errors(String cluster) {
    Group group = group(cluster);
    List<CustomizationError> out = new ArrayList<>();
    for (CustomizationError error : group.errors) {
      if (error != null) {
        out.add(error.withCluster(cluster));
      }
    }
    return out;
  }

  /** Every error, by cluster name then manifest index. */
  public List<CustomizationError> errors() {
    List<CustomizationError> out = new ArrayList<>();
    for (String cluster : clusters()) {
      out.addAll(errors(cluster));
    }
    return out;
  }

  /** True when some rule failed for some cluster. */
  public boolean hasErrors() {
    for (Group group : groups) {
      for (CustomizationError error : group.errors) {
        if (error != null) {
          return true;
        }
      }
    }
    return false;
  }

  private Group group(String cluster) {
    Group group = byCluster.get(cluster);
    if (group == null) {
      throw new IllegalArgumentException("no cluster named \"" + cluster + "\" in the result");
    }
    return group;
  }
}
