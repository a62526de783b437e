package dev.flotilla.placement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Karmada's scheduler for a binding scheduled afresh, written in test scope straight from karmada's
 * code over Karmada's own shapes (no Flotilla model): generic_scheduler.go (deleting clusters,
 * filter plugins), tainttoleration, clusteraffinity and util/selector.go (ClusterMatches),
 * spreadconstraint (filter; select_clusters.go, select_clusters_by_cluster.go, group_clusters.go
 * ordering), estimator/client/general.go (allowed pods), assignment.go, division_algorithm.go,
 * helper/binding.go and webstermethod.go, scheduler.go (clusterAffinities).
 */
final class KarmadaReference {
  private KarmadaReference() {}

  /** A Karmada Cluster as the scheduler reads it. */
  record KCluster(
      String name,
      Map<String, String> labels,
      String provider,
      String region,
      List<String> zones,
      List<String[]> taints, // {key, value, effect}
      boolean deleting,
      long pods,
      long allocatedPods,
      boolean apiEnabled) {} // status.apiEnablements lists apps/v1 Deployment

  /** A ClusterAffinity: nulls are absent. */
  record Affinity(
      List<String> names,
      List<String> exclude,
      Map<String, String> matchLabels,
      List<String[]> fields) {} // {key, operator, values joined by ','}

  /** A corev1.Toleration. */
  record Tol(String key, String operator, String value, String effect) {}

  /** A placement after the webhook's defaults. */
  record Policy(
      Affinity affinity, // null: none
      List<Affinity> affinities, // empty: none
      List<Tol> tolerations,
      boolean clusterSpread,
      int minGroups,
      int maxGroups,
      List<String> filterFields, // "provider", "zone"
      String type, // null: no replicaScheduling, "Duplicated", "Divided"
      String division, // Weighted, Aggregated
      boolean weightPreference,
      List<Object[]> staticWeights, // {Affinity, Long}
      boolean dynamic) {}

  /** The suggested clusters with replicas, or empty when scheduling fails. */
  static Optional<Map<String, Integer>> schedule(
      List<KCluster> clusters, Policy p, int replicas, String uid) {
    if (p.affinities().isEmpty()) {
      return attempt(clusters, p, p.affinity(), replicas, uid);
    }
    for (Affinity a : p.affinities()) {
      Optional<Map<String, Integer>> out = attempt(clusters, p, a, replicas, uid);
      if (out.isPresent()) {
        return out;
      }
    }
    return Optional.empty();
  }

