package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One grouping key: a name (the key's field in the output) and a CEL expression giving a string,
 * number, bool or null, such as {@code cluster.labels['topology.kubernetes.io/region']}.
 */
public record GroupBy(String name, String expression) {
  /** Validates the values, reporting each problem with its field path. */
  public GroupBy {
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
