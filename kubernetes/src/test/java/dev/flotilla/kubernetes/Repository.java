package dev.flotilla.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository this module sits in, for tests that check every CRD file and every document of
 * Flotilla's kinds in it, found by walking the tree rather than by a hand-kept list.
 */
final class Repository {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Where a document came from, which decides what the tests demand of it. */
  enum Origin {
    /** examples/**, README files, main sources (the demo): must be valid for the reader too. */
    PUBLISHED,
    /** Test sources: many are broken on purpose; only those a reader accepts must validate. */
    TEST
  }

  /** One YAML or JSON document found in a file; {@code where} is "file" or "file#n". */
  record Document(String where, Origin origin, String text, JsonNode tree) {
    String apiVersion() {
      return tree.path("apiVersion").asText("");
    }

    String kind() {
      return tree.path("kind").asText("");
    }
  }

  private static final Pattern TEXT_BLOCK =
      Pattern.compile("\"\"\"[ \\t]*\\n(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern YAML_FENCE =
      Pattern.compile("^```ya?ml[ \\t]*\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---.*\\n");

  private Repository() {}

  /** The repository root: the nearest ancestor of the working directory holding {@code crds/}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("crds")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no crds/ directory above " + Path.of("").toAbsolutePath());
  }

  /** Every {@code crds/*.yaml} file, sorted. */
  static List<Path> crdFiles() {
    try (Stream<Path> files = Files.list(root().resolve("crds"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single CustomResourceDefinition in {@code file}. */
  static JsonNode readCrd(Path file) {
    List<JsonNode> documents = parseAll(read(file));
    if (documents.size() != 1) {
      throw new IllegalStateException(file + ": expected one document, got " + documents.size());
    }
    return documents.get(0);
  }

  /**
   * Every document in the repository that parses as YAML or JSON: files under {@code examples/},
   * YAML blocks of every {@code *.md}, and Java text blocks of every module's main and test sources
   * (the demo's placements, customizations and summaries are text blocks in {@code cli}).
   */
  static List<Document> documents() {
    Path root = root();
    List<Document> out = new ArrayList<>();
    for (Path file : walk(root)) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (name.startsWith("examples/") && isData(name)) {
        addAll(out, name, Origin.PUBLISHED, read(file));
      } else if (name.contains("/src/test/resources/") && isData(name)) {
        addAll(out, name, Origin.TEST, read(file));
      } else if (name.endsWith(".md")) {
        blocks(out, name, Origin.PUBLISHED, YAML_FENCE, read(file), false);
      } else if (name.endsWith(".java") && name.contains("/src/")) {
        Origin origin = name.contains("/src/test/") ? Origin.TEST : Origin.PUBLISHED;
        blocks(out, name, origin, TEXT_BLOCK, read(file), true);
      }
    }
    return out;
  }

  private static boolean isData(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static void blocks(
      List<Document> out, String name, Origin origin, Pattern pattern, String text, boolean java) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      String block = m.group(1);
      if (java && text.startsWith(".formatted(", skipSpace(text, m.end()))) {
        continue; // a template: its placeholders are filled in before anything reads it
      }
      if (java) {
        // What javac makes of a text block: common indentation removed, escapes translated.
        block = block.stripIndent();
        try {
          block = block.translateEscapes();
        } catch (IllegalArgumentException e) {
          continue;
        }
      }
      addAll(out, name + "#" + (++n), origin, block);
    }
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void addAll(List<Document> out, String where, Origin origin, String text) {
    List<String> parts = new ArrayList<>();
    for (String part : DOCUMENT_SEPARATOR.split(text, -1)) {
      if (!part.isBlank()) {
        parts.add(part);
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      JsonNode tree;
      try {
        tree = YAML.readTree(part);
      } catch (IOException | RuntimeException e) {
        continue; // not a document (a fragment, a template with placeholders, prose)
      }
      if (tree != null && tree.isObject()) {
        out.add(new Document(parts.size() == 1 ? where : where + "/" + i, origin, part, tree));
      }
    }
  }

  private static List<JsonNode> parseAll(String text) {
    try (MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class)
            .without(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .readValues(text)) {
      List<JsonNode> out = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          out.add(node);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> walk(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !excluded(root.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean excluded(Path relative) {
    for (Path part : relative) {
      String p = part.toString();
      if (p.equals("target") || p.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
