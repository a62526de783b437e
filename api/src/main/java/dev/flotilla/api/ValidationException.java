package dev.flotilla.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an input (a file, a policy, a selector built in code) is invalid. It carries every
 * problem found, each with its field path, so a user can fix them all in one pass. Nothing has been
 * applied when it is thrown.
 */
public class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ValidationException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ValidationException(Problem problem) {
    this(List.of(problem));
  }

  /** A single problem at {@code path} in a value built in code. */
  public static ValidationException at(String path, String message) {
    return new ValidationException(Problem.at(path, message));
  }

  /** Every problem found, in the order they were found. */
  public List<Problem> problems() {
    return problems;
  }

  /** The same problems with their paths placed under {@code prefix}. */
  public ValidationException under(String prefix) {
    return new ValidationException(problems.stream().map(p -> p.under(prefix)).toList());
  }

  private static String render(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
