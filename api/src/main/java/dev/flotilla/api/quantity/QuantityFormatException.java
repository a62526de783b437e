package dev.flotilla.api.quantity;

import java.util.Objects;

/**
 * Thrown by {@link Quantity#parse(String)} when a string is not a Kubernetes quantity. The message
 * is Kubernetes' own ({@code k8s.io/apimachinery/pkg/api/resource}: {@code ErrFormatWrong}, {@code
 * ErrSuffix} or {@code ErrNumeric}), so users see the same text as from {@code kubectl}; {@link
 * #input()} gives the offending string and {@link #reason()} which of the three it was.
 */
public final class QuantityFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a string is not a quantity, one per Kubernetes parse error. */
  public enum Reason {
    /** The string does not have the shape of a quantity ({@code ErrFormatWrong}). */
    FORMAT_WRONG(
        "quantities must match the regular expression"
            + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
    /** The suffix is not one of the known suffixes or exponents ({@code ErrSuffix}). */
    SUFFIX("unable to parse quantity's suffix"),
    /** The number in front of the suffix cannot be read ({@code ErrNumeric}). */
    NUMERIC("unable to parse numeric part of quantity");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** Kubernetes' text for this error. */
    public String message() {
      return message;
    }
  }

  private final Reason reason;
  private final String input;

  /** An error for {@code input}, with Kubernetes' message for {@code reason}. */
  public QuantityFormatException(Reason reason, String input) {
    super(Objects.requireNonNull(reason, "reason").message());
    this.reason = reason;
    this.input = Objects.requireNonNull(input, "input");
  }

  /** Which of Kubernetes' parse errors this is. */
  public Reason reason() {
    return reason;
  }

  /** The string that failed to parse. */
  public String input() {
    return input;
  }
}
