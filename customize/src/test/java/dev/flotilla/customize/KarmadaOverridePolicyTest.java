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
 * Karmada's OverridePolicy and ClusterOverridePolicy read as customizations, checked against the
 * cases of Karmada's own tests (karmada pkg/util/overridemanager/*_test.go,
 * pkg/util/selector_test.go) on Karmada {@code Cluster} objects mapped as Flotilla maps them.
 */
class KarmadaOverridePolicyTest {

  /** A Karmada Cluster as karmada pkg/util/selector_test.go TestClusterMatches builds it. */
  static final Cluster MEMBER1 =
      karmadaCluster(
          """
          apiVersion: cluster.karmada.io/v1alpha1
          kind: Cluster
          metadata: {name: member1, labels: {env: prod}}
          spec: {provider: provider1, region: region1, zones: [zone1, zone2, zone3]}
          status: {conditions: [{type: Ready, status: "True"}]}
          """);

  static final Cluster MEMBER2 =
      karmadaCluster(
          """
          apiVersion: cluster.karmada.io/v1alpha1
          kind: Cluster
          metadata: {name: member2, labels: {env: dev}}
          spec: {provider: provider2, region: region2}
          status: {conditions: [{type: Ready, status: "True"}]}
          """);

  static Cluster karmadaCluster(String yaml) {
    return ClusterObjects.standard().toCluster(Fixtures.yaml(yaml));
  }

  /** An OverridePolicy in namespace default with one rule for every cluster. */
  static Customization policy(String kind, String name, String spec) {
    String text =
        "apiVersion: policy.karmada.io/v1alpha1\nkind: "
            + kind
            + "\nmetadata: {name: "
            + name
            + ", namespace: default}\nspec:\n"
            + spec.stripIndent().lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    Customization read = CustomizationReader.parse("<" + name + ">", text).value();
    // Every converted policy has a Flotilla form that reads back to the same value.
    assertEquals(read, CustomizationReader.parse("<written>", PolicyWriter.toYaml(read)).value());
    return read;
  }

  static Customization overriders(String overriders) {
    return policy(
        "OverridePolicy",
        "op",
        "overrideRules:\n- overriders:\n"
            + overriders
                .stripIndent()
                .lines()
                .map(l -> "    " + l + "\n")
                .reduce("", String::concat));
  }

  static Optional<JsonNode> apply(Cluster cluster, JsonNode manifest, Customization... policies) {
    return RuleSet.compile(Arrays.asList(policies)).applyFresh(cluster, manifest);
  }

