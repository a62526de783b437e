package dev.flotilla.placement;

import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.PlacementSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the picked clusters into decision groups: each named group, in order, takes the picks its
 * selector matches that no earlier group took, chunked by {@code clustersPerGroup}; the picks left
 * over form the unnamed group, in one chunk. Within a chunk, clusters keep decision order.
 */
final class DecisionGroups {
  private DecisionGroups() {}

  /** The group chunks, in order; {@code groupOf[k]} receives the chunk of the k-th pick. */
  static List<PlacementDecision.Group> assign(
      PlacementSpec spec, Candidates c, int[] picked, int[] groupOf) {
    int n = picked.length;
    List<PlacementDecision.Group> out = new ArrayList<>();
    boolean[] taken = new boolean[n];
    for (DecisionGroup group : spec.decisionGroups()) {
      List<Integer> members = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if (!taken[k] && group.clusterSelector().matches(c.labels(picked[k]))) {
          taken[k] = true;
          members.add(k);
        }
      }
      int chunk =
          Math.max(1, group.clustersPerGroup().map(p -> p.resolve(n)).orElse(members.size()));
      addChunks(group.groupName(), members, chunk, c, picked, groupOf, out);
    }
    List<Integer> rest = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (!taken[k]) {
        rest.add(k);
      }
    }
    addChunks("", rest, Math.max(1, rest.size()), c, picked, groupOf, out);
    return out;
  }

  private static void addChunks(
      String name,
      List<Integer> members,
      int chunk,
      Candidates c,
      int[] picked,
      int[] groupOf,
      List<PlacementDecision.Group> out) {
    for (int from = 0; from < members.size(); from += chunk) {
      int index = out.size();
      List<String> names = new ArrayList<>();
      for (int k : members.subList(from, Math.min(members.size(), from + chunk))) {
        groupOf[k] = index;
        names.add(c.name[picked[k]]);
      }
      out.add(new PlacementDecision.Group(name, index, names));
    }
  }
}
