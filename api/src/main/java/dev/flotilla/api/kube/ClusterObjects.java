package dev.flotilla.api.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.objects.ClusterMapper;
import dev.flotilla.api.internal.objects.JsonTree;
import dev.flotilla.api.internal.objects.MapTree;
import dev.flotilla.api.kube.ClusterObjectMapping.ConditionStatus;
import dev.flotilla.api.kube.ClusterObjectMapping.TaintSpelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns Kubernetes cluster objects, as a client holds them, into {@link Cluster}s: no
 * serialization, the object is read where it is. Give it a {@code JsonNode} (fabric8's and
 * Jackson's trees) or a {@code Map} of maps, lists and scalars (fabric8's {@code
 * GenericKubernetesResource.getAdditionalProperties()}, client-java's dynamic objects, informer
 * caches).
 *
 * <pre>{@code
 * ClusterObjects objects = ClusterObjects.standard();
 * Cluster cluster = objects.toCluster(informerObject);          // throws ValidationException
 * MappedClusters all = objects.toClusters(lister.list());       // bad objects become problems
 * }</pre>
 *
 * <p>{@link #standard()} knows Flotilla's {@code Cluster}, OCM's {@code ManagedCluster}, Karmada's
 * {@code Cluster} and KubeFleet's {@code MemberCluster} and {@code InternalMemberCluster} (the
 * package documentation has the table); any other kind contributes its metadata. {@link #with} adds
 * a declarative mapping for another kind, or replaces one. Immutable and thread-safe.
 */
public final class ClusterObjects {
  /** The property name prefix for resource amounts that Flotilla names. */
  public static final String RESOURCES_PREFIX = "resources.flotilla.dev/";

  /**
   * KubeFleet's prefix for resource properties ({@code
   * propertyprovider.ResourcePropertyNamePrefix}).
   */
  public static final String KUBEFLEET_RESOURCES_PREFIX = "resources.kubernetes-fleet.io/";

  /**
   * The property listing an OCM {@code ManagedCluster}'s claim names, in {@code
   * status.clusterClaims} order, joined with commas (claim names hold no commas).
   */
  public static final String OCM_CLAIM_NAMES = "claims.flotilla.dev/names";

  /** The property holding a cluster object's {@code metadata.deletionTimestamp}, when set. */
  public static final String DELETION_TIMESTAMP = "metadata.flotilla.dev/deletionTimestamp";

  /**
   * The prefix of the properties a Karmada {@code Cluster}'s {@code status.apiEnablements} become:
   * {@code apis.flotilla.dev/<groupVersion>} holds that group version's kinds, comma-separated.
   */
  public static final String KARMADA_APIS = "apis.flotilla.dev/";

  private static final ClusterObjects STANDARD =
      new ClusterObjects(ClusterMapper.of(standardMappings()));

  private final ClusterMapper mapper;

  private ClusterObjects(ClusterMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The mappings of Flotilla's {@code Cluster}, OCM {@code ManagedCluster}, Karmada {@code
   * Cluster}, KubeFleet {@code MemberCluster} and {@code InternalMemberCluster}; any other kind:
   * metadata only.
   */
  public static ClusterObjects standard() {
    return STANDARD;
  }

  /** The standard mappings, as declarative data (Flotilla's own kind is built in). */
  public static List<ClusterObjectMapping> standardMappings() {
    List<ClusterObjectMapping> out = new ArrayList<>();
    String conditions = "status.conditions";
    // OCM: open-cluster-management-io/api cluster/v1/types.go. The two taints are what OCM's
    // registration hub adds (ocm pkg/registration/hub/taint/controller.go): unreachable when the
    // Available condition is missing or Unknown, unavailable when it is False, both NoSelect.
    String available = "ManagedClusterConditionAvailable";
    out.add(
        ClusterObjectMapping.forKind("cluster.open-cluster-management.io/*", "ManagedCluster")
            .taints("spec.taints", TaintSpelling.OpenClusterManagement)
            .properties("status.capacity", RESOURCES_PREFIX + "capacity-")
            // Also under a name of its own: a claim may share a resource's name (see below).
            .propertiesAlsoAs("status.allocatable", RESOURCES_PREFIX + "allocatable-")
            // The claim names, in order: OCM's claim selectors and CEL see claims only.
            .propertyList("status.clusterClaims", "name", "value", OCM_CLAIM_NAMES)
            .property("kubernetesVersion", "status.version.kubernetes")
            // OCM never schedules a cluster being deleted (ocm pkg/placement/controllers/
            // scheduling/helpers.go, GetAvailableClusters).
            .property(DELETION_TIMESTAMP, "metadata.deletionTimestamp")
            .condition(conditions, available)
            .conditionTaint(
                conditions,
                available,
                Set.of(ConditionStatus.Absent, ConditionStatus.Unknown),
                "cluster.open-cluster-management.io/unreachable",
                TaintEffect.NoSelect)
            .conditionTaint(
                conditions,
                available,
                Set.of(ConditionStatus.False),
                "cluster.open-cluster-management.io/unavailable",
                TaintEffect.NoSelect)
            .build());
    // Karmada: karmada pkg/apis/cluster/v1alpha1/types.go. The taints are the cluster
    // controller's taintClusterByCondition (pkg/controllers/cluster/cluster_controller.go):
    // not-ready when Ready is False or missing, unreachable when Unknown, both NoSchedule, which
    // Karmada's scheduler reads as Flotilla's NoSelectIfNew (TaintSpelling.Karmada). A deleting
    // cluster is never scheduled to (pkg/scheduler/core/generic_scheduler.go, findClustersThatFit):
    // its deletionTimestamp becomes a property that Karmada's policies test.
    out.add(
        ClusterObjectMapping.forKind("cluster.karmada.io/*", "Cluster")
            .property(DELETION_TIMESTAMP, "metadata.deletionTimestamp")
            .apiEnablements("status.apiEnablements", KARMADA_APIS)
            .property("provider", "spec.provider")
            .property("region", "spec.region")
            .property("zone", "spec.zone")
            .property("zones", "spec.zones")
            .taints("spec.taints", TaintSpelling.Karmada)
            .property("kubernetesVersion", "status.kubernetesVersion")
            .properties("status.resourceSummary.allocatable")
            .properties("status.resourceSummary.allocating", RESOURCES_PREFIX + "allocating-")
            .properties("status.resourceSummary.allocated", RESOURCES_PREFIX + "allocated-")
            .condition(conditions, "Ready")
            .conditionTaint(
                conditions,
                "Ready",
                Set.of(ConditionStatus.False, ConditionStatus.Absent),
                "cluster.karmada.io/not-ready",
                TaintEffect.NoSelectIfNew)
            .conditionTaint(
                conditions,
                "Ready",
                Set.of(ConditionStatus.Unknown),
                "cluster.karmada.io/unreachable",
                TaintEffect.NoSelectIfNew)
            .build());
    // KubeFleet: kubefleet apis/cluster/v1beta1 (and v1) membercluster_types.go, commons.go;
    // resource property names from pkg/propertyprovider/commons.go.
    for (String kind : List.of("MemberCluster", "InternalMemberCluster")) {
      ClusterObjectMapping.Builder fleet =
          ClusterObjectMapping.forKind("cluster.kubernetes-fleet.io/*", kind);
      if (kind.equals("MemberCluster")) {
        fleet.taints("spec.taints", TaintSpelling.Kubernetes);
        // The clusters KubeFleet's scheduler never picks (clustereligibilitychecker/checker.go).
        fleet.kubeFleetEligibility("status.agentStatus");
      }
      fleet
          .propertyObjects("status.properties", "value")
          .properties("status.resourceUsage.capacity", KUBEFLEET_RESOURCES_PREFIX + "total-")
          .properties(
              "status.resourceUsage.allocatable", KUBEFLEET_RESOURCES_PREFIX + "allocatable-")
          .properties("status.resourceUsage.available", KUBEFLEET_RESOURCES_PREFIX + "available-");
      // The hub sets Joined on a MemberCluster; an InternalMemberCluster carries it per agent.
      fleet.condition(
          kind.equals("MemberCluster")
              ? conditions
              : "status.agentStatus[type=MemberAgent].conditions",
          "Joined");
      out.add(fleet.build());
    }
    return List.copyOf(out);
  }

  /**
   * These mappings plus {@code mapping}, which replaces a mapping for the same {@code apiVersion}
   * and {@code kind}. An exact {@code apiVersion} is preferred to a {@code group/*} one.
   */
  public ClusterObjects with(ClusterObjectMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    return new ClusterObjects(mapper.with(mapping));
  }

  /**
   * These mappings plus each of {@code mappings} in order (as {@link #with(ClusterObjectMapping)}),
   * such as the ones {@link dev.flotilla.api.io.ClusterObjectMappingReader} reads.
   */
  public ClusterObjects with(List<ClusterObjectMapping> mappings) {
    ClusterMapper out = mapper;
    for (ClusterObjectMapping mapping : mappings) {
      out = out.with(Objects.requireNonNull(mapping, "mapping"));
    }
    return new ClusterObjects(out);
  }

  /** The mappings in use, besides Flotilla's own kind. */
  public List<ClusterObjectMapping> mappings() {
    return mapper.mappings();
  }

  /**
   * The cluster an object describes.
   *
   * @throws ValidationException listing every problem; each names the object ({@code ManagedCluster
   *     "cluster1"}) as its source and has the field path ({@code status.clusterClaims[2].name})
   */
  public Cluster toCluster(JsonNode object) {
    Objects.requireNonNull(object, "object");
    return mapper.map(JsonTree.INSTANCE, object).clusterOrThrow();
  }

  /**
   * The cluster an object given as maps, lists and scalars describes ({@code Map}, {@code List},
   * {@code String}, {@code Number}, {@code Boolean}, null).
   *
   * @throws ValidationException as {@link #toCluster(JsonNode)}
   */
  public Cluster toCluster(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    return mapper.map(MapTree.INSTANCE, (Object) object).clusterOrThrow();
  }

  /**
   * The clusters of many objects ({@code JsonNode}s or {@code Map}s, mixed as you like). An object
   * that cannot be mapped is one problem, its source naming the object and its index ({@code [3]
   * ManagedCluster "c1"}), its path the first field at fault and its message every problem; the
   * other objects are still mapped. A name used twice is a problem at the second object.
   */
  public MappedClusters toClusters(Iterable<?> objects) {
    Objects.requireNonNull(objects, "objects");
    List<Cluster> clusters = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (Object object : objects) {
      if (!(object instanceof JsonNode) && !(object instanceof Map)) {
        problems.add(
            new Problem(
                "[" + index + "]",
                0,
                0,
                "",
                "wrong type: expected a JsonNode or a Map, got "
                    + (object == null ? "null" : object.getClass().getName())));
        index++;
        continue;
      }
      ClusterMapper.Outcome outcome =
          object instanceof JsonNode node
              ? mapper.map(JsonTree.INSTANCE, node)
              : mapper.map(MapTree.INSTANCE, object);
      String source = "[" + index + "] " + outcome.naming();
      if (outcome.cluster() == null) {
        problems.add(outcome.oneProblem(source, "", false));
      } else {
        Integer first = seen.putIfAbsent(outcome.cluster().name(), index);
        if (first != null) {
          problems.add(
              new Problem(
                  source,
                  0,
                  0,
                  "metadata.name",
                  "Duplicate value: \""
                      + outcome.cluster().name()
                      + "\": the cluster name is already used by object ["
                      + first
                      + "]"));
        } else {
          clusters.add(outcome.cluster());
        }
      }
      index++;
    }
    return new MappedClusters(clusters, problems);
  }
}
