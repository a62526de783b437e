package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes manifests: YAML (one or many documents) or JSON (one object, or an array of
 * objects), and {@code kind: List} documents, whose {@code items} are read in their place. Field
 * order is kept. The reader keeps the same limits as every Flotilla reader (nesting, size, no
 * aliases, no duplicate keys).
 *
 * <p>The returned trees are new and belong to the caller.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own. The trees returned are new and
 * belong to the caller; Jackson trees are mutable, so share one between threads only if none of
 * them changes it.
 */
public final class ManifestReader {
  private ManifestReader() {}

  /** Reads every manifest of {@code file}, in order. */
  public static List<JsonNode> read(Path file) {
    return read(SourceReader.open(file));
  }

  /**
   * Reads every manifest of {@code text}, in order.
   *
   * @param source the name used in problems; {@code .json} is read as JSON, anything else as YAML
   * @throws ValidationException when the text does not parse or a document is not an object
   */
  public static List<JsonNode> parse(String source, String text) {
    return read(SourceReader.open(source, text));
  }

  /**
   * Reads every manifest of {@code in} (stdin, say), in order, closing it. The items of a JSON
   * array or of a {@code kind: List} that names its kind first are read one at a time.
   *
   * @param source the name used in problems; {@code .json} is read as JSON, anything else as YAML
   * @throws ValidationException when the input does not parse or a document is not an object
   */
  public static List<JsonNode> read(String source, InputStream in) {
    return read(SourceReader.open(source, in));
  }

  private static List<JsonNode> read(SourceReader input) {
    try (input) {
      Binder binder = new Binder(input.source()); // paths "[d]...", made relative if one document
      Binder arrayBinder = new Binder(input.source()); // the items of a top-level array: "[i]"
      List<JsonNode> out = new ArrayList<>();
      List<Node> documents = new ArrayList<>();
      List<Integer> streamedAt = new ArrayList<>();
      while (input.nextDocument()) {
        int index = documents.size();
        Node document =
            input.readDocument(
                (field, before) -> {
                  if (field.isEmpty() && index == 0) {
                    streamedAt.add(index);
                    return (i, item) -> add(arrayBinder, item, "[" + i + "]", out);
                  }
                  if (field.equals("items")
                      && before.get("kind") instanceof ScalarNode kind
                      && "List".equals(kind.value())) {
                    streamedAt.add(index);
                    return (i, item) -> add(binder, item, "items[" + i + "]", out, index);
                  }
                  return null;
                });
        documents.add(document);
        if (!streamedAt.contains(index)) {
          readDocument(binder, document, index, out);
        }
      }
      for (Problem problem : binder.problems()) {
        arrayBinder.problems().add(documents.size() == 1 ? relative(problem) : problem);
      }
      arrayBinder.throwIfProblems();
      return out;
    }
  }

  /** A problem of the only document, with its path relative to the document. */
  private static Problem relative(Problem problem) {
    String path = problem.path();
    String relative = path.equals("[0]") ? "" : path.startsWith("[0].") ? path.substring(4) : path;
    return new Problem(
        problem.source(), problem.line(), problem.column(), relative, problem.message());
  }

  private static void readDocument(Binder binder, Node document, int index, List<JsonNode> out) {
    String path = "[" + index + "]";
    if (document instanceof ScalarNode scalar && "".equals(scalar.value())) {
      return; // an empty YAML document between two "---"
    }
    if (!(document instanceof MapNode map)) {
      binder.wrongType(document, path, "object");
      return;
    }
    if (isList(map) && map.fields().get("items") instanceof ListNode items) {
      for (int i = 0; i < items.items().size(); i++) {
        add(binder, items.items().get(i), "items[" + i + "]", out, index);
      }
    } else {
      out.add(JsonTrees.of(map));
    }
  }

  private static void add(Binder binder, Node item, String path, List<JsonNode> out, int document) {
    add(binder, item, "[" + document + "]." + path, out);
  }

  private static void add(Binder binder, Node item, String path, List<JsonNode> out) {
    if (item instanceof MapNode) {
      out.add(JsonTrees.of(item));
    } else {
      binder.wrongType(item, path, "object");
    }
  }

  private static boolean isList(MapNode map) {
    return map.fields().get("kind") instanceof ScalarNode kind && "List".equals(kind.value());
  }
}
