package dev.flotilla.api.summary;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one cluster reported about one object, and when.
 *
 * <p>{@code object} is a JSON value tree, copied into unmodifiable maps and lists: values are
 * {@link String}, {@link Boolean}, {@link Long} (every integral number that fits, as CEL wants),
 * {@link Double}, {@link List}, {@link Map} with string keys, or null.
 */
public record StatusReport(String cluster, Instant observedAt, Map<String, Object> object) {
  private static final int MAX_DEPTH = 64;

  public StatusReport {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(object, "object");
    for (String error : LabelRules.dns1123SubdomainErrors(cluster)) {
      throw ValidationException.at("cluster", "Invalid value: \"" + cluster + "\": " + error);
    }
    object = copyMap(object, "object", 0);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw ValidationException.at(path, "Invalid value: nested more than " + MAX_DEPTH + " deep");
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw ValidationException.at(path, "Invalid value: object keys must be strings");
      }
      copy.put(key, copy(e.getValue(), path + "." + key, depth + 1));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copy(Object value, String path, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return integral(d) ? (Object) (long) d : (Object) d;
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException e) {
        return decimal.doubleValue();
      }
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, path, depth);
    }
    if (value instanceof List<?> list) {
      if (depth > MAX_DEPTH) {
        throw ValidationException.at(
            path, "Invalid value: nested more than " + MAX_DEPTH + " deep");
      }
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copy(list.get(i), path + "[" + i + "]", depth + 1));
      }
      return Collections.unmodifiableList(copy);
    }
    throw ValidationException.at(
        path, "Invalid value: unsupported type " + value.getClass().getSimpleName());
  }

  /**
   * Whether a double read from JSON is an integer that a {@code long} holds exactly: then it is a
   * {@code Long}, so that {@code 3} and {@code 3.0} are the same value everywhere.
   */
  static boolean integral(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63;
  }
}
