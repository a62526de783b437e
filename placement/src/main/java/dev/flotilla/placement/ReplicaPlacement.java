package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.ReplicaScheduling;
import dev.flotilla.api.placement.ReplicaSchedulingType;
import dev.flotilla.api.placement.StaticWeight;
import dev.flotilla.api.quantity.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Replica scheduling ({@link ReplicaScheduling}) over a run's eligible candidates: which clusters
 * are taken and how many replicas each gets, or why none can be. The steps follow Karmada's
 * scheduler for a binding scheduled afresh (karmada pkg/scheduler/core: spreadconstraint's
 * group_clusters.go and select_clusters_by_cluster.go, common.go, assignment.go,
 * division_algorithm.go; pkg/util/helper/binding.go and webstermethod.go; the general estimator in
 * pkg/estimator/client/general.go).
 */
final class ReplicaPlacement {
  /** What a run placed: candidate indices in decision order with their replicas, or a failure. */
  record Outcome(int[] picked, Map<String, Integer> replicas, Optional<String> failure) {
    static Outcome failed(String why) {
      return new Outcome(new int[0], Map.of(), Optional.of(why));
    }
  }

  private final ReplicaScheduling scheduling;
  private final List<CompiledPlacement> targets = new ArrayList<>();

  ReplicaPlacement(ReplicaScheduling scheduling, Placement placement) {
    this.scheduling = scheduling;
    for (StaticWeight weight : scheduling.staticWeights()) {
      targets.add(
          CompiledPlacement.compile(
              new Placement(
                  placement.name(),
                  placement.namespace(),
                  PlacementSpec.selecting(weight.clusterSelector()))));
    }
  }

