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
import java.util.function.Consumer;

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
 * @param ordering how eligible clusters are ranked before picking ({@link Ordering})
 * @param affinityGroups ordered fallback selections; the first feasible one decides (see {@link
 *     AffinityGroup})
 * @param replicaScheduling how a workload's replicas are placed (see {@link ReplicaScheduling})
 * @param clustersPerDecisionGroup when present, every decision group, named or not, is sorted by
 *     cluster name and cut into chunks of this size, a percentage being of the picked clusters and
 *     rounded up ({@link IntOrPercent#resolveUp}), as Open Cluster Management's {@code
 *     clustersPerDecisionGroup}; forbids {@code decisionGroups[].clustersPerGroup}. Absent: each
 *     named group chunked by its own {@code clustersPerGroup}, in decision order, and the unnamed
 *     group in one chunk.
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
    Ordering ordering,
    List<AffinityGroup> affinityGroups,
    Optional<ReplicaScheduling> replicaScheduling,
    Optional<IntOrPercent> clustersPerDecisionGroup) {

  /** Validates selection and scheduling fields together, reporting every problem. */
  public PlacementSpec {
    clusterSelectors = List.copyOf(clusterSelectors);
    clusterNames = List.copyOf(clusterNames);
    excludeClusterNames = List.copyOf(excludeClusterNames);
    tolerations = List.copyOf(tolerations);
    Objects.requireNonNull(numberOfClusters, "numberOfClusters");
    prioritizers = List.copyOf(prioritizers);
    spreadConstraints = List.copyOf(spreadConstraints);
    decisionGroups = List.copyOf(decisionGroups);
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(ordering, "ordering");
    affinityGroups = List.copyOf(affinityGroups);
    Objects.requireNonNull(replicaScheduling, "replicaScheduling");
    Objects.requireNonNull(clustersPerDecisionGroup, "clustersPerDecisionGroup");
    List<Problem> problems = new ArrayList<>();
    if (clustersPerDecisionGroup.isPresent()) {
      for (int i = 0; i < decisionGroups.size(); i++) {
        if (decisionGroups.get(i).clustersPerGroup().isPresent()) {
          problems.add(
              Problem.at(
                  "decisionGroups[" + i + "].clustersPerGroup",
                  "Forbidden: clustersPerDecisionGroup sizes every group's chunks"));
        }
      }
    }
    checkScheduling(numberOfClusters, spreadConstraints, decisionGroups, rollout, problems);
    checkReplicas(numberOfClusters, spreadConstraints, affinityGroups, replicaScheduling, problems);
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

  /** A spec with the default chunking of decision groups (no {@code clustersPerDecisionGroup}). */
  public PlacementSpec(
      List<ClusterSelectorTerm> clusterSelectors,
      List<String> clusterNames,
      List<String> excludeClusterNames,
      List<Toleration> tolerations,
      OptionalInt numberOfClusters,
      List<Prioritizer> prioritizers,
      List<SpreadConstraint> spreadConstraints,
      List<DecisionGroup> decisionGroups,
      Optional<RolloutStrategy> rollout,
      Ordering ordering,
      List<AffinityGroup> affinityGroups,
      Optional<ReplicaScheduling> replicaScheduling) {
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
        ordering,
        affinityGroups,
        replicaScheduling,
        Optional.empty());
  }

  /**
   * A spec with the default {@link Ordering#Sticky} ranking, without affinity groups or replica
   * scheduling.
   */
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
        Ordering.Sticky,
        List.of(),
        Optional.empty());
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
    return with(copy -> copy.excludeClusterNames = names);
  }

  /** The same spec with these tolerations. */
  public PlacementSpec withTolerations(List<Toleration> newTolerations) {
    return with(copy -> copy.tolerations = newTolerations);
  }

  /** The same spec picking {@code n} clusters. */
  public PlacementSpec withNumberOfClusters(int n) {
    return with(copy -> copy.numberOfClusters = OptionalInt.of(n));
  }

  /** The same spec with these prioritizers. */
  public PlacementSpec withPrioritizers(List<Prioritizer> newPrioritizers) {
    return with(copy -> copy.prioritizers = newPrioritizers);
  }

  /** The same spec with these spread constraints (at most one). */
  public PlacementSpec withSpreadConstraints(List<SpreadConstraint> constraints) {
    return with(copy -> copy.spreadConstraints = constraints);
  }

  /** The same spec with these decision groups. */
  public PlacementSpec withDecisionGroups(List<DecisionGroup> groups) {
    return with(copy -> copy.decisionGroups = groups);
  }

  /** The same spec with this rollout strategy. */
  public PlacementSpec withRollout(RolloutStrategy strategy) {
    return with(copy -> copy.rollout = Optional.of(strategy));
  }

  /** The same spec ranking clusters by {@code newOrdering}. */
  public PlacementSpec withOrdering(Ordering newOrdering) {
    return with(copy -> copy.ordering = newOrdering);
  }

  /** The same spec with these ordered fallback selections. */
  public PlacementSpec withAffinityGroups(List<AffinityGroup> groups) {
    return with(copy -> copy.affinityGroups = groups);
  }

  /** The same spec placing a workload's replicas with {@code scheduling}. */
  public PlacementSpec withReplicaScheduling(ReplicaScheduling scheduling) {
    return with(copy -> copy.replicaScheduling = Optional.of(scheduling));
  }

  /**
   * The same spec cutting every decision group into chunks of {@code perGroup}, sorted by name (see
   * {@code clustersPerDecisionGroup}); empty: the default chunking.
   */
  public PlacementSpec withClustersPerDecisionGroup(Optional<IntOrPercent> perGroup) {
    return with(copy -> copy.clustersPerDecisionGroup = perGroup);
  }

  /** This spec with {@code change} applied to a copy of its components (validated as any other). */
  private PlacementSpec with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.spec();
  }

  /** A spec's components, to change one and build the spec again (validated as any other). */
  private static final class Copy {
    List<ClusterSelectorTerm> clusterSelectors;
    List<String> clusterNames;
    List<String> excludeClusterNames;
    List<Toleration> tolerations;
    OptionalInt numberOfClusters;
    List<Prioritizer> prioritizers;
    List<SpreadConstraint> spreadConstraints;
    List<DecisionGroup> decisionGroups;
    Optional<RolloutStrategy> rollout;
    Ordering ordering;
    List<AffinityGroup> affinityGroups;
    Optional<ReplicaScheduling> replicaScheduling;
    Optional<IntOrPercent> clustersPerDecisionGroup;

    Copy(PlacementSpec spec) {
      clusterSelectors = spec.clusterSelectors;
      clusterNames = spec.clusterNames;
      excludeClusterNames = spec.excludeClusterNames;
      tolerations = spec.tolerations;
      numberOfClusters = spec.numberOfClusters;
      prioritizers = spec.prioritizers;
      spreadConstraints = spec.spreadConstraints;
      decisionGroups = spec.decisionGroups;
      rollout = spec.rollout;
      ordering = spec.ordering;
      affinityGroups = spec.affinityGroups;
      replicaScheduling = spec.replicaScheduling;
      clustersPerDecisionGroup = spec.clustersPerDecisionGroup;
    }

    PlacementSpec spec() {
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
          ordering,
          affinityGroups,
          replicaScheduling,
          clustersPerDecisionGroup);
    }
  }

  private static void checkReplicas(
      OptionalInt numberOfClusters,
      List<SpreadConstraint> spreadConstraints,
      List<AffinityGroup> affinityGroups,
      Optional<ReplicaScheduling> replicaScheduling,
      List<Problem> problems) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < affinityGroups.size(); i++) {
      String name = affinityGroups.get(i).name();
      if (!names.add(name)) {
        problems.add(
            Problem.at("affinityGroups[" + i + "].name", "Duplicate value: \"" + name + "\""));
      }
    }
    if (replicaScheduling.isPresent()) {
      if (numberOfClusters.isPresent()) {
        problems.add(
            Problem.at(
                "numberOfClusters",
                "Forbidden: replicaScheduling picks the clusters itself (use its maxClusters)"));
      }
      if (!spreadConstraints.isEmpty()) {
        problems.add(
            Problem.at(
                "spreadConstraints", "Forbidden: replicaScheduling picks the clusters itself"));
      }
    }
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
