package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One of a placement's ordered fallback selections ({@code affinityGroups}): scheduling tries the
 * groups in order and decides with the first whose clusters (those the placement selects and the
 * group selects too) give a feasible decision: at least one cluster picked and, with replica
 * scheduling, the replicas placed. This is Karmada's {@code clusterAffinities}.
 *
 * <p>A group selects as a placement does: the clusters named in {@code clusterNames} or matching a
 * term of {@code clusterSelectors}, less {@code excludeClusterNames}; {@code clusterSelectors:
 * [{}]} selects every cluster.
 *
 * @param name the group's name, unique in the placement
 * @param clusterSelectors terms, ORed
 * @param clusterNames clusters selected by name
 * @param excludeClusterNames clusters never selected
 */
public record AffinityGroup(
    String name,
    List<ClusterSelectorTerm> clusterSelectors,
    List<String> clusterNames,
    List<String> excludeClusterNames) {

  /** Validates the name and the selection. */
  public AffinityGroup {
    Objects.requireNonNull(name, "name");
    clusterSelectors = List.copyOf(clusterSelectors);
    clusterNames = List.copyOf(clusterNames);
    excludeClusterNames = List.copyOf(excludeClusterNames);
    List<Problem> problems = new ArrayList<>();
    if (name.isEmpty()) {
      problems.add(Problem.at("name", "Required value"));
    }
    if (clusterSelectors.isEmpty() && clusterNames.isEmpty()) {
      problems.add(
          Problem.at(
              "clusterSelectors",
              "Required value: set clusterSelectors or clusterNames; write clusterSelectors: [{}]"
                  + " to select every cluster"));
    }
    for (String field : List.of("clusterNames", "excludeClusterNames")) {
      List<String> names = field.equals("clusterNames") ? clusterNames : excludeClusterNames;
      for (int i = 0; i < names.size(); i++) {
        for (String error : LabelRules.dns1123SubdomainErrors(names.get(i))) {
          problems.add(
              Problem.at(
                  field + "[" + i + "]", "Invalid value: \"" + names.get(i) + "\": " + error));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** The group's selection as a selection-only spec. */
  public PlacementSpec selection() {
    return new PlacementSpec(clusterSelectors, clusterNames, excludeClusterNames);
  }
}
