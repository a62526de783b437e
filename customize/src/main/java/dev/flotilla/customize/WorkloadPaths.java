package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where Karmada's image, command and args overriders look for containers (karmada
 * pkg/util/overridemanager/imageoverride.go and commandargsoverride.go): by kind only, whatever the
 * apiVersion.
 */
final class WorkloadPaths {
  private WorkloadPaths() {}

  /** The pointer of the containers list for the manifest's kind, or null for other kinds. */
  static String containersPointer(JsonNode manifest) {
    String kind = manifest.path("kind").asText("");
    return switch (kind) {
      case "Pod" -> "/spec/containers";
      case "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job" ->
          "/spec/template/spec/containers";
      default -> null;
    };
  }

  /**
   * The value at a pointer of plain map keys, as unstructured.NestedSlice reads it: null when a key
   * is missing; a failure when a value on the way is not an object.
   */
  static JsonNode nested(JsonNode manifest, String pointer) {
    JsonNode node = manifest;
    StringBuilder at = new StringBuilder();
    for (String key : pointer.substring(1).split("/")) {
      if (!(node instanceof ObjectNode object)) {
        throw new ActionFailure(at.toString(), "expected an object, found " + node.getNodeType());
      }
      at.append('/').append(key);
      node = object.get(key);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  /** An image string found by a predicate path, and where to write it back. */
  record Slot(ObjectNode parent, String key, String image) {}

  /**
   * Follows a predicate path as Karmada's {@code obtainImageValue} does: segments split on '/', a
   * list followed by the index in the next segment, and the last segment a key holding a string.
   */
  static Slot predicate(ObjectNode manifest, String path) {
    String[] segments = path.replaceAll("^/+|/+$", "").split("/", -1);
    ObjectNode current = manifest;
    for (int i = 0; i < segments.length - 1; i++) {
      JsonNode next = current.get(segments[i]);
      if (next instanceof ObjectNode object) {
        current = object;
      } else if (next != null && next.isArray()) {
        long index;
        try {
          index = Long.parseLong(segments[i + 1]);
        } catch (NumberFormatException e) {
          throw new ActionFailure(
              path, "path(" + segments[i + 1] + ") of the object is not a number");
        }
        if (index < 0 || index >= next.size() || !(next.get((int) index) instanceof ObjectNode o)) {
          throw new ActionFailure(path, "no object at index " + segments[i + 1]);
        }
        current = o;
        i++;
      } else {
        throw new ActionFailure(
            path, "path(" + segments[i] + ") of the object is not an object or a list");
      }
    }
    String last = segments[segments.length - 1];
    JsonNode image = current.get(last);
    if (image == null || !image.isTextual()) {
      throw new ActionFailure(path, "no string at path(" + last + ")");
    }
    return new Slot(current, last, image.textValue());
  }
}
