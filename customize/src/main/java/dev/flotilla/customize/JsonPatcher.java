package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.customize.Action.Op;
import java.util.List;

/**
 * RFC 6902 operations on a Jackson tree, exactly as the RFC words them: {@code add} to an array
 * inserts (index {@code -} appends), {@code add} to an object sets, {@code remove} and {@code
 * replace} need the target to exist, {@code move} may not move a value into its own child, {@code
 * test} compares by JSON value (numbers by value, objects without regard to member order).
 *
 * <p>Operations edit {@code document} in place and return the new root (different only when the
 * path is {@code ""}); callers that need "all or nothing" apply them to a copy.
 */
final class JsonPatcher {
  private JsonPatcher() {}

  static JsonNode apply(JsonNode document, Op op, String path, String from, JsonNode value) {
    return switch (op) {
      case add -> add(document, path, value);
      case remove -> {
        remove(document, path);
        yield document;
      }
      case replace -> {
        JsonNode existing = get(document, path);
        if (existing == null) {
          throw new ActionFailure(path, "replace: no value at path");
        }
        if (path.isEmpty()) {
          yield value;
        }
        remove(document, path);
        yield add(document, path, value);
      }
      case move -> {
        if (path.startsWith(from + "/")) {
          throw new ActionFailure(path, "move: cannot move a value into one of its children");
        }
        JsonNode moved = get(document, from);
        if (moved == null) {
          throw new ActionFailure(from, "move: no value at from");
        }
        if (path.equals(from)) {
          yield document;
        }
        if (from.isEmpty()) {
          yield moved;
        }
        remove(document, from);
        yield add(document, path, moved);
      }
      case copy -> {
        JsonNode copied = get(document, from);
        if (copied == null) {
          throw new ActionFailure(from, "copy: no value at from");
        }
        yield add(document, path, copied.deepCopy());
      }
      case test -> {
        JsonNode actual = get(document, path);
        if (actual == null) {
          throw new ActionFailure(path, "test: no value at path");
        }
        if (!JsonValues.equal(actual, value)) {
          throw new ActionFailure(path, "test failed: value is " + actual + ", expected " + value);
        }
        yield document;
      }
    };
  }

  /** {@code replace} that keeps an object member in its place; the target must exist. */
  static JsonNode replaceInPlace(JsonNode document, String path, JsonNode value) {
    if (get(document, path) == null) {
      throw new ActionFailure(path, "replace: no value at path");
    }
    if (path.isEmpty()) {
      return value;
    }
    List<String> tokens = JsonPointer.tokens(path);
    JsonNode parent = parent(document, path, tokens);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(JsonPointer.index(last), value);
    }
    return document;
  }

  /** The value at {@code pointer}, or null when there is none. */
  static JsonNode get(JsonNode document, String pointer) {
    JsonNode node = document;
    for (String token : JsonPointer.tokens(pointer)) {
      node = child(node, token);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node instanceof ObjectNode object) {
      return object.get(token);
    }
    if (node instanceof ArrayNode array) {
      int index = JsonPointer.index(token);
      return index >= 0 && index < array.size() ? array.get(index) : null;
    }
    return null;
  }

  private static JsonNode add(JsonNode document, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return value;
    }
    List<String> tokens = JsonPointer.tokens(pointer);
    JsonNode parent = parent(document, pointer, tokens);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else {
        int index = JsonPointer.index(last);
        if (index < 0 || index > array.size()) {
          throw new ActionFailure(pointer, "add: index out of bounds: " + last);
        }
        array.insert(index, value);
      }
    } else {
      throw new ActionFailure(pointer, "add: parent is not an object or array");
    }
    return document;
  }

  private static void remove(JsonNode document, String pointer) {
    if (pointer.isEmpty()) {
      throw new ActionFailure(pointer, "remove: cannot remove the whole document");
    }
    List<String> tokens = JsonPointer.tokens(pointer);
    JsonNode parent = parent(document, pointer, tokens);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
      return;
    }
    if (parent instanceof ArrayNode array) {
      int index = JsonPointer.index(last);
      if (index >= 0 && index < array.size()) {
        array.remove(index);
        return;
      }
    }
    throw new ActionFailure(pointer, "no value at path");
  }

  private static JsonNode parent(JsonNode document, String pointer, List<String> tokens) {
    JsonNode node = document;
    for (int i = 0; i < tokens.size() - 1; i++) {
      node = child(node, tokens.get(i));
      if (node == null) {
        throw new ActionFailure(pointer, "path not found: no parent for the target");
      }
    }
    return node;
  }
}
