package dev.flotilla.api.placement;

/** How {@code Divided} replicas are divided (Karmada's {@code replicaDivisionPreference}). */
public enum ReplicaDivision {
  /** By weights: static ({@code staticWeights}) or each cluster's available replicas. */
  Weighted,
  /** On as few clusters as hold them, most available replicas first. */
  Aggregated
}
