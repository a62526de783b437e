package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken policies that Flotilla's readers reject and that a schema can express are rejected by the
 * CRD too, near the same field: wrong enums, missing required fields, wrong types, bad
 * int-or-percent values, names and keys out of Kubernetes' syntax, the "exactly one of" and "needs"
 * rules between fields, unknown fields. What a schema cannot express (CEL syntax, duplicate names,
 * references between fields, a property value's kind) is left to the readers, listed in {@link
 * #leftToTheReaders()}.
 */
class CrdRejectionTest {
  private static final Map<String, KubernetesSchema> SCHEMAS = CrdDocumentsTest.schemas();

  private static final String PLACEMENT =
      "apiVersion: flotilla.dev/v1alpha1\nkind: Placement\nmetadata: {name: web, namespace: shop}\n";
  private static final String CUSTOMIZATION =
      "apiVersion: flotilla.dev/v1alpha1\nkind: Customization\nmetadata: {name: edge, namespace: shop}\n";
  private static final String SUMMARY =
      "apiVersion: flotilla.dev/v1alpha1\nkind: StatusSummary\nmetadata: {name: st, namespace: shop}\n";

  private static Arguments placement(String what, String path, String spec) {
    return Arguments.of(what, FlotillaKinds.PLACEMENT, PLACEMENT + "spec: " + spec + "\n", path);
  }

  private static Arguments customization(String what, String path, String spec) {
    return Arguments.of(
        what, FlotillaKinds.CUSTOMIZATION, CUSTOMIZATION + "spec: " + spec + "\n", path);
  }

  private static Arguments rule(String what, String path, String rule) {
    return customization(what, path, "{rules: [" + rule + "]}");
  }

  private static Arguments summary(String what, String path, String spec) {
    return Arguments.of(what, FlotillaKinds.STATUS_SUMMARY, SUMMARY + "spec: " + spec + "\n", path);
  }

  private static Arguments labels(String what, String path, String selector) {
    return placement(what, path, "{clusterSelectors: [{labelSelector: " + selector + "}]}");
  }

  private static Arguments scheduling(String what, String path, String fields) {
    return placement(what, path, "{clusterSelectors: [{}], " + fields + "}");
  }

  static Stream<Arguments> broken() {
    String term = "spec.clusterSelectors[0].labelSelector";
    return Stream.of(
        // The envelope.
        Arguments.of(
            "wrong apiVersion",
            FlotillaKinds.PLACEMENT,
            PLACEMENT.replace("v1alpha1", "v1") + "spec: {clusterSelectors: [{}]}\n",
            "apiVersion"),
        Arguments.of("no spec", FlotillaKinds.PLACEMENT, PLACEMENT, "spec"),
        Arguments.of(
            "a name that is no DNS-1123 subdomain",
            FlotillaKinds.PLACEMENT,
            PLACEMENT.replace("name: web", "name: Web_App") + "spec: {clusterSelectors: [{}]}\n",
            "metadata.name"),
        Arguments.of(
            "an unknown top-level field",
            FlotillaKinds.PLACEMENT,
            PLACEMENT + "spec: {clusterSelectors: [{}]}\nspecs: {}\n",
            "specs"),
        Arguments.of(
            "an unknown metadata field",
            FlotillaKinds.PLACEMENT,
            PLACEMENT.replace("namespace: shop}", "namespace: shop, lables: {a: b}}")
                + "spec: {clusterSelectors: [{}]}\n",
            "metadata.lables"),
        placement("spec of the wrong type", "spec", "[]"),
        // What a placement selects.
        placement("neither clusterSelectors nor clusterNames", "spec.clusterSelectors", "{}"),
        placement("no terms and no names", "spec.clusterSelectors", "{clusterSelectors: []}"),
        placement("a bad cluster name", "spec.clusterNames[0]", "{clusterNames: [Store_1]}"),
        placement(
            "a bad excluded name",
            "spec.excludeClusterNames[0]",
            "{clusterSelectors: [{}], excludeClusterNames: [-x]}"),
        placement("an unknown spec field", "spec.clusterSelector", "{clusterSelector: {}}"),
        placement(
            "an unknown term field",
            "spec.clusterSelectors[0].labelSelectors",
            "{clusterSelectors: [{labelSelectors: {}}]}"),
        placement(
            "a term of the wrong type", "spec.clusterSelectors[0]", "{clusterSelectors: [x]}"),
        // metav1.LabelSelector.
        labels(
            "a lowercase operator",
            term + ".matchExpressions[0].operator",
            "{matchExpressions: [{key: a, operator: in, values: [b]}]}"),
        labels(
            "no key",
            term + ".matchExpressions[0].key",
            "{matchExpressions: [{operator: Exists}]}"),
        labels(
            "no operator",
            term + ".matchExpressions[0].operator",
            "{matchExpressions: [{key: a}]}"),
        labels(
            "In without values",
            term + ".matchExpressions[0].values",
            "{matchExpressions: [{key: a, operator: In}]}"),
        labels(
            "NotIn with empty values",
            term + ".matchExpressions[0].values",
            "{matchExpressions: [{key: a, operator: NotIn, values: []}]}"),
        labels(
            "Exists with values",
            term + ".matchExpressions[0].values",
            "{matchExpressions: [{key: a, operator: Exists, values: [b]}]}"),
        labels(
            "Gt with a word",
            term + ".matchExpressions[0].values[0]",
            "{matchExpressions: [{key: a, operator: Gt, values: [ten]}]}"),
        labels(
            "Lt with two values",
            term + ".matchExpressions[0].values",
            "{matchExpressions: [{key: a, operator: Lt, values: ['1', '2']}]}"),
        labels(
            "a key that is no qualified name",
            term + ".matchExpressions[0].key",
            "{matchExpressions: [{key: -a, operator: Exists}]}"),
        labels(
            "a key with an uppercase prefix",
            term + ".matchExpressions[0].key",
            "{matchExpressions: [{key: Example.com/a, operator: Exists}]}"),
        labels(
            "a value longer than 63",
            term + ".matchExpressions[0].values[0]",
            "{matchExpressions: [{key: a, operator: In, values: [" + "v".repeat(64) + "]}]}"),
        labels("a bad matchLabels value", term + ".matchLabels", "{matchLabels: {a: 'b c'}}"),
        labels(
            "a matchLabels value of the wrong type",
            term + ".matchLabels[a]",
            "{matchLabels: {a: 1}}"),
        labels(
            "values of the wrong type",
            term + ".matchExpressions[0].values",
            "{matchExpressions: [{key: a, operator: In, values: b}]}"),
        // Property and CEL selectors.
        placement(
            "a property operator Kubernetes does not have",
            "spec.clusterSelectors[0].propertySelector.matchExpressions[0].operator",
            "{clusterSelectors: [{propertySelector: {matchExpressions: [{name: cpu, operator: Gte, values: ['1']}]}}]}"),
        placement(
            "a property comparison with two values",
            "spec.clusterSelectors[0].propertySelector.matchExpressions[0].values",
            "{clusterSelectors: [{propertySelector: {matchExpressions: [{name: cpu, operator: Ge, values: ['1', '2']}]}}]}"),
        placement(
            "a property comparison without operator",
            "spec.clusterSelectors[0].propertySelector.matchExpressions[0].operator",
            "{clusterSelectors: [{propertySelector: {matchExpressions: [{name: cpu, values: ['1']}]}}]}"),
        placement(
            "a property comparison without name",
            "spec.clusterSelectors[0].propertySelector.matchExpressions[0].name",
            "{clusterSelectors: [{propertySelector: {matchExpressions: [{operator: Eq, values: ['1']}]}}]}"),
        placement(
            "CEL expressions that are no list",
            "spec.clusterSelectors[0].celSelector.expressions",
            "{clusterSelectors: [{celSelector: {expressions: 'true'}}]}"),
        // Scheduling.
        scheduling("a negative numberOfClusters", "spec.numberOfClusters", "numberOfClusters: -1"),
        scheduling(
            "numberOfClusters as a string", "spec.numberOfClusters", "numberOfClusters: '3'"),
        scheduling(
            "numberOfClusters beyond int32",
            "spec.numberOfClusters",
            "numberOfClusters: 3000000000"),
        scheduling(
            "a Kubernetes taint effect",
            "spec.tolerations[0].effect",
            "tolerations: [{key: a, operator: Exists, effect: NoSchedule}]"),
        scheduling(
            "a toleration operator that does not exist",
            "spec.tolerations[0].operator",
            "tolerations: [{key: a, operator: In}]"),
        scheduling(
            "Exists with a value",
            "spec.tolerations[0].value",
            "tolerations: [{key: a, operator: Exists, value: b}]"),
        scheduling(
            "an empty key without Exists",
            "spec.tolerations[0].operator",
            "tolerations: [{operator: Equal, value: b}]"),
        scheduling(
            "a negative tolerationSeconds",
            "spec.tolerations[0].tolerationSeconds",
            "tolerations: [{key: a, operator: Exists, tolerationSeconds: -5}]"),
        scheduling(
            "a toleration key that is no qualified name",
            "spec.tolerations[0].key",
            "tolerations: [{key: 'a b', operator: Exists}]"),
        scheduling(
            "a prioritizer of two kinds",
            "spec.prioritizers[0]",
            "prioritizers: [{propertySorter: {name: cpu, sortOrder: Ascending}, score: {name: s}}]"),
        scheduling(
            "a prioritizer of no kind", "spec.prioritizers[0]", "prioritizers: [{weight: 2}]"),
        scheduling(
            "a weight above 100",
            "spec.prioritizers[0].weight",
            "prioritizers: [{weight: 101, score: {name: s}}]"),
        scheduling(
            "a sort order that does not exist",
            "spec.prioritizers[0].propertySorter.sortOrder",
            "prioritizers: [{propertySorter: {name: cpu, sortOrder: Up}}]"),
        scheduling(
            "a property sorter without sortOrder",
            "spec.prioritizers[0].propertySorter.sortOrder",
            "prioritizers: [{propertySorter: {name: cpu}}]"),
        scheduling(
            "a score without name",
            "spec.prioritizers[0].score.name",
            "prioritizers: [{score: {}}]"),
        scheduling(
            "two spread constraints",
            "spec.spreadConstraints",
            "spreadConstraints: [{topologyKey: zone}, {topologyKey: region}]"),
        scheduling(
            "a spread constraint without topologyKey",
            "spec.spreadConstraints[0].topologyKey",
            "spreadConstraints: [{maxSkew: 1}]"),
        scheduling(
            "a maxSkew of 0",
            "spec.spreadConstraints[0].maxSkew",
            "spreadConstraints: [{topologyKey: zone, maxSkew: 0}]"),
        scheduling(
            "a minDomains of 0",
            "spec.spreadConstraints[0].minDomains",
            "spreadConstraints: [{topologyKey: zone, minDomains: 0}]"),
        scheduling(
            "whenUnsatisfiable that does not exist",
            "spec.spreadConstraints[0].whenUnsatisfiable",
            "spreadConstraints: [{topologyKey: zone, whenUnsatisfiable: Never}]"),
        scheduling(
            "a decision group without clusterSelector",
            "spec.decisionGroups[0].clusterSelector",
            "decisionGroups: [{groupName: canary}]"),
        scheduling(
            "a decision group without groupName",
            "spec.decisionGroups[0].groupName",
            "decisionGroups: [{clusterSelector: {}}]"),
        scheduling(
            "a group name that is no DNS-1123 subdomain",
            "spec.decisionGroups[0].groupName",
            "decisionGroups: [{groupName: Canary_1, clusterSelector: {}}]"),
        scheduling(
            "clustersPerGroup above 100%",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: 150%}]"),
        scheduling(
            "clustersPerGroup 0%",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: 0%}]"),
        scheduling(
            "clustersPerGroup 0",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: 0}]"),
        scheduling(
            "clustersPerGroup '0'",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: '0'}]"),
        scheduling(
            "clustersPerGroup in words",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: ten}]"),
        scheduling(
            "clustersPerGroup with ten digits",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: 1234567890}]"),
        scheduling(
            "clustersPerDecisionGroup above 100%",
            "spec.clustersPerDecisionGroup", "clustersPerDecisionGroup: 150%"),
        scheduling(
            "clustersPerDecisionGroup 0",
            "spec.clustersPerDecisionGroup",
            "clustersPerDecisionGroup: 0"),
        scheduling(
            "clustersPerDecisionGroup with ten digits",
            "spec.clustersPerDecisionGroup",
            "clustersPerDecisionGroup: 1234567890"),
        scheduling(
            "clustersPerGroup as a boolean",
            "spec.decisionGroups[0].clustersPerGroup",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: true}]"),
        scheduling(
            "a fractional percentage",
            "spec.rollout.maxConcurrency",
            "rollout: {maxConcurrency: 2.5%}"),
        scheduling(
            "maxUnavailablePerDomain without topologyKey",
            "spec.rollout.topologyKey",
            "rollout: {maxUnavailablePerDomain: 2}"),
        scheduling("rollout of the wrong type", "spec.rollout", "rollout: fast"),
        // Customization.
        customization("no rules", "spec.rules", "{priority: 1}"),
        customization("an empty list of rules", "spec.rules", "{rules: []}"),
        customization(
            "priority as a word",
            "spec.priority",
            "{priority: high, rules: [{name: a, delete: true}]}"),
        customization(
            "a resource selector with a bad label selector",
            "spec.resourceSelectors[0].labelSelector.matchExpressions[0].operator",
            "{resourceSelectors: [{labelSelector: {matchExpressions: [{key: a, operator: Equals}]}}],"
                + " rules: [{name: a, delete: true}]}"),
        rule("a rule without name", "spec.rules[0].name", "{delete: true}"),
        rule("a rule without action", "spec.rules[0]", "{name: a}"),
        rule("a rule with delete: false only", "spec.rules[0]", "{name: a, delete: false}"),
        rule(
            "delete with another action",
            "spec.rules[0].delete",
            "{name: a, delete: true, image: {tag: v2}}"),
        rule("an unknown rule field", "spec.rules[0].patch", "{name: a, patch: {}, delete: true}"),
        rule(
            "an image with tag and digest",
            "spec.rules[0].image.digest",
            "{name: a, image: {tag: v2, digest: 'sha256:0'}}"),
        rule(
            "an image container index below zero",
            "spec.rules[0].image.containerIndexes[0]",
            "{name: a, image: {containerIndexes: [-1], tag: v2}}"),
        rule(
            "an image container index that is not an integer",
            "spec.rules[0].image.containerIndexes[0]",
            "{name: a, image: {containerIndexes: [first], tag: v2}}"),
        rule(
            "init containers given as text",
            "spec.rules[0].image.initContainers",
            "{name: a, image: {initContainers: 'no', tag: v2}}"),
        rule(
            "an image that changes nothing",
            "spec.rules[0].image",
            "{name: a, image: {containers: [app]}}"),
        rule(
            "a JSON Patch op that does not exist",
            "spec.rules[0].jsonPatch[0].op",
            "{name: a, jsonPatch: [{op: upsert, path: /a, value: 1}]}"),
        rule(
            "a JSON Patch without path",
            "spec.rules[0].jsonPatch[0].path",
            "{name: a, jsonPatch: [{op: remove}]}"),
        rule(
            "a JSON Patch path that is no pointer",
            "spec.rules[0].jsonPatch[0].path",
            "{name: a, jsonPatch: [{op: remove, path: a/b}]}"),
        rule(
            "a JSON Patch path with a bad escape",
            "spec.rules[0].jsonPatch[0].path",
            "{name: a, jsonPatch: [{op: remove, path: /a~2b}]}"),
        rule(
            "add without value",
            "spec.rules[0].jsonPatch[0].value",
            "{name: a, jsonPatch: [{op: add, path: /a}]}"),
        rule(
            "move without from",
            "spec.rules[0].jsonPatch[0].from",
            "{name: a, jsonPatch: [{op: move, path: /a}]}"),
        rule(
            "a set path that is no JSONPath",
            "spec.rules[0].set[0].path",
            "{name: a, set: [{path: spec.replicas, value: 3}]}"),
        rule("a set without value", "spec.rules[0].set[0].value", "{name: a, set: [{path: $.a}]}"),
        rule("a remove that is no JSONPath", "spec.rules[0].remove[0]", "{name: a, remove: [a.b]}"),
        rule(
            "an env edit that edits nothing",
            "spec.rules[0].env[0].set",
            "{name: a, env: [{container: app}]}"),
        rule(
            "env values of the wrong type",
            "spec.rules[0].env[0].set[A]",
            "{name: a, env: [{set: {A: 1}}]}"),
        rule(
            "a label to remove that is no qualified name",
            "spec.rules[0].labels.remove[0]",
            "{name: a, labels: {remove: ['a b']}}"),
        rule("replicas as a boolean", "spec.rules[0].replicas", "{name: a, replicas: true}"),
        rule(
            "optional as a string",
            "spec.rules[0].optional",
            "{name: a, optional: 'yes', delete: true}"),
        rule(
            "a cluster selector with a bad term",
            "spec.rules[0].clusterSelector.labelSelector.matchExpressions[0].operator",
            "{name: a, delete: true, clusterSelector: {labelSelector: {matchExpressions: [{key: a, operator: Is}]}}}"),
        // StatusSummary.
        summary(
            "an aggregate function that does not exist",
            "spec.aggregates[0].function",
            "{aggregates: [{name: a, function: Median, expression: x}]}"),
        summary(
            "Sum without expression",
            "spec.aggregates[0].expression",
            "{aggregates: [{name: a, function: Sum}]}"),
        summary(
            "an aggregate without name",
            "spec.aggregates[0].name",
            "{aggregates: [{function: Count}]}"),
        summary(
            "an aggregate without function",
            "spec.aggregates[0].function",
            "{aggregates: [{name: a}]}"),
        summary(
            "an aggregate name starting with a digit",
            "spec.aggregates[0].name",
            "{aggregates: [{name: 1a, function: Count}]}"),
        summary(
            "a name longer than 63",
            "spec.groupBy[0].name",
            "{groupBy: [{name: " + "a".repeat(64) + ", expression: x}]}"),
        summary(
            "a groupBy without expression", "spec.groupBy[0].expression", "{groupBy: [{name: a}]}"),
        summary(
            "a blank expression",
            "spec.groupBy[0].expression",
            "{groupBy: [{name: a, expression: '  '}]}"),
        summary("eleven group keys", "spec.groupBy", "{groupBy: [" + groupBy(11) + "]}"),
        summary("attention without when", "spec.attention.when", "{attention: {limit: 5}}"),
        summary(
            "an attention limit above 1000",
            "spec.attention.limit",
            "{attention: {when: 'true', limit: 1001}}"),
        summary(
            "a sort direction that does not exist",
            "spec.attention.orderBy[0].direction",
            "{attention: {when: 'true', orderBy: [{expression: x, direction: Up}]}}"),
        summary("maxBytes below 16 KiB", "spec.maxBytes", "{maxBytes: 100}"),
        summary("staleAfter in words", "spec.staleAfter", "{staleAfter: 15 minutes}"),
        summary("staleAfter as a number", "spec.staleAfter", "{staleAfter: 15}"),
        summary(
            "feedback without jsonPath",
            "spec.feedback[0].jsonPath",
            "{feedback: [{name: ready}]}"),
        summary("a filter that is no string", "spec.filter", "{filter: 42}"),
        summary("an unknown spec field", "spec.groupby", "{groupby: []}"));
  }

  private static String groupBy(int n) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add("{name: k" + i + ", expression: x}");
    }
    return String.join(", ", items);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void theReaderAndTheSchemaBothReject(String what, String kind, String yaml, String path)
      throws IOException {
    List<Problem> problems = Readers.problems(kind, "broken.yaml", yaml);
    assertTrue(
        problems.stream().anyMatch(p -> p.path().equals(path)),
        what + ": the reader should report " + path + ", reported " + problems);
    KubernetesSchema schema = SCHEMAS.get(FlotillaKinds.API_VERSION + " " + kind);
    JsonNode document = Repository.YAML.readTree(yaml);
    List<String> errors = schema.validate(document);
    assertFalse(errors.isEmpty(), what + ": the schema accepts it");
    // The schema's error sits at the field or at the object that holds it (anyOf, required).
    String pointer = "/" + path.replaceAll("\\[([^]]*)]", "/$1").replace('.', '/');
    String near = pointer.substring(0, pointer.lastIndexOf('/'));
    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith(near)),
        what + ": the schema's errors are elsewhere than " + near + ": " + errors);
  }

  /**
   * Rules a structural schema cannot state, or could only with CEL whose cost the API server bounds
   * by maxItems the readers do not have: these pass the schema and the readers reject them. Listed
   * so that a schema change that starts catching one is noticed, and the list stays honest.
   */
  static Stream<Arguments> leftToTheReaders() {
    return Stream.of(
        scheduling(
            "duplicate decision group names",
            "spec.decisionGroups[1].groupName",
            "decisionGroups: [{groupName: a, clusterSelector: {}}, {groupName: a, clusterSelector: {}}]"),
        scheduling(
            "a canary group that is not a decision group",
            "spec.rollout.canaryGroups[0]",
            "rollout: {canaryGroups: [b]}"),
        scheduling(
            "maxDomains below minDomains",
            "spec.spreadConstraints[0].maxDomains",
            "spreadConstraints: [{topologyKey: zone, minDomains: 3, maxDomains: 2}]"),
        labels(
            "a matchLabels key that is no qualified name",
            "spec.clusterSelectors[0].labelSelector.matchLabels",
            "{matchLabels: {-a: b}}"),
        placement(
            "Gt on a property value that is neither quantity nor version",
            "spec.clusterSelectors[0].propertySelector.matchExpressions[0].values",
            "{clusterSelectors: [{propertySelector: {matchExpressions: [{name: os, operator: Gt, values: [linux]}]}}]}"),
        rule(
            "duplicate rule names",
            "spec.rules[1].name",
            "{name: a, delete: true}, {name: a, delete: true}"),
        summary(
            "duplicate aggregate names",
            "spec.aggregates[1].name",
            "{aggregates: [{name: a, function: Count}, {name: a, function: Count}]}"),
        summary("a zero staleAfter", "spec.staleAfter", "{staleAfter: 0s}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leftToTheReaders")
  void theseOnlyTheReadersReject(String what, String kind, String yaml, String path)
      throws IOException {
    List<Problem> problems = Readers.problems(kind, "broken.yaml", yaml);
    assertTrue(
        problems.stream().anyMatch(p -> p.path().equals(path)),
        what + ": the reader should report " + path + ", reported " + problems);
    KubernetesSchema schema = SCHEMAS.get(FlotillaKinds.API_VERSION + " " + kind);
    List<String> errors = schema.validate(Repository.YAML.readTree(yaml));
    assertTrue(
        errors.isEmpty(), what + ": the schema now rejects it too (move the row): " + errors);
  }

  /** Edge cases both accept: a schema that rejected one would refuse a policy Flotilla runs. */
  static Stream<Arguments> valid() {
    return Stream.of(
        rule(
            "delete beside empty lists of edits",
            "",
            "{name: a, delete: true, env: [], set: [], remove: []}"),
        rule("a merge patch that is no object", "", "{name: a, mergePatch: [1]}"),
        rule(
            "a JSON Patch member RFC 6902 ignores",
            "",
            "{name: a, jsonPatch: [{op: add, path: /a, value: 1, note: x}]}"),
        rule(
            "from on an add, ignored",
            "",
            "{name: a, jsonPatch: [{op: add, path: '', value: {}, from: not-a-pointer}]}"),
        rule("a null value set", "", "{name: a, set: [{path: $.a, value: null}]}"),
        rule("a templated replica count", "", "{name: a, replicas: '${ 3 }'}"),
        rule("an empty JSON Patch", "", "{name: a, jsonPatch: []}"),
        scheduling("an empty key tolerating every taint", "", "tolerations: [{operator: Exists}]"),
        scheduling(
            "a count with leading zeros",
            "",
            "decisionGroups: [{groupName: a, clusterSelector: {}, clustersPerGroup: '007'}]"),
        scheduling("100%", "", "rollout: {maxConcurrency: 100%}"),
        scheduling("a count as a string", "", "rollout: {maxConcurrency: '5'}"),
        scheduling("the largest count", "", "rollout: {maxConcurrency: 999999999}"),
        scheduling(
            "a property topology key", "", "spreadConstraints: [{topologyKey: 'property:region'}]"),
        labels(
            "Gt with an integer",
            "",
            "{matchExpressions: [{key: a, operator: Gt, values: ['10']}]}"),
        labels("an empty label value", "", "{matchLabels: {a: ''}}"),
        labels(
            "Exists with an empty list of values",
            "",
            "{matchExpressions: [{key: a, operator: Exists, values: []}]}"),
        summary("Count without expression", "", "{aggregates: [{name: n, function: Count}]}"),
        summary("a fractional duration", "", "{staleAfter: 1.5h}"),
        summary("a zero attention limit", "", "{attention: {when: 'true', limit: 0}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void theReaderAndTheSchemaBothAccept(String what, String kind, String yaml, String unused)
      throws IOException {
    assertEquals(List.of(), Readers.problems(kind, "valid.yaml", yaml), what);
    KubernetesSchema schema = SCHEMAS.get(FlotillaKinds.API_VERSION + " " + kind);
    assertEquals(List.of(), schema.validate(Repository.YAML.readTree(yaml)), what);
  }

  @Test
  void nullsAreAbsentFieldsForBoth() throws IOException {
    // The server prunes a null where the schema is not nullable (prunenulls.go); the readers read
    // an explicit null as an absent field: both accept.
    String yaml =
        PLACEMENT + "spec: {clusterSelectors: [{}], numberOfClusters: null, rollout: ~}\n";
    assertTrue(Readers.problems(FlotillaKinds.PLACEMENT, "n.yaml", yaml).isEmpty());
    KubernetesSchema schema =
        SCHEMAS.get(FlotillaKinds.API_VERSION + " " + FlotillaKinds.PLACEMENT);
    List<String> errors = schema.validate(Repository.YAML.readTree(yaml));
    assertTrue(errors.isEmpty(), errors.toString());
  }
}
