package dev.flotilla.api.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.Location;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML (one or many documents) or JSON into {@link Node} trees that remember locations, one
 * top-level document at a time.
 *
 * <p>Maintainers: memory is the point of this class. A reader asks for one document at a time and
 * may take the items of a top-level list, or of a list-valued field of a top-level mapping, one by
 * one as they are parsed ({@link Streamer}): an inventory of a million clusters is then never a
 * tree, only the clusters bound from it. The text is never held whole either: it is decoded as it
 * is parsed by {@link TextInput}, which also bounds the bytes read ({@link Limits}).
 *
 * <p>The format is chosen by the source's name: {@code .json} is JSON; anything else, stdin
 * included, is YAML, which also reads JSON (so {@code {a: b}} in a {@code .yaml} file is a flow
 * mapping, not broken JSON).
 *
 * <p>Limits: nesting at most {@value Limits#MAX_DEPTH} deep, no duplicate keys. YAML aliases
 * ({@code *name}) are refused: Jackson's streaming parser does not expand them (it would silently
 * read the anchor's name as a string), and refusing them also rules out the "billion laughs"
 * expansion. Tags other than YAML's core scalar and collection tags ({@code !!binary}, {@code
 * !!timestamp}, {@code !custom}) are refused: they would make a value of a type Flotilla does not
 * model. Every failure is a {@link ValidationException} in Flotilla's words, with the line and
 * column, never the parser's class names.
 */
final class SourceReader implements Closeable {
  /** Chooses the top-level lists a reader takes item by item. */
  @FunctionalInterface
  interface Streamer {
    /**
     * The consumer of the items of {@code field} (a list-valued field of the top-level mapping,
     * whose other fields read so far are {@code before}), or of the document itself when {@code
     * field} is empty and the document is a list; null to keep the list in the tree. A streamed
     * list is left in the tree as an empty {@link ListNode} at its location.
     */
    ItemSink stream(String field, Map<String, Node> before);
  }

  /** Receives the items of a streamed list, in order. */
  @FunctionalInterface
  interface ItemSink {
    void item(int index, Node item);
  }

  private static final int INTERNED_LENGTH = 64;
  private static final int INTERNED_MAX = 1 << 16;
  private static final Set<String> CORE_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq");
  private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

  private final String source;
  private final JsonParser parser;
  private final boolean json;
  private final Map<String, String> strings = new HashMap<>();
  private JsonToken current;

  private SourceReader(String source, JsonParser parser, boolean json) {
    this.source = source;
    this.parser = parser;
    this.json = json;
  }

