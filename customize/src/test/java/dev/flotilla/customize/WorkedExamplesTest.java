package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.cluster;
import static dev.flotilla.customize.Fixtures.json;
import static dev.flotilla.customize.Fixtures.policy;
import static dev.flotilla.customize.Fixtures.rules;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The peers' documented override examples, re-expressed as Flotilla rules, give the documented
 * results. Karmada: the OverridePolicy user guide (imageOverrider examples 1-3, commandOverrider
 * add and remove, plaintext replace, target cluster by field, names and exclusion), plus its labels
 * and annotations overriders. KubeFleet: the ClusterResourceOverride and ResourceOverride how-tos
 * (JSON patch remove and replace, {@code ${MEMBER-CLUSTER-NAME}} as {@code ${cluster.name}}, the
 * Delete override type, later rules winning).
 */
class WorkedExamplesTest {
  static final Cluster MEMBER1 =
      cluster("member1", Map.of("cluster", "member1"), Map.of("region", "cn-north-1"));
  static final Cluster MEMBER2 =
      cluster("member2", Map.of("cluster", "member2"), Map.of("region", "cn-south-1"));

  static final String MYAPP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: myapp
      spec:
        template:
          spec:
            containers:
            - image: myapp:1.0.0
              name: myapp
              command: [./myapp, --parameter1=foo, --parameter2=bar]
      """;

  private static JsonNode image(String imageYaml, Cluster cluster) {
    RuleSet rules = rules(policy("example", imageYaml));
    return rules.apply(cluster, yaml(MYAPP)).orElseThrow().at("/spec/template/spec/containers/0");
  }

  @Test
  void karmadaImageOverriderAddRegistry() {
    String rule =
        """
        rules:
        - name: add-registry
          clusterSelector: {}
          image: {registry: test-repo}
        """;
    assertEquals("test-repo/myapp:1.0.0", image(rule, MEMBER1).get("image").asText());
  }

  @Test
  void karmadaImageOverriderReplaceRepository() {
    String rule =
        """
        rules:
        - name: replace-repository
          clusterSelector: {}
          image: {repository: myapp2}
        """;
    assertEquals("myapp2:1.0.0", image(rule, MEMBER1).get("image").asText());
  }

  @Test
  void karmadaImageOverriderRemoveTag() {
    String rule =
        """
        rules:
        - name: remove-tag
          clusterSelector: {}
          image: {tag: ""}
        """;
    assertEquals("myapp", image(rule, MEMBER1).get("image").asText());
  }

  @Test
  void karmadaCommandOverriderAddAndRemove() {
    String rules =
        """
        rules:
        - name: add-flag
          clusterSelector: {labelSelector: {matchLabels: {cluster: member1}}}
          jsonPatch:
          - {op: add, path: /spec/template/spec/containers/0/command/-, value: "--cluster=${cluster.name}"}
        - name: remove-flag
          clusterSelector: {labelSelector: {matchLabels: {cluster: member1}}}
          remove:
          - "$.spec.template.spec.containers[?(@.name == 'myapp')].command[?(@ == '--parameter1=foo')]"
        """;
    RuleSet set = rules(policy("example", rules));
    JsonNode member1 = set.apply(MEMBER1, yaml(MYAPP)).orElseThrow();
    assertEquals(
        json("[\"./myapp\",\"--parameter2=bar\",\"--cluster=member1\"]"),
        member1.at("/spec/template/spec/containers/0/command"));
    assertEquals(yaml(MYAPP), set.apply(MEMBER2, yaml(MYAPP)).orElseThrow());
  }

  @Test
  void karmadaPlaintextReplace() {
    RuleSet set =
        rules(
            policy(
                "example",
                """
                rules:
                - name: plaintext
                  clusterSelector: {}
                  jsonPatch: [{op: replace, path: /data/example, value: 2}]
                """));
    JsonNode configMap =
        yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: myconfigmap}\ndata:\n  example: 1\n");
    assertEquals(2, set.apply(MEMBER1, configMap).orElseThrow().at("/data/example").intValue());
  }

  @Test
  void karmadaTargetClusterByFieldNamesAndExclusion() {
    RuleSet set =
        rules(
            policy(
                "example",
                """
                rules:
                - name: by-region
                  clusterSelector:
                    propertySelector: {matchExpressions: [{name: region, operator: Eq, values: [cn-north-1]}]}
                  labels: {add: {region: north}}
                - name: by-name
                  clusterSelector: {celSelector: {expressions: ["cluster.name in ['member1']"]}}
                  labels: {add: {named: "yes"}}
                - name: excluding
                  clusterSelector: {celSelector: {expressions: ["!(cluster.name in ['member1'])"]}}
                  labels: {add: {excluded: "no"}}
                """));
    JsonNode one = set.apply(MEMBER1, yaml(MYAPP)).orElseThrow().at("/metadata/labels");
    JsonNode two = set.apply(MEMBER2, yaml(MYAPP)).orElseThrow().at("/metadata/labels");
    assertEquals(json("{\"region\":\"north\",\"named\":\"yes\"}"), one);
    assertEquals(json("{\"excluded\":\"no\"}"), two);
  }

  @Test
  void karmadaLabelsAndAnnotationsOverriders() {
    RuleSet set =
        rules(
            policy(
                "example",
                """
                rules:
                - name: labels-and-annotations
                  clusterSelector: {}
                  labels: {add: {foo: bar, app: "myapp-${cluster.name}"}, remove: [stale]}
                  annotations: {add: {owner: team-a}, remove: [obsolete]}
                """));
    JsonNode input =
        yaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: myapp\n"
                + "  labels: {stale: x, app: myapp}\n"
                + "  annotations: {obsolete: y}\n");
    JsonNode out = set.apply(MEMBER2, input).orElseThrow().get("metadata");
    assertEquals(json("{\"app\":\"myapp-member2\",\"foo\":\"bar\"}"), out.get("labels"));
    assertEquals(json("{\"owner\":\"team-a\"}"), out.get("annotations"));
  }

  static final Cluster PROD = cluster("cluster-prod", Map.of("env", "prod"), Map.of());
  static final Cluster TEST = cluster("cluster-test", Map.of("env", "test"), Map.of());
  static final Cluster DEV = cluster("cluster-dev", Map.of("env", "dev"), Map.of());

  @Test
  void kubefleetClusterResourceOverrideRemovesAVerbAndLabelsWithTheMemberName() {
    RuleSet set =
        rules(
            policy(
                "example-cro",
                """
                resourceSelectors: [{kind: ClusterRole, name: secret-reader}]
                rules:
                - name: prod-read-only
                  clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
                  jsonPatch:
                  - {op: remove, path: /rules/0/verbs/2}
                  - {op: add, path: /metadata/labels, value: {cluster-name: "${cluster.name}"}}
                """));
    JsonNode role =
        yaml(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: secret-reader
            rules:
            - apiGroups: [""]
              resources: ["secrets"]
              verbs: ["get", "watch", "list"]
            """);
    JsonNode prod = set.apply(PROD, role).orElseThrow();
    assertEquals(json("[\"get\",\"watch\"]"), prod.at("/rules/0/verbs"));
    assertEquals("cluster-prod", prod.at("/metadata/labels/cluster-name").asText());
    assertEquals(role, set.apply(DEV, role).orElseThrow());
  }

  @Test
  void kubefleetResourceOverrideReplacesImagesLaterRuleWinsAndDeletes() {
    RuleSet set =
        rules(
            policy(
                "example-ro",
                """
                resourceSelectors: [{apiVersion: apps/v1, kind: Deployment, name: test-nginx}]
                rules:
                - name: all-latest
                  clusterSelector: {}
                  jsonPatch: [{op: replace, path: /spec/template/spec/containers/0/image, value: "nginx:latest"}]
                - name: prod-pinned
                  clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
                  jsonPatch: [{op: replace, path: /spec/template/spec/containers/0/image, value: "nginx:1.20.0"}]
                - name: no-test
                  clusterSelector: {labelSelector: {matchLabels: {env: test}}}
                  delete: true
                """));
    JsonNode deployment =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: test-nginx, namespace: test-namespace}
            spec:
              template:
                spec:
                  containers:
                  - {name: nginx, image: "nginx:1.14.2"}
            """);
    assertEquals(
        "nginx:1.20.0",
        set.apply(PROD, deployment)
            .orElseThrow()
            .at("/spec/template/spec/containers/0/image")
            .asText());
    assertEquals(
        "nginx:latest",
        set.apply(DEV, deployment)
            .orElseThrow()
            .at("/spec/template/spec/containers/0/image")
            .asText());
    assertEquals(Optional.empty(), set.apply(TEST, deployment));
  }

  @Test
  void oneOverriderThatDoesNotFitNeedNotFailThePolicy() {
    // Karmada fails a whole policy when one overrider does not fit; an optional rule is skipped.
    RuleSet set =
        rules(
            policy(
                "example",
                """
                rules:
                - name: only-if-present
                  optional: true
                  clusterSelector: {}
                  jsonPatch: [{op: replace, path: /spec/template/spec/containers/0/args/0, value: x}]
                - name: registry
                  clusterSelector: {}
                  image: {registry: mirror.local}
                """));
    JsonNode out = set.apply(MEMBER1, yaml(MYAPP)).orElseThrow();
    assertEquals(
        "mirror.local/myapp:1.0.0", out.at("/spec/template/spec/containers/0/image").asText());
    assertTrue(out.at("/spec/template/spec/containers/0/args").isMissingNode());
  }
}
