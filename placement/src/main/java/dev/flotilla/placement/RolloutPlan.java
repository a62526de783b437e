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
    List<int[]> segments = segments(rollout, c, picked, groups, segmentNames);
    int perWave = rollout.maxConcurrency().map(p -> p.resolve(n)).orElse(n);
    Optional<IntOrPercent> perDomain = rollout.maxUnavailablePerDomain();
    if (perWave >= n && perDomain.isEmpty()) {
      // No bound binds (all at once, the default): each segment is one wave, in order.
      for (int s = 0; s < segments.size(); s++) {
        List<String> wave = new ArrayList<>(segments.get(s).length);
        for (int k : segments.get(s)) {
          wave.add(c.name[picked[k]]);
          waveOf[k] = out.size();
        }
        out.add(new PlacementDecision.Wave(out.size(), segmentNames.get(s), wave));
      }
      return out;
    }
    int[] domain = domains(rollout, c, picked);
    Map<Integer, Integer> domainSize = new HashMap<>();
    for (int d : domain) {
      domainSize.merge(d, 1, Integer::sum);
    }
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
  private static List<int[]> segments(
      RolloutStrategy rollout,
      Candidates c,
      int[] picked,
      List<PlacementDecision.Group> groups,
      List<String> names) {
    Positions position = new Positions(c, picked);
    List<int[]> segments = new ArrayList<>();
    for (String canary : rollout.canaryGroups()) {
      List<PlacementDecision.Group> of = new ArrayList<>();
      for (PlacementDecision.Group group : groups) {
        if (group.groupName().equals(canary)) {
          of.add(group);
        }
      }
      int[] members = position.of(of);
      if (members.length > 0) {
        segments.add(members);
        names.add(canary);
      }
    }
    Set<String> canaries = new HashSet<>(rollout.canaryGroups());
    List<PlacementDecision.Group> others = new ArrayList<>();
    for (PlacementDecision.Group group : groups) {
      if (!canaries.contains(group.groupName())) {
        others.add(group);
      }
    }
    int[] rest = position.of(others);
    if (rest.length > 0) {
      segments.add(rest);
      names.add("");
    }
    return segments;
  }

  /**
   * Positions in {@code picked} of picked clusters' names. Groups list the picks in pick order
   * unless canary groups come first, so each name is first compared (by identity: both come from
   * the candidates' names) with the next pick; the first miss builds a map by name.
   */
  private static final class Positions {
    private final Candidates c;
    private final int[] picked;
    private int next;
    private Map<String, Integer> byName;

    Positions(Candidates c, int[] picked) {
      this.c = c;
      this.picked = picked;
    }

    int[] of(List<PlacementDecision.Group> groups) {
      int size = 0;
      for (PlacementDecision.Group group : groups) {
        size += group.clusters().size();
      }
      int[] out = new int[size];
      int i = 0;
      for (PlacementDecision.Group group : groups) {
        for (String name : group.clusters()) {
          out[i++] = of(name);
        }
      }
      return out;
    }

    private int of(String name) {
      if (byName == null) {
        if (next < picked.length && c.name[picked[next]] == name) {
          return next++;
        }
        byName = new HashMap<>(picked.length * 2);
        for (int k = 0; k < picked.length; k++) {
          byName.put(c.name[picked[k]], k);
        }
      }
      return byName.get(name);
    }
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
