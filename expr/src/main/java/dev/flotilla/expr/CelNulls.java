package dev.flotilla.expr;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cel-java fails on a Java {@code null} inside a map or list variable; CEL's null is {@link
 * NullValue#NULL_VALUE}. Most reports hold no null, so a tree is scanned first and copied only when
 * it does.
 *
 * <p>Engines that hand JSON-like trees (status reports) to CEL call {@link #of(Map)} so that they
 * need not depend on cel-java's types themselves.
 */
public final class CelNulls {
  private CelNulls() {}

  /** {@code tree}, or a copy of it with every Java null replaced by CEL's null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(Map<String, Object> tree) {
    return hasNull(tree) ? (Map<String, Object>) replace(tree) : tree;
  }

  private static boolean hasNull(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        if (hasNull(v)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        if (hasNull(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object replace(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      map.forEach((k, v) -> out.put(k, replace(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(replace(v)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
