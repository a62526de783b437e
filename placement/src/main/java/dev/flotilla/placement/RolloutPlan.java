package dev.flotilla.placement;

import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.RolloutStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders a decision into rollout waves. The clusters are laid out in segments: each canary group
 * (all chunks of that name), in the order {@code canaryGroups} lists them, then everything else in
 * group order. Within a segment each cluster goes, in order, to the earliest wave of that segment
 * with room: fewer than {@code maxConcurrency} clusters and fewer than its domain's limit. This
 * first-fit is the same as filling wave after wave greedily, and is deterministic.
 */
final class RolloutPlan {
  private RolloutPlan() {}

  /** The waves, in order; {@code waveOf[k]} receives the wave of the k-th pick. */
  static List<PlacementDecision.Wave> plan(
      PlacementSpec spec,
      Candidates c,
      int[] picked,
      List<PlacementDecision.Group> groups,
      int[] waveOf) {
    int n = picked.length;
    List<PlacementDecision.Wave> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    RolloutStrategy rollout = spec.rollout().orElse(RolloutStrategy.allAtOnce());
    List<String> segmentNames = new ArrayList<>();
    List<List<Integer>> segments = segments(rollout, c, picked, groups, segmentNames);
    int[] domain = domains(rollout, c, picked);
    Map<Integer, Integer> domainSize = new HashMap<>();
    for (int d : domain) {
      domainSize.merge(d, 1, Integer::sum);
    }
    int perWave = rollout.maxConcurrency().map(p -> p.resolve(n)).orElse(n);
    Optional<IntOrPercent> perDomain = rollout.maxUnavailablePerDomain();
    for (int s = 0; s < segments.size(); s++) {
      int first = out.size();
      List<List<String>> waves = new ArrayList<>();
      List<Map<Integer, Integer>> counts = new ArrayList<>();
      Map<Integer, Integer> domainFirst = new HashMap<>();
      int open = 0;
      for (int k : segments.get(s)) {
        int d = domain[k];
        int limit = perDomain.map(p -> p.resolve(domainSize.get(d))).orElse(n);
        int w = Math.max(open, domainFirst.getOrDefault(d, 0));
        while (w < waves.size()
            && (waves.get(w).size() >= perWave || counts.get(w).getOrDefault(d, 0) >= limit)) {
          w++;
        }
        if (w == waves.size()) {
          waves.add(new ArrayList<>());
          counts.add(new HashMap<>());
        }
        waves.get(w).add(c.name[picked[k]]);
        int inDomain = counts.get(w).merge(d, 1, Integer::sum);
        waveOf[k] = first + w;
        if (inDomain >= limit && domainFirst.getOrDefault(d, 0) == w) {
          domainFirst.put(d, w + 1); // earlier waves are full for this domain
        }
        while (open < waves.size() && waves.get(open).size() >= perWave) {
          open++;
        }
      }
      for (List<String> wave : waves) {
        out.add(new PlacementDecision.Wave(out.size(), segmentNames.get(s), wave));
      }
    }
    return out;
  }

  /**
   * The picks (as positions in {@code picked}) of each segment: one per canary group present, in
   * {@code canaryGroups} order, then one of everything else; {@code names} receives their names.
   */
  private static List<List<Integer>> segments(
      RolloutStrategy rollout,
      Candidates c,
      int[] picked,
      List<PlacementDecision.Group> groups,
      List<String> names) {
    Map<String, Integer> position = new HashMap<>();
    for (int k = 0; k < picked.length; k++) {
      position.put(c.name[picked[k]], k);
    }
    List<List<Integer>> segments = new ArrayList<>();
    for (String canary : rollout.canaryGroups()) {
      List<Integer> members = new ArrayList<>();
      for (PlacementDecision.Group group : groups) {
        if (group.groupName().equals(canary)) {
          group.clusters().forEach(name -> members.add(position.get(name)));
        }
      }
      if (!members.isEmpty()) {
        segments.add(members);
        names.add(canary);
      }
    }
    Set<String> canaries = new HashSet<>(rollout.canaryGroups());
    List<Integer> rest = new ArrayList<>();
    for (PlacementDecision.Group group : groups) {
      if (!canaries.contains(group.groupName())) {
        group.clusters().forEach(name -> rest.add(position.get(name)));
      }
    }
    if (!rest.isEmpty()) {
      segments.add(rest);
      names.add("");
    }
    return segments;
  }

  /** Each pick's domain id for the rollout's topology key; -1 for none (one domain of its own). */
  private static int[] domains(RolloutStrategy rollout, Candidates c, int[] picked) {
    int[] out = new int[picked.length];
    if (rollout.topologyKey().isEmpty()) {
      return out;
    }
    ValueColumn column = c.domainColumn(rollout.topologyKey().get());
    for (int k = 0; k < picked.length; k++) {
      out[k] = column == null ? -1 : column.idAt(c.ordinal[picked[k]]);
    }
    return out;
  }
}
