package dev.flotilla.api.io;

import java.util.Objects;

/**
 * A value read from a file, with the map of where its fields came from, so that problems found
 * later (when compiling CEL, say) can still be reported as {@code file:line:col: path: message}.
 */
public record Parsed<T>(T value, SourceMap sourceMap) {
  /** Requires both parts. */
  public Parsed {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }
}
