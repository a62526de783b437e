package dev.flotilla.api.placement;

/**
 * How a workload's replicas go to the picked clusters (Karmada's {@code replicaSchedulingType}).
 */
public enum ReplicaSchedulingType {
  /** Every picked cluster runs all the replicas. */
  Duplicated,
  /** The replicas are divided among the picked clusters. */
  Divided
}
