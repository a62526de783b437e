package dev.flotilla.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.io.ManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code PlacementDecision} objects of one decision, from {@link DecisionWriter}, in page
 * order: as Jackson trees or maps to hand to a Kubernetes client, or as text for {@code kubectl
 * apply -f -}. Immutable: every accessor returns fresh copies.
 */
public final class DecisionObjects {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final List<ObjectNode> objects;

  DecisionObjects(List<ObjectNode> objects) {
    this.objects = List.copyOf(objects);
  }

  /** The objects, as trees (copies), in page order. */
  public List<ObjectNode> objects() {
    List<ObjectNode> out = new ArrayList<>(objects.size());
    objects.forEach(object -> out.add(object.deepCopy()));
    return out;
  }

  /**
   * The objects as ordered maps of maps, lists, strings, numbers and booleans (what fabric8's
   * {@code GenericKubernetesResource} and client-java's dynamic objects hold), in page order.
   */
  public List<Map<String, Object>> maps() {
    List<Map<String, Object>> out = new ArrayList<>(objects.size());
    objects.forEach(object -> out.add(MAPPER.convertValue(object, MAP)));
    return out;
  }

  /** The objects' names ({@code metadata.name}), in page order. */
  public List<String> names() {
    return objects.stream().map(o -> o.path("metadata").path("name").asText()).toList();
  }

  /** How many objects (pages). */
  public int size() {
    return objects.size();
  }

  /**
   * The objects as a Kubernetes {@code List} ({@code apiVersion: v1}), which {@code kubectl apply
   * -f} accepts as one document.
   */
  public ObjectNode list() {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    objects.forEach(object -> items.add(object.deepCopy()));
    return list;
  }

  /**
   * The objects as a YAML stream: one document per page, each after a {@code ---} line, quoted
   * where YAML 1.1 readers would misread a string (see {@link ManifestWriter}).
   */
  public String yaml() {
    StringBuilder out = new StringBuilder();
    for (ObjectNode object : objects) {
      out.append("---\n").append(ManifestWriter.yaml(object));
    }
    return out.toString();
  }

  /** {@link #list()} as indented JSON, ending with a newline. */
  public String json() {
    return ManifestWriter.json(list()) + "\n";
  }
}