  private static Optional<Map<String, Integer>> attempt(
      List<KCluster> clusters, Policy p, Affinity affinity, int replicas, String uid) {
    List<KCluster> feasible = new ArrayList<>();
    for (KCluster c : clusters) {
      if (c.deleting() || !c.apiEnabled()) {
        continue; // generic_scheduler.go; apienablement plugin
      }
      if (!tolerated(c, p.tolerations())) {
        continue;
      }
      if (affinity != null && !matches(c, affinity)) {
        continue;
      }
      if (p.filterFields().contains("provider") && c.provider().isEmpty()) {
        continue;
      }
      if (p.filterFields().contains("zone") && c.zones().isEmpty()) {
        continue;
      }
      feasible.add(c);
    }
    if (feasible.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> available = new TreeMap<>();
    for (KCluster c : feasible) {
      long v;
      if (replicas == 0) {
        v = Integer.MAX_VALUE;
      } else {
        int est = (int) Math.max(0, c.pods() - c.allocatedPods());
        v = est == Integer.MAX_VALUE ? replicas : est;
      }
      available.put(c.name(), v);
    }
    List<KCluster> sorted = new ArrayList<>(feasible);
    sorted.sort(
        Comparator.<KCluster>comparingLong(c -> -available.get(c.name()))
            .thenComparing(KCluster::name));
    List<KCluster> selected = sorted;
    boolean ignore =
        "Divided".equals(p.type())
            && "Weighted".equals(p.division())
            && (!p.weightPreference() || (!p.staticWeights().isEmpty() && !p.dynamic()));
    if (p.clusterSpread() && !ignore) {
      if (sorted.size() < p.minGroups()) {
        return Optional.empty();
      }
      int need = Math.min(sorted.size(), p.maxGroups());
      if (p.type() == null || p.type().equals("Duplicated")) {
        selected = new ArrayList<>(sorted.subList(0, need));
      } else {
        List<KCluster> ret = new ArrayList<>(sorted.subList(0, need));
        List<KCluster> rest = new ArrayList<>(sorted.subList(need, sorted.size()));
        int id = ret.size() - 1;
        while (sum(ret, available) < replicas && id >= 0) {
          long max = available.get(ret.get(id).name());
          int found = -1;
          for (int i = 0; i < rest.size(); i++) {
            if (max < available.get(rest.get(i).name())) {
              found = i;
              max = available.get(rest.get(i).name());
            }
          }
          if (found == -1) {
            id--;
            continue;
          }
          KCluster t = ret.get(id);
          ret.set(id, rest.get(found));
          rest.set(found, t);
          id--;
        }
        if (sum(ret, available) < replicas || ret.isEmpty()) {
          return Optional.empty();
        }
        selected = ret;
      }
    }
    if (selected.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> out = new TreeMap<>();
    if (replicas == 0) {
      selected.forEach(c -> out.put(c.name(), 0));
      return Optional.of(out);
    }
    String type = p.type() == null ? "Duplicated" : p.type();
    if (type.equals("Duplicated")) {
      selected.forEach(c -> out.put(c.name(), replicas));
      return Optional.of(out);
    }
    boolean byAvailable = p.division().equals("Aggregated") || p.dynamic();
    Map<String, Long> votes = new LinkedHashMap<>();
    if (!byAvailable) {
      for (KCluster c : selected) {
        long w = 0;
        for (Object[] rule : p.staticWeights()) {
          if (matches(c, (Affinity) rule[0])) {
            w = Math.max(w, (Long) rule[1]);
          }
        }
        if (w > 0) {
          votes.put(c.name(), w);
        }
      }
      if (votes.isEmpty()) {
        selected.forEach(c -> votes.put(c.name(), 1L));
      }
    } else {
      String[] names = new String[selected.size()];
      long[] avail = new long[selected.size()];
      int total = 0;
      for (int i = 0; i < names.length; i++) {
        names[i] = selected.get(i).name();
        avail[i] = available.get(names[i]);
        total += (int) avail[i];
      }
      GoSort.sortDescending(names, avail);
      if (total < replicas) {
        return Optional.empty();
      }
      int keep = names.length;
      if (p.division().equals("Aggregated")) {
        int acc = 0;
        for (int i = 0; i < names.length; i++) {
          acc += (int) avail[i];
          if (acc >= replicas) {
            keep = i + 1;
            break;
          }
        }
      }
      for (int i = 0; i < keep; i++) {
        votes.put(names[i], avail[i]);
      }
    }
    // Webster, one seat at a time to the highest priority (a linear scan, not a heap).
    Map<String, Integer> seats = new TreeMap<>();
    votes.keySet().forEach(n -> seats.put(n, 0));
    boolean odd = !uid.isEmpty() && (fnv(uid) & 1) == 1;
    for (int s = 0; s < replicas; s++) {
      String best = null;
      for (String n : votes.keySet()) {
        if (best == null || before(n, best, votes, seats, odd)) {
          best = n;
        }
      }
      seats.put(best, seats.get(best) + 1);
    }
    seats.forEach(
        (n, s) -> {
          if (s > 0) {
            out.put(n, s);
          }
        });
    return Optional.of(out);
  }

  private static boolean before(
      String a, String b, Map<String, Long> votes, Map<String, Integer> seats, boolean odd) {
    double pa = (double) votes.get(a) / (double) (2 * seats.get(a) + 1);
    double pb = (double) votes.get(b) / (double) (2 * seats.get(b) + 1);
    if (pa != pb) {
      return pa > pb;
    }
    if (!seats.get(a).equals(seats.get(b))) {
      return seats.get(a) < seats.get(b);
    }
    return odd ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
  }

  private static long sum(List<KCluster> clusters, Map<String, Long> available) {
    long s = 0;
    for (KCluster c : clusters) {
      s += available.get(c.name());
    }
    return s;
  }

  private static int fnv(String text) {
    int h = 0x811c9dc5;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h;
  }

  /** v1helper.FindMatchingUntoleratedTaint with the NoSchedule/NoExecute filter. */
  static boolean tolerated(KCluster c, List<Tol> tolerations) {
    for (String[] t : c.taints()) {
      if (!t[2].equals("NoSchedule") && !t[2].equals("NoExecute")) {
        continue;
      }
      boolean ok = false;
      for (Tol tol : tolerations) {
        if (!tol.effect().isEmpty() && !tol.effect().equals(t[2])) {
          continue;
        }
        if (!tol.key().isEmpty() && !tol.key().equals(t[0])) {
          continue;
        }
        if (tol.operator().equals("Exists") || tol.value().equals(t[1])) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** util.ClusterMatches. */
  static boolean matches(KCluster c, Affinity a) {
    if (a.exclude() != null && a.exclude().contains(c.name())) {
      return false;
    }
    if (a.matchLabels() != null) {
      for (Map.Entry<String, String> e : a.matchLabels().entrySet()) {
        if (!e.getValue().equals(c.labels().get(e.getKey()))) {
          return false;
        }
      }
    }
    if (a.fields() != null) {
      for (String[] f : a.fields()) {
        List<String> values = List.of(f[2].split(","));
        boolean in = f[1].equals("In");
        if (f[0].equals("zone")) {
          boolean any = false;
          for (String z : c.zones()) {
            any |= values.contains(z);
          }
          if (in ? !any : any) {
            return false;
          }
        } else {
          String v = f[0].equals("provider") ? c.provider() : c.region();
          boolean member = !v.isEmpty() && values.contains(v);
          if (in != member) {
            return false;
          }
        }
      }
    }
    return a.names() == null || a.names().isEmpty() || a.names().contains(c.name());
  }

  static final Set<String> EFFECTS = Set.of("NoSchedule", "NoExecute", "PreferNoSchedule");
}