  Outcome place(Candidates c, int total, String uid) {
    int n = c.size;
    if (n == 0) {
      return Outcome.failed("no eligible cluster");
    }
    long[] available = new long[n];
    for (int i = 0; i < n; i++) {
      // Karmada's calAvailableReplicas: unlimited (MaxInt32) without replicas, else the general
      // estimate as an int32; an estimate of MaxInt32 stands for the total.
      if (total == 0) {
        available[i] = Integer.MAX_VALUE;
      } else {
        int estimate = (int) allowedPods(c.inventory, c.name[i]);
        available[i] = estimate == Integer.MAX_VALUE ? total : estimate;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // sortClusters: score (equal here), available replicas descending, then name.
    java.util.Arrays.sort(
        order, Comparator.<Integer>comparingLong(i -> -available[i]).thenComparing(i -> c.name[i]));
    List<Integer> taken = new ArrayList<>(List.of(order));
    if (scheduling.maxClusters().isPresent()) {
      int min = scheduling.minClusters().orElse(1);
      if (n < min) {
        return Outcome.failed("only " + n + " eligible clusters: fewer than minClusters " + min);
      }
      int need = Math.min(n, scheduling.maxClusters().getAsInt());
      if (scheduling.type() == ReplicaSchedulingType.Duplicated) {
        taken = new ArrayList<>(taken.subList(0, need));
      } else {
        taken = byAvailableResource(taken, need, total, available);
        if (taken.isEmpty()) {
          return Outcome.failed("no " + need + " clusters hold " + total + " replicas");
        }
      }
    }
    if (taken.isEmpty()) {
      return Outcome.failed("no clusters available to schedule");
    }
    if (total == 0) {
      return done(taken, null, c);
    }
    if (scheduling.type() == ReplicaSchedulingType.Duplicated) {
      Map<String, Integer> replicas = new LinkedHashMap<>();
      for (int i : taken) {
        replicas.put(c.name[i], total);
      }
      return done(taken, replicas, c);
    }
    if (!scheduling.byAvailableReplicas()) {
      Map<String, Long> votes = new LinkedHashMap<>();
      for (int i : taken) {
        long weight = 0;
        Cluster cluster = c.inventory.cluster(c.name[i]).orElseThrow();
        for (int w = 0; w < targets.size(); w++) {
          if (matches(scheduling.staticWeights().get(w), targets.get(w), cluster)) {
            weight = Math.max(weight, scheduling.staticWeights().get(w).weight());
          }
        }
        if (weight > 0) {
          votes.put(c.name[i], weight);
        }
      }
      if (votes.isEmpty()) {
        for (int i : taken) {
          votes.put(c.name[i], 1L);
        }
      }
      return split(taken, webster(total, votes, uid), c);
    }
    // Dynamic weight or aggregated: available replicas, sorted (Go's sort.Sort) most first.
    int m = taken.size();
    String[] names = new String[m];
    long[] avail = new long[m];
    int sum = 0;
    for (int k = 0; k < m; k++) {
      names[k] = c.name[taken.get(k)];
      avail[k] = (int) available[taken.get(k)];
      sum += (int) avail[k]; // int32 in Karmada
    }
    GoSort.sortDescending(names, avail);
    if (sum < total) {
      return Outcome.failed("clusters' available replicas " + sum + " are not enough for " + total);
    }
    int keep = m;
    if (scheduling.division() == dev.flotilla.api.placement.ReplicaDivision.Aggregated) {
      int acc = 0;
      for (int k = 0; k < m; k++) {
        acc += (int) avail[k];
        if (acc >= total) {
          keep = k + 1;
          break;
        }
      }
    }
    Map<String, Long> votes = new LinkedHashMap<>();
    for (int k = 0; k < keep; k++) {
      votes.put(names[k], avail[k]);
    }
    return split(taken, webster(total, votes, uid), c);
  }

  private static boolean matches(StaticWeight weight, CompiledPlacement target, Cluster cluster) {
    if (weight.excludeClusterNames().contains(cluster.name())) {
      return false;
    }
    if (!weight.clusterNames().isEmpty() && !weight.clusterNames().contains(cluster.name())) {
      return false;
    }
    return target.matches(cluster);
  }

  /** The taken clusters given replicas, in name order; those given none are left out. */
  private static Outcome split(List<Integer> taken, Map<String, Integer> seats, Candidates c) {
    List<Integer> kept = new ArrayList<>();
    Map<String, Integer> replicas = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(seats.keySet());
    names.sort(null);
    for (String name : names) {
      int s = seats.get(name);
      if (s > 0) {
        replicas.put(name, s);
      }
    }
    for (int i : taken) {
      if (replicas.containsKey(c.name[i])) {
        kept.add(i);
      }
    }
    kept.sort(Comparator.comparing(i -> c.name[i]));
    return new Outcome(
        kept.stream().mapToInt(Integer::intValue).toArray(), replicas, Optional.empty());
  }

  private static Outcome done(List<Integer> taken, Map<String, Integer> replicas, Candidates c) {
    return new Outcome(
        taken.stream().mapToInt(Integer::intValue).toArray(),
        replicas == null ? Map.of() : replicas,
        Optional.empty());
  }

  /**
   * select_clusters_by_cluster.go's selectClustersByAvailableResource: the first {@code need},
   * their last members swapped, from the end, for the rest's cluster with the most available
   * replicas (when more than the one replaced) until they hold {@code total}; empty when they never
   * do.
   */
  static List<Integer> byAvailableResource(
      List<Integer> sorted, int need, int total, long[] available) {
    List<Integer> ret = new ArrayList<>(sorted.subList(0, need));
    List<Integer> rest = new ArrayList<>(sorted.subList(need, sorted.size()));
    int update = ret.size() - 1;
    while (!holds(ret, total, available) && update >= 0) {
      long most = available[ret.get(update)];
      int found = -1;
      for (int k = 0; k < rest.size(); k++) {
        if (most < available[rest.get(k)]) {
          found = k;
          most = available[rest.get(k)];
        }
      }
      if (found < 0) {
        update--;
        continue;
      }
      Integer out = ret.get(update);
      ret.set(update, rest.get(found));
      rest.set(found, out);
      update--;
    }
    return holds(ret, total, available) ? ret : List.of();
  }

  private static boolean holds(List<Integer> clusters, int total, long[] available) {
    long sum = 0;
    for (int i : clusters) {
      sum += available[i];
    }
    return sum >= total;
  }

  /**
   * Karmada's general estimator without resource requests: allocatable pods less allocated and
   * allocating, at least 0; quantities as {@code Quantity.Value()} (rounded up).
   */
  static long allowedPods(Inventory inventory, String cluster) {
    long allocatable = pods(inventory, cluster, ReplicaScheduling.PODS);
    long allocated = pods(inventory, cluster, ReplicaScheduling.ALLOCATED_PODS);
    long allocating = pods(inventory, cluster, ReplicaScheduling.ALLOCATING_PODS);
    long allowed = allocatable - allocated - allocating;
    return Math.max(0, allowed);
  }

  private static long pods(Inventory inventory, String cluster, String property) {
    Optional<String> text = inventory.property(cluster, property);
    if (text.isEmpty()) {
      return 0;
    }
    Optional<Quantity> quantity = Quantity.tryParse(text.get());
    if (quantity.isEmpty()) {
      return 0;
    }
    BigDecimal value = quantity.get().value().setScale(0, RoundingMode.CEILING);
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return value.signum() > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4;
    }
  }

  /**
   * Webster's method (webstermethod.go, AllocateWebsterSeats with Dispenser's tie breaker): each
   * seat to the party of highest votes / (2 * seats + 1) as a double; ties to fewer seats, then the
   * lower name, or the higher name when the UID's FNV-32a hash is odd.
   */
  static Map<String, Integer> webster(int seats, Map<String, Long> votes, String uid) {
    boolean descending = !uid.isEmpty() && (fnv32a(uid) & 1) == 1;
    Map<String, Integer> held = new LinkedHashMap<>();
    for (String name : votes.keySet()) {
      held.put(name, 0);
    }
    Comparator<String> first =
        (a, b) -> {
          double pa = (double) votes.get(a) / (double) (2 * held.get(a) + 1);
          double pb = (double) votes.get(b) / (double) (2 * held.get(b) + 1);
          if (pa != pb) {
            return pa > pb ? -1 : 1;
          }
          int sa = held.get(a);
          int sb = held.get(b);
          if (sa != sb) {
            return sa < sb ? -1 : 1;
          }
          return descending ? b.compareTo(a) : a.compareTo(b);
        };
    PriorityQueue<String> queue = new PriorityQueue<>(Math.max(1, votes.size()), first);
    queue.addAll(votes.keySet());
    for (int left = seats; left > 0 && !queue.isEmpty(); left--) {
      String next = queue.poll();
      held.put(next, held.get(next) + 1);
      queue.add(next);
    }
    return held;
  }

  /** FNV-1a, 32 bits, over the UTF-8 bytes of {@code text}. */
  static int fnv32a(String text) {
    int hash = 0x811c9dc5;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return hash;
  }
}
