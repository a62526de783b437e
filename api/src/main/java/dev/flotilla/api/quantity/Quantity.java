package dev.flotilla.api.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/*
 * Maintainer notes.
 *
 * Representation. A Quantity is an exact decimal plus the Format it was written in. The decimal is
 * kept normalized, in one of two forms:
 *   - compact (big == null): value = unscaled * 10^-scale, unscaled has no trailing decimal zero
 *     (zero is (0, 0)). Every value whose normalized unscaled part fits a long is compact.
 *   - big: a BigDecimal with its trailing zeros stripped, only for values whose normalized unscaled
 *     part does not fit a long (more than ~18 significant digits).
 * The one exception to "no trailing zero": a scale never goes below Integer.MIN_VALUE, so a value
 * beyond 10^2147483648 keeps zeros in its unscaled part. Stripping always stops at that same floor,
 * so the form stays unique.
 *
 * Why it is fast. Because the form is unique, equals is a compare of a long and an int (or of two
 * BigDecimals for huge values) and hashCode needs no normalization. compareTo on two compact values
 * is a long compare when scales match and otherwise one multiply by a power of ten with an overflow
 * check (an overflow already decides the order). Parsing is a hand-written scanner (no regex, in
 * QuantityScanner) that reads up to 18 significant digits straight into a long and only builds a
 * BigDecimal for longer numbers, for values that need rounding to nano, and for fractional binary
 * values. tryParse reports errors by returning null internally: no exception is created on the
 * failure path.
 *
 * Kubernetes semantics kept here (k8s.io/apimachinery/pkg/api/resource, quantity.go, amount.go,
 * suffix.go): the scanner accepts exactly what parseQuantityString accepts (including "-", "+", ".",
 * "Ki", which Kubernetes reads as zero), exponents are read as int64 then truncated to int32 as Go's
 * int32() does, parsed values round away from zero to a multiple of 10^-9, binary values are capped
 * at 2^63-1, a binary value strictly between -1 and 1 switches to DecimalSI. Printing follows
 * CanonicalizeBytes.
 */

/**
 * A Kubernetes resource quantity such as {@code 16}, {@code 500m}, {@code 64Gi} or {@code 1e3},
 * behaving as {@code k8s.io/apimachinery/pkg/api/resource.Quantity}.
 *
 * <p>A quantity is an exact decimal number (never a floating-point one) and remembers the {@link
 * Format} it was written in, which only affects how it prints. Two quantities are {@linkplain
 * #equals(Object) equal} when their numbers are equal, whatever their formats: {@code 1Gi} equals
 * {@code 1073741824}. Instances are immutable and thread-safe.
 *
 * <p>As in Kubernetes, parsing rounds a non-zero value away from zero to a whole number of
 * nano-units ({@code 0.1n} becomes {@code 1n}), caps binary-suffixed values at 2<sup>63</sup>-1
 * ({@code 8Ei} becomes {@code 9223372036854775807}), and {@link #toString()} prints the canonical
 * form ({@code 1.5Gi} prints as {@code 1536Mi}, {@code 1.5} as {@code 1500m}).
 */
public final class Quantity implements Comparable<Quantity> {

  /** How a quantity prints; a parsed quantity keeps the family of its suffix. */
  public enum Format {
    /** Decimal suffixes {@code n u m k M G T P E} or none ({@code 12M} = 12 * 10<sup>6</sup>). */
    DECIMAL_SI,
    /** Binary suffixes {@code Ki Mi Gi Ti Pi Ei} ({@code 12Mi} = 12 * 2<sup>20</sup>). */
    BINARY_SI,
    /** A decimal exponent ({@code 12e6} = 12 * 10<sup>6</sup>). */
    DECIMAL_EXPONENT
  }

  static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  static final int NANO_SCALE = 9;
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  // Decimal SI suffixes by exponent / 3 + 3, from n (10^-9) to E (10^18).
  private static final String[] DECIMAL_SUFFIXES = {
    "n", "u", "m", "", "k", "M", "G", "T", "P", "E"
  };

