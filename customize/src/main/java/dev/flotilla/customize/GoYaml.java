package dev.flotilla.customize;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * YAML in a string field as Karmada's field overrider reads and writes it: sigs.k8s.io/yaml's
 * {@code YAMLToJSON} (go-yaml v2, YAML 1.1 types) before the patch and {@code JSONToYAML} after
 * (go-yaml v2's {@code Marshal}: keys in its natural order, block style, sequences not indented
 * under their key, strings plain unless they would read as another type).
 *
 * <p>Flotilla reproduces that exactly for documents of maps and lists whose keys and strings are
 * words ({@code [A-Za-z_/][A-Za-z0-9_./:@=+-]*}, not ending in ':' and not a YAML 1.1 boolean or
 * null), decimal integers, booleans and nulls. Anything else (floats, multi-line or spaced strings,
 * which go-yaml folds and quotes by rules of its own, anchors, tags) is refused rather than written
 * differently.
 */
final class GoYaml {
  private GoYaml() {}

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern WORD = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./:@=+-]*");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  /** YAML 1.1 words go-yaml v2 reads as booleans or null. */
  private static final List<String> SPECIAL =
      List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  static String patch(String text, String path, UnaryOperator<JsonNode> edit) {
    JsonNode document;
    try {
      document = read(text, path);
    } catch (IOException e) {
      throw new ActionFailure(path, "the field does not hold a YAML document");
    }
    if (!document.isObject() && !document.isArray()) {
      throw new ActionFailure(path, "the field's YAML is not a map or a list");
    }
    StringBuilder out = new StringBuilder();
    JsonNode patched = edit.apply(document);
    check(patched, path);
    write(patched, 0, out);
    return out.toString();
  }

  private static ActionFailure refused(String path, String what) {
    return new ActionFailure(
        path,
        "the field's YAML holds "
            + what
            + ", which go-yaml v2 writes by rules Flotilla does not reproduce: refused");
  }

  private static JsonNode read(String text, String path) throws IOException {
    if (text.contains("&") || text.contains("*") || text.contains("!") || text.contains("%")) {
      throw refused(path, "an anchor, alias, tag or directive");
    }
    try (YAMLParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new IOException("empty");
      }
      JsonNode node = value(parser, path);
      if (parser.nextToken() != null) {
        throw refused(path, "several documents");
      }
      return node;
    }
  }

  private static JsonNode value(YAMLParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          if (!isWord(key)) {
            throw refused(path, "the key \"" + key + "\"");
          }
          if (object.has(key)) {
            throw refused(path, "the key \"" + key + "\" twice");
          }
          parser.nextToken();
          object.set(key, value(parser, path));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, path));
        }
        return array;
      }
      case VALUE_STRING -> {
        String s = parser.getText();
        if (!isWord(s)) {
          throw refused(path, "the string \"" + s + "\"");
        }
        return NODES.textNode(s);
      }
      case VALUE_NUMBER_INT -> {
        String s = parser.getText();
        if (!INTEGER.matcher(s).matches()) {
          throw refused(path, "the number " + s);
        }
        return NODES.numberNode(Long.parseLong(s));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        String s = parser.getText().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
          throw refused(path, "the boolean " + parser.getText());
        }
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        String s = parser.getText();
        if (!List.of("", "~", "null", "Null", "NULL").contains(s)) {
          throw refused(path, "the value " + s);
        }
        return NODES.nullNode();
      }
      default -> throw refused(path, "the value " + parser.getText());
    }
  }

  private static boolean isWord(String s) {
    return WORD.matcher(s).matches()
        && !s.endsWith(":")
        && !SPECIAL.contains(s.toLowerCase(Locale.ROOT));
  }

  /** The patched document must stay in the subset (a patch value may bring a float, say). */
  private static void check(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!isWord(e.getKey())) {
          throw refused(path, "the key \"" + e.getKey() + "\"");
        }
        check(e.getValue(), path);
      }
    } else if (node.isArray()) {
      node.forEach(item -> check(item, path));
    } else if (node.isTextual()) {
      if (!isWord(node.textValue()) && !node.textValue().isEmpty()) {
        throw refused(path, "the string \"" + node.textValue() + "\"");
      }
    } else if (node.isNumber()) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw refused(path, "the number " + node);
      }
    } else if (!node.isBoolean() && !node.isNull()) {
      throw refused(path, "the value " + node);
    }
  }

  private static void write(JsonNode node, int indent, StringBuilder out) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}\n");
        return;
      }
      boolean first = true;
      for (String key : sortedKeys(node)) {
        if (!first) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append(key).append(':');
        child(node.get(key), indent, true, out);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]\n");
        return;
      }
      boolean first = true;
      for (JsonNode item : node) {
        if (!first) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append('-');
        child(item, indent, false, out);
      }
    } else {
      out.append(scalar(node)).append('\n');
    }
  }

  /** A map entry's or a list item's value, after {@code key:} or {@code -}. */
  private static void child(JsonNode value, int indent, boolean inMap, StringBuilder out) {
    if ((value.isObject() || value.isArray()) && !value.isEmpty()) {
      if (inMap) {
        // go-yaml v2 indents a map under its key, but not a list.
        int inner = value.isObject() ? indent + 2 : indent;
        out.append('\n').append(" ".repeat(inner));
        write(value, inner, out);
      } else {
        out.append(' ');
        write(value, indent + 2, out);
      }
    } else {
      out.append(' ');
      write(value, indent, out);
    }
  }

  private static String scalar(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isBoolean() || node.isNumber()) {
      return node.asText();
    }
    String s = node.textValue();
    return s.isEmpty() ? "\"\"" : s;
  }

  private static List<String> sortedKeys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    keys.sort((a, b) -> less(a, b) ? -1 : less(b, a) ? 1 : 0);
    return keys;
  }

  /**
   * go-yaml v2 sorter.go keyList.Less for two strings: letters after others, digit runs by value.
   */
  static boolean less(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      int bi = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}
