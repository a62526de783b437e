package dev.flotilla.placement;

import dev.flotilla.api.Taint;
import dev.flotilla.api.placement.Toleration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which selected clusters scheduling may pick: those whose taints the placement's tolerations allow
 * ({@link Tolerations} judges one cluster). A cluster with an untolerated {@code PreferNoSelect}
 * taint stays eligible but penalised.
 *
 * @param ordinals the eligible clusters' ordinals, ascending
 * @param penalised by candidate index: whether the cluster carries the taint penalty
 * @param penaltyReasons by candidate index, for the penalised ones (rare): the taint
 * @param nextChange the earliest instant a tolerated taint stops being tolerated, or null
 */
record Eligibility(
    int[] ordinals, boolean[] penalised, Map<Integer, String> penaltyReasons, Instant nextChange) {

  /** Judges every cluster of {@code selected} once; clusters without taints cost nothing. */
  static Eligibility judge(
      ClusterSet selected, List<Toleration> tolerations, SchedulingContext context) {
    Inventory inventory = selected.inventory();
    int n = selected.size();
    int[] ordinals = new int[n];
    boolean[] penalty = new boolean[n];
    Map<Integer, String> reasons = new HashMap<>();
    Instant[] next = {null};
    int[] count = {0};
    selected.forEachOrdinal(
        o -> {
          List<Taint> taints = inventory.taintsAt(o);
          if (!taints.isEmpty()) {
            boolean pickedBefore = context.previous().contains(inventory.nameAt(o));
            Tolerations.Verdict verdict =
                Tolerations.judge(taints, tolerations, context.now(), pickedBefore);
            Instant expiry = verdict.nextExpiry();
            if (expiry != null && (next[0] == null || expiry.isBefore(next[0]))) {
              next[0] = expiry;
            }
            if (verdict.effect() == Tolerations.Effect.EXCLUDED) {
              return;
            }
            if (verdict.effect() == Tolerations.Effect.PENALISED) {
              penalty[count[0]] = true;
              reasons.put(count[0], verdict.reason());
            }
          }
          ordinals[count[0]++] = o;
        });
    int size = count[0];
    return new Eligibility(
        Arrays.copyOf(ordinals, size), Arrays.copyOf(penalty, size), Map.copyOf(reasons), next[0]);
  }

  boolean penalised(int candidate) {
    return penalised[candidate];
  }

  String penaltyReason(int candidate) {
    return penaltyReasons.get(candidate);
  }
}
