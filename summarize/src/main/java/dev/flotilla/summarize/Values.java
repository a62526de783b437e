package dev.flotilla.summarize;

import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import dev.flotilla.api.summary.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a summary holds and how they compare.
 *
 * <p>CEL results are made canonical once, when a report is evaluated: integers are {@link Long}; a
 * double that is an integer a {@code long} holds is that {@code Long} (so {@code 3} and {@code 3.0}
 * group, count and compare as one value, and survive a JSON round trip unchanged); other doubles
 * stay {@link Double} and must be finite; timestamps, durations and versions become their text;
 * quantities their number. Lists and maps are allowed only where a whole value is shown (attention
 * fields).
 *
 * <p>{@link #ORDER} is total over scalars: numbers (by value), then strings (by code point), then
 * booleans ({@code false} first). Nulls never reach it.
 */
final class Values {
  /** A subject or key that failed; never stored in a summary. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static final Comparator<Object> ORDER = Values::compare;

  /** Lexicographic order of keys (lists of scalars or nulls); nulls last. */
  static final Comparator<List<Object>> KEY_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = compareNullsLast(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private Values() {}

  /** A scalar (string, number, bool) or null. */
  static Object scalar(Object value) throws Invalid {
    Object v = canonical(value, 0);
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      throw new Invalid("must be a string, number, bool or null, but it is a " + typeName(v));
    }
    return v;
  }

  /** A number or null. */
  static Object number(Object value) throws Invalid {
    Object v = canonical(value, 0);
    if (v != null && !(v instanceof Long) && !(v instanceof Double)) {
      throw new Invalid("must be a number or null, but it is a " + typeName(v));
    }
    return v;
  }

  /** Any JSON value (for attention fields). */
  static Object any(Object value) throws Invalid {
    return canonical(value, 0);
  }

  private static Object canonical(Object value, int depth) throws Invalid {
    if (depth > 32) {
      throw new Invalid("nested more than 32 deep");
    }
    if (value == null) {
      return null;
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? canonical(optional.get(), depth) : null;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return ofDouble(((Number) value).doubleValue());
    }
    if (value instanceof com.google.common.primitives.UnsignedLong unsigned) {
      return unsigned.longValue() >= 0 ? (Object) unsigned.longValue() : unsigned.doubleValue();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof Duration duration) {
      return Durations.format(duration);
    }
    if (value instanceof Quantity quantity) {
      return ofDecimal(quantity.value());
    }
    if (value instanceof Version version) {
      return version.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(canonical(item, depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(
            String.valueOf(canonical(e.getKey(), depth + 1)), canonical(e.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value.getClass().getSimpleName().equals("NullValue")) {
      return null; // CEL's null, from cel-java or protobuf
    }
    throw new Invalid("unsupported value of type " + value.getClass().getSimpleName());
  }

  static Object ofDouble(double d) throws Invalid {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new Invalid("must be a finite number, but it is " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return (long) d;
    }
    return d;
  }

  /** An exact decimal as a Long when it is one, else the nearest double. */
  static Object ofDecimal(BigDecimal value) throws Invalid {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return ofDouble(value.doubleValue());
    }
  }

  static BigDecimal decimal(Object number) {
    return number instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal((Double) number);
  }

  static int compareNullsLast(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return compare(a, b);
  }

  static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (ra) {
      case 0 -> compareNumbers(a, b);
      case 1 -> ((String) a).compareTo((String) b);
      default -> Boolean.compare((Boolean) a, (Boolean) b);
    };
  }

  private static int compareNumbers(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    return decimal(a).compareTo(decimal(b));
  }

  private static int rank(Object value) {
    if (value instanceof Long || value instanceof Double) {
      return 0;
    }
    if (value instanceof String) {
      return 1;
    }
    if (value instanceof Boolean) {
      return 2;
    }
    throw new IllegalArgumentException("not a scalar: " + value);
  }

  static String typeName(Object value) {
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "double";
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
