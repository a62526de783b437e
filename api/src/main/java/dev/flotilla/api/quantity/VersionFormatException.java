package dev.flotilla.api.quantity;

import java.util.Objects;

/**
 * Thrown by {@link Version#parse(String)} when a string is not a semantic version. The message uses
 * the wording of the Go library Kubernetes' CEL {@code semver()} relies on ({@code
 * github.com/blang/semver/v4}), for example {@code Major number must not contain leading zeroes
 * "01"}; {@link #input()} gives the offending string.
 */
public final class VersionFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;

  /** An error for {@code input} with {@code message}. */
  public VersionFormatException(String input, String message) {
    super(message);
    this.input = Objects.requireNonNull(input, "input");
  }

  /** The string that failed to parse. */
  public String input() {
    return input;
  }
}
