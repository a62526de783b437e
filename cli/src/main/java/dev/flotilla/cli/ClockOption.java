package dev.flotilla.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --now}: the clock a command works at, shared by {@code place}, {@code explain} and {@code
 * summarize}. A value that is not an RFC 3339 time is a usage error (exit status 2).
 */
final class ClockOption {
  @Option(
      names = "--now",
      paramLabel = "TIME",
      converter = Rfc3339.class,
      description =
          "The time to decide or summarize at, RFC 3339 such as 2026-01-02T15:04:05Z (default:"
              + " the clock); tolerationSeconds and staleAfter count to it.")
  Instant now;

  /** {@code --now}, or the clock. */
  Instant now() {
    return now == null ? Instant.now() : now;
  }

  /** Reads RFC 3339 times, with an offset or {@code Z}. */
  static final class Rfc3339 implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "Invalid value: \""
                + value
                + "\": must be an RFC 3339 time such as 2026-01-02T15:04:05Z");
      }
    }
  }
}
