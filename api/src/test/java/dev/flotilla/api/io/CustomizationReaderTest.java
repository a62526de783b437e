package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomizationReaderTest {
  private static final String HEAD =
      "apiVersion: flotilla.dev/v1alpha1\nkind: Customization\nmetadata: {name: edge, namespace: shop}\n";

  private static Customization read(String yaml) {
    return CustomizationReader.parse("c.yaml", HEAD + yaml).value();
  }

  private static List<String> problems(String yaml) {
    ValidationException e = assertThrows(ValidationException.class, () -> read(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEveryFieldAndOrdersActions() {
    Customization c =
        read(
            """
            spec:
              priority: 5
              resourceSelectors:
              - {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web, labelSelector: {matchLabels: {app: web}}}
              rules:
              - name: everything
                optional: true
                clusterSelector:
                  labelSelector: {matchLabels: {env: prod}}
                  celSelector: {expressions: ["cluster.name != 'x'"]}
                jsonPatch:
                - {op: add, path: /a, value: null}
                - {op: move, from: /a, path: /b}
                mergePatch: {spec: {paused: true}}
                remove: ["$.spec.x"]
                set: [{path: "$.spec.y", value: {n: 1}}]
                replicas: "${ 1 }"
                env: [{container: web, set: {A: b}, remove: [C]}]
                annotations: {add: {a: b}}
                labels: {add: {k: v}, remove: [old]}
                image: {containers: [web], registry: r.example, tag: "1.0"}
              - name: drop
                clusterSelector: {}
                delete: true
              - name: nothing
                labels: {add: {k: v}}
            """);
    assertEquals("edge", c.name());
    assertEquals("shop", c.namespace());
    assertEquals(5, c.spec().priority());
    assertTrue(
        c.spec()
            .resourceSelectors()
            .get(0)
            .matches(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(
                        Map.of(
                            "apiVersion", "apps/v1",
                            "kind", "Deployment",
                            "metadata",
                                Map.of(
                                    "namespace",
                                    "shop",
                                    "name",
                                    "web",
                                    "labels",
                                    Map.of("app", "web"))))));
    Rule rule = c.spec().rules().get(0);
    assertTrue(rule.optional());
    assertEquals(
        List.of(
            Action.Image.class,
            Action.Labels.class,
            Action.Annotations.class,
            Action.Env.class,
            Action.Replicas.class,
            Action.SetValue.class,
            Action.RemoveValue.class,
            Action.MergePatch.class,
            Action.JsonPatch.class),
        rule.actions().stream().map(Object::getClass).toList());
    Action.JsonPatch patch = (Action.JsonPatch) rule.actions().get(8);
    assertEquals(
        Optional.of(JsonNodeFactory.instance.nullNode()), patch.operations().get(0).value());
    assertEquals(Optional.of("/a"), patch.operations().get(1).from());
    assertEquals(List.of(new Action.Delete()), c.spec().rules().get(1).actions());
    assertEquals(Optional.empty(), c.spec().rules().get(2).clusterSelector());
  }

  @Test
  void jsonPatchFollowsRfc6902Section4() {
    Customization c =
        read(
            """
            spec:
              rules:
              - name: empty
                jsonPatch: []
              - name: extra
                jsonPatch:
                - {op: remove, path: /a, value: 1, from: /b, comment: ignored}
                - {op: add, path: /a, value: 1, from: {not: a pointer}}
                - {op: move, path: /a, from: /b, value: [1]}
            """);
    assertEquals(List.of(new Action.JsonPatch(List.of())), c.spec().rules().get(0).actions());
    assertEquals(
        List.of(
            new Action.JsonPatch(
                List.of(
                    Action.PatchOperation.remove("/a"),
                    Action.PatchOperation.of(
                        Action.Op.add, "/a", JsonNodeFactory.instance.numberNode(1)),
                    Action.PatchOperation.from(Action.Op.move, "/b", "/a")))),
        c.spec().rules().get(1).actions());
  }

  @Test
  void aPatchOperationWithoutPathIsAnErrorNotDropped() {
    String all =
        String.join(
            "\n",
            problems(
                """
                spec:
                  rules:
                  - name: a
                    jsonPatch:
                    - {op: add, path: /x, value: 1}
                    - {op: add, path: ~, value: 2}
                    - {op: move, path: /y}
                    - {op: copy, path: /y, from: ~}
                """));
    assertTrue(all.contains("spec.rules[0].jsonPatch[1].path: Required value"), all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[2].from: Required value"), all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[3].from: Required value"), all);
  }

  @Test
  void everyProblemHasLineColumnAndPath() {
    List<String> problems =
        problems(
            """
            spec:
              rules:
              - name: a
                clusterSelector: {labelSelector: {matchExpressions: [{key: env, operator: in, values: [x]}]}}
                jsonPatch:
                - {op: put, path: /a}
                - {op: add, path: a, value: 1}
                - {op: remove, path: /a, value: 1}
                - {op: add, value: 1}
                - {op: copy, path: ~, from: ~}
                image: {tag: "1", digest: "sha256:x"}
                unknown: 1
              - name: a
                delete: true
                labels: {add: {"bad key!": v}}
              - name: c
                set: [{path: "spec.x", value: 1}, {path: "$.y"}, {path: ~, value: 1}]
                replicas: [1]
            """);
    String all = String.join("\n", problems);
    assertTrue(all.contains("c.yaml:7:"), all);
    assertTrue(
        all.contains("spec.rules[0].clusterSelector.labelSelector.matchExpressions[0].operator"),
        all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[0].op: Unsupported value: \"put\""), all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[1].path: Invalid value: \"a\""), all);
    assertTrue(!all.contains("spec.rules[0].jsonPatch[2]"), all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[3].path: Required value"), all);
    assertTrue(all.contains("spec.rules[0].jsonPatch[4].path: Required value"), all);
    assertTrue(all.contains("spec.rules[0].image.digest: Forbidden"), all);
    assertTrue(all.contains("spec.rules[0].unknown: unknown field"), all);
    assertTrue(all.contains("spec.rules[1].labels.add[bad key!]"), all);
    assertTrue(all.contains("spec.rules[2].set[0].path: Invalid value: \"spec.x\""), all);
    assertTrue(all.contains("spec.rules[2].set[1].value: Required value"), all);
    assertTrue(all.contains("spec.rules[2].set[2].path: Required value"), all);
    assertTrue(all.contains("spec.rules[2].replicas: wrong type"), all);
    for (String problem : problems) {
      assertTrue(problem.matches("c\\.yaml:\\d+:\\d+: .*"), problem);
    }
  }

  @Test
  void ruleLevelChecks() {
    String all =
        String.join(
            "\n",
            problems(
                """
                spec:
                  rules:
                  - name: a
                    clusterSelector: {}
                    delete: true
                    replicas: 1
                  - name: a
                    clusterSelector: {}
                  - clusterSelector: {}
                    replicas: 1
                """));
    assertTrue(all.contains("spec.rules[0].delete: Invalid value: true"), all);
    assertTrue(all.contains("spec.rules[1]: Required value: a rule needs an action"), all);
    assertTrue(all.contains("spec.rules[2].name: Required value"), all);
  }

  @Test
  void duplicateRuleNamesAndMissingRules() {
    assertTrue(
        String.join(
                "\n",
                problems(
                    "spec:\n  rules:\n  - {name: a, replicas: 1}\n  - {name: a, replicas: 2}\n"))
            .contains("spec.rules[1].name: Duplicate value: \"a\""));
    assertTrue(
        String.join("\n", problems("spec: {priority: 1}\n"))
            .contains("spec.rules: Required value"));
  }

  @Test
  void wrongKindIsReported() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                CustomizationReader.parse(
                    "c.yaml",
                    "apiVersion: flotilla.dev/v1alpha1\nkind: Placement\nmetadata: {name: x}\n"
                        + "spec: {rules: [{name: a, replicas: 1}]}\n"));
    assertTrue(e.getMessage().contains("kind: Unsupported value: \"Placement\""), e.getMessage());
  }

  @Test
  void sourceMapLocatesLaterProblems() {
    Parsed<Customization> parsed =
        CustomizationReader.parse(
            "c.yaml",
            HEAD
                + "spec:\n  rules:\n  - name: a\n    set:\n    - path: $.x\n      value: \"${ oops\"\n");
    Problem located = parsed.sourceMap().locate(Problem.at("spec.rules[0].set[0].value", "bad"));
    assertEquals(9, located.line());
  }

  @Test
  void imageChoosesContainersByNameOrIndexAndSaysWhichListsTakePart() {
    Customization c =
        read(
            """
            spec:
              rules:
              - name: mirror
                image: {containerIndexes: [1], initContainers: false, ephemeralContainers: true, registry: m.example}
              - name: defaults
                image: {registry: m.example}
            """);
    Action.Image first = (Action.Image) c.spec().rules().get(0).actions().get(0);
    assertEquals(List.of(1), first.containerIndexes());
    assertEquals(false, first.initContainers());
    assertEquals(true, first.ephemeralContainers());
    Action.Image second = (Action.Image) c.spec().rules().get(1).actions().get(0);
    assertEquals(List.of(), second.containerIndexes());
    assertEquals(true, second.initContainers());
    assertEquals(false, second.ephemeralContainers());

    String all =
        String.join(
            "\n",
            problems(
                """
                spec:
                  rules:
                  - name: a
                    image: {containerIndexes: [-1], registry: m.example}
                  - name: b
                    image: {containerIndexes: [web], initContainers: "no", registry: m.example}
                """));
    assertTrue(
        all.contains("spec.rules[0].image.containerIndexes[0]: Invalid value: -1: must be greater"),
        all);
    assertTrue(all.contains("spec.rules[1].image.containerIndexes[0]: wrong type"), all);
    assertTrue(all.contains("spec.rules[1].image.initContainers: wrong type"), all);
  }
}
