package dev.flotilla.placement;

import dev.flotilla.api.Taint;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import dev.flotilla.api.quantity.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Schedules a compiled placement: from the clusters it selects, drops those whose taints it does
 * not tolerate, scores the rest with its prioritizers, picks {@code numberOfClusters} of them
 * within its spread constraint, and arranges the picks into decision groups and rollout waves.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(placement));
 * PlacementDecision decision = scheduler.schedule(inventory, SchedulingContext.at(clock.instant()));
 * PlacementDecision next = scheduler.schedule(newer, SchedulingContext.at(clock.instant())
 *     .withPrevious(decision.names()));                        // keeps picks while eligible
 * }</pre>
 *
 * <p>{@link CompiledPlacement#select} ignores taints (it answers "which clusters match"); taints
 * belong to scheduling because {@code NoSelectIfNew} and {@code tolerationSeconds} depend on the
 * previous decision and the clock. Immutable and thread-safe.
 *
 * <p>Semantics, in the order applied:
 *
 * <ol>
 *   <li>Eligible: selected, and no untolerated {@code NoSelect} taint nor (unless picked before)
 *       {@code NoSelectIfNew} taint. An untolerated {@code PreferNoSelect} taint costs a penalty of
 *       {@code 100 * (2 * sum|weights| + 1)}, so such a cluster ranks below every other.
 *   <li>Rank: kept clusters (previous decision, still eligible) first, then total score, then the
 *       rendezvous weight of (placement, cluster), then name.
 *   <li>Pick: without a spread constraint, the first {@code numberOfClusters} in rank order. With
 *       one of {@code maxSkew} s, the domains in play get between m and m+s clusters each, m being
 *       the lowest level that still reaches the number wanted (or the most the skew allows): first
 *       the best m of every domain, then the best of the rest within each domain's m+s. This picks
 *       the most clusters any choice could while keeping the skew, and among such choices favours
 *       rank. With a previous decision, m is instead the valid level that keeps the most previously
 *       picked clusters, so that spread does not churn.
 *   <li>Groups and waves: see {@link DecisionGroup} and {@link RolloutStrategy}.
 * </ol>
 */
public final class Scheduler {
  /*
   * For maintainers. A run lays the eligible clusters out as parallel arrays indexed by candidate
   * (ordinal, name, kept, score, rendezvous weight, one int[] per prioritizer for breakdowns), so
   * that ranking compares primitives and picking N of E costs O(E log N) through Ranking's bounded
   * heap: no full sort unless every cluster is wanted. Spread buckets candidates by domain value id
   * (the inventory's dictionary ids, no string hashing) and keeps a bounded heap per domain.
   * Property scores parse each distinct property value once, not once per cluster.
   */
  private final CompiledPlacement compiled;
  private final PlacementSpec spec;
  private final long seed;
  private final int penaltyWeight;

  private Scheduler(CompiledPlacement compiled) {
    this.compiled = compiled;
    this.spec = compiled.placement().spec();
    this.seed = Ranking.seed(compiled.placement().namespace(), compiled.placement().name());
    int weights = 0;
    for (Prioritizer prioritizer : spec.prioritizers()) {
      weights += Math.abs(prioritizer.weight());
    }
    this.penaltyWeight = 2 * weights + 1;
  }

  /** A scheduler for {@code placement}'s scheduling fields. */
  public static Scheduler of(CompiledPlacement placement) {
    return new Scheduler(placement);
  }

  /**
   * The rendezvous weight of {@code cluster} for the placement {@code namespace/name}: among
   * clusters of equal score, the higher weight is picked first. Each (placement, cluster) pair has
   * its own weight, so clusters coming and going never reorder the others; different placements
   * spread their ties differently. For tools and tests that need to reproduce a decision's order.
   */
  public static long rendezvousWeight(String namespace, String name, String cluster) {
    return Ranking.rendezvous(Ranking.seed(namespace, name), cluster);
  }

  /** The compiled placement scheduled. */
  public CompiledPlacement placement() {
    return compiled;
  }

  /** Selects from {@code inventory} (no scope boundary), then schedules. */
  public PlacementDecision schedule(Inventory inventory, SchedulingContext context) {
    return schedule(compiled.select(inventory), context);
  }

  /** Schedules the clusters of {@code selection} (from this placement, in any scope). */
  public PlacementDecision schedule(Selection selection, SchedulingContext context) {
    Candidates candidates = new Candidates(selection.clusters(), context);
    int[] picked = pick(candidates);
    return arrange(candidates, picked);
  }

  /**
   * How scheduling sees the cluster named {@code cluster} in {@code selection}'s inventory: its
   * eligibility, score breakdown and whether it is picked.
   *
   * @throws IllegalArgumentException when the inventory has no such cluster
   */
  public ClusterScheduling explain(Selection selection, String cluster, SchedulingContext context) {
    Inventory inventory = selection.clusters().inventory();
    int ordinal = inventory.ordinal(cluster);
    if (ordinal < 0) {
      throw new IllegalArgumentException("no cluster named \"" + cluster + "\"");
    }
    if (!selection.clusters().containsOrdinal(ordinal)) {
      return new ClusterScheduling(cluster, false, false, "not selected", 0, List.of(), false);
    }
    Candidates candidates = new Candidates(selection.clusters(), context);
    Tolerations.Verdict verdict =
        Tolerations.judge(
            inventory.taintsAt(ordinal),
            spec.tolerations(),
            context.now(),
            context.previous().contains(cluster));
    int index = candidates.indexOf(ordinal);
    if (index < 0) {
      return new ClusterScheduling(cluster, true, false, verdict.reason(), 0, List.of(), false);
    }
    int[] picked = pick(candidates);
    boolean isPicked = false;
    for (int p : picked) {
      isPicked |= p == index;
    }
    // A tolerated taint with tolerationSeconds changes the answer later: say when.
    String reason =
        verdict.reason().isEmpty() && verdict.nextExpiry() != null
            ? "taints tolerated until " + verdict.nextExpiry()
            : verdict.reason();
    return new ClusterScheduling(
        cluster,
        true,
        true,
        reason,
        candidates.score[index],
        candidates.breakdown(index),
        isPicked);
  }

  // ---- candidates and scores ----

  /** The eligible clusters of one run, as parallel arrays. */
  final class Candidates {
    final Inventory inventory;
    final SchedulingContext context;
    final int size;
    final int[] ordinal;
    final String[] name;
    final boolean[] kept;
    final boolean[] penalised;
    final long[] score;
    final long[] weight;
    final int[][] termScores;
    final Ranking ranking;

    /** Why a penalised candidate is penalised (the taint), by candidate index; rare. */
    final Map<Integer, String> penaltyReasons = new HashMap<>();

    Instant nextChange;

    Candidates(ClusterSet selected, SchedulingContext context) {
      this.inventory = selected.inventory();
      this.context = context;
      int n = selected.size();
      int[] ordinals = new int[n];
      boolean[] penalty = new boolean[n];
      int[] count = {0};
      Instant now = context.now();
      selected.forEachOrdinal(
          o -> {
            List<Taint> taints = inventory.taintsAt(o);
            Tolerations.Verdict verdict =
                taints.isEmpty()
                    ? null
                    : Tolerations.judge(
                        taints,
                        spec.tolerations(),
                        now,
                        context.previous().contains(inventory.nameAt(o)));
            if (verdict != null) {
              noteChange(verdict.nextExpiry());
              if (verdict.effect() == Tolerations.Effect.EXCLUDED) {
                return;
              }
              if (verdict.effect() == Tolerations.Effect.PENALISED) {
                penalty[count[0]] = true;
                penaltyReasons.put(count[0], verdict.reason());
              }
            }
            ordinals[count[0]++] = o;
          });
      this.size = count[0];
      this.ordinal = Arrays.copyOf(ordinals, size);
      this.penalised = Arrays.copyOf(penalty, size);
      this.name = new String[size];
      this.kept = new boolean[size];
      this.weight = new long[size];
      this.score = new long[size];
      boolean hasPrevious = !context.previous().isEmpty();
      for (int i = 0; i < size; i++) {
        name[i] = inventory.nameAt(ordinal[i]);
        kept[i] = hasPrevious && context.previous().contains(name[i]);
        weight[i] = Ranking.rendezvous(seed, name[i]);
      }
      List<Prioritizer> prioritizers = spec.prioritizers();
      this.termScores = new int[prioritizers.size()][];
      for (int p = 0; p < termScores.length; p++) {
        Prioritizer prioritizer = prioritizers.get(p);
        int[] scores;
        if (prioritizer instanceof Prioritizer.PropertySorter sorter) {
          scores = propertyScores(sorter);
        } else if (prioritizer instanceof Prioritizer.LabelPreference preference) {
          scores = labelScores(preference);
        } else {
          scores = suppliedScores((Prioritizer.Score) prioritizer);
        }
        termScores[p] = scores;
        long w = prioritizer.weight();
        for (int i = 0; i < size; i++) {
          score[i] += w * scores[i];
        }
      }
      long penaltyPoints = 100L * penaltyWeight;
      for (int i = 0; i < size; i++) {
        if (penalised[i]) {
          score[i] -= penaltyPoints;
        }
      }
      this.ranking = new Ranking(kept, score, weight, name);
    }

    private void noteChange(Instant at) {
      if (at != null && (nextChange == null || at.isBefore(nextChange))) {
        nextChange = at;
      }
    }

    int indexOf(int clusterOrdinal) {
      for (int i = 0; i < size; i++) {
        if (ordinal[i] == clusterOrdinal) {
          return i;
        }
      }
      return -1;
    }

    private int[] propertyScores(Prioritizer.PropertySorter sorter) {
      int[] out = new int[size];
      ValueColumn column = inventory.propertyColumn(sorter.name());
      if (column == null) {
        return out;
      }
      double[] byId = new double[column.valueCount()];
      Arrays.fill(byId, Double.NaN);
      boolean[] parsed = new boolean[byId.length];
      double[] value = new double[size];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        int id = column.idAt(ordinal[i]);
        double v = Double.NaN;
        if (id >= 0) {
          if (!parsed[id]) {
            parsed[id] = true;
            byId[id] = quantityValue(column.value(id));
          }
          v = byId[id];
        }
        value[i] = v;
        if (!Double.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      boolean descending = sorter.sortOrder() == Prioritizer.SortOrder.Descending;
      for (int i = 0; i < size; i++) {
        out[i] = normalise(value[i], min, max, descending);
      }
      return out;
    }

    private int[] labelScores(Prioritizer.LabelPreference preference) {
      int[] out = new int[size];
      LabelSelector selector = preference.labelSelector();
      List<String> keys = new ArrayList<>();
      for (Requirement requirement : selector.requirements()) {
        if (!keys.contains(requirement.key())) {
          keys.add(requirement.key());
        }
      }
      Map<String, String> labels = new HashMap<>();
      for (int i = 0; i < size; i++) {
        labels.clear();
        for (String key : keys) {
          String value = inventory.label(ordinal[i], key);
          if (value != null) {
            labels.put(key, value);
          }
        }
        out[i] = selector.matches(labels) ? 100 : 0;
      }
      return out;
    }

    private int[] suppliedScores(Prioritizer.Score supplied) {
      int[] out = new int[size];
      Map<String, ClusterScores.Entry> scores = context.scores().named(supplied.name());
      if (scores.isEmpty()) {
        return out;
      }
      for (int i = 0; i < size; i++) {
        ClusterScores.Entry entry = scores.get(name[i]);
        if (entry != null && entry.validAt(context.now())) {
          out[i] = entry.value();
          noteChange(entry.expires());
        }
      }
      return out;
    }

    List<ScoreTerm> breakdown(int i) {
      List<ScoreTerm> out = new ArrayList<>(termScores.length + 1);
      for (int p = 0; p < termScores.length; p++) {
        Prioritizer prioritizer = spec.prioritizers().get(p);
        out.add(new ScoreTerm(prioritizer.describe(), termScores[p][i], prioritizer.weight()));
      }
      if (penalised[i]) {
        out.add(new ScoreTerm(penaltyReasons.get(i), -100, penaltyWeight));
      }
      return out;
    }
  }

  /** A quantity's value as a double, NaN when the text is not a quantity. */
  static double quantityValue(String text) {
    return Quantity.tryParse(text).map(Quantity::asApproximateDouble).orElse(Double.NaN);
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

  // ---- picking ----

  /** Candidate indices picked, in rank order; records shortfall reasons on the way. */
  private int[] pick(Candidates c) {
    int wanted = spec.numberOfClusters().orElse(c.size);
    int[] all = new int[c.size];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    if (spec.spreadConstraints().isEmpty()) {
      return c.ranking.top(all, all.length, wanted);
    }
    return spread(c, spec.spreadConstraints().get(0), wanted, all).picked;
  }

  /** The outcome of a spread pick, with the bound that limited it. */
  record SpreadPick(int[] picked, int limit, int domains, int missingKey) {}

  private SpreadPick spread(Candidates c, SpreadConstraint constraint, int wanted, int[] all) {
    ValueColumn column = domainColumn(c.inventory, constraint.topologyKey());
    int valueCount = column == null ? 0 : column.valueCount();
    int[] domain = new int[c.size];
    int[] available = new int[valueCount];
    int[] best = new int[valueCount];
    Arrays.fill(best, -1);
    int missing = 0;
    for (int i = 0; i < c.size; i++) {
      int d = column == null ? -1 : column.idAt(c.ordinal[i]);
      domain[i] = d;
      if (d < 0) {
        missing++;
        continue;
      }
      available[d]++;
      if (best[d] < 0 || c.ranking.compare(i, best[d]) < 0) {
        best[d] = i;
      }
    }
    // Domains in play, in the order of their best cluster; maxDomains keeps the first ones.
    int[] bests = new int[valueCount];
    int present = 0;
    for (int d = 0; d < valueCount; d++) {
      if (available[d] > 0) {
        bests[present++] = best[d];
      }
    }
    int[] orderedBests = c.ranking.top(bests, present, present);
    int inPlay = Math.min(present, constraint.maxDomains().orElse(present));
    int[] domains = new int[inPlay];
    boolean[] playing = new boolean[valueCount];
    for (int k = 0; k < inPlay; k++) {
      domains[k] = domain[orderedBests[k]];
      playing[domains[k]] = true;
    }
    // Caps never exceed a domain's size, so a huge maxSkew means the same as E (and cannot
    // overflow).
    int skew = Math.min(constraint.maxSkew(), Math.max(1, c.size));
    int level;
    int limit;
    if (inPlay == 0) {
      level = 0;
      limit = 0;
    } else if (inPlay < constraint.minDomains().orElse(1)) {
      level = 0; // Kubernetes: below minDomains the global minimum counts as 0
      limit = Math.min(wanted, capacity(available, domains, skew));
    } else {
      int fewest = Integer.MAX_VALUE;
      for (int d : domains) {
        fewest = Math.min(fewest, available[d]);
      }
      limit = Math.min(wanted, capacity(available, domains, fewest + skew));
      int lo = 0;
      int hi = fewest;
      while (lo < hi) { // lowest level whose caps still reach the limit
        int mid = (lo + hi) >>> 1;
        if (capacity(available, domains, mid + skew) >= limit) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      level = steadiestLevel(c, domain, available, domains, lo, fewest, skew, limit);
    }
    // Bucket the candidates of the domains in play, best cap of each, then the two phases.
    int[] start = new int[valueCount + 1];
    for (int i = 0; i < c.size; i++) {
      if (domain[i] >= 0 && playing[domain[i]]) {
        start[domain[i] + 1]++;
      }
    }
    for (int d = 0; d < valueCount; d++) {
      start[d + 1] += start[d];
    }
    int[] bucketed = new int[start[valueCount]];
    int[] fill = Arrays.copyOf(start, valueCount);
    for (int i = 0; i < c.size; i++) {
      if (domain[i] >= 0 && playing[domain[i]]) {
        bucketed[fill[domain[i]]++] = i;
      }
    }
    int[] picked = new int[Math.max(limit, 0)];
    int count = 0;
    int[] pool = new int[bucketed.length];
    int poolSize = 0;
    for (int d : domains) {
      int cap = Math.min(available[d], level + skew);
      int[] members = Arrays.copyOfRange(bucketed, start[d], start[d + 1]);
      int[] top = c.ranking.top(members, members.length, cap);
      for (int k = 0; k < top.length; k++) {
        if (k < level) {
          picked[count++] = top[k];
        } else {
          pool[poolSize++] = top[k];
        }
      }
    }
    int[] rest = c.ranking.top(pool, poolSize, limit - count);
    System.arraycopy(rest, 0, picked, count, rest.length);
    count += rest.length;
    int[] out = Arrays.copyOf(picked, count);
    if (constraint.whenUnsatisfiable() == WhenUnsatisfiable.ScheduleAnyway && count < wanted) {
      boolean[] taken = new boolean[c.size];
      for (int i : out) {
        taken[i] = true;
      }
      int[] others = new int[c.size - count];
      int k = 0;
      for (int i = 0; i < c.size; i++) {
        if (!taken[i]) {
          others[k++] = i;
        }
      }
      int[] extra = c.ranking.top(others, k, wanted - count);
      out = Arrays.copyOf(out, count + extra.length);
      System.arraycopy(extra, 0, out, count, extra.length);
    }
    c.ranking.sort(out, out.length);
    return new SpreadPick(out, limit, inPlay, missing);
  }

  /**
   * Every level from {@code lowest} to min(fewest, limit / domains) gives a valid pick of {@code
   * limit} clusters; without a previous decision the lowest (most room for rank) is used. With one,
   * the level that keeps the most previously picked clusters, so that spread does not churn: at
   * level m a domain keeps min(kept, m) in the first phase and the second phase keeps the rest of
   * its kept clusters up to m + skew, as far as the budget left after the first phase allows (kept
   * clusters rank first). Ties go to the lower level. O(picks) over all levels.
   */
  private static int steadiestLevel(
      Candidates c,
      int[] domain,
      int[] available,
      int[] domains,
      int lowest,
      int fewest,
      int skew,
      int limit) {
    int[] kept = new int[available.length];
    boolean any = false;
    for (int i = 0; i < c.size; i++) {
      if (c.kept[i] && domain[i] >= 0) {
        kept[domain[i]]++;
        any = true;
      }
    }
    if (!any) {
      return lowest;
    }
    int highest = Math.min(fewest, limit / domains.length);
    int best = lowest;
    long bestKept = -1;
    for (int m = lowest; m <= highest; m++) {
      long first = 0;
      long second = 0;
      for (int d : domains) {
        int inFirst = Math.min(kept[d], m);
        first += inFirst;
        second += Math.min(kept[d], m + skew) - inFirst;
      }
      long retained = first + Math.min((long) limit - (long) m * domains.length, second);
      if (retained > bestKept) {
        bestKept = retained;
        best = m;
      }
    }
    return best;
  }

  /** Sum over the domains of min(available, cap). */
  private static int capacity(int[] available, int[] domains, int cap) {
    long total = 0;
    for (int d : domains) {
      total += Math.min(available[d], cap);
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  static ValueColumn domainColumn(Inventory inventory, TopologyKey key) {
    return key.property()
        ? inventory.propertyColumn(key.name())
        : inventory.labelColumn(key.name());
  }

  // ---- groups, waves, result ----

  private PlacementDecision arrange(Candidates c, int[] picked) {
    int n = picked.length;
    List<String> shortfall = shortfall(c, n);
    int[] groupOf = new int[n];
    List<PlacementDecision.Group> groups = DecisionGroups.assign(spec, c, picked, groupOf);
    int[] waveOf = new int[n];
    List<PlacementDecision.Wave> waves = RolloutPlan.plan(spec, c, picked, groups, waveOf);
    List<ScheduledCluster> clusters = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int i = picked[k];
      clusters.add(
          new ScheduledCluster(
              c.name[i], c.score[i], c.breakdown(i), c.kept[i], groupOf[k], waveOf[k]));
    }
    return new PlacementDecision(
        compiled.placement().name(),
        compiled.placement().namespace(),
        spec.numberOfClusters(),
        c.size,
        clusters,
        groups,
        waves,
        Optional.ofNullable(c.nextChange),
        shortfall);
  }

  private List<String> shortfall(Candidates c, int picked) {
    OptionalInt requested = spec.numberOfClusters();
    List<String> out = new ArrayList<>();
    if (requested.isEmpty() || picked >= requested.getAsInt()) {
      return out;
    }
    if (c.size < requested.getAsInt()) {
      out.add("only " + c.size + " eligible clusters (selected and taints tolerated)");
    }
    if (!spec.spreadConstraints().isEmpty()) {
      SpreadConstraint constraint = spec.spreadConstraints().get(0);
      int[] all = new int[c.size];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      SpreadPick pick = spread(c, constraint, requested.getAsInt(), all);
      if (pick.missingKey > 0) {
        out.add(pick.missingKey + " eligible clusters lack " + constraint.topologyKey());
      }
      if (pick.limit < requested.getAsInt()) {
        out.add(
            "spread over "
                + constraint.topologyKey()
                + " with maxSkew "
                + constraint.maxSkew()
                + ": at most "
                + pick.limit
                + " clusters over "
                + pick.domains
                + " domains keep the skew");
      }
    }
    return out;
  }

  /** Labels of candidate {@code i}, for group selectors. */
  static Map<String, String> labelsOf(Candidates c, int i) {
    return c.inventory.labelsAt(c.ordinal[i]);
  }
}
