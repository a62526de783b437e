package dev.flotilla.api.summary;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What one cluster reported about one object, and when.
 *
 * <p>{@code object} is a JSON value tree, copied into unmodifiable maps and lists: values are
 * {@link String}, {@link Boolean}, {@link Long} (every integral number that fits, as CEL wants),
 * {@link Double}, {@link List}, {@link Map} with string keys, or null.
 *
 * <p>The maps and lists a report makes are deeply immutable and already checked, so they are never
 * copied again: a report built from another report's {@code object} (or a part of it) shares it.
 * Generators of many similar reports use this to keep one copy of each distinct object.
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
    object = copyMap(object, Path.ROOT, 0);
  }

  /*
   * Copying is on the path of every report read and generated, so it allocates only what it keeps:
   * the field path of an error is built when an error is thrown (Path is a parent link made for
   * containers only), and a map or list this class made earlier (Frozen*) is shared when it fits
   * under the depth limit where it is placed, since its content was checked when it was made.
   */
  private static Map<String, Object> copyMap(Map<?, ?> map, Path path, int depth) {
    if (map instanceof FrozenMap frozen && depth + frozen.height - 1 <= MAX_DEPTH) {
      return frozen;
    }
    if (depth > MAX_DEPTH) {
      throw ValidationException.at(
          path.toString(), "Invalid value: nested more than " + MAX_DEPTH + " deep");
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    int height = 1;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw ValidationException.at(path.toString(), "Invalid value: object keys must be strings");
      }
      Object value = e.getValue();
      Object copied = isScalar(value) ? value : copy(value, new Path(path, key, -1), depth + 1);
      copy.put(key, copied);
      height = Math.max(height, 1 + height(copied));
    }
    return new FrozenMap(copy, height);
  }

  private static boolean isScalar(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long;
  }

  private static int height(Object value) {
    if (value instanceof FrozenMap map) {
      return map.height;
    }
    if (value instanceof FrozenList list) {
      return list.height;
    }
    return 0;
  }

  private static Object copy(Object value, Path path, int depth) {
    if (isScalar(value)) {
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
      if (list instanceof FrozenList frozen && depth + frozen.height - 1 <= MAX_DEPTH) {
        return frozen;
      }
      if (depth > MAX_DEPTH) {
        throw ValidationException.at(
            path.toString(), "Invalid value: nested more than " + MAX_DEPTH + " deep");
      }
      List<Object> copy = new ArrayList<>(list.size());
      int height = 1;
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        Object copied = isScalar(item) ? item : copy(item, new Path(path, null, i), depth + 1);
        copy.add(copied);
        height = Math.max(height, 1 + height(copied));
      }
      return new FrozenList(copy, height);
    }
    throw ValidationException.at(
        path.toString(), "Invalid value: unsupported type " + value.getClass().getSimpleName());
  }

  /** Where a value sits, rendered only for an error: {@code object.spec.containers[0]}. */
  private record Path(Path parent, String key, int index) {
    static final Path ROOT = new Path(null, null, -1);

    @Override
    public String toString() {
      if (parent == null) {
        return "object";
      }
      return key != null ? parent + "." + key : parent + "[" + index + "]";
    }
  }

  /**
   * A map made by {@link #copyMap}: unmodifiable, in insertion order, its values checked and
   * themselves frozen; {@code height} is how many levels of maps and lists it holds (1: scalars
   * only).
   */
  private static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> entries;
    private final int height;

    FrozenMap(Map<String, Object> entries, int height) {
      this.entries = Collections.unmodifiableMap(entries);
      this.height = height;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return entries.entrySet();
    }

    @Override
    public Set<String> keySet() {
      return entries.keySet();
    }

    @Override
    public Collection<Object> values() {
      return entries.values();
    }

    @Override
    public int size() {
      return entries.size();
    }

    @Override
    public boolean isEmpty() {
      return entries.isEmpty();
    }

    @Override
    public Object get(Object key) {
      return entries.get(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
      return entries.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
      return entries.containsValue(value);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
      entries.forEach(action);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || entries.equals(o);
    }

    @Override
    public int hashCode() {
      return entries.hashCode();
    }

    @Override
    public String toString() {
      return entries.toString();
    }
  }

  /** A list made by {@link #copy}: unmodifiable, its items checked and themselves frozen. */
  private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final List<Object> items;
    private final int height;

    FrozenList(List<Object> items, int height) {
      this.items = items;
      this.height = height;
    }

    @Override
    public Object get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  /**
   * Whether a double read from JSON is an integer that a {@code long} holds exactly: then it is a
   * {@code Long}, so that {@code 3} and {@code 3.0} are the same value everywhere.
   */
  static boolean integral(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63;
  }
}
