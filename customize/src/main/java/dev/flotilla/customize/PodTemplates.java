package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Where a workload keeps its pod spec, and its containers. */
final class PodTemplates {
  private PodTemplates() {}

  /** The JSON Pointer of the pod spec of a manifest of this kind. */
  static String podSpecPointer(JsonNode manifest) {
    String kind = manifest.path("kind").asText("");
    return switch (kind) {
      case "Pod" -> "/spec";
      case "CronJob" -> "/spec/jobTemplate/spec/template/spec";
      default -> "/spec/template/spec"; // Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, ...
    };
  }

  /** The pod spec; fails when the manifest has none. */
  static ObjectNode podSpec(JsonNode manifest) {
    String pointer = podSpecPointer(manifest);
    JsonNode spec = JsonPatcher.get(manifest, pointer);
    if (!(spec instanceof ObjectNode object)) {
      throw new ActionFailure(
          pointer, "no pod template in this " + manifest.path("kind").asText("manifest"));
    }
    return object;
  }

  /** One container and where it is. */
  record Container(ObjectNode node, String pointer) {
    String name() {
      return node.path("name").asText("");
    }
  }

  /** The containers, then the init containers when {@code withInit}. */
  static List<Container> containers(JsonNode manifest, boolean withInit) {
    return containers(manifest, withInit, false);
  }

  /**
   * The containers, then the init containers when {@code withInit}, then the ephemeral containers
   * when {@code withEphemeral}.
   */
  static List<Container> containers(JsonNode manifest, boolean withInit, boolean withEphemeral) {
    ObjectNode spec = podSpec(manifest);
    String base = podSpecPointer(manifest);
    List<Container> out = new ArrayList<>();
    add(spec, "containers", base, out);
    if (withInit) {
      add(spec, "initContainers", base, out);
    }
    if (withEphemeral) {
      add(spec, "ephemeralContainers", base, out);
    }
    return out;
  }

  /** The pod spec's {@code containers} list, in order (holes included as null). */
  static List<Container> regularContainers(JsonNode manifest) {
    ObjectNode spec = podSpec(manifest);
    String base = podSpecPointer(manifest) + "/containers/";
    List<Container> out = new ArrayList<>();
    JsonNode list = spec.get("containers");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        out.add(list.get(i) instanceof ObjectNode c ? new Container(c, base + i) : null);
      }
    }
    return out;
  }

  private static void add(ObjectNode spec, String field, String base, List<Container> out) {
    JsonNode list = spec.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof ObjectNode container) {
        out.add(new Container(container, base + "/" + field + "/" + i));
      }
    }
  }
}
