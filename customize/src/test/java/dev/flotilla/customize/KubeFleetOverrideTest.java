package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.kube.ClusterObjects;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KubeFleet's ClusterResourceOverride and ResourceOverride read as customizations, checked against
 * the cases of KubeFleet's own tests (kubefleet pkg/controllers/workgenerator/override_test.go) on
 * KubeFleet {@code MemberCluster} objects mapped as Flotilla maps them.
 */
class KubeFleetOverrideTest {

  static final Cluster CLUSTER1 =
      member(
          "cluster-1",
          "{key1: value1, key2: value2, region: us-west, env: production, zone: west-1a}");
  static final Cluster CLUSTER2 = member("cluster-2", "{key1: value1}");

  static Cluster member(String name, String labels) {
    return ClusterObjects.standard()
        .toCluster(
            Fixtures.yaml(
                "apiVersion: cluster.kubernetes-fleet.io/v1beta1\nkind: MemberCluster\nmetadata: {name: "
                    + name
                    + ", labels: "
                    + labels
                    + "}\nspec: {identity: {kind: ServiceAccount, name: fleet, namespace: fleet-system}}\n"));
  }

  static Customization read(String text) {
    Customization read = CustomizationReader.parse("<override>", text).value();
    assertEquals(read, CustomizationReader.parse("<written>", PolicyWriter.toYaml(read)).value());
    return read;
  }

  /** A ResourceOverride of Deployment deployment-name in namespace default. */
  static Customization resourceOverride(String name, String rules) {
    return read(
        "apiVersion: placement.kubernetes-fleet.io/v1beta1\nkind: ResourceOverride\nmetadata: {name: "
            + name
            + ", namespace: default}\nspec:\n  resourceSelectors:\n  - {group: apps, version: v1, kind: Deployment, name: deployment-name}\n  policy:\n    overrideRules:\n"
            + rules.stripIndent().lines().map(l -> "    " + l + "\n").reduce("", String::concat));
  }

  static Customization clusterResourceOverride(String name, String selector, String rules) {
    return read(
        "apiVersion: placement.kubernetes-fleet.io/v1beta1\nkind: ClusterResourceOverride\nmetadata: {name: "
            + name
            + "}\nspec:\n  clusterResourceSelectors:\n  - "
            + selector
            + "\n  policy:\n    overrideRules:\n"
            + rules.stripIndent().lines().map(l -> "    " + l + "\n").reduce("", String::concat));
  }

  static Optional<JsonNode> apply(Cluster cluster, JsonNode manifest, Customization... policies) {
    return RuleSet.compile(Arrays.asList(policies)).applyFresh(cluster, manifest);
  }

  static JsonNode deployment(String labels) {
    return Fixtures.yaml(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: deployment-name, namespace: default, labels: "
            + labels
            + "}\nspec: {}\n");
  }

