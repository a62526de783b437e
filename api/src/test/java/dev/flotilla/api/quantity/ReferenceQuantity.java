package dev.flotilla.api.quantity;

import dev.flotilla.api.quantity.Quantity.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slow, obviously-correct reading of a quantity, written straight from the grammar in Kubernetes'
 * quantity.go ({@code <signedNumber><suffix>}) plus the leniencies of its scanner: a number may
 * have no digit at all (read as zero, unless the suffix sends Kubernetes to its inf.Dec path, which
 * then fails), the exponent is an int64 truncated to int32. Values are then rounded away from zero
 * to nano, binary values capped at 2^63-1, binary values in (-1, 1) become decimal. Only meant for
 * exponents of moderate size (it computes 10^exponent).
 */
final class ReferenceQuantity {

  record Parsed(BigDecimal value, Format format) {}

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "([+-]?)([0-9]*)(?:\\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private static final Map<String, Integer> DECIMAL =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY =
      Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final BigDecimal CAP = new BigDecimal(Long.MAX_VALUE);

  private ReferenceQuantity() {}

  static Optional<Parsed> parse(String s) {
    Matcher m = GRAMMAR.matcher(s);
    if (s.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    String integer = m.group(2);
    String fraction = m.group(3) == null ? "" : m.group(3);
    String suffix = m.group(4) == null ? "" : m.group(4);
    boolean noDigits = integer.isEmpty() && fraction.isEmpty();
    BigDecimal number = new BigDecimal((integer.isEmpty() ? "0" : integer) + "." + fraction + "0");
    if (m.group(1).equals("-")) {
      number = number.negate();
    }
    BigDecimal value;
    Format format;
    if (BINARY.containsKey(suffix)) {
      int power = BINARY.get(suffix);
      if (noDigits && power >= 50) {
        return Optional.empty();
      }
      format = Format.BINARY_SI;
      value = number.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
    } else {
      int exponent;
      if (DECIMAL.containsKey(suffix)) {
        format = Format.DECIMAL_SI;
        exponent = DECIMAL.get(suffix);
      } else {
        format = Format.DECIMAL_EXPONENT;
        BigInteger parsed = new BigInteger(suffix.substring(1));
        if (parsed.bitLength() > 63) {
          return Optional.empty();
        }
        exponent = parsed.intValue(); // the low 32 bits, as Go's int32()
      }
      if (noDigits && exponent < -9) {
        return Optional.empty();
      }
      value = number.scaleByPowerOfTen(exponent);
    }
    int sign = value.signum();
    BigDecimal magnitude = value.abs();
    if (sign != 0 && magnitude.scale() > 9) {
      magnitude = magnitude.setScale(9, RoundingMode.UP);
    }
    if (format == Format.BINARY_SI && magnitude.compareTo(CAP) > 0) {
      magnitude = CAP;
    }
    if (format == Format.BINARY_SI && sign != 0 && magnitude.compareTo(BigDecimal.ONE) < 0) {
      format = Format.DECIMAL_SI;
    }
    return Optional.of(new Parsed(sign < 0 ? magnitude.negate() : magnitude, format));
  }
}
