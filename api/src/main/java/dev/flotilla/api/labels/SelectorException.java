package dev.flotilla.api.labels;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.List;

/**
 * A label selector or one of its requirements is invalid. The common supertype of {@link
 * SelectorSyntaxException} (a selector string that does not parse) and {@link
 * InvalidRequirementException} (a requirement that breaks Kubernetes' rules), so callers can catch
 * both at once; being a {@link ValidationException}, it also carries {@link Problem}s with field
 * paths.
 */
public abstract class SelectorException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  SelectorException(List<Problem> problems, String reason) {
    super(problems);
    this.reason = reason;
  }

  /**
   * The error as Kubernetes words it (the text of the Go error returned by {@code labels.Parse} or
   * {@code labels.NewRequirement}), without Flotilla's source and position prefix.
   */
  public String reason() {
    return reason;
  }
}
