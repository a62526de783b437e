package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.customize.CustomizationResult;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.placement.Inventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The customization step of {@code flotilla demo}: a Deployment and a ConfigMap, seven rules over
 * labels and properties (registry per region, replicas from cpu, env from properties, JSON patches,
 * a deletion), applied to the whole fleet as {@code customize} does.
 */
final class DemoCustomization {
  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Customization
      metadata: {name: web-edge}
      spec:
        rules:
        - name: registry-by-region
          clusterSelector: {}
          optional: true
          image: {registry: "registry.${cluster.labels['topology.kubernetes.io/region']}.example.com"}
        - name: replicas-from-cpu
          clusterSelector: {}
          optional: true
          replicas: "${ quantity(cluster.properties.cpu).isGreaterThan(quantity('8')) ? 3 : 1 }"
        - name: zone-label
          clusterSelector: {labelSelector: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: Exists}]}}
          labels: {add: {topology.kubernetes.io/zone: "${cluster.labels['topology.kubernetes.io/zone']}"}}
        - name: env-from-properties
          clusterSelector: {}
          optional: true
          env: [{container: web, set: {STORAGE: "${cluster.properties.storage}", GPUS: "${cluster.properties.gpu}"}}]
        - name: prod-memory
          clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
          optional: true
          jsonPatch: [{op: replace, path: /spec/template/spec/containers/0/resources/limits/memory, value: 2Gi}]
        - name: site-settings
          clusterSelector: {}
          optional: true
          jsonPatch:
          - {op: test, path: /kind, value: ConfigMap}
          - {op: add, path: /data/city, value: "${cluster.properties.location}"}
          - {op: add, path: /data/tier, value: "${cluster.labels.tier}"}
        - name: no-arm-gateways
          clusterSelector: {labelSelector: {matchLabels: {hardware: arm-gateway}}}
          delete: true
      """;

  static final String MANIFESTS =
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
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-settings, namespace: shop}
      data: {greeting: welcome}
      """;

  private final Customization policy;
  private final List<JsonNode> manifests;
  private final CustomizationResult result;

  private DemoCustomization(
      Customization policy, List<JsonNode> manifests, CustomizationResult result) {
    this.policy = policy;
    this.manifests = manifests;
    this.result = result;
  }

  static DemoCustomization run(Inventory inventory, DemoSteps steps) {
    Customization policy = CustomizationReader.parse("customization.yaml", POLICY).value();
    RuleSet rules = steps.run("compile customization", () -> RuleSet.compile(List.of(policy)));
    List<JsonNode> manifests = ManifestReader.parse("manifests.yaml", MANIFESTS);
    CustomizationResult result = steps.run("customize", () -> rules.apply(inventory, manifests));
    return new DemoCustomization(policy, manifests, result);
  }

  void print(PrintWriter out) {
    int rules = policy.spec().rules().size();
    out.printf(
        "%nCustomization (%s, %s, each distinct output computed once)%n",
        Count.of(manifests.size(), "manifest"), Count.of(rules, "rule"));
    out.printf(
        "  %-28s %,9d %s, %s (%.1f clusters per output)%n",
        "whole fleet",
        result.size(),
        Count.noun(result.size(), "cluster", "clusters"),
        Count.of(result.distinctOutputs(), "distinct output"),
        result.distinctOutputs() == 0 ? 0.0 : (double) result.size() / result.distinctOutputs());
    out.printf("  %-28s %9s %9s %9s%n", "manifest", "delivered", "deleted", "failed");
    for (int m = 0; m < manifests.size(); m++) {
      Map<CustomizationResult.Delivery, Integer> counts = result.deliveries(m);
      JsonNode manifest = manifests.get(m);
      out.printf(
          "  %-28s %,9d %,9d %,9d%n",
          manifest.path("kind").asText() + " " + manifest.path("metadata").path("name").asText(),
          counts.get(CustomizationResult.Delivery.DELIVERED),
          counts.get(CustomizationResult.Delivery.DELETED),
          counts.get(CustomizationResult.Delivery.FAILED));
    }
    if (result.hasErrors()) {
      result.errors().stream().limit(3).forEach(error -> out.printf("  error: %s%n", error));
    }
  }

  /** Writes the policy, the manifests and the customized manifests as {@code customize -o json}. */
  void write(DemoOutput output, DemoSteps steps) {
    output.input("customization.yaml", "the customization policy", w -> w.write(POLICY));
    output.input("manifests.yaml", "the manifests it customizes", w -> w.write(MANIFESTS));
    steps.run(
        "write customized.json",
        result.size(),
        step -> {
          output.output(
              "customized.json",
              "customization: every cluster's manifests",
              "customize --inventory inventory.yaml --policy customization.yaml"
                  + " --manifests manifests.yaml -o json",
              writer -> writeCustomized(writer, step));
          return null;
        });
  }

  /**
   * Streams what {@code customize -o json} prints (an object of cluster name to manifests, indented
   * by the same pretty printer), one cluster at a time instead of one tree of the whole fleet.
   */
  private void writeCustomized(Writer writer, Progress.Step step) throws IOException {
    ObjectMapper json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try (JsonGenerator out = json.writer().createGenerator(writer)) {
      out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the newline below comes after
      out.writeStartObject();
      for (String cluster : result.clusters()) {
        out.writeFieldName(cluster);
        out.writeStartArray();
        for (JsonNode manifest : result.manifests(cluster)) {
          json.writeTree(out, manifest);
        }
        out.writeEndArray();
        step.advance(1);
      }
      out.writeEndObject();
    }
    writer.write("\n");
  }
}
