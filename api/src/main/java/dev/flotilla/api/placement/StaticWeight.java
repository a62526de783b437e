package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A weight for the picked clusters a target matches. A cluster matches when it is not in {@code
 * excludeClusterNames}, is in {@code clusterNames} (when that list is not empty) and matches {@code
 * clusterSelector}: the parts are ANDed, as in Karmada's {@code ClusterAffinity}. A cluster's
 * weight is the highest of the weights whose target it matches; 0 when none.
 *
 * @param clusterSelector the term a cluster must match ({@code {}} matches every cluster)
 * @param clusterNames when not empty, the only clusters that match
 * @param excludeClusterNames clusters that never match
 * @param weight at least 1
 */
public record StaticWeight(
    ClusterSelectorTerm clusterSelector,
    List<String> clusterNames,
    List<String> excludeClusterNames,
    long weight) {

  /** Validates names and weight. */
  public StaticWeight {
    Objects.requireNonNull(clusterSelector, "clusterSelector");
    clusterNames = List.copyOf(clusterNames);
    excludeClusterNames = List.copyOf(excludeClusterNames);
    List<Problem> problems = new ArrayList<>();
    if (weight < 1) {
      problems.add(Problem.at("weight", "Invalid value: " + weight + ": must be at least 1"));
    }
    names("clusterNames", clusterNames, problems);
    names("excludeClusterNames", excludeClusterNames, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static void names(String field, List<String> names, List<Problem> problems) {
    for (int i = 0; i < names.size(); i++) {
      for (String error : LabelRules.dns1123SubdomainErrors(names.get(i))) {
        problems.add(
            Problem.at(field + "[" + i + "]", "Invalid value: \"" + names.get(i) + "\": " + error));
      }
    }
  }
}
