package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.expr.ExpressionEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Patch test suite (github.com/json-patch/json-patch-tests, Apache-2.0), every case: the
 * patch is read as a customization's {@code jsonPatch} (JSON, through {@link CustomizationReader}),
 * compiled and applied to the case's document. A case with {@code expected} must give that value; a
 * case with {@code error} must be rejected, when read or when applied. Only cases marked {@code
 * disabled: true} are skipped.
 */
class JsonPatchSuiteTest {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();
  private static final String[] FILES = {"tests.json", "spec_tests.json"};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      JsonNode cases = load(file);
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        String name = file + "[" + i + "] " + c.path("comment").asText(c.path("error").asText(""));
        out.add(Arguments.of(name, c));
      }
    }
    return out.stream();
  }

  private static JsonNode load(String file) {
    try (InputStream in =
        JsonPatchSuiteTest.class.getResourceAsStream("/json-patch-tests/" + file)) {
      return Fixtures.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void suiteCase(String name, JsonNode c) {
    assumeFalse(c.path("disabled").asBoolean(false), "disabled in the suite");
    boolean expectError = c.has("error");
    JsonNode result;
    try {
      result = apply(c.get("doc"), c.get("patch"));
    } catch (ValidationException | ActionFailure e) {
      if (!expectError) {
        fail("unexpected error: " + e.getMessage());
      }
      return;
    }
    if (expectError) {
      fail("expected an error (" + c.get("error").asText() + ") but got " + result);
    }
    if (c.has("expected")) {
      JsonNode expected = c.get("expected");
      assertTrue(JsonValues.equal(expected, result), "expected " + expected + ", got " + result);
    }
  }

  @Test
  void theSuiteIsComplete() {
    long total = cases().count();
    long disabled =
        cases().filter(a -> ((JsonNode) a.get()[1]).path("disabled").asBoolean(false)).count();
    assertEquals(112, total);
    assertEquals(4, disabled);
  }

  /** Reads {@code patch} as a customization's jsonPatch and applies it to a copy of {@code doc}. */
  static JsonNode apply(JsonNode doc, JsonNode patch) {
    ObjectNode customization = JsonNodeFactory.instance.objectNode();
    customization.put("apiVersion", "flotilla.dev/v1alpha1").put("kind", "Customization");
    customization.putObject("metadata").put("name", "suite");
    ObjectNode rule = customization.putObject("spec").putArray("rules").addObject();
    rule.put("name", "patch").set("jsonPatch", patch);
    Customization read =
        CustomizationReader.parse(
                "suite.json",
                new ByteArrayInputStream(customization.toString().getBytes(StandardCharsets.UTF_8)))
            .value();
    List<Action> actions = read.spec().rules().get(0).actions();
    assertEquals(1, actions.size(), "one jsonPatch action");
    CompiledAction action = CompiledAction.compile(actions.get(0), "spec.rules[0].jsonPatch", CEL);
    return action.apply(
        doc.deepCopy(), TemplateContext.of(Fixtures.cluster("c", Map.of(), Map.of())));
  }
}
