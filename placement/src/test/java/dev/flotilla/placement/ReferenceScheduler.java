package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import dev.flotilla.api.quantity.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduling written straight from the documented semantics, over {@code Cluster} records: sort
 * every eligible cluster, try every spread level from 0 up, fill waves one after another. Slow and
 * obvious, to check {@link Scheduler} against.
 */
final class ReferenceScheduler {
  record Result(
      int eligible,
      List<String> picked,
      Map<String, Long> scores,
      List<List<String>> groups,
      List<String> groupNames,
      List<List<String>> waves,
      Optional<Instant> nextChange) {}

  private ReferenceScheduler() {}

  static Result schedule(Placement placement, List<Cluster> fleet, SchedulingContext context) {
    PlacementSpec spec = placement.spec();
    CompiledPlacement compiled = CompiledPlacement.compile(placement);
    Instant now = context.now();
    List<Cluster> eligible = new ArrayList<>();
    Map<String, Boolean> penalised = new HashMap<>();
    Instant[] next = {null};
    for (Cluster cluster : fleet) {
      if (!compiled.matches(cluster)) {
        continue;
      }
      boolean excluded = false;
      boolean penalty = false;
      for (Taint taint : cluster.taints()) {
        if (taint.timeAdded().isPresent() && now.isBefore(taint.timeAdded().get())) {
          Instant from = taint.timeAdded().get(); // in effect later: a change then
          next[0] = next[0] == null || from.isBefore(next[0]) ? from : next[0];
          continue;
        }
        boolean tolerated = false;
        for (Toleration t : spec.tolerations()) {
          boolean keyOk = t.key().isEmpty() || t.key().equals(taint.key());
          boolean valueOk =
              t.operator() == dev.flotilla.api.placement.TolerationOperator.Exists
                  || t.value().equals(taint.value());
          boolean effectOk = t.effect().isEmpty() || t.effect().get() == taint.effect();
          if (!(keyOk && valueOk && effectOk)) {
            continue;
          }
          if (t.tolerationSeconds().isPresent() && taint.timeAdded().isPresent()) {
            Instant until = taint.timeAdded().get().plusSeconds(t.tolerationSeconds().getAsLong());
            if (until.isAfter(now)) {
              tolerated = true;
              later(next, until, taint, spec, now);
            }
          } else {
            tolerated = true;
          }
        }
        if (!tolerated) {
          if (taint.effect() == TaintEffect.NoSelect) {
            excluded = true;
          } else if (taint.effect() == TaintEffect.NoSelectIfNew
              && !context.previous().contains(cluster.name())) {
            excluded = true;
          } else if (taint.effect() == TaintEffect.PreferNoSelect) {
            penalty = true;
          }
        }
      }
      if (!excluded) {
        eligible.add(cluster);
        penalised.put(cluster.name(), penalty);
      }
    }
    // Scores.
    Map<String, Long> scores = new HashMap<>();
    int weights = 0;
    for (Prioritizer p : spec.prioritizers()) {
      weights += Math.abs(p.weight());
    }
    for (Cluster cluster : eligible) {
      long total = penalised.get(cluster.name()) ? -100L * (2 * weights + 1) : 0;
      for (Prioritizer p : spec.prioritizers()) {
        if (p instanceof Prioritizer.PropertySorter s
            && s.scale() == Prioritizer.SorterScale.FleetWeighted) {
          total += 100L * fleetWeighted(s, cluster, fleet); // the weight is in the score
        } else {
          total += (long) p.weight() * score(p, cluster, eligible, context, next);
        }
      }
      scores.put(cluster.name(), total);
    }
    long seed = Ranking.seed(placement.namespace(), placement.name());
    // Ordering.ScoreThenName (OCM's order): score, then name; the previous decision counts only
    // through prioritizers, and spread does not keep it either.
    boolean sticky = spec.ordering() == Ordering.Sticky;
    Set<String> kept = sticky ? context.previous() : Set.of();
    // Ordering.ScoreThenNameDescending (KubeFleet's pickTopNScoredClusters: sorted by score,
    // the obsolete-binding affinity and name, then reversed).
    Comparator<Cluster> rank =
        switch (spec.ordering()) {
          case Sticky ->
              Comparator.<Cluster, Boolean>comparing(c -> !context.previous().contains(c.name()))
                  .thenComparing(c -> -scores.get(c.name()))
                  .thenComparing(c -> Ranking.rendezvous(seed, c.name()), Comparator.reverseOrder())
                  .thenComparing(Cluster::name);
          case ScoreThenName ->
              Comparator.<Cluster, Long>comparing(c -> -scores.get(c.name()))
                  .thenComparing(Cluster::name);
          case ScoreThenNameDescending ->
              Comparator.<Cluster, Long>comparing(c -> -scores.get(c.name()))
                  .thenComparing(c -> !context.previous().contains(c.name()))
                  .thenComparing(Cluster::name, Comparator.reverseOrder());
        };
    List<Cluster> sorted = new ArrayList<>(eligible);
    sorted.sort(rank);
    int wanted = spec.numberOfClusters().orElse(sorted.size());
    List<Cluster> picked;
    if (spec.spreadConstraints().isEmpty()) {
      picked = new ArrayList<>(sorted.subList(0, Math.min(wanted, sorted.size())));
    } else {
      picked = spread(spec.spreadConstraints().get(0), sorted, wanted, rank, kept);
    }
    List<String> names = picked.stream().map(Cluster::name).toList();
    // Groups.
    List<List<String>> groups = new ArrayList<>();
    List<String> groupNames = new ArrayList<>();
    List<Cluster> left = new ArrayList<>(picked);
    for (DecisionGroup group : spec.decisionGroups()) {
      List<String> members = new ArrayList<>();
      for (Cluster c : new ArrayList<>(left)) {
        if (group.clusterSelector().matches(c.labels())) {
          members.add(c.name());
          left.remove(c);
        }
      }
      int size = group.clustersPerGroup().map(p -> p.resolve(picked.size())).orElse(members.size());
      if (spec.clustersPerDecisionGroup().isPresent()) {
        // OCM's grouping: every group sorted by name, cut by the one shared length.
        members.sort(Comparator.naturalOrder());
        size = ocmGroupLength(spec.clustersPerDecisionGroup().get(), picked.size());
      }
      chunk(group.groupName(), members, Math.max(1, size), groups, groupNames);
    }
    List<String> rest = new ArrayList<>(left.stream().map(Cluster::name).toList());
    int restSize = rest.size();
    if (spec.clustersPerDecisionGroup().isPresent()) {
      rest.sort(Comparator.naturalOrder());
      restSize = ocmGroupLength(spec.clustersPerDecisionGroup().get(), picked.size());
    }
    chunk("", rest, Math.max(1, restSize), groups, groupNames);
    return new Result(
        eligible.size(),
        names,
        scores,
        groups,
        groupNames,
        waves(spec, picked, groups, groupNames),
        Optional.ofNullable(next[0]));
  }

