package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.DEPLOYMENT;
import static dev.flotilla.customize.Fixtures.cluster;
import static dev.flotilla.customize.Fixtures.json;
import static dev.flotilla.customize.Fixtures.policy;
import static dev.flotilla.customize.Fixtures.rules;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.placement.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
  static final Cluster EU =
      cluster(
          "store-eu-1",
          Map.of("topology.kubernetes.io/region", "eu", "topology.kubernetes.io/zone", "eu-1a"),
          Map.of("cpu", "16", "location", "Lyon"));
  static final Cluster US =
      cluster(
          "store-us-1",
          Map.of("topology.kubernetes.io/region", "us"),
          Map.of("cpu", "4", "location", "Austin"));

  private static JsonNode apply(RuleSet rules, Cluster cluster, String manifest) {
    return rules.apply(cluster, yaml(manifest)).orElseThrow();
  }

  @Test
  void imageRegistryByRegionKeepsTagAndReachesInitContainers() {
    RuleSet rules =
        rules(
            policy(
                "registry",
                """
                rules:
                - name: regional-registry
                  clusterSelector: {}
                  image:
                    registry: "registry.${cluster.labels['topology.kubernetes.io/region']}.example.com"
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    JsonNode spec = out.at("/spec/template/spec");
    assertEquals("registry.eu.example.com/shop/web:1.0.0", spec.at("/containers/0/image").asText());
    assertEquals(
        "registry.eu.example.com/envoyproxy/envoy:v1.29", spec.at("/containers/1/image").asText());
    assertEquals(
        "registry.eu.example.com/busybox:1.36", spec.at("/initContainers/0/image").asText());
  }

  @Test
  void imageForNamedContainersAndDigestReplacesTag() {
    RuleSet rules =
        rules(
            policy(
                "pin",
                """
                rules:
                - name: pin
                  clusterSelector: {}
                  image: {containers: [web], digest: "sha256:abcabcabcabcabcabcabcabcabcabcabcabc"}
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertEquals(
        "registry.example.com/shop/web@sha256:abcabcabcabcabcabcabcabcabcabcabcabc",
        out.at("/spec/template/spec/containers/0/image").asText());
    assertEquals(
        "envoyproxy/envoy:v1.29", out.at("/spec/template/spec/containers/1/image").asText());
  }

  @Test
  void replicasFromCpuKeepsIntType() {
    RuleSet rules =
        rules(
            policy(
                "size",
                """
                rules:
                - name: replicas
                  clusterSelector: {}
                  replicas: "${ quantity(cluster.properties.cpu).asInteger() / 4 }"
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertTrue(out.at("/spec/replicas").isInt());
    assertEquals(4, out.at("/spec/replicas").intValue());
    assertEquals(1, apply(rules, US, DEPLOYMENT).at("/spec/replicas").intValue());
  }

  @Test
  void labelsAnnotationsAndEnv() {
    RuleSet rules =
        rules(
            policy(
                "meta",
                """
                rules:
                - name: meta
                  clusterSelector: {}
                  labels:
                    add: {topology.kubernetes.io/zone: "${cluster.labels[?'topology.kubernetes.io/zone'].orValue('none')}"}
                    remove: [app]
                  annotations:
                    add: {flotilla.dev/location: "${cluster.properties.location}, cpu ${cluster.properties.cpu}"}
                  env:
                  - container: web
                    set: {LOG_LEVEL: debug, LOCATION: "${cluster.properties.location}", REGION: fixed}
                    remove: [MISSING]
                """));
    JsonNode eu = apply(rules, EU, DEPLOYMENT);
    assertEquals(json("{\"topology.kubernetes.io/zone\":\"eu-1a\"}"), eu.at("/metadata/labels"));
    assertEquals("Lyon, cpu 16", eu.at("/metadata/annotations/flotilla.dev~1location").asText());
    assertEquals(
        json(
            "[{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"},{\"name\":\"REGION\",\"value\":\"fixed\"},"
                + "{\"name\":\"LOCATION\",\"value\":\"Lyon\"}]"),
        eu.at("/spec/template/spec/containers/0/env"));
    assertTrue(eu.at("/spec/template/spec/containers/1/env").isMissingNode());
    JsonNode us = apply(rules, US, DEPLOYMENT);
    assertEquals("none", us.at("/metadata/labels/topology.kubernetes.io~1zone").asText());
  }

  @Test
  void setWithWildcardsAndCreatedParents() {
    RuleSet rules =
        rules(
            policy(
                "set",
                """
                rules:
                - name: set
                  clusterSelector: {}
                  set:
                  - {path: "$.spec.template.spec.containers[*].imagePullPolicy", value: Always}
                  - {path: "$.spec.template.spec.nodeSelector['topology.kubernetes.io/region']", value: "${cluster.labels['topology.kubernetes.io/region']}"}
                  - {path: "$.spec.template.spec.containers[0].resources", value: {limits: {cpu: "${cluster.properties.cpu}"}, count: "${ 1 + 1 }"}}
                  remove:
                  - "$.spec.template.spec.initContainers"
                  - "$.spec.template.spec.containers[*].env[?(@.name == 'REGION')]"
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    JsonNode spec = out.at("/spec/template/spec");
    assertEquals("Always", spec.at("/containers/0/imagePullPolicy").asText());
    assertEquals("Always", spec.at("/containers/1/imagePullPolicy").asText());
    assertEquals(json("{\"topology.kubernetes.io/region\":\"eu\"}"), spec.get("nodeSelector"));
    assertEquals(
        json("{\"limits\":{\"cpu\":\"16\"},\"count\":2}"), spec.at("/containers/0/resources"));
    assertTrue(spec.path("initContainers").isMissingNode());
    assertEquals(
        json("[{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}]"), spec.at("/containers/0/env"));
  }

  @Test
  void mergePatchAndJsonPatchWithTypedTemplates() {
    RuleSet rules =
        rules(
            policy(
                "patch",
                """
                rules:
                - name: patches
                  clusterSelector: {}
                  mergePatch:
                    metadata: {labels: {app: null, tier: edge}}
                    spec: {paused: "${ cluster.properties.cpu == '16' }"}
                  jsonPatch:
                  - {op: test, path: /spec/replicas, value: 2}
                  - {op: add, path: /spec/template/spec/containers/-, value: {name: "agent-${cluster.name}", image: agent}}
                  - {op: copy, from: /metadata/labels, path: /spec/template/metadata/labels}
                  - {op: move, from: /spec/paused, path: /spec/stopped}
                  - {op: replace, path: /spec/replicas, value: "${ [1, 2, 3] }"}
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertEquals(json("{\"tier\":\"edge\"}"), out.at("/metadata/labels"));
    assertEquals(json("{\"tier\":\"edge\"}"), out.at("/spec/template/metadata/labels"));
    assertTrue(out.at("/spec/stopped").isBoolean());
    assertTrue(out.at("/spec/stopped").booleanValue());
    assertTrue(out.at("/spec/paused").isMissingNode());
    assertEquals("agent-store-eu-1", out.at("/spec/template/spec/containers/2/name").asText());
    assertEquals(json("[1,2,3]"), out.at("/spec/replicas"));
  }

  @Test
  void rulesApplyInOrderAndCustomizationsByPriorityThenName() {
    RuleSet rules =
        rules(
            policy(
                "b-late",
                """
                priority: 10
                rules:
                - name: one
                  clusterSelector: {}
                  set: [{path: "$.metadata.labels.order", value: "b"}]
                """),
            policy(
                "z-early",
                """
                priority: -1
                rules:
                - name: one
                  clusterSelector: {}
                  set: [{path: "$.metadata.labels.order", value: "z"}]
                  labels: {add: {first: z}}
                """),
            policy(
                "a-middle",
                """
                priority: 10
                rules:
                - name: first
                  clusterSelector: {}
                  set: [{path: "$.metadata.labels.order", value: "a1"}]
                - name: second
                  clusterSelector: {}
                  set: [{path: "$.metadata.labels.order", value: "a2"}]
                  labels: {add: {first: a}}
                """));
    assertEquals(
        List.of("z-early", "a-middle", "b-late"),
        rules.customizations().stream().map(c -> c.name()).toList());
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertEquals("b", out.at("/metadata/labels/order").asText());
    assertEquals("a", out.at("/metadata/labels/first").asText());
  }

  @Test
  void selectorsPickClustersAndManifests() {
    RuleSet rules =
        rules(
            policy(
                "eu-only",
                """
                resourceSelectors:
                - {kind: Deployment, namespace: shop}
                - {kind: ConfigMap, labelSelector: {matchLabels: {edit: "yes"}}}
                rules:
                - name: eu
                  clusterSelector:
                    labelSelector: {matchLabels: {topology.kubernetes.io/region: eu}}
                    propertySelector:
                      matchExpressions: [{name: cpu, operator: Ge, values: ["8"]}]
                  labels: {add: {eu: "true"}}
                - name: no-selector
                  labels: {add: {never: "true"}}
                """));
    JsonNode eu = apply(rules, EU, DEPLOYMENT);
    assertEquals("true", eu.at("/metadata/labels/eu").asText());
    assertTrue(eu.at("/metadata/labels/never").isMissingNode());
    assertEquals(yaml(DEPLOYMENT), apply(rules, US, DEPLOYMENT));
    String other = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {edit: 'no'}}";
    assertEquals(yaml(other), apply(rules, EU, other));
    String edited = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {edit: 'yes'}}";
    assertEquals("true", apply(rules, EU, edited).at("/metadata/labels/eu").asText());
  }

  @Test
  void deleteWinsForMatchingClustersOnly() {
    RuleSet rules =
        rules(
            policy(
                "del",
                """
                rules:
                - name: fails-everywhere
                  clusterSelector: {}
                  jsonPatch: [{op: remove, path: /missing}]
                - name: drop-us
                  clusterSelector: {labelSelector: {matchLabels: {topology.kubernetes.io/region: us}}}
                  delete: true
                """));
    assertEquals(Optional.empty(), rules.apply(US, yaml(DEPLOYMENT)));
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> rules.apply(EU, yaml(DEPLOYMENT)));
    CustomizationError error = e.errors().get(0);
    assertEquals("store-eu-1", error.cluster());
    assertEquals("fails-everywhere", error.rule());
    assertEquals("spec.rules[0]", error.field());
    assertEquals("/missing", error.target());
  }

  @Test
  void missingKeyWithoutDefaultNamesRuleClusterAndPath() {
    RuleSet rules =
        rules(
            policy(
                "zone",
                """
                rules:
                - name: zone
                  clusterSelector: {}
                  set: [{path: "$.metadata.labels.zone", value: "${cluster.labels['topology.kubernetes.io/zone']}"}]
                """));
    assertEquals("eu-1a", apply(rules, EU, DEPLOYMENT).at("/metadata/labels/zone").asText());
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> rules.apply(US, yaml(DEPLOYMENT)));
    CustomizationError error = e.errors().get(0);
    assertEquals("store-us-1", error.cluster());
    assertEquals("zone", error.rule());
    assertEquals("$.metadata.labels.zone", error.target());
    assertTrue(error.message().startsWith("spec.rules[0].set[0].value"), error.message());
    assertTrue(error.message().contains("topology.kubernetes.io/zone"), error.message());
    assertTrue(e.getMessage().contains("cluster store-us-1"), e.getMessage());
  }

  @Test
  void optionalRuleIsSkippedWholeWhenItCannotApply() {
    RuleSet rules =
        rules(
            policy(
                "opt",
                """
                rules:
                - name: half
                  optional: true
                  clusterSelector: {}
                  labels: {add: {touched: "yes"}}
                  jsonPatch: [{op: test, path: /spec/replicas, value: 5}]
                - name: after
                  clusterSelector: {}
                  labels: {add: {after: "yes"}}
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertTrue(out.at("/metadata/labels/touched").isMissingNode(), "no trace of the skipped rule");
    assertEquals("yes", out.at("/metadata/labels/after").asText());
  }

  /** A manifest that is not a Kubernetes object is refused by its index, before any rule runs. */
  @Test
  void inputManifestsMustBeKubernetesObjects() {
    RuleSet rules =
        rules(
            policy("any", "rules:\n- name: label\n  clusterSelector: {}\n  labels: {add: {a: b}}"));
    List<JsonNode> manifests =
        List.of(
            yaml(DEPLOYMENT),
            yaml("kind: ConfigMap\nmetadata: {name: c}"),
            yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}"),
            yaml("apiVersion: v1\nkind: 7\nmetadata: {name: ''}"),
            yaml("apiVersion: v1\nkind: ConfigMap"),
            yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: [x]"),
            json("[1]"));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> rules.apply(Inventory.of(List.of(EU, US)), manifests));
    String all = e.problems().stream().map(Object::toString).reduce("", (a, b) -> a + "\n" + b);
    assertTrue(!all.contains("manifests[0]"), all);
    assertTrue(all.contains("manifests[1].apiVersion: Required value"), all);
    assertTrue(all.contains("manifests[2].metadata.name: Required value"), all);
    assertTrue(all.contains("manifests[3].kind: wrong type: expected string, got NUMBER"), all);
    assertTrue(all.contains("manifests[3].metadata.name: Required value"), all);
    assertTrue(all.contains("manifests[4].metadata.name: Required value"), all);
    assertTrue(all.contains("manifests[5].metadata: wrong type: expected object"), all);
    assertTrue(all.contains("manifests[6]: wrong type: expected object, got ARRAY"), all);
    assertEquals(7, e.problems().size(), all);

    ValidationException one =
        assertThrows(
            ValidationException.class,
            () -> rules.apply(EU, yaml("apiVersion: v1\nmetadata: {name: c}")));
    assertEquals("manifest.kind", one.problems().get(0).path(), one.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'mergePatch: {metadata: null}' | /metadata/name",
        "'mergePatch: {apiVersion: null}' | /apiVersion",
        "'set: [{path: \"$.kind\", value: StatefulSet}]' | /kind",
        "'jsonPatch: [{op: replace, path: /metadata/name, value: other}]' | /metadata/name",
        "'jsonPatch: [{op: replace, path: /metadata/namespace, value: prod}]' | /metadata/namespace",
        "'jsonPatch: [{op: remove, path: /metadata/namespace}]' | /metadata/namespace",
        "'remove: [\"$.metadata.name\"]' | /metadata/name",
        "'mergePatch: {metadata: x}' | /metadata/name",
      })
  void aRuleMayNotChangeTheResourcesIdentity(String action, String target) {
    RuleSet rules =
        rules(policy("identity", "rules:\n- name: rename\n  clusterSelector: {}\n  " + action));
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> rules.apply(EU, yaml(DEPLOYMENT)));
    CustomizationError error = e.errors().get(0);
    assertEquals("rename", error.rule());
    assertEquals(target, error.target());
    assertTrue(error.message().startsWith("Forbidden: a rule may not change"), error.message());
  }

  @Test
  void addingANamespaceChangesIdentityButKeepingItDoesNot() {
    RuleSet adds =
        rules(
            policy(
                "ns",
                """
                rules:
                - name: move
                  clusterSelector: {}
                  set: [{path: "$.metadata.namespace", value: shop}]
                """));
    String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> adds.apply(EU, yaml(configMap)));
    assertEquals("/metadata/namespace", e.errors().get(0).target());
    assertTrue(e.errors().get(0).message().contains("was absent, now \"shop\""));
    // Writing the same identity back (here: the whole metadata) is not a change.
    RuleSet same =
        rules(
            policy(
                "same",
                """
                rules:
                - name: same
                  clusterSelector: {}
                  jsonPatch: [{op: replace, path: /metadata, value: {name: settings}}]
                """));
    assertEquals(yaml(configMap), apply(same, EU, configMap));
  }

  @Test
  void anOptionalRuleThatChangesIdentityIsSkipped() {
    RuleSet rules =
        rules(
            policy(
                "opt",
                """
                rules:
                - name: rename
                  optional: true
                  clusterSelector: {}
                  labels: {add: {touched: "yes"}}
                  mergePatch: {metadata: {name: other}}
                """));
    JsonNode out = apply(rules, EU, DEPLOYMENT);
    assertEquals(yaml(DEPLOYMENT), out);
  }

  @Test
  void invalidLabelValueFromTemplateIsAnError() {
    RuleSet rules =
        rules(
            policy(
                "bad",
                """
                rules:
                - name: bad
                  clusterSelector: {}
                  labels: {add: {where: "${cluster.properties.location} city"}}
                """));
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> rules.apply(EU, yaml(DEPLOYMENT)));
    assertEquals("/metadata/labels/where", e.errors().get(0).target());
  }

  @Test
  void compileErrorsCarryFieldPaths() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                rules(
                    policy(
                        "broken",
                        """
                        rules:
                        - name: a
                          clusterSelector: {celSelector: {expressions: ["cluster.nope"]}}
                          set: [{path: "$.a[", value: "${ cluster.labels.x + }"}]
                          labels: {add: {k: "${ unterminated"}}
                        """)));
    List<String> paths = e.problems().stream().map(p -> p.path()).toList();
    assertTrue(
        paths.contains("spec.rules[0].clusterSelector.celSelector.expressions[0]"),
        paths.toString());
    assertTrue(paths.contains("spec.rules[0].set[0].path"), paths.toString());
    assertTrue(paths.contains("spec.rules[0].set[0].value"), paths.toString());
    assertTrue(paths.contains("spec.rules[0].labels.add[k]"), paths.toString());
  }

  @Test
  void fleetApplicationReportsErrorsPerClusterAndKeepsGoing() {
    RuleSet rules =
        rules(
            policy(
                "zone",
                """
                rules:
                - name: zone
                  clusterSelector: {}
                  labels: {add: {zone: "${cluster.labels['topology.kubernetes.io/zone']}"}}
                """));
    Inventory inventory = Inventory.of(List.of(EU, US));
    JsonNode input = yaml(DEPLOYMENT);
    JsonNode before = input.deepCopy();
    CustomizationResult result = rules.apply(inventory, List.of(input));
    assertEquals(before, input);
    assertEquals(List.of("store-eu-1", "store-us-1"), result.clusters());
    assertEquals(1, result.manifests("store-eu-1").size());
    assertEquals(List.of(), result.manifests("store-us-1"));
    assertEquals(CustomizationResult.Delivery.FAILED, result.delivery("store-us-1", 0));
    assertEquals(1, result.errors().size());
    assertEquals("store-us-1", result.errors().get(0).cluster());
    // Outputs are copies: editing one never reaches the result.
    ((com.fasterxml.jackson.databind.node.ObjectNode) result.manifests("store-eu-1").get(0))
        .put("kind", "Changed");
    assertEquals("Deployment", result.manifests("store-eu-1").get(0).get("kind").asText());
  }

  @Test
  void fleetApplicationSkipsTheHolesOfAnUpdatedInventory() {
    RuleSet rules =
        rules(
            policy(
                "region",
                """
                rules:
                - name: eu-only
                  clusterSelector: {labelSelector: {matchLabels: {topology.kubernetes.io/region: eu}}}
                  labels: {add: {zone: "${cluster.labels['topology.kubernetes.io/zone']}"}}
                - name: everyone
                  clusterSelector: {}
                  labels: {add: {cpu: "${cluster.properties.cpu}"}}
                """));
    List<Cluster> fleet = new java.util.ArrayList<>();
    for (int i = 0; i < 130; i++) {
      String region = i % 3 == 0 ? "eu" : "us";
      fleet.add(
          cluster(
              "store-" + i,
              Map.of(
                  "topology.kubernetes.io/region",
                  region,
                  "topology.kubernetes.io/zone",
                  region + "-" + (i % 2)),
              Map.of("cpu", String.valueOf(4 << (i % 3)))));
    }
    // Removed clusters leave holes in the inventory's slots; added ones take new slots.
    Inventory inventory = Inventory.of(fleet);
    for (int i = 0; i < 130; i += 7) {
      inventory = inventory.without("store-" + i);
    }
    inventory =
        inventory.with(
            cluster(
                "late",
                Map.of(
                    "topology.kubernetes.io/region", "eu", "topology.kubernetes.io/zone", "eu-9"),
                Map.of("cpu", "2")));
    JsonNode input = yaml(DEPLOYMENT);
    CustomizationResult result = rules.apply(inventory, List.of(input));
    assertEquals(inventory.all().names(), result.clusters());
    for (String name : result.clusters()) {
      Cluster cluster = inventory.cluster(name).orElseThrow();
      assertEquals(
          rules.applyFresh(cluster, input).map(List::of).orElse(List.of()),
          result.manifests(name),
          name);
    }
    assertEquals("eu-9", result.manifests("late").get(0).at("/metadata/labels/zone").asText());
  }

  @Test
  void templateCacheLimitsNeverChangeResults() {
    RuleSet rules =
        rules(
            policy(
                "zone",
                """
                rules:
                - name: zone
                  clusterSelector: {}
                  labels: {add: {zone: "${cluster.labels['topology.kubernetes.io/zone']}"}}
                """));
    JsonNode input = yaml(DEPLOYMENT);
    JsonNode expected = rules.applyFresh(EU, input).orElseThrow();
    for (int limit : new int[] {0, 1, 1 << 16}) {
      RuleSet limited = rules.withTemplateCache(limit);
      for (int call = 0; call < 3; call++) {
        assertEquals(expected, limited.apply(EU, input).orElseThrow(), "limit " + limit);
        assertThrows(CustomizationException.class, () -> limited.apply(US, input));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> rules.withTemplateCache(-1));
  }
}
