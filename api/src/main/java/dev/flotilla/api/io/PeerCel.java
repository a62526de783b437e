package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Requirement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the peers' override readers write into Flotilla's policies: CEL over the {@code cluster}
 * variable for what a label selector cannot say (names, OR of selectors, Karmada's field
 * selector), and values in which a peer's literal {@code ${} must stay literal (Flotilla reads
 * {@code ${ }} as a template; {@code $${} is its literal form).
 */
final class PeerCel {
  private PeerCel() {}

  /** A CEL string literal holding exactly {@code text}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }

  /** {@code ['a', 'b']}. */
  static String list(List<String> values) {
    return values.stream().map(PeerCel::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A boolean CEL expression true exactly when {@code selector} matches the cluster's labels. */
  static String labels(LabelSelector selector) {
    if (selector.isEmpty()) {
      return "true";
    }
    List<String> parts = new ArrayList<>();
    for (Requirement r : selector.requirements()) {
      String has = quote(r.key()) + " in cluster.labels";
      String value = "cluster.labels[" + quote(r.key()) + "]";
      parts.add(
          switch (r.operator()) {
            case IN, EQUALS, DOUBLE_EQUALS ->
                "(" + has + " && " + value + " in " + list(r.values()) + ")";
            case NOT_IN, NOT_EQUALS ->
                "!(" + has + " && " + value + " in " + list(r.values()) + ")";
            case EXISTS -> "(" + has + ")";
            case DOES_NOT_EXIST -> "!(" + has + ")";
            default ->
                throw new IllegalArgumentException(
                    "not a metav1.LabelSelector operator: " + r.operator());
          });
    }
    return String.join(" && ", parts);
  }

  /** {@code text} with every {@code ${} made literal for Flotilla's templates. */
  static String literal(String text) {
    return text.replace("${", "$${");
  }

  /**
   * A copy of a peer's JSON value as the peer's API server stores it (object keys sorted, as Go
   * writes maps) whose strings Flotilla will not read as templates.
   */
  static JsonNode literal(JsonNode value) {
    if (value.isTextual()) {
      return TextNode.valueOf(literal(value.textValue()));
    }
    if (value.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sorted.put(e.getKey(), literal(e.getValue()));
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> out.add(literal(item)));
      return out;
    }
    return value.deepCopy();
  }

  /**
   * Whether a JSON Pointer has a token that Go's {@code strconv.Atoi} reads as an array index but
   * RFC 6901 does not ({@code -1}, {@code +1}, {@code 01}): evanphx/json-patch and go-openapi's
   * jsonpointer accept those, Flotilla's patches do not.
   */
  static boolean hasGoOnlyIndex(String pointer) {
    for (String token : pointer.split("/", -1)) {
      if (token.matches("[+-]?[0-9]+") && !token.matches("0|[1-9][0-9]*")) {
        return true;
      }
    }
    return false;
  }
}
