package dev.flotilla.api.placement;

/**
 * How scheduling ranks the eligible clusters before it picks {@code numberOfClusters} of them.
 * Either way the order is total and deterministic.
 */
public enum Ordering {
  /**
   * Flotilla's default: clusters picked by the previous decision first (while still eligible), then
   * higher total score, then the rendezvous weight of (placement, cluster), then name. Keeps
   * decisions steady and spreads the placements of a fleet over its clusters.
   */
  Sticky,
  /**
   * Higher total score first, ties by cluster name; a previous decision counts only through
   * prioritizers such as {@link Prioritizer.PreviouslyPicked} (and {@code NoSelectIfNew} taints).
   * This is Open Cluster Management's order (its scheduler sorts by score, then name).
   */
  ScoreThenName,
  /**
   * Higher total score first; among equal scores, clusters of the previous decision first, then
   * names in descending order. This is KubeFleet's order: its scheduler sorts by score (with a last
   * component for clusters that already hold a binding of the placement), then name, and reverses
   * the list (kubefleet pkg/scheduler/framework/score.go, frameworkutils.go).
   */
  ScoreThenNameDescending
}
