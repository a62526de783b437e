package dev.flotilla.api.quantity;

import dev.flotilla.api.quantity.Quantity.Format;
import dev.flotilla.api.quantity.QuantityFormatException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Reads the text of a {@link Quantity} as Kubernetes' {@code parseQuantityString} and {@code
 * ParseQuantity} do, in four steps: the shape of the text ({@code [+-] digits* [. digits*]
 * suffixLetters* [+-] digits*}), the suffix, the significant digits, and the value (rounded to
 * nano-units, binary values capped). See the notes at the top of {@link Quantity}.
 *
 * <p>One scanner reads one text; failures return null (or throw, when {@code throwing}) without
 * creating an exception on the non-throwing path.
 */
final class QuantityScanner {
  private static final int NANO_SCALE = Quantity.NANO_SCALE;
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final int NO_SUFFIX = Integer.MIN_VALUE;
  private static final long NOT_AN_EXPONENT = Long.MIN_VALUE;

  private final String s;
  private final boolean throwing;

  // Set by scanShape: where the parts of the text are.
  private boolean negative;
  private int intStart;
  private int intEnd;
  private int fracStart;
  private int fracEnd;
  private int suffixStart;

  // Set by readSuffix: the format and the power of 10 (of 2 for binary) the suffix stands for.
  private Format format;
  private int exponent;

  // Set by findSignificantDigits: the integer and fraction digits without leading zeros.
  private int firstDigit;
  private boolean inFraction;
  private int significant;

  private QuantityScanner(String s, boolean throwing) {
    this.s = s;
    this.throwing = throwing;
  }

  /**
   * The quantity {@code s} denotes; null when it is not one and {@code throwing} is false.
   *
   * @throws QuantityFormatException when {@code s} is not a quantity and {@code throwing}
   */
  static Quantity parse(String s, boolean throwing) {
    if (s.isEmpty()) {
      return fail(Reason.FORMAT_WRONG, s, throwing);
    }
    if (s.length() == 1 && s.charAt(0) == '0') {
      return Quantity.zero(Format.DECIMAL_SI);
    }
    QuantityScanner scanner = new QuantityScanner(s, throwing);
    if (!scanner.scanShape()) {
      return fail(Reason.FORMAT_WRONG, s, throwing);
    }
    if (!scanner.readSuffix()) {
      return fail(Reason.SUFFIX, s, throwing);
    }
    return scanner.value();
  }

