package dev.flotilla.api.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.Location;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML (one or many documents) or JSON text into {@link Node} trees that remember locations.
 *
 * <p>The parsers keep explicit limits so that a hostile file cannot exhaust memory: nesting at most
 * {@value #MAX_DEPTH} deep, documents at most {@value #MAX_CHARS} characters, no duplicate keys.
 * YAML aliases ({@code *name}) are refused: Jackson's streaming parser does not expand them (it
 * would silently read the anchor's name as a string), and refusing them also rules out the "billion
 * laughs" expansion.
 */
final class SourceReader {
  static final int MAX_DEPTH = 64;
  static final int MAX_CHARS = 256 * 1024 * 1024;
  static final int MAX_ALIASES = 50;

  private static final JsonFactory YAML = yamlFactory();
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(constraints())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private SourceReader() {}

  /**
   * Every top-level document of {@code text}; JSON when the text starts with '{' or '[', else YAML.
   * Empty YAML documents are skipped.
   *
   * @throws ValidationException with the location of the first syntax error
   */
  static List<Node> readDocuments(String source, String text) {
    boolean json = looksLikeJson(text);
    try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
      List<Node> documents = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Node document = read(parser, token, 0);
        if (!(document instanceof ScalarNode scalar && scalar.value() == null)) {
          documents.add(document);
        }
      }
      return documents;
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (aliases, code points) as its own runtime exceptions.
      throw new ValidationException(
          new Problem(source, 0, 0, "", "cannot parse: " + firstLine(e.getMessage())));
    }
  }

  private static Node read(JsonParser parser, JsonToken token, int depth) throws IOException {
    Location location = locate(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new NestingException(location);
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new AliasException(location);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          Location keyLocation = locate(parser.currentTokenLocation());
          Node value = read(parser, parser.nextToken(), depth + 1);
          if (fields.put(name, value) != null) {
            throw new DuplicateKeyException(name, keyLocation);
          }
          keys.put(name, keyLocation);
        }
        return new MapNode(fields, keys, location);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(parser, next, depth + 1));
        }
        return new ListNode(items, location);
      }
      case VALUE_STRING -> {
        return new ScalarNode(parser.getText(), parser.getText(), location);
      }
      case VALUE_NUMBER_INT -> {
        Object value =
            parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue()
                : (Object) parser.getLongValue();
        return new ScalarNode(value, parser.getText(), location);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new ScalarNode(parser.getDecimalValue(), parser.getText(), location);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(token == JsonToken.VALUE_TRUE, parser.getText(), location);
      }
      case VALUE_NULL -> {
        return new ScalarNode(null, parser.getText(), location);
      }
      default -> throw new IOException("unexpected " + token);
    }
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static ValidationException syntaxError(String source, JsonProcessingException e) {
    Location at = locate(e.getLocation());
    String message = firstLine(e.getOriginalMessage());
    if (e instanceof NestingException) {
      message = "nesting deeper than " + MAX_DEPTH + " levels";
    } else if (e instanceof AliasException) {
      message = "YAML aliases (*name) are not supported; write the value out";
    } else if (e instanceof DuplicateKeyException duplicate) {
      at = duplicate.at;
      message = "duplicate key \"" + duplicate.key + "\"";
    }
    return new ValidationException(
        new Problem(source, at.line(), at.column(), "", "cannot parse: " + message));
  }

  static Location locate(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return Location.UNKNOWN;
    }
    return new Location(location.getLineNr(), Math.max(location.getColumnNr(), 0));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH + 1)
        .maxDocumentLength(MAX_CHARS)
        .maxStringLength(MAX_CHARS)
        .build();
  }

  private static JsonFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setCodePointLimit(MAX_CHARS);
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(constraints())
        .build();
  }

  /** Raised from the tree builder; carries the location so the caller can report it. */
  private static final class NestingException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    NestingException(Location at) {
      super("too deep", new JsonLocation(null, -1, at.line(), at.column()));
    }
  }

  private static final class AliasException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    AliasException(Location at) {
      super("alias", new JsonLocation(null, -1, at.line(), at.column()));
    }
  }

  private static final class DuplicateKeyException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Location at;

    DuplicateKeyException(String key, Location at) {
      super("duplicate key");
      this.key = key;
      this.at = at;
    }
  }
}
