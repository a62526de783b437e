package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Open Cluster Management style status feedback rule: the scalar at {@code jsonPath} in each
 * reported object becomes {@code feedback.<name>} in CEL (null when absent or not a scalar).
 */
public record FeedbackRule(String name, StatusPath jsonPath) {
  /** Validates the values, reporting each problem with its field path. */
  public FeedbackRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonPath, "jsonPath");
    List<Problem> problems = new ArrayList<>();
    Names.check("name", name, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * A rule reading {@code jsonPath}.
   *
   * @throws ValidationException at {@code jsonPath} when the path is not supported
   */
  public static FeedbackRule of(String name, String jsonPath) {
    StatusPath path;
    try {
      path = StatusPath.parse(jsonPath);
    } catch (ValidationException e) {
      throw e.under("jsonPath");
    }
    return new FeedbackRule(name, path);
  }
}
