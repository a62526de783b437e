package dev.flotilla.api.placement;

/** How a toleration compares a taint's value (Kubernetes' names). */
public enum TolerationOperator {
  /** The taint's value must equal the toleration's. */
  Equal,
  /** Any value; with an empty key, any taint. */
  Exists
}
