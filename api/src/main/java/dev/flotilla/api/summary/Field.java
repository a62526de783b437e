package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One field shown for each cluster of the attention list: a name and a CEL expression. */
public record Field(String name, String expression) {
  /** Validates the values, reporting each problem with its field path. */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    List<Problem> problems = new ArrayList<>();
    Names.check("name", name, problems);
    Names.checkExpression("expression", expression, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
