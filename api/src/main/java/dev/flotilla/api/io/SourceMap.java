package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.Location;
import dev.flotilla.api.io.Node.MapNode;
import java.util.List;

/**
 * Where each field of a document came from. Problems found after reading (a CEL expression that
 * does not compile, a placement that names an unknown cluster) carry only a field path; {@link
 * #locate} adds the file, line and column by walking the path through the document.
 *
 * <p>Thread-safe: nothing in it changes after the read that built it.
 */
public final class SourceMap {
  private final String source;
  private final Node root;

  SourceMap(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /** The file name problems are reported against. */
  public String source() {
    return source;
  }

  /**
   * The same problems, placed in this file; a path that does not resolve keeps its nearest parent.
   */
  public ValidationException locate(ValidationException e) {
    return new ValidationException(e.problems().stream().map(this::locate).toList());
  }

  /** One problem placed in this file. */
  public Problem locate(Problem problem) {
    if (problem.line() > 0) {
      return problem;
    }
    Location at = find(root, problem.path());
    return problem.in(source, at.line(), at.column());
  }

  /**
   * The location of {@code path} (such as {@code spec.terms[1].labelSelector}) below {@code base},
   * or of the deepest node on the way when the path leaves the tree.
   */
  static Location find(Node base, String path) {
    Node node = base;
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      Node next;
      int end;
      if (c == '.') {
        i++;
        continue;
      } else if (c == '[') {
        end = path.indexOf(']', i);
        if (end < 0) {
          break;
        }
        String key = path.substring(i + 1, end);
        next = child(node, key, true);
        end++;
      } else {
        end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        next = child(node, path.substring(i, end), false);
      }
      if (next == null) {
        break;
      }
      node = next;
      i = end;
    }
    return node.location();
  }

  private static Node child(Node node, String key, boolean bracketed) {
    if (node instanceof MapNode map) {
      Node value = map.fields().get(key);
      if (value == null && bracketed && map.keyLocations().containsKey(key)) {
        return null;
      }
      return value;
    }
    if (node instanceof ListNode list && bracketed) {
      try {
        int index = Integer.parseInt(key);
        List<Node> items = list.items();
        return index >= 0 && index < items.size() ? items.get(index) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
