package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.json;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of compiled action: what it compiles to, what it edits, how it fails. */
class CompiledActionTest {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();
  private static final Cluster CLUSTER =
      Fixtures.cluster(
          "store-7", Map.of("region", "eu", "tier", "gold"), Map.of("cpu", "16", "replicas", "3"));

  private static CompiledAction compile(Action action) {
    return CompiledAction.compile(action, "spec.rules[0].x", CEL);
  }

  private static JsonNode apply(CompiledAction action, JsonNode document) {
    return action.apply(document, TemplateContext.of(CLUSTER));
  }

  private static JsonNode deployment() {
    return yaml(Fixtures.DEPLOYMENT);
  }

  private static int expressionCount(CompiledAction action) {
    List<CompiledExpression> out = new ArrayList<>();
    action.addExpressions(out);
    return out.size();
  }

  @Test
  void setValueSetsEveryMatchInPlace() {
    CompiledAction action =
        compile(
            new Action.SetValue(
                "$.spec.template.spec.containers[*].imagePullPolicy", json("\"${'Always'}\"")));
    assertInstanceOf(CompiledAction.SetValue.class, action);
    JsonNode document = deployment();
    assertSame(document, apply(action, document));
    assertEquals(
        "Always", document.at("/spec/template/spec/containers/0/imagePullPolicy").asText());
    assertEquals(
        "Always", document.at("/spec/template/spec/containers/1/imagePullPolicy").asText());
    assertEquals(1, expressionCount(action));
  }