  /** kubefleet override_test.go TestApplyJSONPatchOverride: labels before, patch, labels after. */
  static Stream<Arguments> applyJsonPatchOverride() {
    return Stream.of(
        Arguments.of(
            "reset the labels using add operation",
            "{app: nginx-1, key: value}",
            "[{op: add, path: /metadata/labels, value: {app: nginx}}]",
            "{\"app\":\"nginx\"}"),
        Arguments.of(
            "reset the labels using replace operation",
            "{app: nginx-1, key: value}",
            "[{op: replace, path: /metadata/labels, value: {app: nginx}}]",
            "{\"app\":\"nginx\"}"),
        Arguments.of(
            "add a label key value in the existing labels",
            "{app: nginx}",
            "[{op: add, path: /metadata/labels/new-label, value: new-value}]",
            "{\"app\":\"nginx\",\"new-label\":\"new-value\"}"),
        Arguments.of(
            "remove a label", "{app: nginx}", "[{op: remove, path: /metadata/labels/app}]", "{}"),
        Arguments.of(
            "replace a label",
            "{app: nginx}",
            "[{op: replace, path: /metadata/labels/app, value: new-value}]",
            "{\"app\":\"new-value\"}"),
        Arguments.of(
            "typo in template variable should just be rendered as is",
            "{app: nginx}",
            "[{op: replace, path: /metadata/labels/app, value: $CLUSTER_NAME}, {op: add, path: '/metadata/labels/${Member-Cluster-Name}', value: '${CLUSTER-NAME}'}]",
            "{\"app\":\"$CLUSTER_NAME\",\"${Member-Cluster-Name}\":\"${CLUSTER-NAME}\"}"),
        Arguments.of(
            "multiple rules with cluster name template",
            "{app: nginx}",
            "[{op: replace, path: /metadata/labels/app, value: '${MEMBER-CLUSTER-NAME}'}]",
            "{\"app\":\"cluster-1\"}"),
        Arguments.of(
            "replace using cluster label key variables",
            "{app: nginx}",
            "[{op: replace, path: /metadata/labels/app, value: '${MEMBER-CLUSTER-LABEL-KEY-region}-app'}]",
            "{\"app\":\"us-west-app\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void applyJsonPatchOverride(String name, String labels, String patch, String want) {
    Customization ro =
        resourceOverride(
            "ro", "- clusterSelector: {clusterSelectorTerms: []}\n  jsonPatchOverrides: " + patch);
    JsonNode out = apply(CLUSTER1, deployment(labels), ro).orElseThrow();
    assertEquals(Fixtures.json(want), out.at("/metadata/labels"));
  }

  @Test
  void variablesInsideObjectValues() {
    // override_test.go "multiple rules with cluster name template" and "replace using cluster label
    // key variables": the variables sit inside an object value.
    Customization ro =
        resourceOverride(
            "ro",
            """
            - clusterSelector: {clusterSelectorTerms: []}
              jsonPatchOverrides:
              - {op: add, path: /metadata/annotations, value: {app: 'workload-${MEMBER-CLUSTER-NAME}', test: nginx, environment: '${MEMBER-CLUSTER-LABEL-KEY-env}', zone: '${MEMBER-CLUSTER-LABEL-KEY-zone}'}}
              - {op: add, path: /spec/minReadySeconds, value: 1}
            """);
    JsonNode out = apply(CLUSTER1, deployment("{app: nginx}"), ro).orElseThrow();
    assertEquals(
        Fixtures.json(
            "{\"app\":\"workload-cluster-1\",\"test\":\"nginx\",\"environment\":\"production\",\"zone\":\"west-1a\"}"),
        out.at("/metadata/annotations"));
    assertEquals(1, out.at("/spec/minReadySeconds").intValue());
  }

  @Test
  void aLabelVariableForALabelTheClusterLacksIsAnError() {
    // override_test.go "replace with non-existent label key"; TestReplaceClusterLabelKeyVariables
    // "label key is case sensitive" and "empty label key".
    for (String key : List.of("non-existent", "REGION", "")) {
      Customization ro =
          resourceOverride(
              "ro",
              "- clusterSelector: {clusterSelectorTerms: []}\n  jsonPatchOverrides: [{op: replace, path: /metadata/labels/app, value: '${MEMBER-CLUSTER-LABEL-KEY-"
                  + key
                  + "}-app'}]");
      assertThrows(
          CustomizationException.class, () -> apply(CLUSTER1, deployment("{app: nginx}"), ro), key);
    }
  }

  @Test
  void aLabelVariableWithoutItsClosingBracketIsAnError() {
    // TestReplaceClusterLabelKeyVariables "missing closing bracket".
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                resourceOverride(
                    "ro",
                    "- clusterSelector: {clusterSelectorTerms: []}\n  jsonPatchOverrides: [{op: replace, path: /metadata/labels/app, value: 'in ${MEMBER-CLUSTER-LABEL-KEY-region'}]"));
    assertTrue(
        e.getMessage().contains("spec.policy.overrideRules[0].jsonPatchOverrides[0].value"),
        e.getMessage());
  }

  static final String CLUSTER_ROLE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: clusterrole-name}
      rules:
      - apiGroups: [authorization.k8s.io]
        resources: [selfsubjectaccessreviews, selfsubjectrulesreviews]
        verbs: [create]
      """;

  static final String ROLE_SELECTOR =
      "{group: rbac.authorization.k8s.io, version: v1, kind: ClusterRole, name: clusterrole-name}";

  /** override_test.go TestApplyOverrides_clusterScopedResource. */
  static Stream<Arguments> clusterScopedResource() {
    String key1 =
        "clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key1: value1}}}]}";
    String key2 =
        "clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key2: value2}}}]}";
    return Stream.of(
        Arguments.of(
            "two rules that don't conflict",
            "- "
                + key1
                + "\n  jsonPatchOverrides: [{op: add, path: /rules/0/verbs/1, value: read}]\n- "
                + key2
                + "\n  jsonPatchOverrides: [{op: remove, path: /rules/0/verbs/0}]",
            "[\"read\"]"),
        Arguments.of(
            "two rules that conflict but still a valid patch",
            "- "
                + key1
                + "\n  jsonPatchOverrides: [{op: add, path: /rules/0/verbs/1, value: read}]\n- "
                + key2
                + "\n  jsonPatchOverrides: [{op: remove, path: /rules/0/verbs/1}]",
            "[\"create\"]"),
        Arguments.of(
            "only one rule matched the cluster",
            "- "
                + key1
                + "\n  jsonPatchOverrides: [{op: add, path: /rules/0/verbs/1, value: read}]\n- clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key3: value3}}}]}\n  jsonPatchOverrides: [{op: remove, path: /rules/0/verbs/0}]",
            "[\"create\",\"read\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void clusterScopedResource(String name, String rules, String verbs) {
    Customization cro = clusterResourceOverride("cro", ROLE_SELECTOR, rules);
    JsonNode out = apply(CLUSTER1, Fixtures.yaml(CLUSTER_ROLE), cro).orElseThrow();
    assertEquals(Fixtures.json(verbs), out.at("/rules/0/verbs"));
  }

  @Test
  void twoRulesThatConflictAndResultInAnError() {
    Customization cro =
        clusterResourceOverride(
            "conflicting-rules-cro",
            ROLE_SELECTOR,
            """
            - clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key1: value1}}}]}
              jsonPatchOverrides: [{op: remove, path: /rules/0/verbs}]
            - clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key2: value2}}}]}
              jsonPatchOverrides: [{op: add, path: /rules/0/verbs/1, value: read}]
            """);
    CustomizationException e =
        assertThrows(
            CustomizationException.class, () -> apply(CLUSTER1, Fixtures.yaml(CLUSTER_ROLE), cro));
    assertTrue(e.getMessage().contains("conflicting-rules-cro"), e.getMessage());
  }

  @Test
  void deleteDuringAndAfterPatching() {
    // override_test.go "delete during the clusterResourceOverride", "delete after patching".
    Customization cro =
        clusterResourceOverride(
            "cro",
            ROLE_SELECTOR,
            """
            - clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key1: value1}}}]}
              jsonPatchOverrides: [{op: add, path: /metadata/labels, value: {key1: value1}}]
            - clusterSelector: {clusterSelectorTerms: [{labelSelector: {matchLabels: {key2: value2}}}]}
              overrideType: Delete
            """);
    assertTrue(apply(CLUSTER1, Fixtures.yaml(CLUSTER_ROLE), cro).isEmpty());
    assertEquals(
        "value1",
        apply(CLUSTER2, Fixtures.yaml(CLUSTER_ROLE), cro)
            .orElseThrow()
            .at("/metadata/labels/key1")
            .textValue());
  }

  @Test
  void clusterSelectorTermsAreOredAndAnAbsentSelectorSelectsNoCluster() {
    // kubefleet pkg/utils/overrider IsClusterMatched.
    Customization ro =
        resourceOverride(
            "ro",
            """
            - clusterSelector:
                clusterSelectorTerms:
                - labelSelector: {matchLabels: {key2: value2}}
                - labelSelector: {matchExpressions: [{key: region, operator: DoesNotExist}, {key: key1, operator: In, values: [value1]}]}
              jsonPatchOverrides: [{op: add, path: /metadata/labels/hit, value: 'yes'}]
            - jsonPatchOverrides: [{op: add, path: /metadata/labels/never, value: 'yes'}]
            """);
    assertEquals(
        Fixtures.json("{\"app\":\"nginx\",\"hit\":\"yes\"}"),
        apply(CLUSTER1, deployment("{app: nginx}"), ro).orElseThrow().at("/metadata/labels"));
    assertEquals(
        Fixtures.json("{\"app\":\"nginx\",\"hit\":\"yes\"}"),
        apply(CLUSTER2, deployment("{app: nginx}"), ro).orElseThrow().at("/metadata/labels"));
    Cluster other = member("cluster-3", "{region: eu}");
    assertEquals(
        Fixtures.json("{\"app\":\"nginx\"}"),
        apply(other, deployment("{app: nginx}"), ro).orElseThrow().at("/metadata/labels"));
  }

  @Test
  void resourceOverrideWins() {
    // override_test.go TestApplyOverrides_namespaceScopedResource "resourceOverride wins": a CRO on
    // the namespace applies first, the RO on the deployment last.
    Customization cro =
        clusterResourceOverride(
            "zz-cro",
            "{group: '', version: v1, kind: Namespace, name: default}",
            "- clusterSelector: {clusterSelectorTerms: []}\n  jsonPatchOverrides: [{op: replace, path: /metadata/labels/app, value: cro}]");
    Customization ro =
        resourceOverride(
            "aa-ro",
            "- clusterSelector: {clusterSelectorTerms: []}\n  jsonPatchOverrides: [{op: replace, path: /metadata/labels/app, value: ro}]");
    assertEquals(
        "ro",
        apply(CLUSTER1, deployment("{app: nginx}"), cro, ro)
            .orElseThrow()
            .at("/metadata/labels/app")
            .textValue());
    // The CRO selects the Namespace object itself too, and nothing in other namespaces.
    JsonNode namespace =
        Fixtures.yaml(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: default, labels: {app: x}}\n");
    assertEquals(
        "cro",
        apply(CLUSTER1, namespace, cro).orElseThrow().at("/metadata/labels/app").textValue());
    JsonNode elsewhere =
        Fixtures.yaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: deployment-name, namespace: other, labels: {app: x}}\n");
    assertEquals(elsewhere, apply(CLUSTER1, elsewhere, cro, ro).orElseThrow());
  }

  @Test
  void whatKubeFleetRefusesOrFlotillaCannotSayIsAnErrorWithItsFieldPath() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                read(
                    """
                    apiVersion: placement.kubernetes-fleet.io/v1alpha1
                    kind: ClusterResourceOverride
                    metadata: {name: bad}
                    spec:
                      clusterResourceSelectors:
                      - {group: apps, version: v1, kind: Deployment, name: web}
                      - {group: example.com, version: v1, kind: Widget, name: w}
                      policy:
                        overrideRules:
                        - clusterSelector: {clusterSelectorTerms: [{propertySelector: {matchExpressions: []}}]}
                          jsonPatchOverrides: [{op: add, path: /status/x, value: 1}, {op: remove, path: /spec/a, value: 1}]
                        - overrideType: Delete
                          jsonPatchOverrides: [{op: add, path: /spec/x, value: 1}]
                    """));
    String all =
        e.problems().stream()
            .map(p -> p.path() + ": " + p.message())
            .reduce("", (a, b) -> a + b + "\n");
    assertTrue(
        all.contains(
            "spec.clusterResourceSelectors[0].kind: Invalid value: \"Deployment\": selects nothing"),
        all);
    assertTrue(
        all.contains(
            "spec.clusterResourceSelectors[1].kind: Invalid value: \"Widget\": Flotilla cannot tell"),
        all);
    assertTrue(
        all.contains(
            "spec.policy.overrideRules[0].clusterSelector.clusterSelectorTerms[0]: Invalid value: only labelSelector"),
        all);
    assertTrue(
        all.contains(
            "spec.policy.overrideRules[0].jsonPatchOverrides[0].path: Invalid value: \"/status/x\": cannot override status fields"),
        all);
    assertTrue(
        all.contains("spec.policy.overrideRules[0].jsonPatchOverrides[1].value: Forbidden"), all);
    assertTrue(all.contains("spec.policy.overrideRules[1].jsonPatchOverrides: Forbidden"), all);
  }
}
