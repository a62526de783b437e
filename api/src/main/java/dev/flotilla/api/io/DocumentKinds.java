package dev.flotilla.api.io;

import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.nio.file.Path;
import java.util.List;

/** Tells what a file holds, so that one command can validate files of any kind. */
public final class DocumentKinds {
  private DocumentKinds() {}

  /**
   * The {@code kind} of the first document of {@code file} ({@code ClusterInventory}, {@code
   * Placement}, {@code List}, ...), or the empty string when it has none.
   *
   * @throws dev.flotilla.api.ValidationException when the file cannot be read or parsed
   */
  public static String of(Path file) {
    List<Node> documents = SourceReader.readDocuments(file.toString(), Sources.readText(file));
    if (!documents.isEmpty()
        && documents.get(0) instanceof MapNode map
        && map.fields().get("kind") instanceof ScalarNode kind
        && kind.value() instanceof String text) {
      return text;
    }
    return "";
  }

  /**
   * True when {@code file} looks like a status reports file rather than an object with a kind: its
   * first document is a list whose first item has a {@code cluster} field, or a map with a {@code
   * cluster} field and no {@code kind}.
   *
   * @throws dev.flotilla.api.ValidationException when the file cannot be read or parsed
   */
  public static boolean holdsStatusReports(Path file) {
    List<Node> documents = SourceReader.readDocuments(file.toString(), Sources.readText(file));
    if (documents.isEmpty()) {
      return false;
    }
    Node first = documents.get(0);
    if (first instanceof ListNode list) {
      return !list.items().isEmpty()
          && list.items().get(0) instanceof MapNode item
          && item.fields().containsKey("cluster");
    }
    return first instanceof MapNode map
        && map.fields().containsKey("cluster")
        && !map.fields().containsKey("kind");
  }
}
