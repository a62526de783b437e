package dev.flotilla.api.io;

import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping being bound: typed accessors that report wrong types and missing fields, and remember
 * which fields were read so that {@link #rejectUnknown()} can name the others.
 */
final class ObjectView {
  /** Reads one list item; returns empty after reporting a problem. */
  @FunctionalInterface
  interface ItemReader<T> {
    Optional<T> read(Node item, String path);
  }

  private final Binder binder;
  private final MapNode node;
  private final String path;
  private final Set<String> taken = new HashSet<>();

  private ObjectView(Binder binder, MapNode node, String path) {
    this.binder = binder;
    this.node = node;
    this.path = path;
  }

  /** A view of {@code node} when it is a mapping; reports a wrong type otherwise. */
  static Optional<ObjectView> of(Binder binder, Node node, String path) {
    if (node instanceof MapNode map) {
      return Optional.of(new ObjectView(binder, map, path));
    }
    binder.wrongType(node, path, "object");
    return Optional.empty();
  }

  Binder binder() {
    return binder;
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  String child(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  boolean has(String field) {
    Node value = node.fields().get(field);
    return value != null && !isNull(value);
  }

  /** The field's value, absent when missing or null. */
  Optional<Node> take(String field) {
    taken.add(field);
    Node value = node.fields().get(field);
    return value == null || isNull(value) ? Optional.empty() : Optional.of(value);
  }

  /** The field's value including an explicit null (JSON null is data in a patch value). */
  Optional<Node> raw(String field) {
    taken.add(field);
    return Optional.ofNullable(node.fields().get(field));
  }

  Optional<String> string(String field) {
    return take(field).flatMap(value -> asString(value, child(field)));
  }

  /**
   * A string field that must be present and not null; reports "Required value" (or the wrong type)
   * and returns "" otherwise.
   */
  String requiredString(String field) {
    Optional<String> value = string(field);
    if (value.isEmpty() && !has(field)) {
      binder.report(node.location(), child(field), "Required value");
    }
    return value.orElse("");
  }

  Optional<Long> integer(String field) {
    return take(field)
        .flatMap(
            value -> {
              if (value instanceof ScalarNode scalar && scalar.value() instanceof Long number) {
                return Optional.of(number);
              }
              binder.wrongType(value, child(field), "integer");
              return Optional.empty();
            });
  }

  Optional<Boolean> bool(String field) {
    return take(field)
        .flatMap(
            value -> {
              if (value instanceof ScalarNode scalar && scalar.value() instanceof Boolean b) {
                return Optional.of(b);
              }
              binder.wrongType(value, child(field), "boolean");
              return Optional.empty();
            });
  }

  Optional<ObjectView> object(String field) {
    return take(field).flatMap(value -> of(binder, value, child(field)));
  }

  /**
   * A map of strings. Labels and annotations must be strings, as in Kubernetes; with {@code
   * scalarsAsText} (properties), numbers and booleans are kept as written, so {@code cpu: 16} and
   * {@code version: 1.10} read as "16" and "1.10".
   */
  Map<String, String> stringMap(String field, boolean scalarsAsText) {
    Map<String, String> out = new LinkedHashMap<>();
    take(field)
        .ifPresent(
            value -> {
              if (!(value instanceof MapNode map)) {
                binder.wrongType(value, child(field), "object");
                return;
              }
              map.fields()
                  .forEach(
                      (key, entry) -> {
                        String entryPath = child(field) + "[" + key + "]";
                        if (entry instanceof ScalarNode scalar
                            && scalar.value() != null
                            && (scalar.value() instanceof String || scalarsAsText)) {
                          out.put(key, scalar.text());
                        } else {
                          binder.wrongType(entry, entryPath, "string");
                        }
                      });
            });
    return out;
  }

  List<String> stringList(String field) {
    return list(field, (item, itemPath) -> asString(item, itemPath));
  }

  <T> List<T> list(String field, ItemReader<T> reader) {
    List<T> out = new ArrayList<>();
    take(field)
        .ifPresent(
            value -> {
              if (!(value instanceof ListNode list)) {
                binder.wrongType(value, child(field), "list");
                return;
              }
              for (int i = 0; i < list.items().size(); i++) {
                reader.read(list.items().get(i), child(field) + "[" + i + "]").ifPresent(out::add);
              }
            });
    return out;
  }

  /** Accepts the fields not read so far without looking at them (foreign metadata). */
  void ignoreRest() {
    taken.addAll(node.fields().keySet());
  }

  /** Reports every field that no accessor read. */
  void rejectUnknown() {
    for (Map.Entry<String, Node.Location> key : node.keyLocations().entrySet()) {
      if (!taken.contains(key.getKey())) {
        binder.report(key.getValue(), child(key.getKey()), "unknown field");
      }
    }
  }

  Optional<String> asString(Node value, String at) {
    if (value instanceof ScalarNode scalar && scalar.value() instanceof String text) {
      return Optional.of(text);
    }
    binder.wrongType(value, at, "string");
    return Optional.empty();
  }

  private static boolean isNull(Node value) {
    return value instanceof ScalarNode scalar && scalar.value() == null;
  }
}
