package dev.flotilla.api;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is and what to do about it.
 *
 * <p>{@code source} names the file (or {@code "<input>"} for values built in code), {@code line}
 * and {@code column} are 1-based and 0 when unknown, {@code path} is the field path in Kubernetes'
 * style ({@code spec.clusterSelectors[1].labelSelector.matchExpressions[0].operator}).
 */
public record Problem(String source, int line, int column, String path, String message) {

  /** Requires the source, path and message (the path and message may be empty strings). */
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A problem found in a value built in code, where there is no file. */
  public static Problem at(String path, String message) {
    return new Problem("<input>", 0, 0, path, message);
  }

  /** The same problem, located in a file. */
  public Problem in(String source, int line, int column) {
    return new Problem(source, line, column, path, message);
  }

  /** The same problem, with its path placed under {@code prefix}. */
  public Problem under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    String joined =
        path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new Problem(source, line, column, joined, message);
  }

  /** {@code file:line:col: path: message}, leaving out the parts that are unknown. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(source);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }
}
