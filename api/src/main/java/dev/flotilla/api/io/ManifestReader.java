package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
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
 */
public final class ManifestReader {
  private ManifestReader() {}

  /** Reads every manifest of {@code file}, in order. */
  public static List<JsonNode> read(Path file) {
    return parse(file.toString(), Sources.readText(file));
  }

  /**
   * Reads every manifest of {@code text}, in order.
   *
   * @throws ValidationException when the text does not parse or a document is not an object
   */
  public static List<JsonNode> parse(String source, String text) {
    List<Node> documents = SourceReader.readDocuments(source, text);
    Binder binder = new Binder(source);
    List<JsonNode> out = new ArrayList<>();
    if (documents.size() == 1 && documents.get(0) instanceof ListNode array) {
      documents = array.items(); // a JSON array of manifests
    }
    for (int d = 0; d < documents.size(); d++) {
      Node document = documents.get(d);
      String path = documents.size() == 1 ? "" : "[" + d + "]";
      if (document instanceof ScalarNode scalar && "".equals(scalar.value())) {
        continue; // an empty YAML document between two "---"
      }
      if (!(document instanceof MapNode map)) {
        binder.wrongType(document, path, "object");
        continue;
      }
      if (isList(map) && map.fields().get("items") instanceof ListNode items) {
        for (int i = 0; i < items.items().size(); i++) {
          Node item = items.items().get(i);
          if (item instanceof MapNode) {
            out.add(JsonTrees.of(item));
          } else {
            binder.wrongType(
                item, path.isEmpty() ? "items[" + i + "]" : path + ".items[" + i + "]", "object");
          }
        }
      } else {
        out.add(JsonTrees.of(map));
      }
    }
    binder.throwIfProblems();
    return out;
  }

  private static boolean isList(MapNode map) {
    return map.fields().get("kind") instanceof ScalarNode kind && "List".equals(kind.value());
  }
}
