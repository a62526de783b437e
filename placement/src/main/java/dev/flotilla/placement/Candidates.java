package dev.flotilla.placement;

import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.TopologyKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The eligible clusters of one scheduling run, scored, as parallel arrays indexed by candidate.
 *
 * <p>For maintainers. Candidate {@code i} is the cluster at {@code ordinal[i]} of the inventory;
 * every array has {@link #size} entries, in ordinal order. Ranking compares these primitives (no
 * per-comparison map look-up or boxing), and spread and arrangement refer to candidates by index.
 * Built once per run by {@link Eligibility} (which clusters, which penalised) and {@link Scoring}
 * (one {@code int[]} per prioritizer, kept for score breakdowns); never changed afterwards.
 */
final class Candidates {
  final Inventory inventory;
  final int size;
  final int[] ordinal;
  final String[] name;
  final boolean[] kept;
  final long[] score;
  final long[] weight;
  final Ranking ranking;

  private final Eligibility eligible;
  private final List<Prioritizer> prioritizers;
  private final int[][] termScores;
  private final int penaltyWeight;

  /** When the inputs of this run next change by themselves (a toleration or score expiring). */
  final Instant nextChange;

  private Candidates(
      Inventory inventory,
      Eligibility eligible,
      SchedulingContext context,
      PlacementSpec spec,
      long seed,
      int penaltyWeight) {
    this.inventory = inventory;
    this.eligible = eligible;
    this.ordinal = eligible.ordinals();
    this.size = ordinal.length;
    this.prioritizers = spec.prioritizers();
    this.penaltyWeight = penaltyWeight;
    this.name = new String[size];
    this.kept = new boolean[size];
    this.weight = new long[size];
    // Sticky: kept first, then score, then the rendezvous weight. ScoreThenName (OCM's order)
    // leaves kept and weight all false and 0: ties fall to the name. ScoreThenNameDescending
    // (KubeFleet's) weighs the previous decision's clusters 1, so among equal scores they come
    // first, then names descending.
    Ordering ordering = spec.ordering();
    boolean sticky = ordering == Ordering.Sticky;
    boolean afterScore = ordering == Ordering.ScoreThenNameDescending;
    boolean hasPrevious = !context.previous().isEmpty();
    for (int i = 0; i < size; i++) {
      name[i] = inventory.nameAt(ordinal[i]);
      boolean previous = hasPrevious && context.previous().contains(name[i]);
      kept[i] = sticky && previous;
      weight[i] = sticky ? Ranking.rendezvous(seed, name[i]) : afterScore && previous ? 1L : 0L;
    }
    Scoring scoring = new Scoring(inventory, ordinal, name, context);
    this.termScores = scoring.scores(prioritizers);
    this.score = totals(termScores, prioritizers, eligible, 100L * penaltyWeight);
    this.nextChange = earliest(eligible.nextChange(), scoring.nextChange());
    this.ranking = new Ranking(kept, score, weight, name, afterScore);
  }

  /**
   * The clusters of {@code selected} that {@code spec}'s tolerations let scheduling pick, scored by
   * its prioritizers. {@code seed} is the placement's rendezvous seed; a penalised cluster loses
   * {@code 100 * penaltyWeight} points.
   */
  static Candidates of(
      ClusterSet selected,
      SchedulingContext context,
      PlacementSpec spec,
      long seed,
      int penaltyWeight) {
    Eligibility eligible = Eligibility.judge(selected, spec.tolerations(), context);
    return new Candidates(selected.inventory(), eligible, context, spec, seed, penaltyWeight);
  }

  private static long[] totals(
      int[][] termScores, List<Prioritizer> prioritizers, Eligibility eligible, long penalty) {
    long[] out = new long[eligible.ordinals().length];
    for (int p = 0; p < termScores.length; p++) {
      // A FleetWeighted sorter's score already holds its weight (see Prioritizer.SorterScale).
      long w = folded(prioritizers.get(p)) ? 100L : prioritizers.get(p).weight();
      for (int i = 0; i < out.length; i++) {
        out[i] += w * termScores[p][i];
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (eligible.penalised(i)) {
        out[i] -= penalty;
      }
    }
    return out;
  }

  private static boolean folded(Prioritizer prioritizer) {
    return prioritizer instanceof Prioritizer.PropertySorter sorter
        && sorter.scale() == Prioritizer.SorterScale.FleetWeighted;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  /** Every candidate index, 0 to size - 1. */
  int[] all() {
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The candidate index of the cluster at {@code clusterOrdinal}, or -1 when not eligible. */
  int indexOf(int clusterOrdinal) {
    for (int i = 0; i < size; i++) {
      if (ordinal[i] == clusterOrdinal) {
        return i;
      }
    }
    return -1;
  }

  /** Candidate {@code i}'s score, term by term, with the taint penalty last when it has one. */
  List<ScoreTerm> breakdown(int i) {
    List<ScoreTerm> out = new ArrayList<>(termScores.length + 1);
    for (int p = 0; p < termScores.length; p++) {
      Prioritizer prioritizer = prioritizers.get(p);
      int shownWeight = folded(prioritizer) ? 100 : prioritizer.weight();
      out.add(new ScoreTerm(prioritizer.describe(), termScores[p][i], shownWeight));
    }
    if (eligible.penalised(i)) {
      out.add(new ScoreTerm(eligible.penaltyReason(i), -100, penaltyWeight));
    }
    return out;
  }

  /** Labels of candidate {@code i}, for group selectors. */
  Map<String, String> labels(int i) {
    return inventory.labelsAt(ordinal[i]);
  }

  /** The inventory's column for a topology key (a label or a property), or null when none. */
  ValueColumn domainColumn(TopologyKey key) {
    return key.property()
        ? inventory.propertyColumn(key.name())
        : inventory.labelColumn(key.name());
  }
}
