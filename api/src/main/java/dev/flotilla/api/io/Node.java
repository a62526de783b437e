package dev.flotilla.api.io;

import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value with the place it came from. Readers bind these trees to model records by
 * hand, rather than with Jackson data binding, so that every problem (not only the first) is
 * reported with its field path, line and column.
 */
sealed interface Node {

  /** Where the value starts in its file. */
  Location location();

  /** A word for the kind of value, used in "expected X, got Y" messages. */
  String kind();

  /** 1-based line and column; 0 when unknown. */
  record Location(int line, int column) {
    static final Location UNKNOWN = new Location(0, 0);
  }

  /** A mapping, keys in file order; each key keeps its own location for "unknown field" errors. */
  record MapNode(Map<String, Node> fields, Map<String, Location> keyLocations, Location location)
      implements Node {
    @Override
    public String kind() {
      return "object";
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, Location location) implements Node {
    @Override
    public String kind() {
      return "list";
    }
  }

  /**
   * A scalar: {@code value} is a String, Boolean, Long, BigInteger, Double or BigDecimal, or null
   * for YAML's {@code null}/{@code ~} and JSON's {@code null}; {@code text} is the scalar as
   * written.
   */
  record ScalarNode(Object value, String text, Location location) implements Node {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "string";
      }
      if (value instanceof Boolean) {
        return "boolean";
      }
      return (value instanceof Long || value instanceof java.math.BigInteger)
          ? "integer"
          : "number";
    }
  }
}
