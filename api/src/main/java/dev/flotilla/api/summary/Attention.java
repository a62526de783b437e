package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The attention list: the reports for which {@code when} is true, sorted by {@code orderBy} then by
 * cluster name, of which the first {@code limit} are listed with their {@code fields}; the total is
 * always counted.
 */
public record Attention(String when, List<OrderBy> orderBy, int limit, List<Field> fields) {
  /** The default {@code limit}. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest {@code limit}. */
  public static final int MAX_LIMIT = 1000;

  static final int MAX_ORDER_BY = 5;
  static final int MAX_FIELDS = 20;

  /** Validates the values, reporting each problem with its field path. */
  public Attention {
    Objects.requireNonNull(when, "when");
    orderBy = List.copyOf(orderBy);
    fields = List.copyOf(fields);
    List<Problem> problems = new ArrayList<>();
    Names.checkExpression("when", when, problems);
    if (limit < 0 || limit > MAX_LIMIT) {
      problems.add(
          Problem.at("limit", "Invalid value: " + limit + ": must be between 0 and " + MAX_LIMIT));
    }
    Names.atMost("orderBy", orderBy, MAX_ORDER_BY, problems);
    Names.atMost("fields", fields, MAX_FIELDS, problems);
    Names.unique("fields", fields, Field::name, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
