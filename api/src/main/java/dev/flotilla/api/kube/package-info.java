/**
 * Kubernetes cluster objects to {@link dev.flotilla.api.Cluster}s, read where they are (a {@code
 * JsonNode} or a {@code Map}), never serialized: {@link dev.flotilla.api.kube.ClusterObjects}. The
 * inventory reader uses the same mappings for files.
 *
 * <p>The standard mappings ({@link dev.flotilla.api.kube.ClusterObjects#standard()}); every kind
 * also takes {@code metadata.name} as the name and {@code metadata.labels} and {@code
 * metadata.annotations} as they are:
 *
 * <table>
 *   <caption>Cluster objects and the clusters they become</caption>
 *   <tr><th>object</th><th>field</th><th>becomes</th></tr>
 *   <tr><td rowspan="8">OCM {@code ManagedCluster} ({@code cluster.open-cluster-management.io/*})</td>
 *       <td>{@code spec.taints}</td><td>taints (effects {@code NoSelect}, {@code PreferNoSelect},
 *       {@code NoSelectIfNew}; {@code timeAdded}, Go's zero time {@code 0001-01-01T00:00:00Z}
 *       when missing or null, as OCM reads it)</td></tr>
 *   <tr><td>{@code status.allocatable.<r>}</td><td>property {@code <r>} ({@code cpu},
 *       {@code memory}), and {@code resources.flotilla.dev/allocatable-<r>}</td></tr>
 *   <tr><td>{@code status.capacity.<r>}</td><td>property {@code
 *       resources.flotilla.dev/capacity-<r>}</td></tr>
 *   <tr><td>{@code status.clusterClaims[].name/value}</td><td>property named as the claim (up to
 *       253 characters); property {@code claims.flotilla.dev/names} lists the claim names in
 *       order, comma-separated</td></tr>
 *   <tr><td>{@code metadata.deletionTimestamp}</td><td>property {@code
 *       metadata.flotilla.dev/deletionTimestamp}</td></tr>
 *   <tr><td>{@code status.version.kubernetes}</td><td>property {@code kubernetesVersion}</td></tr>
 *   <tr><td>condition {@code ManagedClusterConditionAvailable}</td><td>property {@code
 *       condition.flotilla.dev/ManagedClusterConditionAvailable} = its status</td></tr>
 *   <tr><td>the same condition missing or {@code Unknown} / {@code False}</td><td>taint {@code
 *       cluster.open-cluster-management.io/unreachable} / {@code .../unavailable}, {@code
 *       NoSelect}, unless already there (as OCM's hub taint controller does)</td></tr>
 *   <tr><td rowspan="8">Karmada {@code Cluster} ({@code cluster.karmada.io/*})</td>
 *       <td>{@code spec.provider}, {@code spec.region}, {@code spec.zone}</td><td>properties
 *       {@code provider}, {@code region}, {@code zone}</td></tr>
 *   <tr><td>{@code spec.zones}</td><td>property {@code zones}, comma-separated</td></tr>
 *   <tr><td>{@code spec.taints}</td><td>taints: {@code NoSchedule} becomes {@code
 *       NoSelectIfNew} (Karmada's scheduler keeps clusters a binding targets), {@code NoExecute}
 *       becomes {@code NoSelect}, {@code PreferNoSchedule} becomes {@code PreferNoSelect}; {@code
 *       metadata.deletionTimestamp} becomes property {@code
 *       metadata.flotilla.dev/deletionTimestamp}; {@code status.apiEnablements} becomes properties
 *       {@code apis.flotilla.dev/<groupVersion>} (its kinds, comma-separated)</td></tr>
 *   <tr><td>{@code status.kubernetesVersion}</td><td>property {@code kubernetesVersion}</td></tr>
 *   <tr><td>{@code status.resourceSummary.allocatable.<r>}</td><td>property {@code
 *       <r>}</td></tr>
 *   <tr><td>{@code status.resourceSummary.allocating/allocated.<r>}</td><td>property {@code
 *       resources.flotilla.dev/allocating-<r>} / {@code allocated-<r>}</td></tr>
 *   <tr><td>condition {@code Ready}</td><td>property {@code condition.flotilla.dev/Ready}</td></tr>
 *   <tr><td>{@code Ready} {@code False} or missing / {@code Unknown}</td><td>taint {@code
 *       cluster.karmada.io/not-ready} / {@code cluster.karmada.io/unreachable}, {@code
 *       NoSelectIfNew} (Karmada's {@code NoSchedule}), unless already there (as Karmada's cluster
 *       controller does)</td></tr>
 *   <tr><td rowspan="5">KubeFleet {@code MemberCluster} ({@code cluster.kubernetes-fleet.io/*},
 *       {@code v1} and {@code v1beta1})</td>
 *       <td>{@code spec.taints}</td><td>taints ({@code NoSchedule} becomes {@code
 *       NoSelect})</td></tr>
 *   <tr><td>{@code status.properties.<name>.value}</td><td>property {@code <name>}
 *       ({@code kubernetes-fleet.io/node-count}, {@code
 *       kubernetes.azure.com/vm-sizes/<sku>/count})</td></tr>
 *   <tr><td>{@code status.resourceUsage.capacity/allocatable/available.<r>}</td><td>property
 *       {@code resources.kubernetes-fleet.io/total-<r>} / {@code allocatable-<r>} / {@code
 *       available-<r>}</td></tr>
 *   <tr><td>condition {@code Joined}</td><td>property {@code
 *       condition.flotilla.dev/Joined}</td></tr>
 *   <tr><td>{@code metadata.deletionTimestamp}, {@code status.agentStatus[type=MemberAgent]}
 *       ({@code lastReceivedHeartbeat}, conditions {@code Joined} and {@code Healthy})</td>
 *       <td>KubeFleet's eligibility as {@code NoSelectIfNew} taints {@code
 *       cluster.kubernetes-fleet.io/left}, {@code member-agent-absent}, {@code
 *       heartbeat-timeout} (taking effect 5 minutes after the heartbeat), {@code
 *       member-agent-not-joined}, {@code health-unknown}, {@code unhealthy} (5 minutes after
 *       the transition); see {@link dev.flotilla.api.kube.ClusterObjectMapping.KubeFleetEligibility}</td></tr>
 *   <tr><td>KubeFleet {@code InternalMemberCluster}</td><td>as {@code MemberCluster}, without
 *       taints; {@code Joined} from {@code status.agentStatus[type=MemberAgent].conditions}</td>
 *       <td>the same properties</td></tr>
 *   <tr><td>Flotilla {@code Cluster} (no {@code apiVersion}, or {@code flotilla.dev/*})</td>
 *       <td>{@code name} or {@code metadata.name}, {@code labels}, {@code annotations}, {@code
 *       properties}, {@code taints}</td><td>the same; unknown fields are problems</td></tr>
 *   <tr><td>any other kind</td><td>metadata</td><td>name, labels, annotations</td></tr>
 * </table>
 *
 * <p>Derived taints need a {@code status.conditions} list: an object without one (a hand-written
 * inventory, a status never reported) gets none, since the hub's controller then writes the taint
 * into the object itself.
 *
 * <p>Property names follow one rule wherever they appear, inventories and policies alike (see
 * {@link dev.flotilla.api.Cluster}). A missing or null field maps to nothing; a field of the wrong
 * type is a problem with its path. Other kinds are mapped with a {@link
 * dev.flotilla.api.kube.ClusterObjectMapping}.
 */
package dev.flotilla.api.kube;
