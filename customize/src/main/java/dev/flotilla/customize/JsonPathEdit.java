package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code set} and {@code remove} at JSONPath targets (Jayway syntax).
 *
 * <p>Jayway only finds the matches: it is asked for their normalized paths ({@code
 * $['spec']['replicas']}, {@link Option#AS_PATH_LIST}) and the edits are made here. Its own write
 * API edits the tree it is given in place, throws on missing parents, and fails with {@code
 * SUPPRESS_EXCEPTIONS} on the Jackson provider (json-path issue 1039); reading paths avoids all
 * three. A definite path ({@code $.a.b[0]}, no wildcard or filter) is walked directly, which is
 * also how {@code set} creates missing parent maps.
 */
final class JsonPathEdit {
  private static final Configuration PATHS =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.AS_PATH_LIST)
          .build();

  private final String source;
  private final JsonPath path;

  /** The tokens of a definite path (a String key or an Integer index); null when indefinite. */
  private final List<Object> definite;

  /**
   * For an indefinite path ending in a plain field ({@code $.items[*].name}): the path of the
   * parents and the field, so that {@code set} adds the field where it is missing.
   */
  private final JsonPath parents;

  private final String leaf;

  private JsonPathEdit(
      String source, JsonPath path, List<Object> definite, JsonPath parents, String leaf) {
    this.source = source;
    this.path = path;
    this.definite = definite;
    this.parents = parents;
    this.leaf = leaf;
  }

  /**
   * Compiles a JSONPath.
   *
   * @throws ValidationException when it does not parse
   */
  static JsonPathEdit compile(String source, String fieldPath) {
    JsonPath path = parse(source, fieldPath);
    List<Object> tokens = path.isDefinite() ? tokens(path.getPath()) : null;
    if (tokens != null && tokens.isEmpty()) {
      throw ValidationException.at(
          fieldPath, "Invalid value: \"" + source + "\": the path must name a field, not '$'");
    }
    JsonPath parents = null;
    String leaf = null;
    if (tokens == null) {
      Matcher field = LAST_FIELD.matcher(source);
      if (field.find()) {
        leaf = field.group(1) != null ? field.group(1) : field.group(2);
        parents = parse(source.substring(0, field.start()), fieldPath);
      }
    }
    return new JsonPathEdit(source, path, tokens, parents, leaf);
  }

  /** A trailing {@code .name} or {@code ['name']} that is not a deep scan ({@code ..name}). */
  private static final Pattern LAST_FIELD =
      Pattern.compile("(?<![.])\\.([A-Za-z_][A-Za-z0-9_-]*)$|(?<![.])\\['([^'\\]]*)'\\]$");

  private static JsonPath parse(String source, String fieldPath) {
    // Jayway accepts some truncated paths ("$.a[" reads as "$.a"): check the brackets first.
    if (!balanced(source)) {
      throw ValidationException.at(
          fieldPath, "Invalid value: \"" + source + "\": unbalanced brackets or parentheses");
    }
    try {
      return JsonPath.compile(source);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw ValidationException.at(
          fieldPath, "Invalid value: \"" + source + "\": " + e.getMessage());
    }
  }

  private static boolean balanced(String source) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0 && quote == 0;
  }

  /**
   * Sets every match to a copy of {@code value}; creates missing parent maps of a definite path.
   */
  void set(JsonNode document, JsonNode value) {
    if (definite != null) {
      JsonNode parent = document;
      for (int i = 0; i < definite.size() - 1; i++) {
        Object token = definite.get(i);
        JsonNode next = child(parent, token);
        if (next == null || next.isNull()) {
          if (!(parent instanceof ObjectNode object) || !(token instanceof String key)) {
            throw new ActionFailure(source, "path not found: cannot create " + describe(token));
          }
          next = object.putObject(key);
        }
        parent = next;
      }
      put(parent, definite.get(definite.size() - 1), value);
      return;
    }
    if (parents != null) {
      List<List<Object>> matches = matches(parents, document);
      for (List<Object> match : matches) {
        JsonNode parent = parentOrNull(document, match);
        JsonNode object = parent == null ? null : child(parent, match.get(match.size() - 1));
        if (!(object instanceof ObjectNode target)) {
          throw new ActionFailure(source, "path not found: a match is not an object");
        }
        target.set(leaf, value.deepCopy());
      }
      return;
    }
    for (List<Object> match : matches(path, document)) {
      put(parent(document, match), match.get(match.size() - 1), value.deepCopy());
    }
  }

  /** Removes every match; matching nothing is a failure. */
  void remove(JsonNode document) {
    List<List<Object>> matches;
    if (definite != null) {
      JsonNode parent = parentOrNull(document, definite);
      Object last = definite.get(definite.size() - 1);
      if (parent == null || child(parent, last) == null) {
        throw new ActionFailure(source, "path not found");
      }
      if (last instanceof Integer index && index < 0) { // Jayway: -1 is the last item
        List<Object> absolute = new ArrayList<>(definite);
        absolute.set(absolute.size() - 1, parent.size() + index);
        matches = List.of(absolute);
      } else {
        matches = List.of(definite);
      }
    } else {
      matches = matches(path, document);
    }
    // Find every parent first, then remove array items from the highest index down, so that
    // removing one match never shifts another.
    Map<JsonNode, List<Object>> byParent = new IdentityHashMap<>();
    for (List<Object> match : matches) {
      byParent
          .computeIfAbsent(parent(document, match), p -> new ArrayList<>())
          .add(match.get(match.size() - 1));
    }
    byParent.forEach(
        (parent, keys) -> {
          if (parent instanceof ArrayNode array) {
            keys.stream()
                .map(k -> (Integer) k)
                .sorted(Comparator.reverseOrder())
                .forEach(array::remove);
          } else {
            keys.forEach(k -> ((ObjectNode) parent).remove((String) k));
          }
        });
  }

  private List<List<Object>> matches(JsonPath query, JsonNode document) {
    Object found;
    try {
      found = query.read(document, PATHS);
    } catch (PathNotFoundException e) {
      found = List.of();
    }
    List<List<Object>> out = new ArrayList<>();
    if (found instanceof JsonNode array) {
      for (JsonNode item : array) {
        out.add(tokens(item.asText()));
      }
    } else if (found instanceof List<?> list) {
      for (Object item : list) {
        out.add(tokens(String.valueOf(item)));
      }
    }
    out.removeIf(List::isEmpty); // '$' itself: the document cannot be replaced here
    if (out.isEmpty()) {
      throw new ActionFailure(source, "path matches nothing");
    }
    return out;
  }

  private JsonNode parent(JsonNode document, List<Object> tokens) {
    JsonNode parent = parentOrNull(document, tokens);
    if (parent == null) {
      throw new ActionFailure(source, "path not found");
    }
    return parent;
  }

  private static JsonNode parentOrNull(JsonNode document, List<Object> tokens) {
    JsonNode node = document;
    for (int i = 0; i < tokens.size() - 1 && node != null; i++) {
      node = child(node, tokens.get(i));
    }
    return node;
  }

  private void put(JsonNode parent, Object token, JsonNode value) {
    if (parent instanceof ObjectNode object && token instanceof String key) {
      object.set(key, value);
    } else if (parent instanceof ArrayNode array
        && token instanceof Integer index
        && index >= -array.size()
        && index < array.size()) {
      array.set(index < 0 ? array.size() + index : index, value); // Jayway: -1 is the last item
    } else {
      throw new ActionFailure(source, "path not found: cannot set " + describe(token));
    }
  }

  private static JsonNode child(JsonNode node, Object token) {
    if (token instanceof String key) {
      return node instanceof ObjectNode ? node.get(key) : null;
    }
    int index = (Integer) token;
    if (node instanceof ArrayNode array) {
      int i = index < 0 ? array.size() + index : index;
      return i >= 0 && i < array.size() ? array.get(i) : null;
    }
    return null;
  }

  private static String describe(Object token) {
    return token instanceof String key ? "field '" + key + "'" : "index " + token;
  }

  /** The tokens of a normalized path such as {@code $['a']['b.c'][0]}. */
  static List<Object> tokens(String normalized) {
    List<Object> out = new ArrayList<>();
    int i = 1; // skip '$'
    int n = normalized.length();
    while (i < n) {
      if (normalized.charAt(i) != '[') {
        throw new IllegalStateException("unexpected normalized path: " + normalized);
      }
      i++;
      if (normalized.charAt(i) == '\'' || normalized.charAt(i) == '"') {
        // Jayway does not escape quotes inside keys ($['it's']): a key ends at quote + ']'.
        char quote = normalized.charAt(i);
        int close = normalized.indexOf(quote + "]", i + 1);
        out.add(normalized.substring(i + 1, close));
        i = close + 2;
      } else {
        int close = normalized.indexOf(']', i);
        out.add(Integer.parseInt(normalized.substring(i, close).trim()));
        i = close + 1;
      }
    }
    return out;
  }

  /** The path as written. */
  @Override
  public String toString() {
    return source;
  }
}