  static final String JOB =
      """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: pi, namespace: default}
      spec:
        template:
          spec:
            containers:
            - {name: pi, image: "perl:5.34.0", command: [perl, -Mbignum=bpi, -wle]}
      """;

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: test, namespace: default}
      spec:
        template:
          spec:
            containers:
            - {name: nginx, image: "fictional.registry.example/imagename:v1.0.0", command: [nginx, -v, -t]}
      """;

  static final String TWO_CONTAINERS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: test, namespace: default}
      spec:
        template:
          spec:
            containers:
            - {name: nginx, image: "fictional.registry.example/imagename:v1.0.0", command: [nginx, -v, -t]}
            - {name: nginx2, image: "registry.k8s.io/nginx-slim:0.8", command: [nginx, -v, -t]}
      """;

  static String kind(String kind, String manifest) {
    return manifest.replace("kind: Deployment", "kind: " + kind);
  }

  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: test, namespace: default}
      spec:
        containers:
        - {name: nginx, image: "fictional.registry.example/imagename:v1.0.0", command: [nginx, -v, -t]}
      """;

  /**
   * karmada pkg/util/overridemanager/imageoverride_test.go TestParseJSONPatchesByImageOverrider.
   */
  static Stream<Arguments> imageOverrider() {
    String tagDigest = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";
    return Stream.of(
        Arguments.of(
            "Job, Registry add",
            JOB,
            "{component: Registry, operator: add, value: registry.k8s.io}",
            "/spec/template/spec/containers/0/image",
            "registry.k8s.io/perl:5.34.0"),
        Arguments.of(
            "Job, predicate, Registry add",
            JOB,
            "{predicate: {path: /spec/template/spec/containers/0/image}, component: Registry, operator: add, value: registry.k8s.io}",
            "/spec/template/spec/containers/0/image",
            "registry.k8s.io/perl:5.34.0"),
        Arguments.of(
            "Deployment, Registry add",
            DEPLOYMENT,
            "{component: Registry, operator: add, value: .test}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example.test/imagename:v1.0.0"),
        Arguments.of(
            "Deployment, Registry replace",
            DEPLOYMENT,
            "{component: Registry, operator: replace, value: fictional.registry.us}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.us/imagename:v1.0.0"),
        Arguments.of(
            "Deployment, Registry remove",
            DEPLOYMENT,
            "{component: Registry, operator: remove, value: fictional.registry.us}",
            "/spec/template/spec/containers/0/image",
            "imagename:v1.0.0"),
        Arguments.of(
            "Deployment, Repository add",
            DEPLOYMENT,
            "{component: Repository, operator: add, value: /nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/imagename/nginx:v1.0.0"),
        Arguments.of(
            "Deployment, Repository replace",
            DEPLOYMENT,
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "Deployment, Repository remove",
            DEPLOYMENT,
            "{component: Repository, operator: remove, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/:v1.0.0"),
        Arguments.of(
            "Deployment, Tag add (not a tag nor a digest: unchanged)",
            DEPLOYMENT,
            "{component: Tag, operator: add, value: '" + tagDigest + "'}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/imagename:v1.0.0"),
        Arguments.of(
            "Deployment, Tag replace with a digest",
            DEPLOYMENT,
            "{component: Tag, operator: replace, value: '" + tagDigest + "'}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/imagename@" + tagDigest),
        Arguments.of(
            "Deployment, Tag remove",
            DEPLOYMENT,
            "{component: Tag, operator: remove, value: '" + tagDigest + "'}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/imagename"),
        Arguments.of(
            "Pod",
            POD,
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "StatefulSet",
            kind("StatefulSet", DEPLOYMENT),
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "ReplicaSet",
            kind("ReplicaSet", DEPLOYMENT),
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "DaemonSet",
            kind("DaemonSet", DEPLOYMENT),
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "more than one container (first)",
            TWO_CONTAINERS,
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/nginx:v1.0.0"),
        Arguments.of(
            "more than one container (second)",
            TWO_CONTAINERS,
            "{component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/1/image",
            "registry.k8s.io/nginx:0.8"),
        Arguments.of(
            "predicate, one of two containers",
            TWO_CONTAINERS,
            "{predicate: {path: /spec/template/spec/containers/0/image}, component: Repository, operator: replace, value: nginx}",
            "/spec/template/spec/containers/1/image",
            "registry.k8s.io/nginx-slim:0.8"),
        Arguments.of(
            "other kinds are left as they are",
            kind("CronJob", DEPLOYMENT),
            "{component: Registry, operator: replace, value: mirror.io}",
            "/spec/template/spec/containers/0/image",
            "fictional.registry.example/imagename:v1.0.0"),
        // karmada pkg/util/imageparser/parser_test.go: a tag and a digest keep the tag only.
        Arguments.of(
            "tag and digest: the digest is dropped",
            DEPLOYMENT.replace("imagename:v1.0.0", "imagename:v1.0.0@" + tagDigest),
            "{component: Registry, operator: replace, value: r.io}",
            "/spec/template/spec/containers/0/image",
            "r.io/imagename:v1.0.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void imageOverrider(String name, String manifest, String overrider, String pointer, String want) {
    Customization policy = overriders("imageOverrider:\n- " + overrider);
    JsonNode out = apply(MEMBER1, Fixtures.yaml(manifest), policy).orElseThrow();
    assertEquals(want, out.at(pointer).textValue());
  }

  @Test
  void imageOverriderRefusesAnImageThatIsNotAReference() {
    Customization policy =
        overriders("imageOverrider:\n- {component: Tag, operator: replace, value: v2}");
    JsonNode bad =
        Fixtures.yaml(
            DEPLOYMENT.replace("fictional.registry.example/imagename:v1.0.0", "Upper:tag"));
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> apply(MEMBER1, bad, policy));
    assertTrue(e.getMessage().contains("must be lowercase"), e.getMessage());
  }

  /** karmada pkg/util/overridemanager/commandargsoverride_test.go. */
  static Stream<Arguments> commandOverrider() {
    return Stream.of(
        Arguments.of(
            "Deployment, add",
            DEPLOYMENT,
            "{containerName: nginx, operator: add, value: [\"&& echo 'hello karmada'\"]}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\",\"-t\",\"&& echo 'hello karmada'\"]"),
        Arguments.of(
            "Deployment, remove",
            DEPLOYMENT,
            "{containerName: nginx, operator: remove, value: [-t]}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\"]"),
        Arguments.of(
            "Deployment, remove nothing",
            DEPLOYMENT,
            "{containerName: nginx, operator: remove, value: []}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\",\"-t\"]"),
        Arguments.of(
            "two containers, add to one",
            TWO_CONTAINERS,
            "{containerName: nginx, operator: add, value: [\"echo 'hello karmada'\"]}",
            "/spec/template/spec/containers/1/command",
            "[\"nginx\",\"-v\",\"-t\"]"),
        Arguments.of(
            "two containers, remove from one",
            TWO_CONTAINERS,
            "{containerName: nginx, operator: remove, value: [-t]}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\"]"),
        Arguments.of(
            "Pod, add",
            POD,
            "{containerName: nginx, operator: add, value: [\"echo 'hello karmada'\"]}",
            "/spec/containers/0/command",
            "[\"nginx\",\"-v\",\"-t\",\"echo 'hello karmada'\"]"),
        Arguments.of(
            "StatefulSet, add",
            kind("StatefulSet", DEPLOYMENT),
            "{containerName: nginx, operator: add, value: [\"echo 'hello karmada'\"]}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\",\"-t\",\"echo 'hello karmada'\"]"),
        Arguments.of(
            "no container of that name",
            DEPLOYMENT,
            "{containerName: other, operator: add, value: [x]}",
            "/spec/template/spec/containers/0/command",
            "[\"nginx\",\"-v\",\"-t\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void commandOverrider(
      String name, String manifest, String overrider, String pointer, String want) {
    Customization policy = overriders("commandOverrider:\n- " + overrider);
    JsonNode out = apply(MEMBER1, Fixtures.yaml(manifest), policy).orElseThrow();
    assertEquals(Fixtures.json(want), out.at(pointer));
  }

  @Test
  void argsOverriderAddsTheListAContainerLacks() {
    // commandargsoverride.go: a container without args gets an "add" of the new list.
    Customization policy =
        overriders("argsOverrider:\n- {containerName: nginx, operator: add, value: [-x]}");
    JsonNode out = apply(MEMBER1, Fixtures.yaml(DEPLOYMENT), policy).orElseThrow();
    assertEquals(Fixtures.json("[\"-x\"]"), out.at("/spec/template/spec/containers/0/args"));
    Customization remove =
        overriders("argsOverrider:\n- {containerName: nginx, operator: remove, value: [-x]}");
    JsonNode removed = apply(MEMBER1, Fixtures.yaml(DEPLOYMENT), remove).orElseThrow();
    assertEquals(Fixtures.json("[]"), removed.at("/spec/template/spec/containers/0/args"));
  }

  static final String LABELLED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: test, namespace: default, labels: {foo: foo, bar: bar}, annotations: {foo: foo, bar: bar}}
      spec: {}
      """;

  static final String UNLABELLED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: test, namespace: default}
      spec: {}
      """;

  /** karmada pkg/util/overridemanager/labelannotationoverrider_test.go. */
  static Stream<Arguments> labelsOverrider() {
    return Stream.of(
        Arguments.of(
            "test empty labels",
            UNLABELLED,
            "{operator: add, value: {test2: test2}}",
            "{\"test2\":\"test2\"}"),
        Arguments.of(
            "test labels replace",
            LABELLED,
            "{operator: replace, value: {foo: exist, non-exist: non-exist}}",
            "{\"foo\":\"exist\",\"bar\":\"bar\"}"),
        Arguments.of(
            "test labels add",
            LABELLED,
            "{operator: add, value: {test: test}}",
            "{\"test\":\"test\",\"foo\":\"foo\",\"bar\":\"bar\"}"),
        Arguments.of(
            "test labels remove",
            LABELLED,
            "{operator: remove, value: {foo: foo, non-exist: non-exist}}",
            "{\"bar\":\"bar\"}"),
        Arguments.of(
            "test labels remain the same",
            LABELLED,
            "{operator: remove, value: {}}",
            "{\"foo\":\"foo\",\"bar\":\"bar\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void labelsOverrider(String name, String manifest, String overrider, String want) {
    JsonNode labels =
        apply(MEMBER1, Fixtures.yaml(manifest), overriders("labelsOverrider:\n- " + overrider))
            .orElseThrow();
    assertEquals(Fixtures.json(want), labels.at("/metadata/labels"));
    JsonNode annotations =
        apply(MEMBER1, Fixtures.yaml(manifest), overriders("annotationsOverrider:\n- " + overrider))
            .orElseThrow();
    assertEquals(Fixtures.json(want), annotations.at("/metadata/annotations"));
  }

  @Test
  void removingFromAManifestWithoutLabelsLeavesItAsItWas() {
    JsonNode manifest = Fixtures.yaml(UNLABELLED);
    JsonNode out =
        apply(
                MEMBER1,
                manifest,
                overriders(
                    "labelsOverrider:\n- {operator: remove, value: {a: b}}\n- {operator: replace, value: {a: b}}"))
            .orElseThrow();
    assertEquals(manifest, out);
  }

  @Test
  void overridersApplyInKarmadasOrderWhateverTheirOrderInTheFile() {
    // overridemanager.go applyPolicyOverriders: image, command, args, labels, annotations, field,
    // plaintext. The plaintext sees the label the labels overrider added; the second labels
    // overrider (a second Flotilla rule) sees the first's.
    Customization policy =
        overriders(
            """
            plaintext:
            - {path: /metadata/labels/copied, operator: add, value: done}
            labelsOverrider:
            - {operator: add, value: {a: one}}
            - {operator: replace, value: {a: two}}
            imageOverrider:
            - {component: Registry, operator: replace, value: mirror.io}
            """);
    assertEquals(2, policy.spec().rules().size());
    JsonNode out = apply(MEMBER1, Fixtures.yaml(DEPLOYMENT), policy).orElseThrow();
    assertEquals(Fixtures.json("{\"a\":\"two\",\"copied\":\"done\"}"), out.at("/metadata/labels"));
    assertEquals(
        "mirror.io/imagename:v1.0.0", out.at("/spec/template/spec/containers/0/image").textValue());
  }

  static final String ANNOTATE =
      "overriders:\n    plaintext:\n    - {path: /metadata/annotations, operator: add, value: \"%s\"}";

  static Customization annotating(String kind, String name, String selectors, String... rules) {
    StringBuilder spec = new StringBuilder(selectors).append("overrideRules:\n");
    for (String rule : rules) {
      spec.append(rule);
    }
    return policy(kind, name, spec.toString());
  }

  static String rule(String clusters, String value) {
    return "- targetCluster: {clusterNames: ["
        + clusters
        + "]}\n  "
        + ANNOTATE.formatted(value)
        + "\n";
  }

  /** karmada pkg/util/overridemanager/overridemanager_test.go TestGetMatchingOverridePolicies. */
  @Test
  void policiesApplyByImplicitPriorityThenName() {
    String byName =
        "resourceSelectors:\n- {apiVersion: apps/v1, kind: Deployment, namespace: default, name: test}\n";
    Customization policy1 =
        annotating(
            "OverridePolicy",
            "override-policy1",
            byName,
            rule("member1, member2", "foo: bar"),
            rule("member2", "aaa: bbb"));
    Customization policy2 =
        annotating(
            "OverridePolicy", "override-policy2", "", rule("member1, member2", "hello: world"));
    JsonNode deployment = Fixtures.yaml(DEPLOYMENT);
    // OverrideRules test 1: policy2 (match-all) first, then policy1 (by name).
    assertEquals(
        "foo: bar",
        apply(MEMBER1, deployment, policy1, policy2)
            .orElseThrow()
            .at("/metadata/annotations")
            .textValue());
    // OverrideRules test 2: and policy1's second rule last.
    assertEquals(
        "aaa: bbb",
        apply(MEMBER2, deployment, policy1, policy2)
            .orElseThrow()
            .at("/metadata/annotations")
            .textValue());
    // OverrideRules test 3: empty resourceSelectors select every resource of the namespace.
    Customization policy3 =
        annotating(
            "OverridePolicy",
            "override-policy3",
            "resourceSelectors: []\n",
            rule("member1, member2", "hello: world"));
    assertEquals(
        "hello: world",
        apply(MEMBER2, deployment, policy3).orElseThrow().at("/metadata/annotations").textValue());
    // ... but not of another namespace.
    JsonNode elsewhere =
        Fixtures.yaml(DEPLOYMENT.replace("namespace: default", "namespace: other"));
    assertEquals(elsewhere, apply(MEMBER2, elsewhere, policy3).orElseThrow());
  }

  @Test
  void deprecatedTargetClusterAndOverridersAreTheOneRule() {
    // overridemanager_test.go "TargetCluster and Overriders test".
    Customization old =
        policy(
            "ClusterOverridePolicy",
            "old-override-policy",
            """
            targetCluster: {clusterNames: [member1]}
            overriders:
              plaintext:
              - {path: /metadata/annotations, operator: add, value: "hello: world"}
            """);
    JsonNode deployment = Fixtures.yaml(DEPLOYMENT);
    assertEquals(
        "hello: world",
        apply(MEMBER1, deployment, old).orElseThrow().at("/metadata/annotations").textValue());
    assertEquals(deployment, apply(MEMBER2, deployment, old).orElseThrow());
  }

  @Test
  void clusterOverridePoliciesApplyBeforeOverridePolicies() {
    // overridemanager.go ApplyOverridePolicies: ClusterOverridePolicy first, whatever the names.
    Customization cluster =
        annotating("ClusterOverridePolicy", "zz", "", rule("member1", "cluster"));
    Customization namespaced =
        annotating("OverridePolicy", "aa", "", rule("member1", "namespaced"));
    assertEquals(
        "namespaced",
        apply(MEMBER1, Fixtures.yaml(DEPLOYMENT), cluster, namespaced)
            .orElseThrow()
            .at("/metadata/annotations")
            .textValue());
  }

  /** karmada pkg/util/selector_test.go TestClusterMatches, on member1 (zones 1-3) and member2. */
  static Stream<Arguments> targetCluster() {
    return Stream.of(
        Arguments.of(
            "excluded and names", "{exclude: [member1], clusterNames: [member1]}", false, false),
        Arguments.of("cluster names", "{clusterNames: [member1]}", true, false),
        Arguments.of("names not matched", "{clusterNames: [cluster2]}", false, false),
        Arguments.of(
            "names and label selector",
            "{clusterNames: [member1], labelSelector: {matchLabels: {env: prod}}}",
            true,
            false),
        Arguments.of(
            "names and label selector not matched",
            "{clusterNames: [member1], labelSelector: {matchLabels: {env: dev}}}",
            false,
            false),
        Arguments.of(
            "zone and region",
            "{fieldSelector: {matchExpressions: [{key: zone, operator: In, values: [zone1, zone2, zone3]}, {key: region, operator: In, values: [region1]}]}}",
            true,
            false),
        Arguments.of(
            "provider",
            "{fieldSelector: {matchExpressions: [{key: provider, operator: In, values: [provider1]}]}}",
            true,
            false),
        Arguments.of(
            "zone not in",
            "{fieldSelector: {matchExpressions: [{key: zone, operator: NotIn, values: [zone1, zone2, zone3]}]}}",
            false,
            true),
        Arguments.of(
            "provider not in",
            "{fieldSelector: {matchExpressions: [{key: provider, operator: NotIn, values: [provider1]}]}}",
            false,
            true),
        Arguments.of(
            "region not in",
            "{fieldSelector: {matchExpressions: [{key: region, operator: NotIn, values: [region1]}]}}",
            false,
            true),
        Arguments.of(
            "zone In needs a zone (member2 has none)",
            "{fieldSelector: {matchExpressions: [{key: zone, operator: In, values: [zone1]}]}}",
            true,
            false),
        Arguments.of(
            "label selector",
            "{labelSelector: {matchExpressions: [{key: env, operator: In, values: [prod, dev]}]}}",
            true,
            true),
        Arguments.of("empty cluster affinity matched", "{}", true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void targetCluster(String name, String affinity, boolean member1, boolean member2) {
    Customization policy =
        policy(
            "OverridePolicy",
            "op",
            "overrideRules:\n- targetCluster: "
                + affinity
                + "\n  "
                + ANNOTATE.formatted("x")
                + "\n");
    JsonNode deployment = Fixtures.yaml(DEPLOYMENT);
    assertEquals(
        member1, !apply(MEMBER1, deployment, policy).orElseThrow().equals(deployment), "member1");
    assertEquals(
        member2, !apply(MEMBER2, deployment, policy).orElseThrow().equals(deployment), "member2");
  }

  /** karmada overridemanager_test.go Test_overrideManagerImpl_ApplyJSONOverridePolicies_JSON. */
  @Test
  void fieldOverriderPatchesEmbeddedJson() {
    Customization policy =
        policy(
            "OverridePolicy",
            "test1",
            """
            resourceSelectors:
            - {apiVersion: v1, kind: ConfigMap, namespace: default, name: test1}
            overrideRules:
            - targetCluster: {clusterNames: [member1]}
              overriders:
                fieldOverrider:
                - fieldPath: /data/test.json
                  json:
                  - {subPath: /key/key1, operator: replace, value: updated_value}
                  - {subPath: /key/added, operator: add, value: {b: 1, a: "<&>"}}
            """);
    JsonNode configMap =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: test1, namespace: default}
            data: {test.json: '{"key":{"key1":"value","n":1.50}}'}
            """);
    JsonNode out = apply(MEMBER1, configMap, policy).orElseThrow();
    assertEquals(
        "{\"key\":{\"key1\":\"updated_value\",\"n\":1.50,\"added\":{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":1}}}",
        out.at("/data/test.json").textValue());
  }

  @Test
  void fieldOverriderRefusesEmbeddedJsonItCannotWriteAsKarmadaDoes() {
    Customization policy =
        overriders(
            "fieldOverrider:\n- fieldPath: /data/x\n  json: [{subPath: /a, operator: remove}]");
    JsonNode configMap =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: test1, namespace: default}
            data: {x: '{"a": 1, "b": 1E3}'}
            """);
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> apply(MEMBER1, configMap, policy));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
  }

  /** karmada overridemanager_test.go Test_overrideManagerImpl_ApplyFieldOverriderPolicies_YAML. */
  @Test
  void fieldOverriderPatchesEmbeddedYaml() {
    Customization policy =
        overriders(
            """
            fieldOverrider:
            - fieldPath: /data/test.yaml
              yaml:
              - {subPath: /key/key1, operator: replace, value: updated_value}
            """);
    JsonNode configMap =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: test1, namespace: default}
            data:
              test.yaml: "\\nkey: \\n  key1: value\\n"
            """);
    JsonNode out = apply(MEMBER1, configMap, policy).orElseThrow();
    assertEquals("key:\n  key1: updated_value\n", out.at("/data/test.yaml").textValue());
  }

  @Test
  void embeddedYamlIsWrittenAsGoYamlV2WritesIt() {
    // sigs.k8s.io/yaml JSONToYAML: keys in go-yaml's natural order (digit runs by value, letters
    // after other characters), lists not indented under their key, "" and null as go-yaml writes.
    Customization policy =
        overriders(
            """
            fieldOverrider:
            - fieldPath: /data/app.yaml
              yaml:
              - {subPath: /servers/-, operator: add, value: {port: 8080, host: b}}
              - {subPath: /empty, operator: add, value: ""}
            """);
    JsonNode configMap =
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: test1, namespace: default}
            data:
              app.yaml: |
                z10: true
                z9: ~
                _a: {}
                servers:
                - {host: a, port: 80}
                lists: [[p, q], []]
            """);
    JsonNode out = apply(MEMBER1, configMap, policy).orElseThrow();
    assertEquals(
        """
        _a: {}
        empty: ""
        lists:
        - - p
          - q
        - []
        servers:
        - host: a
          port: 80
        - host: b
          port: 8080
        z9: null
        z10: true
        """,
        out.at("/data/app.yaml").textValue());
  }

  @Test
  void embeddedYamlFlotillaCannotWriteAsGoYamlDoesIsRefused() {
    Customization policy =
        overriders(
            "fieldOverrider:\n- fieldPath: /data/x\n  yaml: [{subPath: /a, operator: remove}]");
    for (String yaml :
        List.of("a: 1\nb: yes\n", "a: 1\nb: 1.5\n", "a: 1\nb: two words\n", "a: &x 1\n")) {
      ObjectNodeBuilder configMap = new ObjectNodeBuilder(yaml);
      CustomizationException e =
          assertThrows(
              CustomizationException.class, () -> apply(MEMBER1, configMap.node, policy), yaml);
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
  }

  /** A ConfigMap holding {@code yaml} at data.x. */
  static final class ObjectNodeBuilder {
    final JsonNode node;

    ObjectNodeBuilder(String yaml) {
      com.fasterxml.jackson.databind.node.ObjectNode map =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              Fixtures.yaml(
                  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\ndata: {}\n");
      ((com.fasterxml.jackson.databind.node.ObjectNode) map.get("data")).put("x", yaml);
      node = map;
    }
  }

  static List<String> errors(String text) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> CustomizationReader.parse("bad.yaml", text));
    return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  @Test
  void whatCannotBeCarriedOverIsAnErrorWithItsFieldPath() {
    List<String> errors =
        errors(
            """
            apiVersion: policy.karmada.io/v1alpha1
            kind: OverridePolicy
            metadata: {name: bad, namespace: default}
            spec:
              resourceSelectors:
              - {apiVersion: apps/v1, kind: Deployment, namespace: other}
              - {apiVersion: apps/v1, kind: Deployment, namespace: default, name: web}
              overrideRules:
              - targetCluster:
                  fieldSelector:
                    matchExpressions: [{key: cpu, operator: Gt, values: ["1"]}]
                overriders:
                  fieldOverrider:
                  - fieldPath: /data/config.yaml
                    yaml: [{subPath: /a, operator: remove}]
                    json: [{subPath: /a, operator: remove}]
                  plaintext:
                  - {path: /spec/containers/-1/image, operator: replace, value: x}
                  imageOverrider:
                  - {predicate: {path: /spec/a~1b}, component: Tag, operator: replace, value: v}
            """);
    String all = String.join("\n", errors);
    assertTrue(all.contains("spec.resourceSelectors[0].namespace: Invalid value: \"other\""), all);
    assertTrue(all.contains("spec.resourceSelectors: Invalid value: selectors by name"), all);
    assertTrue(
        all.contains(
            "spec.overrideRules[0].targetCluster.fieldSelector.matchExpressions[0].key: Unsupported value: \"cpu\""),
        all);
    assertTrue(
        all.contains(
            "spec.overrideRules[0].overriders.fieldOverrider[0]: Invalid value: FieldOverrider has both YAML and JSON set"),
        all);
    assertTrue(
        all.contains("spec.overrideRules[0].overriders.plaintext[0].path: Invalid value"), all);
    assertTrue(
        all.contains(
            "spec.overrideRules[0].overriders.imageOverrider[0].predicate.path: Invalid value"),
        all);
    List<String> version =
        errors(
            "apiVersion: policy.karmada.io/v1\nkind: OverridePolicy\nmetadata: {name: x}\nspec: {}\n");
    assertTrue(
        version.contains(
            "apiVersion: Unsupported value: \"policy.karmada.io/v1\": supported values: \"policy.karmada.io/v1alpha1\""),
        version.toString());
  }

  @Test
  void aLiteralDollarBraceStaysLiteral() {
    Customization policy =
        overriders(
            "plaintext:\n- {path: /metadata/annotations, operator: add, value: {a: '${cluster.name}'}}");
    JsonNode out = apply(MEMBER1, Fixtures.yaml(DEPLOYMENT), policy).orElseThrow();
    assertEquals("${cluster.name}", out.at("/metadata/annotations/a").textValue());
  }
}
