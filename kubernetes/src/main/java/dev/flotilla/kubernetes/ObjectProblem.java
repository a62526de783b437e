package dev.flotilla.kubernetes;

import dev.flotilla.api.Problem;
import java.util.List;
import java.util.Objects;

/**
 * Why a cluster object could not be taken into a {@link LiveFleet}: the object's name and every
 * problem found, each with its field path ({@code status.clusterClaims[2].name}, say).
 *
 * @param object the object's {@code metadata.name}; empty when the object has no readable name
 * @param problems what is wrong, at least one
 */
public record ObjectProblem(String object, List<Problem> problems) {
  /** Requires a name and copies the list. */
  public ObjectProblem {
    Objects.requireNonNull(object, "object");
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an ObjectProblem needs at least one problem");
    }
  }

  /** {@code object: path: message}, one line per problem. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Problem problem : problems) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(object.isEmpty() ? "<unnamed>" : object).append(": ");
      if (!problem.path().isEmpty()) {
        out.append(problem.path()).append(": ");
      }
      out.append(problem.message());
    }
    return out.toString();
  }
}
