package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clusters a placement picked last time, as written by {@code flotilla place -o yaml|json}:
 * scheduling keeps them while they stay eligible, so decisions do not churn.
 *
 * @param placement the placement's name
 * @param namespace the placement's namespace
 * @param clusters the names picked, in decision order
 */
public record PreviousDecision(String placement, String namespace, List<String> clusters) {

  /** Validates the cluster names. */
  public PreviousDecision {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(namespace, "namespace");
    clusters = List.copyOf(clusters);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      for (String error : LabelRules.dns1123SubdomainErrors(clusters.get(i))) {
        problems.add(
            Problem.at(
                "clusters[" + i + "]", "Invalid value: \"" + clusters.get(i) + "\": " + error));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
