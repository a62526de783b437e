package dev.flotilla.api.labels;

import dev.flotilla.api.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Requirement} breaks one of the rules of Kubernetes' {@code labels.NewRequirement}: an
 * invalid key, the wrong number of values for its operator, a value that is not a label value, or a
 * {@code Gt}/{@code Lt} operand that is not an int64.
 *
 * <p>Each problem's path is relative to the requirement ({@code key}, {@code values}, {@code
 * values[0]}, {@code values[0][KEY]}), as in Kubernetes; {@link #reason()} is Kubernetes' own
 * aggregated message, e.g. {@code values: Invalid value: []string{}: for 'in', 'notin' operators,
 * values set can't be empty}.
 */
public final class InvalidRequirementException extends SelectorException {
  private static final long serialVersionUID = 1L;

  InvalidRequirementException(List<Problem> problems) {
    super(problems, aggregate(problems));
  }

  // utilerrors.Aggregate: one message alone, several de-duplicated inside "[a, b]".
  private static String aggregate(List<Problem> problems) {
    Set<String> messages = new LinkedHashSet<>();
    for (Problem problem : problems) {
      messages.add(problem.path() + ": " + problem.message());
    }
    return messages.size() == 1
        ? messages.iterator().next()
        : "[" + String.join(", ", messages) + "]";
  }
}
