package dev.flotilla.placement;

import dev.flotilla.api.placement.AffinityGroup;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *       rendezvous weight of (placement, cluster), then name; with {@code ordering: ScoreThenName}
 *       (OCM's order), total score, then name.
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
   * For maintainers. A facade over one class per step, each package-private: Eligibility (taints
   * against tolerations), Scoring (prioritizers), Candidates (the eligible clusters of a run as
   * parallel arrays, ranked by Ranking), Pick and Spread (the best N, within the spread
   * constraint), Arrangement with DecisionGroups and RolloutPlan (groups, waves, shortfall). A run
   * computes each step once: the pick that makes the decision also explains its shortfall.
   */
  private final CompiledPlacement compiled;
  private final PlacementSpec spec;
  private final long seed;
  private final int penaltyWeight;
  private final List<CompiledPlacement> affinityGroups = new ArrayList<>();
  private final ReplicaPlacement replicas;

  private Scheduler(CompiledPlacement compiled) {
    this.compiled = compiled;
    this.spec = compiled.placement().spec();
    Placement placement = compiled.placement();
    for (AffinityGroup group : spec.affinityGroups()) {
      affinityGroups.add(
          CompiledPlacement.compile(
              new Placement(placement.name(), placement.namespace(), group.selection())));
    }
    this.replicas =
        spec.replicaScheduling().map(r -> new ReplicaPlacement(r, placement)).orElse(null);
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

  /** The compiled placement scheduled. */
  public CompiledPlacement placement() {
    return compiled;
  }

  /**
   * Selects from {@code inventory} with no scope boundary ({@link Scope#everything()}: every
   * cluster of the inventory may be picked), then schedules. Use {@link #schedule(Selection,
   * SchedulingContext)} with {@link CompiledPlacement#select(Inventory, Scope)} to keep a tenant
   * boundary.
   */
  public PlacementDecision schedule(Inventory inventory, SchedulingContext context) {
    return schedule(compiled.select(inventory), context);
  }

  /** Schedules the clusters of {@code selection} (from this placement, in any scope). */
  public PlacementDecision schedule(Selection selection, SchedulingContext context) {
    if (affinityGroups.isEmpty() && replicas == null) {
      Candidates candidates = candidates(selection, context);
      return Arrangement.arrange(compiled.placement(), candidates, Pick.of(candidates, spec));
    }
    // Affinity groups in order, the first feasible deciding (Karmada's scheduler.go,
    // scheduleResourceBindingWithClusterAffinities); without groups, one attempt.
    List<String> failures = new ArrayList<>();
    int attempts = Math.max(1, affinityGroups.size());
    for (int g = 0; g < attempts; g++) {
      ClusterSet set = selection.clusters();
      Optional<String> groupName = Optional.empty();
      if (!affinityGroups.isEmpty()) {
        set = set.and(affinityGroups.get(g).select(set.inventory()).clusters());
        groupName = Optional.of(spec.affinityGroups().get(g).name());
      }
      Candidates candidates = Candidates.of(set, context, spec, seed, penaltyWeight);
      Pick pick;
      Map<String, Integer> split = Map.of();
      Optional<String> failure;
      if (replicas != null) {
        ReplicaPlacement.Outcome outcome =
            replicas.place(candidates, context.replicas().orElse(0), context.resourceUid());
        pick = new Pick(outcome.picked(), Optional.empty());
        split = outcome.replicas();
        failure = outcome.failure();
      } else {
        pick = Pick.of(candidates, spec);
        failure = pick.picked().length == 0 ? Optional.of("no cluster picked") : Optional.empty();
      }
      if (failure.isEmpty()) {
        PlacementDecision d = Arrangement.arrange(compiled.placement(), candidates, pick);
        return new PlacementDecision(
            d.placement(),
            d.namespace(),
            d.requested(),
            d.eligible(),
            d.clusters(),
            d.groups(),
            d.waves(),
            d.nextChange(),
            d.shortfall(),
            split,
            groupName);
      }
      failures.add(groupName.map(n -> "affinity group " + n + ": ").orElse("") + failure.get());
    }
    ClusterSet none = selection.clusters().andNot(selection.clusters());
    Candidates empty = Candidates.of(none, context, spec, seed, penaltyWeight);
    PlacementDecision d =
        Arrangement.arrange(compiled.placement(), empty, new Pick(new int[0], Optional.empty()));
    return new PlacementDecision(
        d.placement(),
        d.namespace(),
        d.requested(),
        0,
        List.of(),
        d.groups(),
        d.waves(),
        Optional.empty(),
        failures,
        Map.of(),
        Optional.empty());
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
    Candidates candidates = candidates(selection, context);
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
    // With affinity groups or replica scheduling, the decision itself says what is picked.
    boolean picked =
        affinityGroups.isEmpty() && replicas == null
            ? Pick.of(candidates, spec).contains(index)
            : schedule(selection, context).names().contains(cluster);
    // A tolerated taint with tolerationSeconds changes the answer later: say when.
    String reason =
        verdict.reason().isEmpty() && verdict.nextExpiry() != null
            ? "taints tolerated until " + verdict.nextExpiry()
            : verdict.reason();
    return new ClusterScheduling(
        cluster, true, true, reason, candidates.score[index], candidates.breakdown(index), picked);
  }

  private Candidates candidates(Selection selection, SchedulingContext context) {
    return Candidates.of(selection.clusters(), context, spec, seed, penaltyWeight);
  }
}
