package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One aggregate column: a name, a function and (except for a plain {@link AggregateFunction#Count})
 * the CEL expression giving each report's subject.
 */
public record Aggregate(String name, AggregateFunction function, Optional<String> expression) {
  /** Validates the values, reporting each problem with its field path. */
  public Aggregate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(expression, "expression");
    List<Problem> problems = new ArrayList<>();
    Names.check("name", name, problems);
    if (expression.isPresent()) {
      Names.checkExpression("expression", expression.get(), problems);
    } else if (function.needsExpression()) {
      problems.add(
          Problem.at("expression", "Required value: " + function + " needs an expression"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** An aggregate of {@code expression}. */
  public static Aggregate of(String name, AggregateFunction function, String expression) {
    return new Aggregate(name, function, Optional.of(expression));
  }

  /** The number of reports in each group. */
  public static Aggregate count(String name) {
    return new Aggregate(name, AggregateFunction.Count, Optional.empty());
  }
}
