package dev.flotilla.placement;

import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.PlacementSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the picked clusters into decision groups: each named group, in order, takes the picks its
 * selector matches that no earlier group took, chunked by {@code clustersPerGroup}; the picks left
 * over form the unnamed group, in one chunk. Within a chunk, clusters keep decision order.
 *
 * <p>With {@code clustersPerDecisionGroup} (Open Cluster Management's grouping, ocm
 * pkg/placement/controllers/scheduling/scheduling_controller.go, generateDecisionGroups and
 * divideDecisionGroups): each named group and then the picks left over are sorted by cluster name
 * and cut into chunks of {@code clustersPerDecisionGroup}, a percentage of all picks rounded up.
 */
final class DecisionGroups {
  private DecisionGroups() {}

  /** The group chunks, in order; {@code groupOf[k]} receives the chunk of the k-th pick. */
  static List<PlacementDecision.Group> assign(
      PlacementSpec spec, Candidates c, int[] picked, int[] groupOf) {
    int n = picked.length;
    boolean byName = spec.clustersPerDecisionGroup().isPresent();
    int shared = spec.clustersPerDecisionGroup().map(p -> Math.max(1, p.resolveUp(n))).orElse(1);
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
          byName
              ? shared
              : Math.max(1, group.clustersPerGroup().map(p -> p.resolve(n)).orElse(members.size()));
      if (byName) {
        members.sort((a, b) -> c.name[picked[a]].compareTo(c.name[picked[b]]));
      }
      addChunks(group.groupName(), members, chunk, c, picked, groupOf, out);
    }
    List<Integer> rest = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (!taken[k]) {
        rest.add(k);
      }
    }
    if (byName) {
      rest.sort((a, b) -> c.name[picked[a]].compareTo(c.name[picked[b]]));
    }
    addChunks("", rest, byName ? shared : Math.max(1, rest.size()), c, picked, groupOf, out);
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