  @Test
  void setValueReportsBothBadPathAndBadTemplate() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> compile(new Action.SetValue("$.a[?(", json("\"${ 1 + }\""))));
    assertEquals(
        List.of("spec.rules[0].x.path", "spec.rules[0].x.value"),
        e.problems().stream().map(p -> p.path()).toList());
  }

  @Test
  void removeValueRemovesAndReadsNothing() {
    CompiledAction action = compile(new Action.RemoveValue("$.metadata.labels.app"));
    assertInstanceOf(CompiledAction.RemoveValue.class, action);
    JsonNode document = deployment();
    apply(action, document);
    assertTrue(document.at("/metadata/labels/app").isMissingNode());
    assertEquals(0, expressionCount(action));
  }

  @Test
  void mergePatchExpandsTemplatesAndMerges() {
    CompiledAction action =
        compile(
            new Action.MergePatch(
                json("{\"metadata\": {\"labels\": {\"region\": \"${cluster.labels.region}\"}}}")));
    assertInstanceOf(CompiledAction.MergePatch.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals("eu", out.at("/metadata/labels/region").asText());
    assertEquals("web", out.at("/metadata/labels/app").asText());
    assertEquals(1, expressionCount(action));
  }

  @Test
  void jsonPatchRunsOperationsInOrderAndFailsOnTest() {
    CompiledAction action =
        compile(
            new Action.JsonPatch(
                List.of(
                    Action.PatchOperation.of(Action.Op.replace, "/spec/replicas", json("5")),
                    Action.PatchOperation.of(
                        Action.Op.add, "/metadata/annotations", json("{\"tier\": \"${1 + 1}\"}")),
                    Action.PatchOperation.of(Action.Op.test, "/spec/replicas", json("5")))));
    assertInstanceOf(CompiledAction.JsonPatch.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals(5, out.at("/spec/replicas").intValue());
    assertEquals(2, out.at("/metadata/annotations/tier").intValue());
    assertEquals(1, expressionCount(action));
    CompiledAction failing =
        compile(
            new Action.JsonPatch(
                List.of(
                    Action.PatchOperation.remove("/metadata/labels"),
                    Action.PatchOperation.of(Action.Op.test, "/spec/replicas", json("9")))));
    ActionFailure failure = assertThrows(ActionFailure.class, () -> apply(failing, deployment()));
    assertEquals("/spec/replicas", failure.target);
    assertTrue(
        failure.getMessage().startsWith("operation 1 (test): test failed"), failure.getMessage());
  }

  @Test
  void anEmptyJsonPatchChangesNothing() {
    CompiledAction action = compile(new Action.JsonPatch(List.of()));
    JsonNode document = deployment();
    assertSame(document, apply(action, document));
    assertEquals(deployment(), document);
  }

  @Test
  void imageRewritesTheNamedContainersOnly() {
    CompiledAction action =
        compile(
            new Action.Image(
                List.of("web"),
                Optional.of("mirror.${cluster.labels.region}.example.com"),
                Optional.empty(),
                Optional.of("2.0.0"),
                Optional.empty()));
    assertInstanceOf(CompiledAction.Image.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals(
        "mirror.eu.example.com/shop/web:2.0.0",
        out.at("/spec/template/spec/containers/0/image").asText());
    assertEquals(
        "envoyproxy/envoy:v1.29", out.at("/spec/template/spec/containers/1/image").asText());
    assertEquals("busybox:1.36", out.at("/spec/template/spec/initContainers/0/image").asText());
    assertEquals(1, expressionCount(action));
    CompiledAction missing =
        compile(
            new Action.Image(
                List.of("nope"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("1"),
                Optional.empty()));
    ActionFailure failure = assertThrows(ActionFailure.class, () -> apply(missing, deployment()));
    assertEquals("/spec/template/spec", failure.target);
  }

  private static Action.Image registry(
      List<String> names, List<Integer> indexes, boolean init, boolean ephemeral) {
    return new Action.Image(
        names,
        indexes,
        init,
        ephemeral,
        Optional.of("m.example"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void imageChoosesContainersByIndexAsKarmadaPathsDo() {
    // Karmada's predicate path /spec/template/spec/containers/1/image
    JsonNode out = apply(compile(registry(List.of(), List.of(1), true, false)), deployment());
    assertEquals(
        "registry.example.com/shop/web:1.0.0",
        out.at("/spec/template/spec/containers/0/image").asText());
    assertEquals(
        "m.example/envoyproxy/envoy:v1.29",
        out.at("/spec/template/spec/containers/1/image").asText());
    assertEquals("busybox:1.36", out.at("/spec/template/spec/initContainers/0/image").asText());
    // names and positions together: the union
    out = apply(compile(registry(List.of("init"), List.of(0), true, false)), deployment());
    assertEquals(
        "m.example/shop/web:1.0.0", out.at("/spec/template/spec/containers/0/image").asText());
    assertEquals(
        "m.example/busybox:1.36", out.at("/spec/template/spec/initContainers/0/image").asText());
    ActionFailure failure =
        assertThrows(
            ActionFailure.class,
            () -> apply(compile(registry(List.of(), List.of(2), true, false)), deployment()));
    assertEquals("/spec/template/spec/containers", failure.target);
    assertTrue(failure.getMessage().contains("no container at index 2"), failure.getMessage());
  }

  @Test
  void initAndEphemeralContainersAreAnExplicitOption() {
    // Default: containers and init containers, not ephemeral ones.
    Action.Image defaults =
        new Action.Image(
            List.of(),
            Optional.of("m.example"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertTrue(defaults.initContainers());
    assertFalse(defaults.ephemeralContainers());
    JsonNode out = apply(compile(defaults), deployment());
    assertEquals(
        "m.example/busybox:1.36", out.at("/spec/template/spec/initContainers/0/image").asText());

    out = apply(compile(registry(List.of(), List.of(), false, false)), deployment());
    assertEquals("busybox:1.36", out.at("/spec/template/spec/initContainers/0/image").asText());
    assertEquals(
        "m.example/shop/web:1.0.0", out.at("/spec/template/spec/containers/0/image").asText());
    ActionFailure failure =
        assertThrows(
            ActionFailure.class,
            () -> apply(compile(registry(List.of("init"), List.of(), false, false)), deployment()));
    assertTrue(
        failure.getMessage().contains("no container named \"init\" in containers"),
        failure.getMessage());

    JsonNode pod =
        yaml(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: app, image: app:1}]
              ephemeralContainers: [{name: debug, image: busybox:1.36}]
            """);
    out = apply(compile(registry(List.of(), List.of(), true, false)), pod.deepCopy());
    assertEquals("busybox:1.36", out.at("/spec/ephemeralContainers/0/image").asText());
    out = apply(compile(registry(List.of(), List.of(), true, true)), pod.deepCopy());
    assertEquals("m.example/busybox:1.36", out.at("/spec/ephemeralContainers/0/image").asText());
    assertEquals("m.example/app:1", out.at("/spec/containers/0/image").asText());
  }

  private static ActionFailure imageFailure(Action.Image image, JsonNode document) {
    return assertThrows(ActionFailure.class, () -> apply(compile(image), document));
  }

  @Test
  void imageErrorsNameTheContainer() {
    Action.Image registry =
        new Action.Image(
            List.of(), Optional.of("y.io"), Optional.empty(), Optional.empty(), Optional.empty());
    JsonNode noImage = deployment();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            noImage.at("/spec/template/spec/containers/1"))
        .remove("image");
    ActionFailure failure = imageFailure(registry, noImage);
    assertEquals("/spec/template/spec/containers/1/image", failure.target);
    assertTrue(
        failure.getMessage().contains("container \"sidecar\" has no image"), failure.getMessage());

    JsonNode badImage = deployment();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            badImage.at("/spec/template/spec/initContainers/0"))
        .put("image", "BusyBox:1.36");
    failure = imageFailure(registry, badImage);
    assertEquals("/spec/template/spec/initContainers/0/image", failure.target);
    assertTrue(failure.getMessage().contains("\"BusyBox:1.36\""), failure.getMessage());
    assertTrue(failure.getMessage().contains("must be lowercase"), failure.getMessage());

    failure =
        imageFailure(
            new Action.Image(
                List.of("web"),
                Optional.empty(),
                Optional.of("Team/${cluster.name}"),
                Optional.empty(),
                Optional.empty()),
            deployment());
    assertEquals("/spec/template/spec/containers/0/image", failure.target);
    assertTrue(
        failure.getMessage().contains("container \"web\": the rewritten image is not"),
        failure.getMessage());
    failure =
        imageFailure(
            new Action.Image(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("1/2"),
                Optional.empty()),
            deployment());
    assertTrue(
        failure
            .getMessage()
            .contains("\"registry.example.com/shop/web:1/2\": container \"web\": the rewritten"),
        failure.getMessage());
  }

  @Test
  void labelsAreAddedRemovedAndCheckedAfterExpansion() {
    CompiledAction action =
        compile(
            new Action.Labels(
                Map.of("tier", "${cluster.labels.tier}", "example.com/x", "1"), List.of("app")));
    assertInstanceOf(CompiledAction.Metadata.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals(
        json("{\"tier\": \"gold\", \"example.com/x\": \"1\"}"), out.at("/metadata/labels"));
    assertEquals(1, expressionCount(action));
    CompiledAction invalid = compile(new Action.Labels(Map.of("bad", "${'a b'}"), List.of()));
    ActionFailure failure = assertThrows(ActionFailure.class, () -> apply(invalid, deployment()));
    assertEquals("/metadata/labels/bad", failure.target);
    assertTrue(failure.getMessage().startsWith("Invalid value: \"a b\""), failure.getMessage());
  }

  @Test
  void annotationsAcceptAnyValueAndCreateTheMap() {
    CompiledAction action =
        compile(new Action.Annotations(Map.of("note", "a b ${cluster.name}"), List.of()));
    assertInstanceOf(CompiledAction.Metadata.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals("a b store-7", out.at("/metadata/annotations/note").asText());
  }

  @Test
  void envSetsReplacesAndRemovesVariables() {
    CompiledAction action =
        compile(
            new Action.Env(
                Optional.of("web"),
                Map.of("LOG_LEVEL", "debug", "REGION_NAME", "${cluster.labels.region}"),
                List.of("REGION")));
    assertInstanceOf(CompiledAction.Env.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals(
        json(
            "[{\"name\": \"LOG_LEVEL\", \"value\": \"debug\"},"
                + " {\"name\": \"REGION_NAME\", \"value\": \"eu\"}]"),
        out.at("/spec/template/spec/containers/0/env"));
    assertTrue(out.at("/spec/template/spec/containers/1/env").isMissingNode());
    assertEquals(1, expressionCount(action));
    CompiledAction missing =
        compile(new Action.Env(Optional.of("nope"), Map.of("A", "1"), List.of()));
    ActionFailure failure = assertThrows(ActionFailure.class, () -> apply(missing, deployment()));
    assertEquals("/spec/template/spec/containers", failure.target);
  }

  @Test
  void replicasMustExpandToANonNegativeInt() {
    CompiledAction action =
        compile(new Action.Replicas(json("\"${int(cluster.properties.replicas)}\"")));
    assertInstanceOf(CompiledAction.Replicas.class, action);
    JsonNode out = apply(action, deployment());
    assertEquals(3, out.at("/spec/replicas").intValue());
    assertTrue(out.at("/spec/replicas").isInt());
    CompiledAction negative = compile(new Action.Replicas(json("-1")));
    ActionFailure failure = assertThrows(ActionFailure.class, () -> apply(negative, deployment()));
    assertEquals("/spec/replicas", failure.target);
  }

  @Test
  void deleteIsNotAnEdit() {
    assertThrows(IllegalArgumentException.class, () -> compile(new Action.Delete()));
  }

  @Test
  void compiledActionsHoldNoSharedState() {
    CompiledAction action = compile(new Action.Labels(Map.of("a", "${cluster.name}"), List.of()));
    JsonNode first = apply(action, deployment());
    JsonNode second =
        action.apply(
            deployment(), TemplateContext.of(Fixtures.cluster("store-8", Map.of(), Map.of())));
    assertEquals("store-7", first.at("/metadata/labels/a").asText());
    assertEquals("store-8", second.at("/metadata/labels/a").asText());
    assertFalse(first.equals(second));
  }
}
