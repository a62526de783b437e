package dev.flotilla.api.io;

import dev.flotilla.api.internal.objects.ObjectTree;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.util.Map;

/**
 * A file's located nodes as an {@link ObjectTree}, so the cluster mapping that serves maps and
 * {@code JsonNode}s also reads files, with each problem at its line and column.
 */
final class NodeTree implements ObjectTree<Node> {
  static final NodeTree INSTANCE = new NodeTree();

  private NodeTree() {}

  @Override
  public boolean isObject(Node node) {
    return node instanceof MapNode;
  }

  @Override
  public boolean isList(Node node) {
    return node instanceof ListNode;
  }

  @Override
  public Node field(Node object, String field) {
    Node value = ((MapNode) object).fields().get(field);
    return isNull(value) ? null : value;
  }

  @Override
  public Iterable<Map.Entry<String, Node>> fields(Node object) {
    return ((MapNode) object).fields().entrySet();
  }

  @Override
  public int size(Node list) {
    return ((ListNode) list).items().size();
  }

  @Override
  public Node item(Node list, int index) {
    return ((ListNode) list).items().get(index);
  }

  @Override
  public String string(Node node) {
    return node instanceof ScalarNode scalar && scalar.value() instanceof String text ? text : null;
  }

  @Override
  public String scalarText(Node node) {
    return node instanceof ScalarNode scalar && scalar.value() != null ? scalar.text() : null;
  }

  @Override
  public boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode scalar && scalar.value() == null);
  }

  @Override
  public String kind(Node node) {
    return node == null ? "null" : node.kind();
  }

  @Override
  public int line(Node node) {
    return node.location().line();
  }

  @Override
  public int column(Node node) {
    return node.location().column();
  }

  @Override
  public int[] keyLocation(Node object, String field) {
    Node.Location at = ((MapNode) object).keyLocations().get(field);
    return at == null
        ? new int[] {line(object), column(object)}
        : new int[] {at.line(), at.column()};
  }
}
