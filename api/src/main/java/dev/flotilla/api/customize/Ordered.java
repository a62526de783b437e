package dev.flotilla.api.customize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Order-keeping immutable copies: {@code Map.copyOf} would lose the order users wrote. */
final class Ordered {
  private Ordered() {}

  static Map<String, String> copy(Map<String, String> map) {
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }
}
