package dev.flotilla.api.labels;

import dev.flotilla.api.Problem;
import java.util.List;

/**
 * A label selector string does not parse, or parses into an invalid requirement.
 *
 * <p>{@link #reason()} is the message Kubernetes' {@code labels.Parse} gives for the same input
 * (e.g. {@code found ',', expected: identifier after ','} or {@code unable to parse requirement:
 * values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer}). {@link
 * #position()} is the <b>0-based</b> index in the input of the token where the error was found (the
 * input's length for an unexpected end); the carried {@link Problem} gives the same place as a
 * 1-based line and column.
 */
public final class SelectorSyntaxException extends SelectorException {
  private static final long serialVersionUID = 1L;

  private final String selector;
  private final int position;

  SelectorSyntaxException(String selector, int position, String reason) {
    super(List.of(problem(selector, position, reason)), reason);
    this.selector = selector;
    this.position = position;
  }

  /** The selector string that failed to parse. */
  public String selector() {
    return selector;
  }

  /** The 0-based index in {@link #selector()} of the token where parsing failed. */
  public int position() {
    return position;
  }

  private static Problem problem(String selector, int position, String reason) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < position && i < selector.length(); i++) {
      if (selector.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Problem("<input>", line, position - lineStart + 1, "", reason);
  }
}
