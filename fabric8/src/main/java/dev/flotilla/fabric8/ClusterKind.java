package dev.flotilla.fabric8;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Objects;

/**
 * A cluster-scoped kind whose objects describe member clusters, as an informer needs to name it.
 *
 * @param group the API group ({@code cluster.open-cluster-management.io})
 * @param version the version served ({@code v1})
 * @param kind the kind ({@code ManagedCluster})
 * @param plural the resource name in URLs ({@code managedclusters})
 */
public record ClusterKind(String group, String version, String kind, String plural) {
  /** Open Cluster Management's {@code ManagedCluster}. */
  public static final ClusterKind OCM_MANAGED_CLUSTER =
      new ClusterKind(
          "cluster.open-cluster-management.io", "v1", "ManagedCluster", "managedclusters");

  /** Karmada's {@code Cluster}. */
  public static final ClusterKind KARMADA_CLUSTER =
      new ClusterKind("cluster.karmada.io", "v1alpha1", "Cluster", "clusters");

  /** KubeFleet's {@code MemberCluster}. */
  public static final ClusterKind KUBEFLEET_MEMBER_CLUSTER =
      new ClusterKind("cluster.kubernetes-fleet.io", "v1beta1", "MemberCluster", "memberclusters");

  /** Requires every part. */
  public ClusterKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
  }

  /** {@code group/version}, as in an object's {@code apiVersion}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The kind as fabric8's generic client addresses it (cluster-scoped: no API discovery needed).
   */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(false)
        .build();
  }
}
