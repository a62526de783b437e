package dev.flotilla.api.kube;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The clusters mapped from a list of objects, and one problem for each object that could not be
 * mapped (its source names the object, its path the field).
 *
 * @param clusters the clusters, in the order of their objects
 * @param problems one problem per bad object, in the order of the objects
 */
public record MappedClusters(List<Cluster> clusters, List<Problem> problems) {
  /** Copies both lists. */
  public MappedClusters {
    clusters = List.copyOf(Objects.requireNonNull(clusters, "clusters"));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /** True when every object was mapped. */
  public boolean complete() {
    return problems.isEmpty();
  }
}
