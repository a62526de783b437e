package dev.flotilla.api.internal.objects;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tree of plain Java values that fabric8's {@code GenericKubernetesResource}, client-java's
 * dynamic objects and informer caches hold: {@code Map} objects, {@code List} sequences, and {@code
 * String}, {@code Number}, {@code Boolean} or null scalars.
 */
public final class MapTree implements ObjectTree<Object> {
  /** The one instance; stateless. */
  public static final MapTree INSTANCE = new MapTree();

  private MapTree() {}

  @Override
  public boolean isObject(Object node) {
    return node instanceof Map;
  }

  @Override
  public boolean isList(Object node) {
    return node instanceof List;
  }

  @Override
  public Object field(Object object, String field) {
    return ((Map<?, ?>) object).get(field);
  }

  @Override
  public Iterable<Map.Entry<String, Object>> fields(Object object) {
    Map<?, ?> map = (Map<?, ?>) object;
    List<Map.Entry<String, Object>> out = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      // A key that is not a string cannot come from JSON; it reads as its text.
      out.add(
          new AbstractMap.SimpleImmutableEntry<>(String.valueOf(entry.getKey()), entry.getValue()));
    }
    return out;
  }

  @Override
  public int size(Object list) {
    return ((List<?>) list).size();
  }

  @Override
  public Object item(Object list, int index) {
    return ((List<?>) list).get(index);
  }

  @Override
  public String string(Object node) {
    return node instanceof String text ? text : null;
  }

  @Override
  public String scalarText(Object node) {
    if (node instanceof String text) {
      return text;
    }
    if (node instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return node instanceof Number || node instanceof Boolean ? node.toString() : null;
  }

  @Override
  public boolean isNull(Object node) {
    return node == null;
  }

  @Override
  public String kind(Object node) {
    if (node == null) {
      return "null";
    }
    if (node instanceof Map) {
      return "object";
    }
    if (node instanceof List) {
      return "list";
    }
    if (node instanceof String) {
      return "string";
    }
    if (node instanceof Boolean) {
      return "boolean";
    }
    if (node instanceof Long
        || node instanceof Integer
        || node instanceof Short
        || node instanceof Byte
        || node instanceof java.math.BigInteger) {
      return "integer";
    }
    return node instanceof Number ? "number" : node.getClass().getSimpleName();
  }
}
