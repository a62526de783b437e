package dev.flotilla.kubernetes;

import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.ScheduledCluster;
import dev.flotilla.placement.ScoreTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Scheduling results built by hand, to page exactly at the limits. */
final class SampleDecisions {
  private SampleDecisions() {}

  /** {@code n} clusters {@code c-00000}, ... in one unnamed group and one wave, unscored. */
  static PlacementDecision unscheduled(String placement, int n) {
    return grouped(placement, List.of(new Chunk("", n)), false, 1);
  }

  /** A group chunk of {@code size} clusters. */
  record Chunk(String name, int size) {}

  /**
   * Clusters named {@code c-00000}, ... in decision order, in these group chunks, scored when
   * {@code scored}, spread over {@code waves} waves round-robin.
   */
  static PlacementDecision grouped(
      String placement, List<Chunk> chunks, boolean scored, int waves) {
    List<ScheduledCluster> clusters = new ArrayList<>();
    List<PlacementDecision.Group> groups = new ArrayList<>();
    List<List<String>> waveMembers = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      waveMembers.add(new ArrayList<>());
    }
    int next = 0;
    for (int g = 0; g < chunks.size(); g++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < chunks.get(g).size(); i++, next++) {
        // Decision order is not name order: names count down within a chunk.
        String name = String.format("c-%05d", next + chunks.get(g).size() - 1 - 2 * i);
        names.add(name);
        int wave = next % waves;
        waveMembers.get(wave).add(name);
        List<ScoreTerm> breakdown =
            scored ? List.of(new ScoreTerm("score latency", 100 - next % 100, 2)) : List.of();
        clusters.add(
            new ScheduledCluster(
                name, scored ? 2L * (100 - next % 100) : 0, breakdown, false, g, wave));
      }
      groups.add(new PlacementDecision.Group(chunks.get(g).name(), g, names));
    }
    List<PlacementDecision.Wave> waveList = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      waveList.add(new PlacementDecision.Wave(w, "", waveMembers.get(w)));
    }
    if (clusters.isEmpty()) {
      groups.clear();
    }
    return new PlacementDecision(
        placement,
        "retail",
        OptionalInt.of(clusters.size()),
        clusters.size(),
        clusters,
        groups,
        waveList,
        Optional.empty(),
        List.of());
  }
}
