package dev.flotilla.api.placement;

/**
 * How scheduling orders clusters whose scores are equal, after clusters kept from the previous
 * decision and higher scores. Names are unique, so every choice gives a total order.
 */
public enum TieBreak {
  /**
   * The rendezvous (highest random weight) hash of placement and cluster, then the name: ties
   * spread evenly over the fleet and adding or removing a cluster never reorders the others. The
   * default.
   */
  Rendezvous,
  /** The cluster name, in ascending (byte) order: {@code a} before {@code b}. */
  NameAscending,
  /**
   * The cluster name, in descending (byte) order: {@code b} before {@code a}, as KubeFleet's
   * scheduler picks among equal scores (it sorts ascending by score and name, then reverses).
   */
  NameDescending
}
