package dev.flotilla.benchmarks.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A fleet of OCM {@code ManagedCluster} objects as an informer cache holds them, generated from a
 * fixed seed: once as maps of maps (fabric8's {@code GenericKubernetesResource}, client-java's
 * dynamic objects) and once as Jackson trees. Each object is shaped as a hub shows it (labels,
 * claims, capacity, allocatable, version, four conditions), per open-cluster-management-io/api
 * cluster/v1/types.go.
 */
@State(Scope.Benchmark)
public class ClusterObjectsState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] REGIONS = {"eu-west", "eu-north", "us-east", "us-west", "ap-south"};
  private static final String[] PLATFORMS = {"AWS", "Azure", "GCP", "BareMetal"};

  @Param({"100000"})
  public int clusters;

  /** The objects as maps, lists and strings. */
  public List<Map<String, Object>> maps;

  /** The same objects as Jackson trees. */
  public List<JsonNode> nodes;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(FleetState.SEED);
    maps = new ArrayList<>(clusters);
    nodes = new ArrayList<>(clusters);
    for (int i = 0; i < clusters; i++) {
      Map<String, Object> object = managedCluster(random, i);
      maps.add(object);
      nodes.add(JSON.valueToTree(object));
    }
  }

  /** A state with {@code clusters} objects, for tests. */
  public static ClusterObjectsState of(int clusters) {
    ClusterObjectsState state = new ClusterObjectsState();
    state.clusters = clusters;
    state.setUp();
    return state;
  }

  static Map<String, Object> managedCluster(Random random, int i) {
    String region = REGIONS[random.nextInt(REGIONS.length)];
    String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
    int cpu = 4 << random.nextInt(4);
    String time = "2026-11-2" + random.nextInt(8) + "T0" + random.nextInt(10) + ":00:00Z";
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("cluster.open-cluster-management.io/clusterset", "stores-" + region);
    labels.put("env", random.nextInt(10) == 0 ? "staging" : "prod");
    labels.put("region", region);
    labels.put("zone", region + "-" + (char) ('a' + random.nextInt(3)));
    labels.put("tier", random.nextInt(4) == 0 ? "flagship" : "standard");
    labels.put("vendor", platform.equals("BareMetal") ? "k3s" : "OpenShift");
    labels.put("name", "store-" + i);
    labels.put("feature.open-cluster-management.io/addon-work-manager", "available");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("hubAcceptsClient", true);
    spec.put("leaseDurationSeconds", 60);
    if (random.nextInt(50) == 0) {
      spec.put(
          "taints", List.of(Map.of("key", "maintenance", "effect", "NoSelect", "timeAdded", time)));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put(
        "capacity", Map.of("cpu", Integer.toString(cpu), "memory", cpu * 4 + "Gi", "pods", "110"));
    status.put(
        "allocatable",
        Map.of("cpu", cpu * 1000 - 250 + "m", "memory", cpu * 4 - 1 + "Gi", "pods", "110"));
    status.put(
        "version", Map.of("kubernetes", "v1.3" + random.nextInt(2) + "." + random.nextInt(9)));
    status.put(
        "clusterClaims",
        List.of(
            claim("id.k8s.io", "0f9c" + Integer.toHexString(i) + "-4d1e-9b7a"),
            claim("kubeversion.open-cluster-management.io", "v1.31.2"),
            claim("platform.open-cluster-management.io", platform),
            claim("product.open-cluster-management.io", labels.get("vendor").toString()),
            claim("region.open-cluster-management.io", region)));
    boolean available = random.nextInt(100) != 0;
    status.put(
        "conditions",
        List.of(
            condition("HubAcceptedManagedCluster", "True", "HubClusterAdminAccepted", time),
            condition("ManagedClusterJoined", "True", "ManagedClusterJoined", time),
            condition(
                "ManagedClusterConditionAvailable",
                available ? "True" : "Unknown",
                available ? "ManagedClusterAvailable" : "ManagedClusterLeaseUpdateStopped",
                time),
            condition(
                "ManagedClusterConditionClockSynced", "True", "ManagedClusterClockSynced", time)));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", String.format("store-%06d", i));
    metadata.put("uid", "4a0b2c6e-" + i);
    metadata.put("resourceVersion", Integer.toString(100_000 + i));
    metadata.put("creationTimestamp", time);
    metadata.put("labels", labels);
    metadata.put("annotations", Map.of("open-cluster-management.io/cleanup-priority", "10"));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "cluster.open-cluster-management.io/v1");
    object.put("kind", "ManagedCluster");
    object.put("metadata", metadata);
    object.put("spec", spec);
    object.put("status", status);
    return object;
  }

  private static Map<String, Object> claim(String name, String value) {
    return Map.of("name", name, "value", value);
  }

  private static Map<String, Object> condition(
      String type, String status, String reason, String time) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", type);
    out.put("status", status);
    out.put("reason", reason);
    out.put("message", "reported by the registration agent");
    out.put("lastTransitionTime", time);
    return out;
  }
}
