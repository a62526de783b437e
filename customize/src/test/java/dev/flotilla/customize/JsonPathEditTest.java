package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.api.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathEditTest {
  static JsonNode set(String document, String path, JsonNode value) {
    JsonNode doc = json(document);
    JsonPathEdit.compile(path, "p").set(doc, value);
    return doc;
  }

  static JsonNode remove(String document, String path) {
    JsonNode doc = json(document);
    JsonPathEdit.compile(path, "p").remove(doc);
    return doc;
  }

  @Test
  void setCreatesMissingParentMapsOnDefinitePaths() {
    assertEquals(
        json("{\"a\":{\"b\":{\"c.d\":{\"e\":1}}}}"), set("{}", "$.a.b['c.d'].e", json("1")));
    assertEquals(json("{\"a\":[{\"x\":2}]}"), set("{\"a\":[{\"x\":1}]}", "$.a[0].x", json("2")));
    assertEquals(json("{\"a\":[1,9]}"), set("{\"a\":[1,2]}", "$.a[-1]", json("9")));
    assertThrows(ActionFailure.class, () -> set("{\"a\":[]}", "$.a[0].x", json("1")));
    assertThrows(ActionFailure.class, () -> set("{\"a\":\"text\"}", "$.a.b", json("1")));
  }

  @Test
  void setEditsEveryMatchWithItsOwnCopy() {
    JsonNode doc = set("{\"c\":[{\"n\":1},{\"n\":2},{}]}", "$.c[*].p", json("{\"k\":[1]}"));
    assertEquals(
        json(
            "{\"c\":[{\"n\":1,\"p\":{\"k\":[1]}},{\"n\":2,\"p\":{\"k\":[1]}},{\"p\":{\"k\":[1]}}]}"),
        doc);
    assertNotSame(doc.at("/c/0/p"), doc.at("/c/1/p"));
    assertEquals(
        json("{\"c\":[{\"n\":\"x\"},{\"n\":2}]}"),
        set("{\"c\":[{\"n\":1},{\"n\":2}]}", "$.c[?(@.n == 1)].n", TextNode.valueOf("x")));
    assertEquals(
        json("{\"a\":{\"image\":\"i\"},\"b\":[{\"image\":\"i\"}]}"),
        set(
            "{\"a\":{\"image\":\"x\"},\"b\":[{\"image\":\"y\"}]}",
            "$..image",
            TextNode.valueOf("i")));
    assertThrows(ActionFailure.class, () -> set("{\"c\":[]}", "$.c[*].p", json("1")));
  }

  @Test
  void removeEveryMatchWithoutShiftingIndexes() {
    assertEquals(json("{\"a\":[1,3]}"), remove("{\"a\":[1,2,3,2]}", "$.a[?(@ == 2)]"));
    assertEquals(json("{\"a\":[]}"), remove("{\"a\":[1,2,3]}", "$.a[*]"));
    assertEquals(json("{\"a\":{}}"), remove("{\"a\":{\"b\":1}}", "$.a.b"));
    assertEquals(json("{\"a\":[1,2]}"), remove("{\"a\":[1,2,3]}", "$.a[-1]"));
    assertThrows(ActionFailure.class, () -> remove("{\"a\":{}}", "$.a.b"));
    assertThrows(ActionFailure.class, () -> remove("{\"a\":[]}", "$.a[*]"));
  }

  @Test
  void quotesInKeys() {
    assertEquals(json("{\"it's\":{\"x\":1}}"), set("{\"it's\":{\"x\":0}}", "$..x", json("1")));
    assertEquals(List.of("it's", 0, "k"), JsonPathEdit.tokens("$['it's'][0]['k']"));
  }

  @Test
  void badPathsAreValidationErrors() {
    for (String bad : List.of("$.a[", "$.a[?(@.b == 1]", "$", "$..")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> JsonPathEdit.compile(bad, "spec.x"), bad);
      assertEquals("spec.x", e.problems().get(0).path());
    }
  }
}
