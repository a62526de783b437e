package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.customize.CustomizationResult;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.placement.Inventory;
import java.io.PrintWriter;
import java.util.List;

/** The customization stage of {@code flotilla demo}: one Deployment, six rules, the whole fleet. */
final class DemoCustomization {
  private static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Customization
      metadata: {name: web-edge}
      spec:
        rules:
        - name: registry-by-region
          clusterSelector: {}
          image: {registry: "registry.${cluster.labels['topology.kubernetes.io/region']}.example.com"}
        - name: replicas-from-cpu
          clusterSelector: {}
          replicas: "${ quantity(cluster.properties.cpu).isGreaterThan(quantity('8')) ? 3 : 1 }"
        - name: zone-label
          clusterSelector: {labelSelector: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: Exists}]}}
          labels: {add: {topology.kubernetes.io/zone: "${cluster.labels['topology.kubernetes.io/zone']}"}}
        - name: env-from-properties
          clusterSelector: {}
          env: [{container: web, set: {STORAGE: "${cluster.properties.storage}", GPUS: "${cluster.properties.gpu}"}}]
        - name: prod-memory
          clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
          jsonPatch: [{op: replace, path: /spec/template/spec/containers/0/resources/limits/memory, value: 2Gi}]
        - name: no-arm-gateways
          clusterSelector: {labelSelector: {matchLabels: {hardware: arm-gateway}}}
          delete: true
      """;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: web
              image: shop/web:1.8.3
              resources: {limits: {cpu: "1", memory: 1Gi}}
      """;

  private DemoCustomization() {}

  static void run(Inventory inventory, PrintWriter out) {
    RuleSet rules =
        RuleSet.compile(List.of(CustomizationReader.parse("demo-customization", POLICY).value()));
    List<JsonNode> manifests = ManifestReader.parse("demo-deployment", DEPLOYMENT);
    rules.apply(inventory, manifests); // first run loads classes; time the second
    long start = System.nanoTime();
    CustomizationResult result = rules.apply(inventory, manifests);
    String time = String.format("%,.1f ms", (System.nanoTime() - start) / 1e6);
    int delivered = 0;
    for (String cluster : result.clusters()) {
      if (result.delivery(cluster, 0) == CustomizationResult.Delivery.DELIVERED) {
        delivered++;
      }
    }
    out.printf("%nCustomization (1 Deployment, 6 rules, de-duplicated)%n");
    out.printf(
        "%-44s %,10d %12s%n",
        "delivered / distinct outputs " + String.format("%,d", result.distinctOutputs()),
        delivered,
        time);
  }
}