  private static final Quantity ZERO_DECIMAL_SI = new Quantity(0, 0, null, Format.DECIMAL_SI);
  private static final Quantity ZERO_BINARY_SI = new Quantity(0, 0, null, Format.BINARY_SI);
  private static final Quantity ZERO_DECIMAL_EXPONENT =
      new Quantity(0, 0, null, Format.DECIMAL_EXPONENT);

  private final long unscaled;
  private final int scale;
  private final BigDecimal big;
  private final Format format;
  // The canonical text, computed on first use (a benign race, as String.hash).
  private String text;

  private Quantity(long unscaled, int scale, BigDecimal big, Format format) {
    this.unscaled = unscaled;
    this.scale = scale;
    this.big = big;
    this.format = format;
  }

  // ---------------------------------------------------------------------------------------------
  // Construction

  /**
   * Parses a quantity as Kubernetes does ({@code resource.ParseQuantity}).
   *
   * @throws QuantityFormatException if {@code text} is not a quantity; its message is Kubernetes'
   * @throws NullPointerException if {@code text} is null
   */
  public static Quantity parse(String text) {
    return QuantityScanner.parse(text, true);
  }

  /**
   * Parses a quantity, or returns empty if {@code text} is not one. Accepts exactly what {@link
   * #parse(String)} accepts, and is cheap on both outcomes (no exception is created).
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<Quantity> tryParse(String text) {
    return Optional.ofNullable(QuantityScanner.parse(text, false));
  }

  /**
   * The quantity {@code value} that prints in {@code format} (Kubernetes' {@code NewQuantity}).
   * {@code of(1024, BINARY_SI)} prints {@code 1Ki}; {@code of(1000, DECIMAL_SI)} prints {@code 1k}.
   */
  public static Quantity of(long value, Format format) {
    Objects.requireNonNull(format, "format");
    return compact(value, 0, format);
  }

  /**
   * A quantity of exactly {@code value} (no rounding, no cap), as Kubernetes' {@code
   * NewDecimalQuantity}. Package-private: tests use it to build values parsing cannot produce.
   */
  static Quantity ofExact(BigDecimal value, Format format) {
    return fromBigDecimal(value, Objects.requireNonNull(format, "format"));
  }

  // ---------------------------------------------------------------------------------------------
  // Accessors

  /** The exact value, with trailing zeros stripped. */
  public BigDecimal value() {
    return big != null ? big : BigDecimal.valueOf(unscaled, scale);
  }

  /**
   * The format this quantity prints in. A parsed quantity keeps its suffix's family, except that a
   * binary value strictly between -1 and 1 is {@link Format#DECIMAL_SI}. Note that {@link
   * #toString()} may still print a {@code BINARY_SI} quantity in decimal (see there).
   */
  public Format format() {
    return format;
  }

  /** -1, 0 or 1 as this quantity is negative, zero or positive. */
  public int signum() {
    return big != null ? big.signum() : Long.signum(unscaled);
  }

  /** Whether this quantity is zero. */
  public boolean isZero() {
    return big == null && unscaled == 0;
  }

  /** Whether this quantity is a whole number. */
  public boolean isInteger() {
    return big != null ? big.scale() <= 0 : scale <= 0;
  }

