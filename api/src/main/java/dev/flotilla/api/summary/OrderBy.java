package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One sort key of the attention list: a CEL expression and a direction. Nulls sort last. */
public record OrderBy(String expression, SortDirection direction) {
  /** Validates the values, reporting each problem with its field path. */
  public OrderBy {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(direction, "direction");
    List<Problem> problems = new ArrayList<>();
    Names.checkExpression("expression", expression, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
