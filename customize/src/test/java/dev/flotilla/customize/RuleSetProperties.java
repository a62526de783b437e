package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.DEPLOYMENT;
import static dev.flotilla.customize.Fixtures.policy;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGens;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * De-duplicated fleet application == the per-cluster reference (each cluster customized on its own,
 * no sharing) on random inventories and random rule sets; inputs are never mutated; template
 * results are data, whatever they hold.
 */
class RuleSetProperties {
  static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n"
          + "data: {mode: normal}\n";

  @Test
  void deduplicatedEqualsPerClusterReference() {
    qt().withFixedSeed(20261122L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              List<Cluster> clusters = inventory(random, random.nextInt(60));
              List<Customization> policies = new ArrayList<>();
              int count = 1 + random.nextInt(3);
              for (int i = 0; i < count; i++) {
                policies.add(randomPolicy(random, "p" + i));
              }
              RuleSet rules = RuleSet.compile(policies);
              List<JsonNode> manifests = List.of(yaml(DEPLOYMENT), yaml(CONFIG_MAP));
              List<JsonNode> before = manifests.stream().<JsonNode>map(JsonNode::deepCopy).toList();
              CustomizationResult result = rules.apply(Inventory.of(clusters), manifests);
              assertEquals(before, manifests, "inputs unchanged, seed " + seed);
              assertEquals(clusters.size(), result.size());
              for (Cluster cluster : clusters) {
                List<JsonNode> expected = new ArrayList<>();
                List<CustomizationError> errors = new ArrayList<>();
                for (int m = 0; m < manifests.size(); m++) {
                  try {
                    rules.applyFresh(cluster, manifests.get(m)).ifPresent(expected::add);
                  } catch (CustomizationException e) {
                    errors.add(e.errors().get(0).withManifest(m));
                  }
                  int index = m;
                  assertEquals(
                      outcome(() -> rules.applyFresh(cluster, manifests.get(index))),
                      outcome(() -> rules.apply(cluster, manifests.get(index))),
                      "apply with shared results == applyFresh, seed " + seed);
                }
                String where = "seed " + seed + ", cluster " + cluster;
                assertEquals(expected, result.manifests(cluster.name()), where);
                assertEquals(errors, result.errors(cluster.name()), where);
              }
              for (int m = 0; m < manifests.size(); m++) {
                Map<CustomizationResult.Delivery, Integer> counted =
                    new EnumMap<>(CustomizationResult.Delivery.class);
                for (CustomizationResult.Delivery delivery :
                    CustomizationResult.Delivery.values()) {
                  counted.put(delivery, 0);
                }
                for (Cluster cluster : clusters) {
                  counted.merge(result.delivery(cluster.name(), m), 1, Integer::sum);
                }
                assertEquals(counted, result.deliveries(m), "deliveries, seed " + seed);
              }
              assertEquals(before, manifests, "inputs unchanged, seed " + seed);
            });
  }

  @Test
  void templateResultsAreInsertedAsDataNeverReparsed() {
    List<String> pieces =
        List.of(
            "${",
            "}",
            "$${",
            "{{",
            "}}",
            "{{ .Values.x }}",
            "cluster.name",
            ": ",
            "- ",
            "\n",
            "{\"a\": 1}",
            "[1, 2]",
            "'",
            "\"",
            "#",
            "&anchor",
            "*anchor",
            "!!str",
            "---",
            "x",
            "${cluster.name}",
            "\\",
            "~1",
            "/");
    RuleSet rules =
        RuleSet.compile(
            List.of(
                policy(
                    "hostile",
                    """
                    rules:
                    - name: everywhere
                      clusterSelector: {}
                      set:
                      - {path: "$.data.whole", value: "${cluster.annotations['note']}"}
                      - {path: "$.data.embedded", value: "<${cluster.properties.location}>"}
                      - {path: "$.data.list", value: ["${cluster.annotations['note']}"]}
                      annotations: {add: {note: "${cluster.annotations['note']}"}}
                      mergePatch: {data: {merged: "${cluster.properties.location}"}}
                      jsonPatch: [{op: add, path: /data/patched, value: "${cluster.annotations['note']}"}]
                    """)));
    qt().withFixedSeed(99L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              String note = hostile(random, pieces);
              String location = hostile(random, pieces);
              Cluster cluster =
                  new Cluster(
                      "c-1",
                      Map.of(),
                      Map.of("note", note),
                      Map.of("location", location),
                      List.of());
              JsonNode out = rules.apply(cluster, yaml(CONFIG_MAP)).orElseThrow();
              JsonNode data = out.get("data");
              assertEquals(note, data.get("whole").textValue());
              assertEquals("<" + location + ">", data.get("embedded").textValue());
              assertEquals(note, data.get("list").get(0).textValue());
              assertEquals(location, data.get("merged").textValue());
              assertEquals(note, data.get("patched").textValue());
              assertEquals(note, out.at("/metadata/annotations/note").textValue());
              // And the written YAML and JSON read back as the same tree.
              assertEquals(out, ManifestReader.parse("y", ManifestWriter.yaml(out)).get(0));
              assertEquals(out, ManifestReader.parse("j", ManifestWriter.json(out)).get(0));
            });
  }

  /** The output, or the errors, of one application. */
  private static Object outcome(java.util.function.Supplier<Optional<JsonNode>> application) {
    try {
      return application.get();
    } catch (CustomizationException e) {
      return e.errors();
    }
  }

  private static String hostile(Random random, List<String> pieces) {
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      out.append(pieces.get(random.nextInt(pieces.size())));
    }
    return out.toString();
  }

  static List<Cluster> inventory(Random random, int size) {
    List<Cluster> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      out.add(
          new Cluster(
              String.format("c-%02d", i),
              pick(random, FleetGens.LABEL_VALUES),
              random.nextInt(4) == 0 ? Map.of("note", "n" + random.nextInt(3)) : Map.of(),
              pick(random, FleetGens.PROPERTY_VALUES),
              List.of()));
    }
    return out;
  }

  private static Map<String, String> pick(Random random, Map<String, List<String>> vocabulary) {
    Map<String, String> out = new LinkedHashMap<>();
    vocabulary.forEach(
        (key, values) -> {
          if (random.nextInt(4) != 0) {
            out.put(key, values.get(random.nextInt(values.size())));
          }
        });
    return out;
  }

  private static final List<String> SELECTORS =
      List.of(
          "clusterSelector: {}",
          "clusterSelector: {labelSelector: {matchLabels: {region: eu}}}",
          "clusterSelector: {labelSelector: {matchExpressions: [{key: env, operator: In, values: [prod, dev]}]}}",
          "clusterSelector: {labelSelector: {matchExpressions: [{key: canary, operator: DoesNotExist}]}}",
          "clusterSelector: {propertySelector: {matchExpressions: [{name: cpu, operator: Ge, values: [\"2\"]}]}}",
          "clusterSelector: {celSelector: {expressions: [\"cluster.labels[?'tier'].orValue('') == 'a'\"]}}",
          "clusterSelector: {celSelector: {expressions: [\"cluster.properties.gpu == '1'\"]}}",
          "");

  private static final List<String> ACTIONS =
      List.of(
          "labels: {add: {region: \"${cluster.labels[?'region'].orValue('none')}\"}}",
          "labels: {add: {env: \"${cluster.labels['env']}\"}}",
          "annotations: {add: {where: \"${cluster.properties[?'location'].orValue('?')}/${cluster.name}\"}}",
          "annotations: {add: {note: \"${cluster.annotations[?'note'].orValue('-')}\"}, remove: [gone]}",
          "replicas: \"${ size(cluster.labels) }\"",
          "replicas: 3",
          "jsonPatch: [{op: test, path: /spec/replicas, value: 2}, {op: add, path: /metadata/labels/tested, value: \"yes\"}]",
          "jsonPatch: [{op: add, path: /data/cpu, value: \"${ cluster.properties.cpu }\"}]",
          "mergePatch: {data: {gpu: \"${cluster.properties[?'gpu'].orValue('0')}\"}, metadata: {labels: {app: null}}}",
          "set: [{path: \"$.metadata.labels.tier\", value: \"${cluster.labels[?'tier'].orValue('z')}\"}]",
          "set: [{path: \"$.spec.template.spec.containers[*].imagePullPolicy\", value: IfNotPresent}]",
          "remove: [\"$.data.mode\"]",
          "env: [{set: {REGION: \"${cluster.labels[?'region'].orValue('')}\"}, remove: [LOG_LEVEL]}]",
          "image: {registry: \"r.${cluster.labels[?'region'].orValue('global')}.example\"}",
          "delete: true");

  static Customization randomPolicy(Random random, String name) {
    StringBuilder spec = new StringBuilder();
    spec.append("priority: ").append(random.nextInt(3)).append('\n');
    if (random.nextInt(3) == 0) {
      spec.append("resourceSelectors: [{kind: Deployment}]\n");
    }
    spec.append("rules:\n");
    int rules = 1 + random.nextInt(4);
    for (int r = 0; r < rules; r++) {
      spec.append("- name: r").append(r).append('\n');
      String selector = SELECTORS.get(random.nextInt(SELECTORS.size()));
      if (!selector.isEmpty()) {
        spec.append("  ").append(selector).append('\n');
      }
      if (random.nextInt(4) == 0) {
        spec.append("  optional: true\n");
      }
      String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
      spec.append("  ").append(action).append('\n');
      if (!action.startsWith("delete") && random.nextBoolean()) {
        String second = ACTIONS.get(random.nextInt(ACTIONS.size() - 1)); // never a second delete
        if (!second.substring(0, 4).equals(action.substring(0, 4))) {
          spec.append("  ").append(second).append('\n');
        }
      }
    }
    return policy(name, spec.toString());
  }

  @Test
  void randomPoliciesCompile() {
    // Guards the generator itself: every drawn policy is valid.
    Random random = new Random(1);
    for (int i = 0; i < 50; i++) {
      Optional.of(randomPolicy(random, "p")).map(p -> RuleSet.compile(List.of(p)));
    }
  }
}