  /** The input in {@code file}, read as it is parsed. */
  static SourceReader open(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw problem(source, "is a directory, not a file");
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw problem(source, "no such file");
    } catch (AccessDeniedException e) {
      throw problem(source, "permission denied");
    } catch (IOException e) {
      throw problem(source, "cannot read: " + e.getMessage());
    }
    return open(source, in);
  }

  /** The input of {@code in}, named {@code source}; closed with this reader. */
  static SourceReader open(String source, InputStream in) {
    return open(source, new TextInput(in, Limits.maxBytes()));
  }

  /** {@code text}, named {@code source}. */
  static SourceReader open(String source, String text) {
    if (text.length() > Limits.maxBytes()) {
      throw problem(source, "input larger than the limit of " + Limits.maxBytes() + " bytes");
    }
    return open(source, new StringReader(text));
  }

  private static SourceReader open(String source, Reader reader) {
    boolean json = isJson(source);
    try {
      return new SourceReader(source, (json ? JSON : YAML).createParser(reader), json);
    } catch (IOException e) {
      throw problem(source, "cannot read: " + e.getMessage());
    }
  }

  /** True when {@code source} names a JSON file. */
  static boolean isJson(String source) {
    return source.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Every top-level document of {@code text}, empty ones left out. */
  static List<Node> readDocuments(String source, String text) {
    try (SourceReader reader = open(source, text)) {
      return reader.readAll();
    }
  }

  /** Every top-level document of {@code file}, empty ones left out. */
  static List<Node> readDocuments(Path file) {
    try (SourceReader reader = open(file)) {
      return reader.readAll();
    }
  }

  private List<Node> readAll() {
    List<Node> documents = new ArrayList<>();
    while (nextDocument()) {
      documents.add(readDocument(null));
    }
    return documents;
  }

  String source() {
    return source;
  }

  /** The parser, for a reader that only peeks ({@link FileContents}). */
  JsonParser parser() {
    return parser;
  }

  /** The token the current document starts with. */
  JsonToken token() {
    return current;
  }

  /**
   * Moves to the next document, leaving out empty ones ({@code ---} with nothing after it).
   *
   * @return false at the end of the input
   * @throws ValidationException when the input cannot be read or parsed
   */
  boolean nextDocument() {
    try {
      while ((current = parser.nextToken()) != null) {
        boolean empty =
            current == JsonToken.VALUE_NULL
                || (!json && current == JsonToken.VALUE_STRING && parser.getText().isEmpty());
        if (!empty || tag() != null) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  /** Where the current document starts. */
  Location location() {
    return locate(parser.currentTokenLocation());
  }

  /**
   * Reads the current document, streaming the lists {@code streamer} asks for.
   *
   * @param streamer null to read the whole document as a tree
   * @throws ValidationException when the input cannot be read or parsed
   */
  Node readDocument(Streamer streamer) {
    try {
      if (streamer == null) {
        return read(current, 0);
      }
      check(0);
      if (current == JsonToken.START_OBJECT) {
        return readTopMapping(streamer);
      }
      if (current == JsonToken.START_ARRAY) {
        ItemSink sink = streamer.stream("", Map.of());
        if (sink != null) {
          return streamList(sink, 0);
        }
      }
      return read(current, 0);
    } catch (ValidationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  private Node readTopMapping(Streamer streamer) throws IOException {
    Location location = locate(parser.currentTokenLocation());
    Map<String, Node> fields = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = intern(parser.currentName());
      Location keyLocation = locate(parser.currentTokenLocation());
      if (fields.containsKey(name)) {
        throw new Refused(keyLocation, "duplicate key \"" + name + "\"");
      }
      JsonToken token = parser.nextToken();
      ItemSink sink = token == JsonToken.START_ARRAY ? streamer.stream(name, fields) : null;
      Node value = sink != null ? streamList(sink, 1) : read(token, 1);
      fields.put(name, value);
      keys.put(name, keyLocation);
    }
    return new MapNode(fields, keys, location);
  }

  private Node streamList(ItemSink sink, int depth) throws IOException {
    check(depth);
    Location location = locate(parser.currentTokenLocation());
    int index = 0;
    JsonToken next;
    while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
      sink.item(index++, read(next, depth + 1));
    }
    return new ListNode(List.of(), location);
  }

  private Node read(JsonToken token, int depth) throws IOException {
    Location location = check(depth);
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = intern(parser.currentName());
          Location keyLocation = locate(parser.currentTokenLocation());
          if (fields.containsKey(name)) {
            throw new Refused(keyLocation, "duplicate key \"" + name + "\"");
          }
          fields.put(name, read(parser.nextToken(), depth + 1));
          keys.put(name, keyLocation);
        }
        return new MapNode(fields, keys, location);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(next, depth + 1));
        }
        return new ListNode(items, location);
      }
      case VALUE_STRING -> {
        String text = intern(parser.getText());
        return new ScalarNode(text, text, location);
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
      default -> throw new Refused(location, "a value of a type Flotilla does not read");
    }
  }

  /** Refuses too deep nesting, aliases and tags at the current token; returns its location. */
  private Location check(int depth) throws IOException {
    Location location = locate(parser.currentTokenLocation());
    if (depth > Limits.MAX_DEPTH) {
      throw new Refused(location, "nesting deeper than " + Limits.MAX_DEPTH + " levels");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new Refused(location, "YAML aliases (*name) are not supported; write the value out");
    }
    String tag = tag();
    if (tag != null) {
      String name =
          tag.startsWith(YAML_TAG_PREFIX) ? tag.substring(YAML_TAG_PREFIX.length()) : null;
      if (name == null || !CORE_TAGS.contains(name)) {
        String written = name != null ? "!!" + name : "!" + tag;
        throw new Refused(
            location, "YAML tag " + written + " is not supported; write the value without a tag");
      }
    }
    return location;
  }

  private String tag() throws IOException {
    if (parser instanceof YAMLParser yaml && current != JsonToken.FIELD_NAME) {
      String tag = yaml.getTypeId();
      return tag == null || tag.equals("!") ? null : tag;
    }
    return null;
  }

  /** Shares the text of repeated short strings (label keys and values), up to a bounded count. */
  private String intern(String text) {
    if (text.length() > INTERNED_LENGTH) {
      return text;
    }
    String shared = strings.get(text);
    if (shared != null) {
      return shared;
    }
    if (strings.size() < INTERNED_MAX) {
      strings.put(text, text);
    }
    return text;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException | RuntimeException e) {
      // nothing was written; a failure to close an input loses nothing
    }
  }

  // ---- Errors, in Flotilla's words.

  private static ValidationException problem(String source, String message) {
    return new ValidationException(new Problem(source, 0, 0, "", message));
  }

  private ValidationException translate(Exception e) {
    Location at = Location.UNKNOWN;
    String message = null;
    for (Throwable t = e; t != null && message == null; t = t.getCause()) {
      if (t instanceof TextInput.InputProblem input) {
        at = new Location(input.line, input.column);
        return new ValidationException(
            new Problem(source, at.line(), at.column(), "", input.getMessage()));
      }
    }
    if (e instanceof Refused refused) {
      at = refused.at;
      message = refused.getMessage();
    } else if (e instanceof StreamConstraintsException limit) {
      at = locate(limit.getLocation());
      message = limits(limit.getOriginalMessage());
    } else if (cause(e, MarkedYAMLException.class) instanceof MarkedYAMLException marked) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      at = mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
      Location last = locate(parser.currentTokenLocation());
      if (String.valueOf(marked.getProblem()).contains("<stream end>") && last.line() > 0) {
        at = last; // the input ended: what is left open is the last thing read
      }
      message = yamlMessage(marked);
    } else if (cause(e, YAMLException.class) instanceof YAMLException yaml) {
      at = e instanceof JsonProcessingException p ? locate(p.getLocation()) : Location.UNKNOWN;
      message = limits(yaml.getMessage());
    } else if (e instanceof JsonProcessingException p) {
      at = locate(p.getLocation());
      message = jsonMessage(p.getOriginalMessage());
    } else {
      at = locate(parser.currentLocation());
      message = clean(e.getMessage());
    }
    if (at.line() == 0) {
      at = locate(parser.currentLocation()); // SnakeYAML's limits come without a place
    }
    return new ValidationException(
        new Problem(source, at.line(), at.column(), "", "cannot parse: " + message));
  }

  private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  /** SnakeYAML's problem and its context ("while parsing a flow mapping", where it started). */
  private static String yamlMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "malformed YAML" : tokens(e.getProblem());
    String message = limits(problem);
    if (e.getContext() != null) {
      Mark context = e.getContextMark();
      message +=
          " ("
              + e.getContext().trim()
              + (context == null
                  ? ""
                  : " started at " + (context.getLine() + 1) + ":" + (context.getColumn() + 1))
              + ")";
    }
    return message;
  }

  private static String tokens(String text) {
    return text.replaceAll("'(<[a-z ]+>)'", "$1")
        .replace("<stream end>", "the end of the input")
        .replace("<document end>", "the end of the document")
        .replace("<block end>", "the end of the block")
        .replace("<block mapping start>", "a new mapping")
        .replace("<block sequence start>", "a new list")
        .replace("<scalar>", "a value")
        .replace("'?'", "a mapping key")
        .replace("'<'", "'<'");
  }

  private static String jsonMessage(String text) {
    String message = clean(text);
    if (message.startsWith("Duplicate field '")) {
      int end = message.indexOf('\'', 17);
      return "duplicate key \"" + message.substring(17, end < 0 ? message.length() : end) + "\"";
    }
    return limits(message);
  }

  /** Limits reported by Jackson or SnakeYAML, said as Flotilla's. */
  private static String limits(String text) {
    String message = text == null ? "" : text;
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("nesting depth")) {
      return "nesting deeper than " + Limits.MAX_DEPTH + " levels";
    }
    if (lower.contains("document length") || lower.contains("code points")) {
      return "input larger than the limit of " + Limits.maxBytes() + " bytes";
    }
    if (lower.contains("string value length")) {
      return "string longer than the limit of " + Limits.MAX_STRING + " characters";
    }
    if (lower.contains("number value length")) {
      return "number longer than the limit of 1000 digits";
    }
    if (lower.contains("name length")) {
      return "key longer than the limit of 50000 characters";
    }
    if (lower.contains("number of aliases")) {
      return "YAML aliases (*name) are not supported; write the value out";
    }
    if (lower.contains("special characters are not allowed")) {
      return "control characters are not allowed: the input is not YAML text";
    }
    return clean(message);
  }

  /** The first line of a parser's message, without any class or setting names. */
  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "malformed input";
    }
    String message = text.strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    int from = message.indexOf("(from `");
    if (from >= 0) {
      message = message.substring(0, from).strip();
    }
    if (message.contains("com.fasterxml") || message.contains("org.yaml") || message.isEmpty()) {
      return "malformed input";
    }
    return message;
  }

  static Location locate(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return Location.UNKNOWN;
    }
    return new Location(location.getLineNr(), Math.max(location.getColumnNr(), 0));
  }

  // ---- Parsers.

  private static final JsonFactory YAML = yamlFactory();
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(constraints())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(Limits.MAX_DEPTH + 1)
        // No document length limit: TextInput bounds the bytes and knows the line. Unlimited is
        // Jackson's default from 2.16 (the first with the limit) to 2.22; not setting it keeps
        // Jackson 2.15 working (README, "Compatibility").
        .maxStringLength(Limits.MAX_STRING)
        .build();
  }

  private static JsonFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
    options.setNestingDepthLimit(Limits.MAX_DEPTH + 1);
    options.setCodePointLimit(Integer.MAX_VALUE); // bounded in bytes by TextInput
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(constraints())
        .build();
  }

  /** A refusal of Flotilla's own, at a known place. */
  private static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Location at;

    Refused(Location at, String message) {
      super(message);
      this.at = at;
    }
  }
}
