package dev.flotilla.api.summary;

import dev.flotilla.api.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Durations written as Go's {@code time.ParseDuration} and Kubernetes' {@code metav1.Duration} read
 * them: a sequence of decimal numbers with units {@code ns}, {@code us} (or {@code µs}), {@code
 * ms}, {@code s}, {@code m}, {@code h}, such as {@code 10m}, {@code 1h30m} or {@code 1.5s}.
 */
public final class Durations {
  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws ValidationException (with an empty field path) for anything else, including negative
   *     durations (a freshness bound must be positive)
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw invalid(text);
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      String number = text.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      long unit =
          switch (text.substring(unitStart, i)) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw invalid(text);
          };
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
      if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw ValidationException.at("", "Invalid value: \"" + text + "\": duration too large");
      }
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /** Go's form of {@code duration} ({@code 1h30m0s}, {@code 10m0s}, {@code 1.5s}). */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    BigDecimal seconds =
        BigDecimal.valueOf(duration.toSecondsPart())
            .add(BigDecimal.valueOf(duration.toNanosPart(), 9))
            .stripTrailingZeros();
    out.append(seconds.toPlainString()).append('s');
    return out.toString();
  }

  private static ValidationException invalid(String text) {
    return ValidationException.at(
        "",
        "Invalid value: \""
            + text
            + "\": a duration is a number with a unit (ns, us, ms, s, m, h), such as 10m or 1h30m");
  }
}
