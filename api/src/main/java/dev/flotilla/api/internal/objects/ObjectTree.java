package dev.flotilla.api.internal.objects;

import java.util.Map;

/**
 * Read-only access to one JSON-like tree, whatever holds it: Jackson's {@code JsonNode}, the maps
 * and lists of an informer cache, or a reader's located nodes. The cluster mapping is written once
 * over this interface, so mapping a {@code Map} or a {@code JsonNode} never serializes, and a file
 * keeps its line:column locations.
 *
 * <p>Methods take the node as an argument instead of wrapping it, so walking a tree allocates
 * nothing per node. JSON {@code null} reads as a missing field, as Kubernetes' {@code omitempty}
 * fields do.
 *
 * @param <N> the node type of the tree
 */
public interface ObjectTree<N> {

  /** True when {@code node} is a mapping. */
  boolean isObject(N node);

  /** True when {@code node} is a sequence. */
  boolean isList(N node);

  /** The value of {@code field} in an object node; null when missing or JSON null. */
  N field(N object, String field);

  /** The fields of an object node, in their order; values may be JSON null. */
  Iterable<Map.Entry<String, N>> fields(N object);

  /** The number of items of a list node. */
  int size(N list);

  /** The item at {@code index} of a list node. */
  N item(N list, int index);

  /** The text of a string scalar; null when {@code node} is not a string. */
  String string(N node);

  /**
   * A string, number or boolean scalar as text (numbers as written where the tree keeps that); null
   * for objects, lists and null.
   */
  String scalarText(N node);

  /** True for JSON null (a field present with no value). */
  boolean isNull(N node);

  /** A word for the kind of value, for "expected X, got Y" messages. */
  String kind(N node);

  /** The 1-based line where {@code node} starts; 0 when the tree has no locations. */
  default int line(N node) {
    return 0;
  }

  /** The 1-based column where {@code node} starts; 0 when the tree has no locations. */
  default int column(N node) {
    return 0;
  }

  /**
   * The location of a field's key (for "unknown field"); by default where the object starts.
   *
   * @return {line, column}
   */
  default int[] keyLocation(N object, String field) {
    return new int[] {line(object), column(object)};
  }
}
