package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What a placement selects: a cluster is selected when it is named in {@code clusterNames} or
 * matches any term of {@code clusterSelectors}; {@code excludeClusterNames} then removes clusters,
 * whatever selected them.
 *
 * <p>A spec with neither selectors nor names is invalid: selecting the whole fleet must be written
 * {@code clusterSelectors: [{}]}, never happen by omission (an empty list counts as omitted).
 */
public record PlacementSpec(
    List<ClusterSelectorTerm> clusterSelectors,
    List<String> clusterNames,
    List<String> excludeClusterNames) {

  public PlacementSpec {
    clusterSelectors = List.copyOf(clusterSelectors);
    clusterNames = List.copyOf(clusterNames);
    excludeClusterNames = List.copyOf(excludeClusterNames);
    List<Problem> problems = new ArrayList<>();
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

  /** Selects the clusters matching any of {@code terms}. */
  public static PlacementSpec selecting(ClusterSelectorTerm... terms) {
    return new PlacementSpec(List.of(terms), List.of(), List.of());
  }

  /** The same spec with {@code names} excluded. */
  public PlacementSpec excluding(List<String> names) {
    return new PlacementSpec(clusterSelectors, clusterNames, names);
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
