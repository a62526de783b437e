package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Places a workload's replicas on the eligible clusters, as Karmada's scheduler does; the total is
 * the caller's (a workload's {@code spec.replicas}), given with the scheduling context.
 *
 * <p>A cluster's <em>available replicas</em> are its allocatable pods less those allocated and
 * allocating: the properties {@code pods}, {@code resources.flotilla.dev/allocated-pods} and {@code
 * resources.flotilla.dev/allocating-pods} (missing ones count 0; never below 0), which is what
 * Karmada's general estimator gives a workload without resource requests. With a total of 0, every
 * cluster has unlimited available replicas.
 *
 * <ol>
 *   <li>Order: available replicas, most first, then name.
 *   <li>With {@code maxClusters}: fewer eligible clusters than {@code minClusters} (default 1)
 *       fails; otherwise the first {@code min(eligible, maxClusters)} are taken (for {@code
 *       Divided}, the last of them are swapped, from the end, for clusters with more available
 *       replicas until they hold the total; if they cannot, the decision fails).
 *   <li>{@code Duplicated}: every taken cluster runs the total.
 *   <li>{@code Divided}, {@code Weighted} without {@code dynamicWeight}: the total is divided by
 *       Webster's method (Sainte-Laguë) over the clusters' static weights (the highest weight whose
 *       target matches; clusters of weight 0 get none; if every weight is 0, each is 1).
 *   <li>{@code Divided} with {@code dynamicWeight: AvailableReplicas}, or {@code Aggregated}: the
 *       clusters' available replicas must hold the total, else the decision fails; {@code
 *       Aggregated} keeps the fewest clusters, most available first, that hold it; Webster's method
 *       then divides the total with available replicas as weights.
 *   <li>Ties in Webster's method go to the cluster with fewer replicas, then to the lower name, or,
 *       when the resource UID given has an odd FNV-32a hash, to the higher name.
 *   <li>Clusters given no replicas are not in the decision (a total of 0 lists them all).
 * </ol>
 *
 * @param type Duplicated or Divided
 * @param division Weighted or Aggregated (read for Divided only)
 * @param staticWeights weights by target, for Divided Weighted
 * @param dynamicWeight whether Divided Weighted divides by available replicas
 * @param minClusters fewest clusters to take (with maxClusters), at least 1
 * @param maxClusters most clusters to take; absent: every eligible cluster
 */
public record ReplicaScheduling(
    ReplicaSchedulingType type,
    ReplicaDivision division,
    List<StaticWeight> staticWeights,
    boolean dynamicWeight,
    OptionalInt minClusters,
    OptionalInt maxClusters) {

  /** The property holding a cluster's allocatable pods. */
  public static final String PODS = "pods";

  /** The property holding a cluster's allocated pods. */
  public static final String ALLOCATED_PODS = "resources.flotilla.dev/allocated-pods";

  /** The property holding a cluster's allocating pods. */
  public static final String ALLOCATING_PODS = "resources.flotilla.dev/allocating-pods";

  /** Validates the bounds. */
  public ReplicaScheduling {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(division, "division");
    staticWeights = List.copyOf(staticWeights);
    Objects.requireNonNull(minClusters, "minClusters");
    Objects.requireNonNull(maxClusters, "maxClusters");
    List<Problem> problems = new ArrayList<>();
    if (minClusters.isPresent() && minClusters.getAsInt() < 1) {
      problems.add(
          Problem.at(
              "minClusters", "Invalid value: " + minClusters.getAsInt() + ": must be at least 1"));
    }
    if (minClusters.isPresent() && maxClusters.isEmpty()) {
      problems.add(Problem.at("maxClusters", "Required value: minClusters needs maxClusters"));
    }
    if (maxClusters.isPresent() && maxClusters.getAsInt() < 0) {
      problems.add(
          Problem.at(
              "maxClusters", "Invalid value: " + maxClusters.getAsInt() + ": must be at least 0"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Every picked cluster runs all the replicas. */
  public static ReplicaScheduling duplicated() {
    return new ReplicaScheduling(
        ReplicaSchedulingType.Duplicated,
        ReplicaDivision.Weighted,
        List.of(),
        false,
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** Divides the replicas by these static weights (empty: equal weights). */
  public static ReplicaScheduling staticWeights(List<StaticWeight> weights) {
    return new ReplicaScheduling(
        ReplicaSchedulingType.Divided,
        ReplicaDivision.Weighted,
        weights,
        false,
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** Divides the replicas by each cluster's available replicas. */
  public static ReplicaScheduling byAvailable() {
    return new ReplicaScheduling(
        ReplicaSchedulingType.Divided,
        ReplicaDivision.Weighted,
        List.of(),
        true,
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** Packs the replicas on the fewest clusters, most available replicas first. */
  public static ReplicaScheduling aggregated() {
    return new ReplicaScheduling(
        ReplicaSchedulingType.Divided,
        ReplicaDivision.Aggregated,
        List.of(),
        false,
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** The same scheduling, taking between {@code min} and {@code max} clusters. */
  public ReplicaScheduling withClusters(int min, int max) {
    return new ReplicaScheduling(
        type, division, staticWeights, dynamicWeight, OptionalInt.of(min), OptionalInt.of(max));
  }

  /** Whether the total is divided by available replicas (dynamic weight or aggregated). */
  public boolean byAvailableReplicas() {
    return type == ReplicaSchedulingType.Divided
        && (division == ReplicaDivision.Aggregated || dynamicWeight);
  }
}
