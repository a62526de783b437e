package dev.flotilla.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of scheduling a placement: the picked clusters in decision order (kept clusters first,
 * then by score, ties by rendezvous hash), their decision groups and rollout waves, when the
 * decision will next change by itself, and why fewer clusters than requested were picked, if so.
 * Immutable.
 *
 * <p>Immutable (every collection is copied) and thread-safe.
 *
 * @param placement the placement's name
 * @param namespace the placement's namespace
 * @param requested {@code numberOfClusters}; empty when every eligible cluster is wanted
 * @param eligible how many selected clusters survived the taints
 * @param clusters the picked clusters, in decision order
 * @param groups decision groups, in order; every picked cluster is in exactly one
 * @param waves rollout waves, in order; every picked cluster is in exactly one
 * @param nextChange when a toleration or a supplied score expires, changing the decision's inputs
 * @param shortfall why fewer than {@code requested} clusters were picked; empty otherwise
 * @param replicas with replica scheduling and a total, each picked cluster's replicas
 * @param affinityGroup the affinity group that decided, when the placement has groups and one was
 *     feasible
 */
public record PlacementDecision(
    String placement,
    String namespace,
    OptionalInt requested,
    int eligible,
    List<ScheduledCluster> clusters,
    List<Group> groups,
    List<Wave> waves,
    Optional<Instant> nextChange,
    List<String> shortfall,
    Map<String, Integer> replicas,
    Optional<String> affinityGroup) {

  /** Most clusters per page, as OCM's {@code PlacementDecision} objects hold. */
  public static final int MAX_CLUSTERS_PER_PAGE = 100;

  /** Copies the lists. */
  public PlacementDecision {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(requested, "requested");
    clusters = List.copyOf(clusters);
    groups = List.copyOf(groups);
    waves = List.copyOf(waves);
    Objects.requireNonNull(nextChange, "nextChange");
    shortfall = List.copyOf(shortfall);
    replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
    Objects.requireNonNull(affinityGroup, "affinityGroup");
  }

  /** A decision without replicas or affinity groups. */
  public PlacementDecision(
      String placement,
      String namespace,
      OptionalInt requested,
      int eligible,
      List<ScheduledCluster> clusters,
      List<Group> groups,
      List<Wave> waves,
      Optional<Instant> nextChange,
      List<String> shortfall) {
    this(
        placement,
        namespace,
        requested,
        eligible,
        clusters,
        groups,
        waves,
        nextChange,
        shortfall,
        Map.of(),
        Optional.empty());
  }

  /**
   * One chunk of a decision group.
   *
   * @param groupName the group's name; empty for the clusters no named group took
   * @param groupIndex the chunk's index, counted over every group of the decision
   * @param clusters its clusters, in decision order
   */
  public record Group(String groupName, int groupIndex, List<String> clusters) {
    /** Copies the list. */
    public Group {
      Objects.requireNonNull(groupName, "groupName");
      clusters = List.copyOf(clusters);
    }
  }

  /**
   * One rollout wave.
   *
   * @param index the wave's position, from 0
   * @param canaryGroup the canary group it rolls out, or empty
   * @param clusters its clusters
   */
  public record Wave(int index, String canaryGroup, List<String> clusters) {
    /** Copies the list. */
    public Wave {
      Objects.requireNonNull(canaryGroup, "canaryGroup");
      clusters = List.copyOf(clusters);
    }
  }

  /**
   * One page of a decision group, for controllers that write decision objects of bounded size.
   *
   * @param groupName the group's name
   * @param groupIndex the group chunk's index
   * @param page the page's position within the chunk, from 0
   * @param clusters at most the page size clusters
   */
  public record Page(String groupName, int groupIndex, int page, List<String> clusters) {
    /** Copies the list. */
    public Page {
      Objects.requireNonNull(groupName, "groupName");
      clusters = List.copyOf(clusters);
    }
  }

  /** The picked names, in decision order. */
  public List<String> names() {
    List<String> out = new ArrayList<>(clusters.size());
    for (ScheduledCluster cluster : clusters) {
      out.add(cluster.name());
    }
    return out;
  }

  /** Pages of at most {@value #MAX_CLUSTERS_PER_PAGE} clusters; a page never mixes groups. */
  public List<Page> pages() {
    return pages(MAX_CLUSTERS_PER_PAGE);
  }

  /**
   * Pages of at most {@code size} clusters, group chunk by group chunk, in order.
   *
   * @throws IllegalArgumentException when {@code size} is not in 1..{@value #MAX_CLUSTERS_PER_PAGE}
   */
  public List<Page> pages(int size) {
    if (size < 1 || size > MAX_CLUSTERS_PER_PAGE) {
      throw new IllegalArgumentException(
          "size: must be between 1 and " + MAX_CLUSTERS_PER_PAGE + ", got " + size);
    }
    List<Page> out = new ArrayList<>();
    for (Group group : groups) {
      List<String> members = group.clusters();
      for (int from = 0, page = 0; from < members.size(); from += size, page++) {
        out.add(
            new Page(
                group.groupName(),
                group.groupIndex(),
                page,
                members.subList(from, Math.min(members.size(), from + size))));
      }
    }
    return out;
  }
}
