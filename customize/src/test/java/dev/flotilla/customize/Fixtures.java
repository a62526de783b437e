package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.ManifestReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Small builders for the tests: policies and manifests from YAML text. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A customization from the YAML of its spec (apiVersion, kind and metadata added). */
  static Customization policy(String name, String spec) {
    String text =
        "apiVersion: flotilla.dev/v1alpha1\nkind: Customization\nmetadata: {name: "
            + name
            + "}\nspec:\n"
            + spec.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    return CustomizationReader.parse("<" + name + ">", text).value();
  }

  static RuleSet rules(Customization... customizations) {
    return RuleSet.compile(List.of(customizations));
  }

  static JsonNode yaml(String text) {
    return ManifestReader.parse("<manifest>", text.stripIndent()).get(0);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Cluster cluster(String name, Map<String, String> labels, Map<String, String> properties) {
    return new Cluster(name, labels, Map.of(), properties, List.of());
  }

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {app: web}
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            initContainers:
            - name: init
              image: busybox:1.36
            containers:
            - name: web
              image: registry.example.com/shop/web:1.0.0
              env:
              - {name: LOG_LEVEL, value: info}
              - {name: REGION, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
            - name: sidecar
              image: envoyproxy/envoy:v1.29
      """;
}
