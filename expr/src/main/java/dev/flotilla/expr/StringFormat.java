package dev.flotilla.expr;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The strings extension's {@code format} as Kubernetes runs it: cel-go's ext/formatting.go (the
 * formatter of strings library versions 1 to 3; Kubernetes enables version 2) under its default
 * locale, en_US, whose numbers golang.org/x/text/message renders.
 *
 * <p>Clauses are {@code %s %d %f %e %b %o %x %X}, an optional precision {@code .N} before the verb
 * (only {@code %f} uses it; {@code %e} passes it to Go as a width, so {@code "%.10e"} pads to ten
 * characters with spaces, and its own precision is always 6), and {@code %%}. What the locale
 * changes: {@code %f} groups thousands ({@code 1,234.500000}) and writes infinities as {@code ∞};
 * {@code %e} writes {@code 2.718280 × 10⁰⁰} with narrow no-break spaces and superscript digits.
 * {@code %s} of a double is Go's shortest {@code %g} ({@code 2e-09}); inside a list or map a double
 * is {@code %.6f} without grouping and strings, bytes, timestamps and durations are written as CEL
 * literals ({@code "a"}, {@code b"x"}, {@code timestamp("...")}), map entries sorted by their
 * written key. Error texts are cel-go's.
 *
 * <p>Deliberate difference: a precision above {@value #MAX_PRECISION} is an error. Go's formatter
 * keeps the count of fraction digits in a byte, so Kubernetes prints {@code %.300f} with 44 zeros
 * (or, for larger precisions, garbage); cel-go's newer library versions cap the precision at 100.
 *
 * <p>Cost: the output is charged as it grows, before each piece is built (1 unit per {@value
 * CostMeter#CHARS_PER_UNIT} characters, 1 per list element or map entry visited, and a width's
 * padding before it is written), so that no format call builds a string the evaluation's budget has
 * not paid for.
 */
final class StringFormat {
  static final int MAX_PRECISION = 255;
  private static final int DEFAULT_PRECISION = 6;
  private static final String STRING_CLAUSE =
      "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types,"
          + " durations, and timestamps, was given ";
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] SUPERSCRIPT = {
    "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074", "\u2075", "\u2076", "\u2077", "\u2078",
    "\u2079"
  };

  private StringFormat() {}

  /** A format error, with cel-go's text. */
  static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message, null, false, false);
    }
  }

  /** What the parser does with each clause: format it, or check it at compile time. */
  interface Clauses {
    /** The number of arguments. */
    int size();

    /**
     * Called when a clause starts, before its syntax is read: at run time, a missing argument is an
     * error here (the format string's end is checked after); the compile-time check does nothing.
     */
    void argument(int index) throws FormatException;

    /** Handles argument {@code index} for {@code verb}; precision is -1 when absent. */
    void clause(int index, char verb, int precision) throws FormatException;
  }

  /** The result of {@code format.format(args)}, charged to the running evaluation. */
  static String format(String format, List<?> args) {
    Output out = new Output();
    out.grow(format.length());
    try {
      parse(
          format,
          new Clauses() {
            @Override
            public int size() {
              return args.size();
            }

            @Override
            public void argument(int index) throws FormatException {
              if (index >= args.size()) {
                throw new FormatException("index " + index + " out of range");
              }
            }

            @Override
            public void clause(int index, char verb, int precision) throws FormatException {
              formatClause(args.get(index), verb, precision, out);
            }
          },
          out.text);
    } catch (FormatException e) {
      throw new KubernetesLibrary.FunctionError(Kind.INVALID_ARGUMENT, e.getMessage());
    }
    return out.text.toString();
  }

  /**
   * Parses {@code format} as cel-go's parseFormatString does, in one pass, so that errors come in
   * its order: a missing argument before the end of the string, a clause's formatting error before
   * the next clause's syntax error. Literal text goes to {@code text}.
   *
   * @return the number of arguments the clauses asked for
   */
  static int parse(String format, Clauses clauses, StringBuilder text) throws FormatException {
    int n = format.length();
    int i = 0;
    int argument = 0;
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        i++;
        continue;
      }
      if (i + 1 < n && format.charAt(i + 1) == '%') {
        text.append('%');
        i += 2;
        continue;
      }
      clauses.argument(argument);
      if (i + 1 >= n) {
        throw new FormatException("unexpected end of string");
      }
      if (argument >= clauses.size()) {
        throw new FormatException("index " + argument + " out of range");
      }
      int j = i + 1;
      int precision = -1;
      if (format.charAt(j) == '.') {
        j++;
        int start = j;
        while (true) {
          if (j >= n) {
            throw clauseError(
                "error while parsing precision: could not find end of precision specifier");
          }
          char d = format.charAt(j);
          if (d < '0' || d > '9') {
            break;
          }
          j++;
        }
        precision = precision(format.substring(start, j));
      }
      char verb = format.charAt(j++);
      if ("sdfebxXo".indexOf(verb) < 0) {
        throw clauseError("unrecognized formatting clause \"" + verb + "\"");
      }
      clauses.clause(argument, verb, precision);
      argument++;
      i = j;
    }
    return argument;
  }

  private static int precision(String digits) throws FormatException {
    if (digits.isEmpty()) {
      throw clauseError(
          "error while parsing precision: error while converting precision to integer:"
              + " strconv.Atoi: parsing \"\": invalid syntax");
    }
    String value = digits.replaceFirst("^0+(?=.)", "");
    if (value.length() > 3 || Integer.parseInt(value) > MAX_PRECISION) {
      throw clauseError(
          "error while parsing precision: precision "
              + value
              + " exceeds maximum allowed precision "
              + MAX_PRECISION);
    }
    return Integer.parseInt(value);
  }

  private static FormatException clauseError(String message) {
    return new FormatException("could not parse formatting clause: " + message);
  }

  static FormatException formattingError(String message) {
    return new FormatException("error during formatting: " + message);
  }

  private static void formatClause(Object arg, char verb, int precision, Output out)
      throws FormatException {
    switch (verb) {
      case 's' -> string(arg, out);
      case 'd' -> out.append(decimal(arg));
      case 'f' -> out.append(fixed(floating(arg, "fixed-point clause"), precision(precision)));
      case 'e' -> scientific(floating(arg, "scientific clause"), precision(precision), out);
      case 'b' -> out.append(binary(arg));
      case 'o' -> out.append(integer(arg, 8, "octal clause can only be used on integers"));
      case 'x', 'X' -> hex(arg, verb == 'X', out);
      default -> throw new IllegalStateException("verb " + verb);
    }
  }

  private static int precision(int precision) {
    return precision < 0 ? DEFAULT_PRECISION : precision;
  }

  /** {@code %s}: cel-go's FormatString. */
  private static void string(Object arg, Output out) throws FormatException {
    if (arg instanceof List<?> list) {
      list(list, out);
    } else if (arg instanceof Map<?, ?> map) {
      map(map, out);
    } else if (arg instanceof String s) {
      out.append(s);
    } else if (arg instanceof CelByteString bytes) {
      out.grow(bytes.size());
      out.text.append(utf8(bytes));
    } else if (arg instanceof Double d) {
      out.append(goShortest(d));
    } else if (arg instanceof Instant t) {
      out.append(rfc3339(t));
    } else if (arg instanceof Duration d) {
      out.append(durationString(d));
    } else if (arg instanceof Long
        || arg instanceof UnsignedLong
        || arg instanceof Boolean
        || arg instanceof CelType) {
      out.append(scalar(arg));
    } else if (arg instanceof NullValue) {
      out.append("null");
    } else {
      throw formattingError(STRING_CLAUSE + typeName(arg));
    }
  }

  /** A bool, an integer, or a type, which Go writes by its name ({@code string}, {@code list}). */
  private static String scalar(Object arg) {
    if (arg instanceof TypeType type) {
      // cel-java's value of the type "type" is TypeType(dyn)
      return type.type().kind() == CelKind.DYN ? "type" : type.type().name();
    }
    return arg instanceof CelType type ? type.name() : String.valueOf(arg);
  }

  /** cel-go's formatList: elements written as CEL literals, separated by ", ". */
  private static void list(List<?> list, Output out) throws FormatException {
    out.append("[");
    boolean first = true;
    for (Object member : list) {
      out.step();
      if (!first) {
        out.append(", ");
      }
      first = false;
      member(member, out);
    }
    out.append("]");
  }

  /** cel-go's formatMap: {@code key:value} pairs sorted by the written key. */
  private static void map(Map<?, ?> map, Output out) throws FormatException {
    List<String[]> pairs = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.step();
      Object key = entry.getKey();
      String written;
      if (key instanceof String s) {
        out.grow(s.length() + 2L);
        written = goQuote(s);
      } else if (key instanceof Boolean || key instanceof Long || key instanceof UnsignedLong) {
        written = key.toString();
        out.grow(written.length());
      } else {
        throw formattingError("no formatting function for map key of type " + typeName(key));
      }
      Output value = new Output();
      member(entry.getValue(), value);
      out.grow(1);
      pairs.add(new String[] {written, value.text.toString()});
    }
    pairs.sort((a, b) -> GoStrings.compareCodePoints(a[0], b[0]));
    out.append("{");
    for (int k = 0; k < pairs.size(); k++) {
      if (k > 0) {
        out.append(", ");
      }
      out.text.append(pairs.get(k)[0]).append(':').append(pairs.get(k)[1]);
    }
    out.append("}");
  }

  /** An element of a list or a map value: clauseForType, then quoteForCEL. */
  private static void member(Object member, Output out) throws FormatException {
    if (member instanceof Long || member instanceof UnsignedLong) {
      out.append(member.toString());
    } else if (member instanceof String s) {
      out.grow(s.length() + 2L);
      out.text.append(goQuote(s));
    } else if (member instanceof CelByteString bytes) {
      out.grow(bytes.size() + 3L);
      out.text.append('b').append(goQuote(utf8(bytes)));
    } else if (member instanceof Boolean || member instanceof CelType) {
      out.append(scalar(member));
    } else if (member instanceof NullValue) {
      out.append("null");
    } else if (member instanceof Instant t) {
      out.append("timestamp(\"" + rfc3339(t) + "\")");
    } else if (member instanceof Duration d) {
      out.append("duration(\"" + durationString(d) + "\")");
    } else if (member instanceof List<?> list) {
      list(list, out);
    } else if (member instanceof Map<?, ?> map) {
      map(map, out);
    } else if (member instanceof Double d) {
      String written = goFixed(d, DEFAULT_PRECISION);
      out.append(d.isNaN() || d.isInfinite() ? "\"" + written + "\"" : written);
    } else {
      throw formattingError("no formatting function for " + typeName(member));
    }
  }

  private static String decimal(Object arg) throws FormatException {
    if (arg instanceof Long || arg instanceof UnsignedLong) {
      return arg.toString();
    }
    throw formattingError(
        "decimal clause can only be used on integers, was given " + typeName(arg));
  }

  private static String binary(Object arg) throws FormatException {
    if (arg instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return integer(arg, 2, "only integers and bools can be formatted as binary");
  }

  private static String integer(Object arg, int radix, String message) throws FormatException {
    if (arg instanceof Long v) {
      return (v < 0 ? "-" : "") + Long.toUnsignedString(v < 0 ? -v : v, radix);
    }
    if (arg instanceof UnsignedLong v) {
      return v.toString(radix);
    }
    throw formattingError(message + ", was given " + typeName(arg));
  }

  private static void hex(Object arg, boolean upper, Output out) throws FormatException {
    HexFormat hex = upper ? HexFormat.of().withUpperCase() : HexFormat.of();
    if (arg instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out.grow(2L * bytes.length);
      out.text.append(hex.formatHex(bytes));
    } else if (arg instanceof CelByteString bytes) {
      out.grow(2L * bytes.size());
      out.text.append(hex.formatHex(bytes.toByteArray()));
    } else {
      String digits =
          integer(arg, 16, "only integers, byte buffers, and strings can be formatted as hex");
      out.append(upper ? digits.toUpperCase(Locale.ROOT) : digits);
    }
  }

  /** A double, or the strings NaN, Infinity and -Infinity, which %f and %e also take. */
  private static double floating(Object arg, String clause) throws FormatException {
    if (arg instanceof Double d) {
      return d;
    }
    if (arg instanceof String s) {
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw formattingError(clause + " can only be used on doubles, was given " + typeName(arg));
  }

  /** {@code %.Nf} as x/text renders it for en: thousands grouped, ∞ for infinities. */
  static String fixed(double v, int precision) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    String plain =
        new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    int dot = plain.indexOf('.');
    String integer = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder(plain.length() + integer.length() / 3 + 1);
    if (v < 0) {
      out.append('-');
    }
    for (int k = 0; k < integer.length(); k++) {
      if (k > 0 && (integer.length() - k) % 3 == 0) {
        out.append(',');
      }
      out.append(integer.charAt(k));
    }
    return dot < 0 ? out.toString() : out.append(plain, dot, plain.length()).toString();
  }

  /**
   * {@code %e} as cel-go asks Go for it ({@code "%" + precision + "e"}: a width, with Go's default
   * precision of 6; {@code %0e} is the zero flag and no width) and x/text renders it for en.
   */
  private static void scientific(double v, int width, Output out) {
    String written = scientific(v);
    int pad = width - written.length();
    if (pad > 0) {
      out.grow(pad);
      out.text.append(" ".repeat(pad));
    }
    out.append(written);
  }

  static String scientific(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    String digits;
    int exponent;
    if (v == 0) {
      digits = "0";
      exponent = 0;
    } else {
      BigDecimal rounded =
          new BigDecimal(Math.abs(v)).round(new MathContext(7, RoundingMode.HALF_EVEN));
      digits = rounded.unscaledValue().toString();
      exponent = digits.length() - 1 - rounded.scale();
    }
    StringBuilder mantissa = new StringBuilder(digits);
    while (mantissa.length() < 7) {
      mantissa.append('0');
    }
    StringBuilder out = new StringBuilder(24);
    if (v < 0) {
      out.append('-');
    }
    out.append(mantissa.charAt(0)).append('.').append(mantissa, 1, 7);
    out.append("\u202f\u00d7\u202f10");
    if (exponent < 0) {
      out.append('\u207b');
    }
    String e = Integer.toString(Math.abs(exponent));
    if (e.length() < 2) {
      out.append(SUPERSCRIPT[0]);
    }
    for (int k = 0; k < e.length(); k++) {
      out.append(SUPERSCRIPT[e.charAt(k) - '0']);
    }
    return out.toString();
  }

  /** Go's {@code fmt.Sprintf("%.Nf", v)}: no grouping, the sign of -0 kept, +Inf, NaN. */
  static String goFixed(double v, int precision) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String plain =
        new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return negative(v) ? "-" + plain : plain;
  }

  /** Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, which CEL's string(double) is. */
  static String goShortest(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String sign = negative(v) ? "-" : "";
    if (v == 0) {
      return sign + "0";
    }
    BigDecimal shortest = shortest(Math.abs(v));
    String digits = shortest.unscaledValue().toString();
    int point = digits.length() - shortest.scale();
    int exponent = point - 1;
    if (exponent < -4 || exponent >= 6) {
      return sign + exponential(digits, exponent);
    }
    return sign + plain(digits, point);
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}. */
  static String goShortestFixed(double v) {
    if (v == 0) {
      return negative(v) ? "-0" : "0";
    }
    BigDecimal shortest = shortest(Math.abs(v));
    String digits = shortest.unscaledValue().toString();
    return (v < 0 ? "-" : "") + plain(digits, digits.length() - shortest.scale());
  }

  private static String exponential(String digits, int exponent) {
    StringBuilder out = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }

  /** {@code 0.digits × 10^point} in positional notation. */
  private static String plain(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length());
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  /** The shortest decimal that reads back as {@code v}, the closest of that length. */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == v) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static boolean negative(double v) {
    return v < 0 || (v == 0 && 1 / v < 0);
  }

  /** cel-go's string(timestamp): RFC 3339 in UTC, nanoseconds without trailing zeros. */
  static String rfc3339(Instant t) {
    StringBuilder out = new StringBuilder(SECONDS.format(t));
    if (t.getNano() != 0) {
      String nanos = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
      out.append('.').append(nanos);
    }
    return out.append('Z').toString();
  }

  /** cel-go's string(duration): Go's seconds as a float, shortest, then "s". */
  static String durationString(Duration d) {
    long seconds = d.getSeconds();
    long nanos = d.getNano();
    if (seconds < 0 && nanos > 0) {
      seconds++;
      nanos -= 1_000_000_000L;
    }
    return goShortestFixed((double) seconds + (double) nanos / 1e9) + "s";
  }

  private static String utf8(CelByteString bytes) throws FormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw formattingError(
          "could not convert argument \"invalid UTF-8 in bytes, cannot convert to string\" to"
              + " string");
    }
  }

  /** Go's {@code %q} (strconv.Quote). */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case 7 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 11 -> out.append("\\v");
        default -> {
          if (printable(c)) {
            out.appendCodePoint(c);
          } else if (c < ' ' || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\x%02x", c));
          } else if (Character.isSurrogate((char) c)) {
            out.append("\\ufffd");
          } else if (c < 0x10000) {
            out.append(String.format(Locale.ROOT, "\\u%04x", c));
          } else {
            out.append(String.format(Locale.ROOT, "\\U%08x", c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  private static boolean printable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** cel-go's type name of a run-time value, for error messages. */
  static String typeName(Object value) {
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof UnsignedLong) {
      return "uint";
    }
    if (value instanceof Double) {
      return "double";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof CelByteString) {
      return "bytes";
    }
    if (value instanceof NullValue || value == null) {
      return "null_type";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof Instant) {
      return "google.protobuf.Timestamp";
    }
    if (value instanceof Duration) {
      return "google.protobuf.Duration";
    }
    if (value instanceof CelType) {
      return "type";
    }
    if (value instanceof Optional<?>) {
      return "optional_type";
    }
    if (value instanceof Quantity) {
      return KubernetesLibrary.QUANTITY.name();
    }
    if (value instanceof Version) {
      return KubernetesLibrary.SEMVER.name();
    }
    if (value instanceof NetAddress) {
      return KubernetesNetLibrary.IP.name();
    }
    if (value instanceof NetPrefix) {
      return KubernetesNetLibrary.CIDR.name();
    }
    if (value instanceof KubernetesUrl) {
      return KubernetesUrlLibrary.URL.name();
    }
    if (value instanceof KubernetesFormatLibrary.NamedFormat) {
      return KubernetesFormatLibrary.FORMAT.name();
    }
    return value.getClass().getSimpleName();
  }

  /**
   * The output being built, charging the running evaluation for each piece before it is appended
   * (or, for a piece computed from an argument, before it is computed).
   */
  private static final class Output {
    final StringBuilder text = new StringBuilder();
    private long charged;

    /** Charges {@code chars} more characters of output. */
    void grow(long chars) {
      long before = charged / CostMeter.CHARS_PER_UNIT;
      charged = Saturating.add(charged, chars);
      CostMeter.charge(charged / CostMeter.CHARS_PER_UNIT - before);
    }

    /** One element or entry visited. */
    void step() {
      CostMeter.charge(1);
    }

    void append(String piece) {
      grow(piece.length());
      text.append(piece);
    }
  }
}
