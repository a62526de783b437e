package dev.flotilla.api.internal.objects;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Jackson's tree ({@code JsonNode}), as fabric8 and Jackson-based clients hand objects over. */
public final class JsonTree implements ObjectTree<JsonNode> {
  /** The one instance; stateless. */
  public static final JsonTree INSTANCE = new JsonTree();

  private JsonTree() {}

  @Override
  public boolean isObject(JsonNode node) {
    return node.isObject();
  }

  @Override
  public boolean isList(JsonNode node) {
    return node.isArray();
  }

  @Override
  public JsonNode field(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  @Override
  public Iterable<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    return object.properties();
  }

  @Override
  public int size(JsonNode list) {
    return list.size();
  }

  @Override
  public JsonNode item(JsonNode list, int index) {
    return list.get(index);
  }

  @Override
  public String string(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }

  @Override
  public String scalarText(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().toPlainString();
    }
    return node.isNumber() || node.isBoolean() ? node.asText() : null;
  }

  @Override
  public boolean isNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  @Override
  public String kind(JsonNode node) {
    if (isNull(node)) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "list";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    return node.isNumber()
        ? "number"
        : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
