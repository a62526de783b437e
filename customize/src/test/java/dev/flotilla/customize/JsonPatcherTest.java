package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.customize.Action.Op;
import org.junit.jupiter.api.Test;

/** RFC 6902 Appendix A, example by example, and the RFC 6901 pointer examples. */
class JsonPatcherTest {

  /** Applies a patch written as RFC 6902 JSON to a copy of {@code document}. */
  static JsonNode patch(String document, String patch) {
    JsonNode result = json(document);
    for (JsonNode op : json(patch)) {
      result =
          JsonPatcher.apply(
              result,
              Op.valueOf(op.get("op").asText()),
              op.get("path").asText(),
              op.has("from") ? op.get("from").asText() : null,
              op.get("value"));
    }
    return result;
  }

  static void same(String expected, String document, String patch) {
    assertEquals(json(expected), patch(document, patch));
  }

  @Test
  void a1AddingAnObjectMember() {
    same(
        "{\"baz\":\"qux\",\"foo\":\"bar\"}",
        "{\"foo\":\"bar\"}",
        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]");
  }

  @Test
  void a2AddingAnArrayElement() {
    same(
        "{\"foo\":[\"bar\",\"qux\",\"baz\"]}",
        "{\"foo\":[\"bar\",\"baz\"]}",
        "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]");
  }

  @Test
  void a3RemovingAnObjectMember() {
    same(
        "{\"foo\":\"bar\"}",
        "{\"baz\":\"qux\",\"foo\":\"bar\"}",
        "[{\"op\":\"remove\",\"path\":\"/baz\"}]");
  }

  @Test
  void a4RemovingAnArrayElement() {
    same(
        "{\"foo\":[\"bar\",\"baz\"]}",
        "{\"foo\":[\"bar\",\"qux\",\"baz\"]}",
        "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]");
  }

  @Test
  void a5ReplacingAValue() {
    same(
        "{\"baz\":\"boo\",\"foo\":\"bar\"}",
        "{\"baz\":\"qux\",\"foo\":\"bar\"}",
        "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]");
  }

  @Test
  void a6MovingAValue() {
    same(
        "{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}",
        "{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}",
        "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]");
  }

  @Test
  void a7MovingAnArrayElement() {
    same(
        "{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}",
        "{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}",
        "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]");
  }

  @Test
  void a8TestingAValueSuccess() {
    same(
        "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
        "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
        "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},"
            + "{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]");
  }

  @Test
  void a9TestingAValueError() {
    assertThrows(
        ActionFailure.class,
        () ->
            patch("{\"baz\":\"qux\"}", "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]"));
  }

  @Test
  void a10AddingANestedMemberObject() {
    same(
        "{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}",
        "{\"foo\":\"bar\"}",
        "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]");
  }

  // A.11 (unrecognized members are ignored) is the one place Flotilla is stricter than the RFC:
  // its reader rejects unknown fields, as every Flotilla reader does (see CustomizationReaderTest).

  @Test
  void a12AddingToANonexistentTarget() {
    assertThrows(
        ActionFailure.class,
        () ->
            patch(
                "{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]"));
  }

  // A.13 (a duplicate "op" member) is rejected by the reader: duplicate keys are never accepted.

  @Test
  void a14TildeEscapeOrdering() {
    same(
        "{\"/\":9,\"~1\":10}",
        "{\"/\":9,\"~1\":10}",
        "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]");
  }

  @Test
  void a15ComparingStringsAndNumbers() {
    assertThrows(
        ActionFailure.class,
        () ->
            patch("{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]"));
  }

  @Test
  void a16AddingAnArrayValue() {
    same(
        "{\"foo\":[\"bar\",[\"abc\",\"def\"]]}",
        "{\"foo\":[\"bar\"]}",
        "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]");
  }

  @Test
  void rfc6901PointerExamples() {
    JsonNode doc =
        json(
            "{\"foo\":[\"bar\",\"baz\"],\"\":0,\"a/b\":1,\"c%d\":2,\"e^f\":3,\"g|h\":4,"
                + "\"i\\\\j\":5,\"k\\\"l\":6,\" \":7,\"m~n\":8}");
    assertSame(doc, JsonPatcher.get(doc, ""));
    assertEquals(json("[\"bar\",\"baz\"]"), JsonPatcher.get(doc, "/foo"));
    assertEquals("bar", JsonPatcher.get(doc, "/foo/0").asText());
    String[] pointers = {"/", "/a~1b", "/c%d", "/e^f", "/g|h", "/i\\j", "/k\"l", "/ ", "/m~0n"};
    for (int i = 0; i < pointers.length; i++) {
      assertEquals(i, JsonPatcher.get(doc, pointers[i]).intValue(), pointers[i]);
    }
  }

  @Test
  void edgeCases() {
    // Array indexes: no leading zeros, in bounds; "-" only for add.
    assertThrows(
        ActionFailure.class,
        () -> patch("{\"a\":[1,2]}", "[{\"op\":\"remove\",\"path\":\"/a/01\"}]"));
    assertThrows(
        ActionFailure.class,
        () -> patch("{\"a\":[1,2]}", "[{\"op\":\"add\",\"path\":\"/a/3\",\"value\":0}]"));
    same("{\"a\":[1,2,0]}", "{\"a\":[1,2]}", "[{\"op\":\"add\",\"path\":\"/a/2\",\"value\":0}]");
    assertThrows(
        ActionFailure.class,
        () -> patch("{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"/b\",\"value\":0}]"));
    // A value cannot move into its own child.
    assertThrows(
        ActionFailure.class,
        () -> patch("{\"a\":{\"b\":1}}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/c\"}]"));
    // Replacing the root, and test comparing numbers by value and objects regardless of order.
    same("{\"x\":1}", "{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"x\":1}}]");
    same(
        "{\"a\":{\"x\":1,\"y\":2.0}}",
        "{\"a\":{\"x\":1,\"y\":2.0}}",
        "[{\"op\":\"test\",\"path\":\"/a\",\"value\":{\"y\":2,\"x\":1.0}}]");
    // copy makes an independent copy.
    JsonNode copied =
        patch(
            "{\"a\":{\"b\":1}}",
            "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/c\"},"
                + "{\"op\":\"replace\",\"path\":\"/c/b\",\"value\":2}]");
    assertEquals(json("{\"a\":{\"b\":1},\"c\":{\"b\":2}}"), copied);
  }
}
