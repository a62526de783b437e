package dev.flotilla.customize;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link RuleSet#apply(dev.flotilla.api.Cluster,
 * com.fasterxml.jackson.databind.JsonNode)} when a rule cannot apply to the manifest: nothing is
 * returned for it, and the input is unchanged.
 */
public final class CustomizationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<CustomizationError> errors;

  CustomizationException(List<CustomizationError> errors) {
    super(errors.stream().map(CustomizationError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** What went wrong, at least one error. */
  public List<CustomizationError> errors() {
    return errors;
  }
}