  /**
   * The value as a {@code long}, present only when it is a whole number within the {@code long}
   * range (Kubernetes' {@code AsInt64}; see the package notes for the one difference).
   */
  public OptionalLong asLong() {
    if (big != null || scale > 0) {
      return OptionalLong.empty(); // big values never fit a long; a positive scale is a fraction
    }
    if (scale == 0) {
      return OptionalLong.of(unscaled);
    }
    long shift = -(long) scale;
    if (shift >= POW10.length) {
      return OptionalLong.empty();
    }
    long power = POW10[(int) shift];
    long product = unscaled * power;
    if (Math.multiplyHigh(unscaled, power) != (product >> 63)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(product);
  }

  /**
   * The value as the nearest {@code double}; {@code ±Infinity} beyond the {@code double} range.
   * Precision may be lost: use {@link #value()} or {@link #compareTo} for decisions.
   */
  public double asApproximateDouble() {
    if (big == null && scale == 0) {
      return unscaled;
    }
    return value().doubleValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic

  /**
   * The exact sum. It prints in this quantity's format, or in {@code other}'s when this one is zero
   * (Kubernetes' {@code Add}).
   */
  public Quantity add(Quantity other) {
    Format resultFormat = isZero() ? other.format : format;
    if (big == null && other.big == null && scale == other.scale) {
      long sum = unscaled + other.unscaled;
      if (((unscaled ^ sum) & (other.unscaled ^ sum)) >= 0) { // no overflow
        return compact(sum, scale, resultFormat);
      }
    }
    return fromBigDecimal(value().add(other.value()), resultFormat);
  }

  /**
   * The exact difference. It prints in this quantity's format, or in {@code other}'s when this one
   * is zero (Kubernetes' {@code Sub}).
   */
  public Quantity subtract(Quantity other) {
    Format resultFormat = isZero() ? other.format : format;
    if (big == null && other.big == null && scale == other.scale) {
      long difference = unscaled - other.unscaled;
      if (((unscaled ^ other.unscaled) & (unscaled ^ difference)) >= 0) { // no overflow
        return compact(difference, scale, resultFormat);
      }
    }
    return fromBigDecimal(value().subtract(other.value()), resultFormat);
  }

  /** The opposite value, in the same format. */
  public Quantity negate() {
    if (big == null && unscaled != Long.MIN_VALUE) {
      return unscaled == 0 ? this : new Quantity(-unscaled, scale, null, format);
    }
    return fromBigDecimal(value().negate(), format);
  }

  // ---------------------------------------------------------------------------------------------
  // Comparison

  /** Compares the exact values; formats play no part. */
  @Override
  public int compareTo(Quantity other) {
    if (big == null && other.big == null) {
      return compareCompact(unscaled, scale, other.unscaled, other.scale);
    }
    return value().compareTo(other.value());
  }

  private static int compareCompact(long a, int aScale, long b, int bScale) {
    if (aScale == bScale) {
      return Long.compare(a, b);
    }
    int aSign = Long.signum(a);
    int bSign = Long.signum(b);
    if (aSign != bSign) {
      return Integer.compare(aSign, bSign);
    }
    if (aSign == 0) {
      return 0;
    }
    // Same sign, different scales: bring the one with fewer decimals to the other's scale. If that
    // overflows a long, its magnitude is the larger one.
    if (aScale < bScale) {
      long shift = (long) bScale - aScale;
      if (shift >= POW10.length || overflows(a, POW10[(int) shift])) {
        return aSign;
      }
      return Long.compare(a * POW10[(int) shift], b);
    }
    long shift = (long) aScale - bScale;
    if (shift >= POW10.length || overflows(b, POW10[(int) shift])) {
      return -aSign;
    }
    return Long.compare(a, b * POW10[(int) shift]);
  }

  private static boolean overflows(long x, long y) {
    return Math.multiplyHigh(x, y) != ((x * y) >> 63);
  }

  /**
   * True when {@code other} is a quantity with the same value, whatever the formats: {@code
   * parse("1Gi").equals(parse("1073741824"))}. Consistent with {@link #compareTo}.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Quantity)) {
      return false;
    }
    Quantity that = (Quantity) other;
    if (big == null) {
      return that.big == null && unscaled == that.unscaled && scale == that.scale;
    }
    return big.equals(that.big);
  }

  /** A hash of the value only, consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return big != null ? big.hashCode() : 31 * Long.hashCode(unscaled) + scale;
  }

  // ---------------------------------------------------------------------------------------------
  // Printing

  /**
   * The canonical form, as Kubernetes prints it ({@code CanonicalizeBytes}): no fractional digits,
   * the largest suffix or exponent (a multiple of 3) that keeps the value exact, the sign only when
   * negative, {@code 0} for zero. Examples: {@code 1.5} prints {@code 1500m}, {@code 1024Mi} prints
   * {@code 1Gi}, {@code 1.5e3} prints {@code 1500} and {@code 15e5} prints {@code 1500e3}. A {@code
   * BINARY_SI} quantity prints in decimal when it lies strictly between -1024 and 1024 or is not a
   * whole number ({@code 0.5Ki} prints {@code 512}). A decimal exponent beyond {@code E} (10^18)
   * prints as an exponent ({@code 1000E} prints {@code 1e21}).
   */
  @Override
  public String toString() {
    String result = text;
    if (result == null) {
      result = canonical();
      text = result;
    }
    return result;
  }

  private String canonical() {
    if (isZero()) {
      return "0";
    }
    if (format == Format.BINARY_SI && isInteger() && !isBelow1024InMagnitude()) {
      return canonicalBinary();
    }
    Format decimal = format == Format.DECIMAL_EXPONENT ? format : Format.DECIMAL_SI;
    long exponent = -(long) (big != null ? big.scale() : scale);
    int adjust = (int) Math.floorMod(exponent, 3L);
    exponent -= adjust;
    String mantissa;
    if (big == null && adjust == 0) {
      mantissa = Long.toString(unscaled);
    } else {
      BigInteger digits = big != null ? big.unscaledValue() : BigInteger.valueOf(unscaled);
      mantissa = digits.multiply(BigInteger.TEN.pow(adjust)).toString();
    }
    return mantissa + decimalSuffix(exponent, decimal);
  }

  private static String decimalSuffix(long exponent, Format format) {
    if (format == Format.DECIMAL_SI && exponent >= -9 && exponent <= 18) {
      return DECIMAL_SUFFIXES[(int) (exponent / 3 + 3)];
    }
    // Kubernetes has no SI suffix beyond E and falls back to the exponent form there.
    return exponent == 0 ? "" : "e" + exponent;
  }

  private boolean isBelow1024InMagnitude() {
    if (big != null) {
      return false; // more than 18 significant digits and a whole number
    }
    if (scale < -3) {
      return false; // a whole number with at least 4 trailing zeros
    }
    if (unscaled == Long.MIN_VALUE) {
      return false;
    }
    return compareCompact(Math.abs(unscaled), scale, 1024, 0) < 0;
  }

  private String canonicalBinary() {
    // A whole number of at least 1024 in magnitude: take out factors of 1024, at most 6 (Ei).
    BigInteger whole = value().toBigIntegerExact();
    if (whole.bitLength() < 64) {
      long v = whole.longValue();
      int power = 0;
      while (power < 6 && (v & 1023) == 0) {
        v >>= 10;
        power++;
      }
      return v + BINARY_SUFFIXES[power];
    }
    int power = Math.min(6, whole.getLowestSetBit() / 10);
    return whole.shiftRight(10 * power) + BINARY_SUFFIXES[power];
  }

  // ---------------------------------------------------------------------------------------------
  // Normalization

  static Quantity zero(Format format) {
    switch (format) {
      case BINARY_SI:
        return ZERO_BINARY_SI;
      case DECIMAL_EXPONENT:
        return ZERO_DECIMAL_EXPONENT;
      default:
        return ZERO_DECIMAL_SI;
    }
  }

  static Quantity compact(long unscaled, int scale, Format format) {
    if (unscaled == 0) {
      return zero(format);
    }
    while (unscaled % 10 == 0 && scale != Integer.MIN_VALUE) {
      unscaled /= 10;
      scale--;
    }
    return new Quantity(unscaled, scale, null, format);
  }

  static Quantity fromBigDecimal(BigDecimal value, Format format) {
    if (value.signum() == 0) {
      return zero(format);
    }
    BigDecimal stripped = strip(value);
    BigInteger unscaled = stripped.unscaledValue();
    if (unscaled.bitLength() < 64) {
      return new Quantity(unscaled.longValue(), stripped.scale(), null, format);
    }
    return new Quantity(0, 0, stripped, format);
  }

  /** Strips trailing zeros, but never below scale Integer.MIN_VALUE (see the notes at the top). */
  private static BigDecimal strip(BigDecimal value) {
    if ((long) value.scale() - (value.precision() - 1) >= Integer.MIN_VALUE) {
      return value.stripTrailingZeros();
    }
    BigInteger unscaled = value.unscaledValue();
    int scale = value.scale();
    while (scale != Integer.MIN_VALUE) {
      BigInteger[] qr = unscaled.divideAndRemainder(BigInteger.TEN);
      if (qr[1].signum() != 0) {
        break;
      }
      unscaled = qr[0];
      scale--;
    }
    return new BigDecimal(unscaled, scale);
  }
}
