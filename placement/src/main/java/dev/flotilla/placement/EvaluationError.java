package dev.flotilla.placement;

/**
 * A CEL expression that failed at runtime on one cluster (a missing key, an overflow, a limit): the
 * cluster is not selected, and the error is reported rather than thrown.
 *
 * @param cluster the cluster's name
 * @param path the expression's field path, such as {@code
 *     spec.clusterSelectors[0].celSelector.expressions[1]}
 * @param message what went wrong
 */
public record EvaluationError(String cluster, String path, String message) {}
