package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;

/**
 * A count or a percentage, like Kubernetes' {@code intstr.IntOrString} ({@code 10} or {@code
 * "25%"}), used by {@code clustersPerGroup}, {@code maxConcurrency} and {@code
 * maxUnavailablePerDomain}.
 *
 * <p>Rounding rule: a percentage of a total is rounded <b>down</b> (as Kubernetes rounds {@code
 * maxUnavailable}), but never below 1 when the total is positive, so a group, a wave or a domain
 * always makes progress: {@code 25%} of 10 is 2, {@code 19%} of 10 is 1, {@code 1%} of 10 is 1. A
 * count larger than the total stands for the total.
 *
 * @param value the count, or the percentage (0..100)
 * @param percent whether {@code value} is a percentage
 */
public record IntOrPercent(int value, boolean percent) {

  /** Validates: a count is at least 1, a percentage 1..100. */
  public IntOrPercent {
    if (percent && (value < 1 || value > 100)) {
      throw ValidationException.at(
          "", "Invalid value: \"" + value + "%\": must be a percentage between 1% and 100%");
    }
    if (!percent && value < 1) {
      throw ValidationException.at("", "Invalid value: " + value + ": must be at least 1");
    }
  }

  /** A plain count. */
  public static IntOrPercent count(int value) {
    return new IntOrPercent(value, false);
  }

  /** A percentage, 1..100. */
  public static IntOrPercent percentage(int value) {
    return new IntOrPercent(value, true);
  }

  /**
   * Reads {@code "25%"} as a percentage and {@code "10"} as a count.
   *
   * @throws ValidationException when the text is neither
   */
  public static IntOrPercent parse(String text) {
    boolean isPercent = text.endsWith("%");
    String digits = isPercent ? text.substring(0, text.length() - 1) : text;
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      throw ValidationException.at(
          "",
          "Invalid value: \""
              + text
              + "\": must be a count such as 10 or a percentage such as 25%");
    }
    return new IntOrPercent(Integer.parseInt(digits), isPercent);
  }

  /** The count this stands for out of {@code total}, per the rounding rule above. */
  public int resolve(int total) {
    if (total <= 0) {
      return 0;
    }
    if (!percent) {
      return Math.min(value, total);
    }
    long share = (long) total * value / 100;
    return (int) Math.max(1, share);
  }

  /**
   * The count this stands for out of {@code total}, a percentage rounded <b>up</b>: as Open Cluster
   * Management sizes decision groups ({@code clustersPerDecisionGroup}; ocm
   * pkg/placement/controllers/scheduling/scheduling_controller.go, {@code calculateLength}), the
   * percentage is computed in IEEE double precision, {@code ceil(value / 100.0 * total)}, so a
   * result can exceed the exact ceiling by one ({@code 7%} of 100 is 8). A count larger than the
   * total stands for the total; a total of 0 gives 0.
   */
  public int resolveUp(int total) {
    if (total <= 0) {
      return 0;
    }
    int length = percent ? (int) Math.ceil(value / 100.0 * total) : value;
    return length <= 0 || length > total ? total : length;
  }

  /** {@code 25%} or {@code 10}, as written in a file. */
  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
