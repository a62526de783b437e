package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a placement selects: a cluster is selected when it is named in {@code clusterNames} or
 * matches any term of {@code clusterSelectors}; {@code excludeClusterNames} then removes clusters,
 * whatever selected them.
 *
 * <p>A spec with neither selectors nor names is invalid: selecting the whole fleet must be written
 * {@code clusterSelectors: [{}]}, never happen by omission (an empty list counts as omitted).
 *
 * <p>Scheduling then works on the selected clusters: {@code tolerations} decide which tainted
 * clusters stay eligible, {@code prioritizers} score them, {@code numberOfClusters} and {@code
 * spreadConstraints} pick among them, {@code decisionGroups} group the picks and {@code rollout}
 * orders them into waves. Absent scheduling fields mean no scheduling: every eligible cluster, one
 * group, one wave.
 *
 * @param clusterSelectors terms, ORed
 * @param clusterNames clusters selected by name
 * @param excludeClusterNames clusters never selected
 * @param tolerations taints tolerated
 * @param numberOfClusters how many clusters to pick; absent: every eligible cluster
 * @param prioritizers scoring rules, summed with their weights
 * @param spreadConstraints at most one spread constraint
 * @param decisionGroups named groups, in order
 * @param rollout how the decision is rolled out; absent: one wave
 * @param tieBreak how clusters of equal score are ordered when picking
 */
public record PlacementSpec(
    List<ClusterSelectorTerm> clusterSelectors,
    List<String> clusterNames,
    List<String> excludeClusterNames,
    List<Toleration> tolerations,
    OptionalInt numberOfClusters,
    List<Prioritizer> prioritizers,
    List<SpreadConstraint> spreadConstraints,
    List<DecisionGroup> decisionGroups,
    Optional<RolloutStrategy> rollout,
    TieBreak tieBreak) {

  /** Validates selection and scheduling fields together, reporting every problem. */
  public PlacementSpec {
    Objects.requireNonNull(tieBreak, "tieBreak");
    clusterSelectors = List.copyOf(clusterSelectors);
    clusterNames = List.copyOf(clusterNames);
    excludeClusterNames = List.copyOf(excludeClusterNames);
    tolerations = List.copyOf(tolerations);
    Objects.requireNonNull(numberOfClusters, "numberOfClusters");
    prioritizers = List.copyOf(prioritizers);
    spreadConstraints = List.copyOf(spreadConstraints);
    decisionGroups = List.copyOf(decisionGroups);
    Objects.requireNonNull(rollout, "rollout");
    List<Problem> problems = new ArrayList<>();
    checkScheduling(numberOfClusters, spreadConstraints, decisionGroups, rollout, problems);
    if (clusterSelectors.isEmpty() && clusterNames.isEmpty()) {
      problems.add(
          Problem.at(
              "clusterSelectors",
              "Required value: set clusterSelectors or clusterNames; write clusterSelectors: [{}]"
                  + " to select every cluster"));
    }
    checkNames("clusterNames", clusterNames, problems);
    checkNames("excludeClusterNames", excludeClusterNames, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A spec whose ties are broken by the {@link TieBreak#Rendezvous rendezvous} hash. */
  public PlacementSpec(
      List<ClusterSelectorTerm> clusterSelectors,
      List<String> clusterNames,
      List<String> excludeClusterNames,
      List<Toleration> tolerations,
      OptionalInt numberOfClusters,
      List<Prioritizer> prioritizers,
      List<SpreadConstraint> spreadConstraints,
      List<DecisionGroup> decisionGroups,
      Optional<RolloutStrategy> rollout) {
    this(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        TieBreak.Rendezvous);
  }

  /** A selection-only spec: no scheduling (every eligible cluster, one group, one wave). */
  public PlacementSpec(
      List<ClusterSelectorTerm> clusterSelectors,
      List<String> clusterNames,
      List<String> excludeClusterNames) {
    this(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        List.of(),
        OptionalInt.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** Selects the clusters matching any of {@code terms}. */
  public static PlacementSpec selecting(ClusterSelectorTerm... terms) {
    return new PlacementSpec(List.of(terms), List.of(), List.of());
  }

  /** The same spec with {@code names} excluded. */
  public PlacementSpec excluding(List<String> names) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        names,
        tolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        tieBreak);
  }

  /** The same spec with these tolerations. */
  public PlacementSpec withTolerations(List<Toleration> newTolerations) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        newTolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        tieBreak);
  }

  /** The same spec picking {@code n} clusters. */
  public PlacementSpec withNumberOfClusters(int n) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        OptionalInt.of(n),
        prioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        tieBreak);
  }

  /** The same spec with these prioritizers. */
  public PlacementSpec withPrioritizers(List<Prioritizer> newPrioritizers) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        newPrioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        tieBreak);
  }

  /** The same spec with these spread constraints (at most one). */
  public PlacementSpec withSpreadConstraints(List<SpreadConstraint> constraints) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        prioritizers,
        constraints,
        decisionGroups,
        rollout,
        tieBreak);
  }

  /** The same spec with these decision groups. */
  public PlacementSpec withDecisionGroups(List<DecisionGroup> groups) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        groups,
        rollout,
        tieBreak);
  }

  /** The same spec with this rollout strategy. */
  public PlacementSpec withRollout(RolloutStrategy strategy) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        decisionGroups,
        Optional.of(strategy),
        tieBreak);
  }

  /** The same spec ordering equal scores by {@code order}. */
  public PlacementSpec withTieBreak(TieBreak order) {
    return new PlacementSpec(
        clusterSelectors,
        clusterNames,
        excludeClusterNames,
        tolerations,
        numberOfClusters,
        prioritizers,
        spreadConstraints,
        decisionGroups,
        rollout,
        order);
  }

  private static void checkScheduling(
      OptionalInt numberOfClusters,
      List<SpreadConstraint> spreadConstraints,
      List<DecisionGroup> decisionGroups,
      Optional<RolloutStrategy> rollout,
      List<Problem> problems) {
    if (numberOfClusters.isPresent() && numberOfClusters.getAsInt() < 0) {
      problems.add(
          Problem.at(
              "numberOfClusters",
              "Invalid value: " + numberOfClusters.getAsInt() + ": must be at least 0"));
    }
    if (spreadConstraints.size() > 1) {
      problems.add(
          Problem.at(
              "spreadConstraints",
              "Too many: " + spreadConstraints.size() + ": must have at most 1 items"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < decisionGroups.size(); i++) {
      String name = decisionGroups.get(i).groupName();
      if (!names.add(name)) {
        problems.add(
            Problem.at("decisionGroups[" + i + "].groupName", "Duplicate value: \"" + name + "\""));
      }
    }
    if (rollout.isPresent()) {
      List<String> canaries = rollout.get().canaryGroups();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < canaries.size(); i++) {
        String path = "rollout.canaryGroups[" + i + "]";
        if (!names.contains(canaries.get(i))) {
          problems.add(
              Problem.at(
                  path,
                  "Not found: \"" + canaries.get(i) + "\": must name one of the decisionGroups"));
        } else if (!seen.add(canaries.get(i))) {
          problems.add(Problem.at(path, "Duplicate value: \"" + canaries.get(i) + "\""));
        }
      }
    }
  }

  private static void checkNames(String field, List<String> names, List<Problem> problems) {
    for (int i = 0; i < names.size(); i++) {
      for (String error : LabelRules.dns1123SubdomainErrors(names.get(i))) {
        problems.add(
            Problem.at(field + "[" + i + "]", "Invalid value: \"" + names.get(i) + "\": " + error));
      }
    }
  }
}
