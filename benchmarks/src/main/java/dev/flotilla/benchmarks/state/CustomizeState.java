package dev.flotilla.benchmarks.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A seeded fleet, a ~2 KB Deployment and one customization of six rules: registry by region,
 * replicas from cpu, a zone label, env from properties, a JSON patch for prod clusters, and a
 * delete for the {@code arm-gateway} hardware class. Built once per trial.
 */
@State(Scope.Benchmark)
public class CustomizeState {
  /** The customization the benchmark applies. */
  public static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Customization
      metadata: {name: web-edge, namespace: shop}
      spec:
        resourceSelectors: [{apiVersion: apps/v1, kind: Deployment}]
        rules:
        - name: registry-by-region
          clusterSelector: {}
          image:
            registry: "registry.${cluster.labels['topology.kubernetes.io/region']}.example.com"
        - name: replicas-from-cpu
          clusterSelector: {}
          replicas: "${ quantity(cluster.properties.cpu).isGreaterThan(quantity('8')) ? 3 : 1 }"
        - name: zone-label
          clusterSelector: {labelSelector: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: Exists}]}}
          labels:
            add: {topology.kubernetes.io/zone: "${cluster.labels['topology.kubernetes.io/zone']}"}
        - name: env-from-properties
          clusterSelector: {}
          env:
          - container: web
            set:
              STORAGE: "${cluster.properties.storage}"
              GPUS: "${cluster.properties.gpu}"
        - name: prod-memory
          clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
          jsonPatch:
          - {op: test, path: /spec/template/spec/containers/0/name, value: web}
          - {op: replace, path: /spec/template/spec/containers/0/resources/limits/memory, value: "${ cluster.properties.memory == '4Gi' ? '1Gi' : '2Gi' }"}
        - name: no-arm-gateways
          clusterSelector: {labelSelector: {matchLabels: {hardware: arm-gateway}}}
          delete: true
      """;

  /** A Deployment of about 2 KB as JSON. */
  public static final String DEPLOYMENT =
      """
      {"apiVersion": "apps/v1", "kind": "Deployment",
       "metadata": {"name": "web", "namespace": "shop",
         "labels": {"app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop",
                    "app.kubernetes.io/version": "1.8.3"},
         "annotations": {"flotilla.dev/owner": "team-shop", "deployment.kubernetes.io/revision": "12"}},
       "spec": {"replicas": 2, "revisionHistoryLimit": 5,
         "selector": {"matchLabels": {"app.kubernetes.io/name": "web"}},
         "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}},
         "template": {
           "metadata": {"labels": {"app.kubernetes.io/name": "web", "app.kubernetes.io/part-of": "shop"},
                        "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9090"}},
           "spec": {"serviceAccountName": "web", "terminationGracePeriodSeconds": 30,
             "securityContext": {"runAsNonRoot": true, "runAsUser": 10001, "fsGroup": 10001},
             "initContainers": [{"name": "migrate", "image": "shop/web-migrate:1.8.3",
               "command": ["/bin/migrate", "--wait", "--timeout=120s"]}],
             "containers": [
               {"name": "web", "image": "shop/web:1.8.3",
                "args": ["--listen=:8080", "--metrics=:9090", "--log-format=json"],
                "ports": [{"name": "http", "containerPort": 8080}, {"name": "metrics", "containerPort": 9090}],
                "env": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "CACHE_SIZE", "value": "256Mi"},
                        {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
                "resources": {"requests": {"cpu": "250m", "memory": "512Mi"},
                              "limits": {"cpu": "1", "memory": "1Gi"}},
                "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}, "periodSeconds": 5},
                "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}, "initialDelaySeconds": 10},
                "volumeMounts": [{"name": "config", "mountPath": "/etc/web"}, {"name": "cache", "mountPath": "/var/cache/web"}]},
               {"name": "log-shipper", "image": "fluent/fluent-bit:3.1",
                "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}},
                "volumeMounts": [{"name": "varlog", "mountPath": "/var/log"}]}],
             "volumes": [{"name": "config", "configMap": {"name": "web-config"}},
                         {"name": "cache", "emptyDir": {"sizeLimit": "1Gi"}},
                         {"name": "varlog", "hostPath": {"path": "/var/log"}}],
             "tolerations": [{"key": "maintenance", "operator": "Exists", "effect": "NoSchedule"}]}}}}
      """;

  @Param({"100000"})
  public int clusters;

  public List<Cluster> fleet;
  public Inventory inventory;
  public RuleSet rules;

  /** {@link #rules} with no template cache: every call evaluates every template afresh. */
  public RuleSet uncached;

  public JsonNode deployment;
  public List<JsonNode> manifests;

  /** The first cluster of the fleet that keeps the Deployment. */
  public Cluster one;

  /** The clusters that keep the Deployment, which {@code applyOne} visits in turn. */
  public Cluster[] kept;

  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    fleet = FleetGenerator.builder().seed(FleetState.SEED).clusters(clusters).build().generate();
    inventory = Inventory.of(fleet);
    rules = RuleSet.compile(List.of(CustomizationReader.parse("policy", POLICY).value()));
    uncached = rules.withTemplateCache(0);
    deployment = ManifestReader.parse("deployment", DEPLOYMENT).get(0);
    manifests = List.of(deployment);
    kept =
        fleet.stream()
            .filter(c -> !"arm-gateway".equals(c.labels().get(FleetGenerator.LABEL_HARDWARE)))
            .toArray(Cluster[]::new);
    one = kept[0];
  }

  /** The next cluster of {@link #kept}, round robin (one benchmark thread). */
  public Cluster nextCluster() {
    Cluster cluster = kept[next];
    next = next + 1 == kept.length ? 0 : next + 1;
    return cluster;
  }

  /** Builds the state outside JMH (tests, tools). */
  public static CustomizeState of(int clusters) {
    CustomizeState state = new CustomizeState();
    state.clusters = clusters;
    state.setUp();
    return state;
  }
}
