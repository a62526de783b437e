package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts located {@link Node} trees into Jackson trees, keeping field order. Integers become the
 * smallest Jackson integer node that holds them (int, long, big), so that a manifest read from YAML
 * and the same manifest read from JSON are equal trees.
 */
final class JsonTrees {
  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private JsonTrees() {}

  static JsonNode of(Node node) {
    if (node instanceof MapNode map) {
      ObjectNode out = FACTORY.objectNode();
      map.fields().forEach((key, value) -> out.set(key, of(value)));
      return out;
    }
    if (node instanceof ListNode list) {
      ArrayNode out = FACTORY.arrayNode(list.items().size());
      for (Node item : list.items()) {
        out.add(of(item));
      }
      return out;
    }
    Object value = ((ScalarNode) node).value();
    if (value == null) {
      return FACTORY.nullNode();
    }
    if (value instanceof String text) {
      return FACTORY.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return FACTORY.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return number == number.intValue()
          ? FACTORY.numberNode(number.intValue())
          : FACTORY.numberNode(number.longValue());
    }
    if (value instanceof BigInteger big) {
      return FACTORY.numberNode(big);
    }
    BigDecimal decimal = (BigDecimal) value;
    double asDouble = decimal.doubleValue();
    // A double when it holds the value exactly as written, so 1.5 prints as 1.5 either way.
    if (!Double.isInfinite(asDouble)
        && new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0) {
      return FACTORY.numberNode(asDouble);
    }
    return FACTORY.numberNode(decimal);
  }
}
