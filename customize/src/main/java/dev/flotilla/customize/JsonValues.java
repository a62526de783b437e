package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** JSON value equality as RFC 6902 {@code test} defines it. */
final class JsonValues {
  private JsonValues() {}

  /**
   * Equal JSON values: numbers by numeric value ({@code 1}, {@code 1.0} and a long 1 are equal),
   * objects by members regardless of order, arrays element by element.
   */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