  /** Finds the parts of {@code [+-] digits* [. digits*] suffixLetters* [+-] digits*}. */
  private boolean scanShape() {
    int end = s.length();
    int pos = 0;
    char first = s.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      pos++;
    }
    intStart = pos;
    pos = skipDigits(pos);
    intEnd = pos;
    fracStart = pos;
    fracEnd = pos;
    if (pos < end && s.charAt(pos) == '.') {
      fracStart = pos + 1;
      pos = skipDigits(fracStart);
      fracEnd = pos;
    }
    suffixStart = pos;
    while (pos < end && isSuffixLetter(s.charAt(pos))) {
      pos++;
    }
    if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
      pos++;
    }
    return skipDigits(pos) == end;
  }

  private int skipDigits(int pos) {
    while (pos < s.length() && isDigit(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** Reads the suffix: decimal SI, binary SI or a decimal exponent; false when it is none. */
  private boolean readSuffix() {
    String suffix = s.substring(suffixStart);
    int decimal = decimalExponent(suffix);
    if (decimal != NO_SUFFIX) {
      format = Format.DECIMAL_SI;
      exponent = decimal;
      return true;
    }
    int binary = binaryExponent(suffix);
    if (binary != NO_SUFFIX) {
      format = Format.BINARY_SI;
      exponent = binary;
      return true;
    }
    long parsed = parseExponent(s, suffixStart);
    if (parsed == NOT_AN_EXPONENT) {
      return false;
    }
    format = Format.DECIMAL_EXPONENT;
    exponent = (int) parsed;
    return true;
  }

  private static int decimalExponent(String suffix) {
    return switch (suffix) {
      case "n" -> -9;
      case "u" -> -6;
      case "m" -> -3;
      case "" -> 0;
      case "k" -> 3;
      case "M" -> 6;
      case "G" -> 9;
      case "T" -> 12;
      case "P" -> 15;
      case "E" -> 18;
      default -> NO_SUFFIX;
    };
  }

  private static int binaryExponent(String suffix) {
    return switch (suffix) {
      case "Ki" -> 10;
      case "Mi" -> 20;
      case "Gi" -> 30;
      case "Ti" -> 40;
      case "Pi" -> 50;
      case "Ei" -> 60;
      default -> NO_SUFFIX;
    };
  }

  /**
   * Reads {@code e<int64>} or {@code E<int64>} from {@code start} to the end as Go's {@code
   * strconv.ParseInt} does, and returns it truncated to 32 bits as Go's {@code int32()} does;
   * {@link #NOT_AN_EXPONENT} (outside the int range) when the text is not one.
   */
  private static long parseExponent(String s, int start) {
    int end = s.length();
    if (end - start < 2 || (s.charAt(start) != 'e' && s.charAt(start) != 'E')) {
      return NOT_AN_EXPONENT;
    }
    int pos = start + 1;
    boolean negative = false;
    if (s.charAt(pos) == '+' || s.charAt(pos) == '-') {
      negative = s.charAt(pos) == '-';
      pos++;
    }
    if (pos == end) {
      return NOT_AN_EXPONENT;
    }
    // Accumulate negatively, as Long.parseLong does, so that -2^63 is representable.
    long result = 0;
    for (; pos < end; pos++) {
      char c = s.charAt(pos);
      int digit = c - '0';
      if (!isDigit(c) || result < Long.MIN_VALUE / 10 || result * 10 < Long.MIN_VALUE + digit) {
        return NOT_AN_EXPONENT;
      }
      result = result * 10 - digit;
    }
    if (!negative && result == Long.MIN_VALUE) {
      return NOT_AN_EXPONENT;
    }
    return (int) (negative ? result : -result);
  }

  /** The value of the scanned text, or a numeric failure. */
  private Quantity value() {
    findSignificantDigits();
    if (significant == 0) {
      if (intEnd == intStart && fracEnd == fracStart && takesDecimalPath()) {
        // No digit at all, on the path where Kubernetes reads the number with inf.Dec: it fails.
        return fail(Reason.NUMERIC, s, throwing);
      }
      return Quantity.zero(format);
    }
    if (significant <= 18) {
      long digits = smallDigits();
      return format == Format.BINARY_SI ? binary(digits, null) : decimal(digits, null);
    }
    BigInteger digits = bigDigits();
    return format == Format.BINARY_SI ? binary(0, digits) : decimal(0, digits);
  }

  private void findSignificantDigits() {
    firstDigit = intStart;
    while (firstDigit < intEnd && s.charAt(firstDigit) == '0') {
      firstDigit++;
    }
    inFraction = firstDigit == intEnd;
    if (inFraction) {
      firstDigit = fracStart;
      while (firstDigit < fracEnd && s.charAt(firstDigit) == '0') {
        firstDigit++;
      }
    }
    significant = inFraction ? fracEnd - firstDigit : (intEnd - firstDigit) + fracLength();
  }

  private int fracLength() {
    return fracEnd - fracStart;
  }

  /** The significant digits, signed, when there are at most 18 of them. */
  private long smallDigits() {
    long digits = 0;
    for (int i = firstDigit; i < fracEnd; i++) {
      char c = s.charAt(i);
      if (c != '.') {
        digits = digits * 10 + (c - '0');
      }
    }
    return negative ? -digits : digits;
  }

  /** The significant digits, signed, when there are more than 18 of them. */
  private BigInteger bigDigits() {
    String text =
        inFraction
            ? s.substring(firstDigit, fracEnd)
            : s.substring(firstDigit, intEnd) + s.substring(fracStart, fracEnd);
    BigInteger digits = new BigInteger(text);
    return negative ? digits.negate() : digits;
  }

  /**
   * digits * 2^exponent / 10^fracLength, capped at 2^63-1 in magnitude; decimal when strictly
   * between -1 and 1. {@code bigDigits} is null when {@code digits} holds the digits.
   */
  private Quantity binary(long digits, BigInteger bigDigits) {
    if (bigDigits == null
        && fracLength() == 0
        && Math.abs(digits) <= (Long.MAX_VALUE >> exponent)) {
      return Quantity.compact(digits << exponent, 0, format);
    }
    BigInteger whole = bigDigits != null ? bigDigits : BigInteger.valueOf(digits);
    BigDecimal value = roundToNano(whole.shiftLeft(exponent), fracLength());
    if (value.abs().compareTo(MAX_BINARY) > 0) {
      value = value.signum() < 0 ? MAX_BINARY.negate() : MAX_BINARY;
    }
    Format result = value.abs().compareTo(BigDecimal.ONE) < 0 ? Format.DECIMAL_SI : format;
    return Quantity.fromBigDecimal(value, result);
  }

  /**
   * digits * 10^(exponent - fracLength), rounded away from zero to nano-units. {@code bigDigits} is
   * null when {@code digits} holds the digits.
   */
  private Quantity decimal(long digits, BigInteger bigDigits) {
    long valueScale = (long) fracLength() - exponent; // value = digits * 10^-valueScale
    if (bigDigits == null && valueScale <= NANO_SCALE) {
      return Quantity.compact(digits, (int) valueScale, format);
    }
    if (bigDigits == null && valueScale - NANO_SCALE < significant) {
      long divisor = Quantity.POW10[(int) (valueScale - NANO_SCALE)];
      long quotient = digits / divisor;
      if (digits % divisor != 0) {
        quotient += Long.signum(digits);
      }
      return Quantity.compact(quotient, NANO_SCALE, format);
    }
    BigInteger whole = bigDigits != null ? bigDigits : BigInteger.valueOf(digits);
    return Quantity.fromBigDecimal(roundToNano(whole, valueScale), format);
  }

  /** Whether Kubernetes reads a digit-less number with inf.Dec (and so fails) for this suffix. */
  private boolean takesDecimalPath() {
    if (format == Format.BINARY_SI) {
      // Kubernetes' fast path needs 15 - 1 - int(exponent * 3 / 10) - 1 >= 0: Ki to Ti only.
      return exponent >= 50;
    }
    return exponent < -NANO_SCALE;
  }

  /** unscaled * 10^-scale, rounded away from zero to a multiple of 10^-9. */
  private static BigDecimal roundToNano(BigInteger unscaled, long scale) {
    if (scale <= NANO_SCALE) {
      return new BigDecimal(unscaled, (int) scale);
    }
    // |value| < 10^(digits - scale): when that is at most 10^-9 the result is one nano, and
    // computing 10^(scale - 9) could be arbitrarily expensive.
    long digits = unscaled.abs().toString().length();
    if (digits - scale <= -NANO_SCALE) {
      return BigDecimal.valueOf(unscaled.signum(), NANO_SCALE);
    }
    return new BigDecimal(unscaled, (int) scale).setScale(NANO_SCALE, RoundingMode.UP);
  }

  private static Quantity fail(Reason reason, String input, boolean throwing) {
    if (throwing) {
      throw new QuantityFormatException(reason, input);
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSuffixLetter(char c) {
    switch (c) {
      case 'e':
      case 'E':
      case 'i':
      case 'n':
      case 'u':
      case 'm':
      case 'k':
      case 'K':
      case 'M':
      case 'G':
      case 'T':
      case 'P':
        return true;
      default:
        return false;
    }
  }
}
