package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code ocm.managedCluster(cluster)}: the cluster as Open Cluster Management's CEL selectors see
 * their {@code managedCluster} variable, rebuilt from a cluster mapped from a {@code
 * ManagedCluster} (see {@code dev.flotilla.api.kube}). OCM hands CEL the object converted to
 * unstructured JSON (sdk-go pkg/cel/common, {@code ConvertObjectToUnstructured}), so empty maps and
 * lists are left out ({@code omitempty}), quantities are in their canonical form, and {@code
 * status.version} is always there. Carried: {@code metadata.name}, {@code metadata.labels}, {@code
 * metadata.annotations}, {@code status.clusterClaims} (in order; a claim with an empty value has no
 * {@code value}), {@code status.allocatable}, {@code status.capacity} and {@code
 * status.version.kubernetes}; the OCM placement reader refuses expressions that read anything else.
 */
final class OcmManagedClusterLibrary {
  static final String FUNCTION = "ocm.managedCluster";
  private static final String ALLOCATABLE = ClusterObjects.RESOURCES_PREFIX + "allocatable-";
  private static final String CAPACITY = ClusterObjects.RESOURCES_PREFIX + "capacity-";

  private OcmManagedClusterLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            FUNCTION,
            CelOverloadDecl.newGlobalOverload(
                "ocm_managed_cluster",
                MapType.create(SimpleType.STRING, SimpleType.DYN),
                SimpleType.DYN)));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(
            "ocm_managed_cluster", Map.class, OcmManagedClusterLibrary::managedCluster));
  }

  /** The {@code managedCluster} value of a {@code cluster} variable value. */
  static Map<String, Object> managedCluster(Map<?, ?> cluster) {
    Map<?, ?> labels = map(cluster.get("labels"));
    Map<?, ?> annotations = map(cluster.get("annotations"));
    Map<?, ?> properties = map(cluster.get("properties"));
    CostMeter.charge(1 + properties.size());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", cluster.get("name"));
    if (!labels.isEmpty()) {
      metadata.put("labels", labels);
    }
    if (!annotations.isEmpty()) {
      metadata.put("annotations", annotations);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    Object names = properties.get(ClusterObjects.OCM_CLAIM_NAMES);
    if (names instanceof String text && !text.isEmpty()) {
      List<Object> claims = new ArrayList<>();
      for (String name : text.split(",", -1)) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("name", name);
        Object value = properties.get(name);
        if (value instanceof String v && !v.isEmpty()) {
          claim.put("value", v);
        }
        claims.add(claim);
      }
      status.put("clusterClaims", claims);
    }
    Map<String, Object> allocatable = resources(properties, ALLOCATABLE);
    if (!allocatable.isEmpty()) {
      status.put("allocatable", allocatable);
    }
    Map<String, Object> capacity = resources(properties, CAPACITY);
    if (!capacity.isEmpty()) {
      status.put("capacity", capacity);
    }
    Map<String, Object> version = new LinkedHashMap<>();
    if (properties.get("kubernetesVersion") instanceof String v && !v.isEmpty()) {
      version.put("kubernetes", v);
    }
    status.put("version", version);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metadata", metadata);
    out.put("status", status);
    return out;
  }

  /** The properties under {@code prefix}, renamed without it, quantities made canonical. */
  private static Map<String, Object> resources(Map<?, ?> properties, String prefix) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<?, ?> entry : properties.entrySet()) {
      if (entry.getKey() instanceof String key
          && key.startsWith(prefix)
          && entry.getValue() instanceof String value) {
        Optional<Quantity> quantity = Quantity.tryParse(value);
        out.put(key.substring(prefix.length()), quantity.map(Quantity::toString).orElse(value));
      }
    }
    return out;
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }
}