  /** OCM's calculateLength: a count, or ceil(percent / 100 * total) in doubles; 0 or over: all. */
  static int ocmGroupLength(IntOrPercent perGroup, int total) {
    double length =
        perGroup.percent() ? Math.ceil(perGroup.value() / 100.0 * total) : perGroup.value();
    return length <= 0 || length > total ? total : (int) length;
  }

  private static void later(Instant[] next, Instant until, Taint t, PlacementSpec s, Instant now) {
    // A taint with several tolerations is tolerated until the last one expires, or for ever.
    Instant last = until;
    for (Toleration other : s.tolerations()) {
      if (other.tolerates(t, now)) {
        if (other.tolerationSeconds().isEmpty()) {
          return;
        }
        Instant u = t.timeAdded().get().plusSeconds(other.tolerationSeconds().getAsLong());
        if (u.isAfter(last)) {
          last = u;
        }
      }
    }
    if (next[0] == null || last.isBefore(next[0])) {
      next[0] = last;
    }
  }

  private static int score(
      Prioritizer p,
      Cluster cluster,
      List<Cluster> eligible,
      SchedulingContext context,
      Instant[] next) {
    if (p instanceof Prioritizer.LabelPreference preference) {
      return preference.labelSelector().matches(cluster.labels()) ? 100 : 0;
    }
    if (p instanceof Prioritizer.Score supplied) {
      Optional<ClusterScores.Entry> entry = context.scores().get(supplied.name(), cluster.name());
      if (entry.isPresent() && context.now().isBefore(entry.get().expires())) {
        if (next[0] == null || entry.get().expires().isBefore(next[0])) {
          next[0] = entry.get().expires();
        }
        return entry.get().value();
      }
      return 0;
    }
    if (p instanceof Prioritizer.PreviouslyPicked) {
      return context.previous().contains(cluster.name()) ? 100 : 0;
    }
    if (p instanceof Prioritizer.PropertyScale scale) {
      return scaled(scale, cluster, eligible);
    }
    Prioritizer.PropertySorter sorter = (Prioritizer.PropertySorter) p;
    if (sorter.labelSelector().isPresent()
        && !sorter.labelSelector().get().matches(cluster.labels())) {
      return 0;
    }
    Double value = quantity(cluster, sorter.name());
    if (value == null) {
      return 0;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Cluster other : eligible) {
      Double v = quantity(other, sorter.name());
      if (v != null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min == max) {
      return 100;
    }
    double share =
        sorter.sortOrder() == Prioritizer.SortOrder.Descending
            ? (value - min) / (max - min)
            : (max - value) / (max - min);
    return (int) Math.round(100 * share);
  }

  /** As documented on Prioritizer.PropertyScale (OCM's plugins/resource formula). */
  private static int scaled(Prioritizer.PropertyScale scale, Cluster cluster, List<Cluster> all) {
    Double value = scaleValue(scale, cluster);
    if (value == null) {
      return 0;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Cluster other : all) {
      Double v = scaleValue(scale, other);
      if (v != null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (max - min == 0) {
      return 100;
    }
    double ratio =
        scale.sortOrder() == Prioritizer.SortOrder.Descending
            ? (value - min) / (max - min)
            : (max - value) / (max - min);
    return (int) ((ratio - 0.5) * 2.0 * 100.0);
  }

  private static Double scaleValue(Prioritizer.PropertyScale scale, Cluster cluster) {
    if (scale.requires().isPresent() && !cluster.properties().containsKey(scale.requires().get())) {
      return null;
    }
    return quantity(cluster, scale.name());
  }

  /** Prioritizer.SorterScale.FleetWeighted as its Javadoc says: the range over the whole fleet. */
  private static long fleetWeighted(
      Prioritizer.PropertySorter sorter, Cluster cluster, List<Cluster> fleet) {
    if (sorter.labelSelector().isPresent()
        && !sorter.labelSelector().get().matches(cluster.labels())) {
      return 0;
    }
    Double value = quantity(cluster, sorter.name());
    Quantity low = null;
    Quantity high = null;
    for (Cluster other : fleet) {
      Optional<Quantity> q =
          Optional.ofNullable(other.properties().get(sorter.name())).flatMap(Quantity::tryParse);
      if (q.isPresent()) {
        low = low == null || q.get().compareTo(low) < 0 ? q.get() : low;
        high = high == null || q.get().compareTo(high) > 0 ? q.get() : high;
      }
    }
    if (value == null || low == null) {
      return 0;
    }
    double min = low.asApproximateDouble();
    double max = high.asApproximateDouble();
    if (min == max) {
      return 0;
    }
    double share = (value - min) / (max - min);
    double w =
        sorter.sortOrder() == Prioritizer.SortOrder.Descending
            ? share * sorter.weight()
            : (1 - share) * sorter.weight();
    return (long) KubeFleetReference.goRound(w);
  }

  private static Double quantity(Cluster cluster, String property) {
    String text = cluster.properties().get(property);
    return text == null
        ? null
        : Quantity.tryParse(text).map(Quantity::asApproximateDouble).orElse(null);
  }

  static String domain(Cluster cluster, dev.flotilla.api.placement.TopologyKey key) {
    return key.domainOf(cluster.labels(), cluster.properties()).orElse(null);
  }

  private static List<Cluster> spread(
      SpreadConstraint constraint,
      List<Cluster> sorted,
      int wanted,
      Comparator<Cluster> rank,
      java.util.Set<String> previous) {
    Map<String, List<Cluster>> byDomain = new LinkedHashMap<>(); // in order of best cluster
    for (Cluster c : sorted) {
      String d = domain(c, constraint.topologyKey());
      if (d != null) {
        byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
      }
    }
    List<String> domains = new ArrayList<>(byDomain.keySet());
    if (constraint.maxDomains().isPresent()
        && domains.size() > constraint.maxDomains().getAsInt()) {
      domains = domains.subList(0, constraint.maxDomains().getAsInt());
    }
    int s = constraint.maxSkew();
    int level = 0;
    int limit = 0;
    if (!domains.isEmpty()) {
      if (domains.size() < constraint.minDomains().orElse(1)) {
        limit = Math.min(wanted, total(byDomain, domains, s));
      } else {
        int fewest = domains.stream().mapToInt(d -> byDomain.get(d).size()).min().getAsInt();
        limit = Math.min(wanted, total(byDomain, domains, fewest + s));
        while (total(byDomain, domains, level + s) < limit) {
          level++;
        }
        // With a previous decision: the valid level keeping the most of it, ties to the lowest.
        int best = level;
        int bestKept = -1;
        for (int m = level; m <= Math.min(fewest, limit / domains.size()); m++) {
          int keptAt = 0;
          for (Cluster c : phases(byDomain, domains, m, s, limit, rank)) {
            keptAt += previous.contains(c.name()) ? 1 : 0;
          }
          if (keptAt > bestKept) {
            bestKept = keptAt;
            best = m;
          }
        }
        level = best;
      }
    }
    List<Cluster> picked = phases(byDomain, domains, level, s, limit, rank);
    if (constraint.whenUnsatisfiable() == WhenUnsatisfiable.ScheduleAnyway
        && picked.size() < wanted) {
      List<Cluster> others = new ArrayList<>(sorted);
      others.removeAll(picked);
      picked.addAll(others.subList(0, Math.min(others.size(), wanted - picked.size())));
    }
    picked.sort(rank);
    return picked;
  }

  /** The best {@code level} of each domain, then the best of the rest within level + s each. */
  private static List<Cluster> phases(
      Map<String, List<Cluster>> byDomain,
      List<String> domains,
      int level,
      int s,
      int limit,
      Comparator<Cluster> rank) {
    List<Cluster> picked = new ArrayList<>();
    List<Cluster> pool = new ArrayList<>();
    for (String d : domains) {
      List<Cluster> members = byDomain.get(d);
      int cap = Math.min(members.size(), level + s);
      picked.addAll(members.subList(0, level));
      pool.addAll(members.subList(level, cap));
    }
    pool.sort(rank);
    picked.addAll(pool.subList(0, limit - picked.size()));
    return picked;
  }

  private static int total(Map<String, List<Cluster>> byDomain, List<String> domains, int cap) {
    int total = 0;
    for (String d : domains) {
      total += Math.min(cap, byDomain.get(d).size());
    }
    return total;
  }

  private static void chunk(
      String name, List<String> members, int size, List<List<String>> out, List<String> names) {
    for (int from = 0; from < members.size(); from += size) {
      out.add(members.subList(from, Math.min(members.size(), from + size)));
      names.add(name);
    }
  }

  /** Waves filled one after another: each takes, in order, every remaining cluster that fits. */
  private static List<List<String>> waves(
      PlacementSpec spec,
      List<Cluster> picked,
      List<List<String>> groups,
      List<String> groupNames) {
    List<List<String>> out = new ArrayList<>();
    if (picked.isEmpty()) {
      return out;
    }
    RolloutStrategy rollout = spec.rollout().orElse(RolloutStrategy.allAtOnce());
    Map<String, Cluster> byName = new HashMap<>();
    picked.forEach(c -> byName.put(c.name(), c));
    List<List<String>> segments = new ArrayList<>();
    for (String canary : rollout.canaryGroups()) {
      List<String> members = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        if (groupNames.get(g).equals(canary)) {
          members.addAll(groups.get(g));
        }
      }
      if (!members.isEmpty()) {
        segments.add(members);
      }
    }
    List<String> rest = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (!rollout.canaryGroups().contains(groupNames.get(g))) {
        rest.addAll(groups.get(g));
      }
    }
    if (!rest.isEmpty()) {
      segments.add(rest);
    }
    int n = picked.size();
    int perWave = rollout.maxConcurrency().map(p -> p.resolve(n)).orElse(n);
    Map<String, Integer> domainSize = new HashMap<>();
    for (Cluster c : picked) {
      domainSize.merge(rolloutDomain(rollout, c), 1, Integer::sum);
    }
    for (List<String> segment : segments) {
      List<String> remaining = new ArrayList<>(segment);
      while (!remaining.isEmpty()) {
        List<String> wave = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String name : new ArrayList<>(remaining)) {
          String d = rolloutDomain(rollout, byName.get(name));
          IntOrPercent limit = rollout.maxUnavailablePerDomain().orElse(null);
          int cap = limit == null ? n : limit.resolve(domainSize.get(d));
          if (wave.size() < perWave && counts.getOrDefault(d, 0) < cap) {
            wave.add(name);
            counts.merge(d, 1, Integer::sum);
            remaining.remove(name);
          }
        }
        out.add(wave);
      }
    }
    return out;
  }

  static String rolloutDomain(RolloutStrategy rollout, Cluster c) {
    return rollout.topologyKey().map(k -> domain(c, k)).orElse("-");
  }
}
