package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.primitives.UnsignedLong;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEnvironment.VariableType;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strings extension's {@code format()} as Kubernetes runs it (strings version 2, en_US). The
 * tables are ported from cel-go ext/formatting_test.go (TestStringFormat, its cases that do not
 * depend on another locale or on protobuf messages; an opaque {@code quantity} stands in for their
 * message objects; cel-java's {@code double()} reads "Infinity" where Go also reads "Inf"),
 * TestStringFormatHeterogeneousLiterals and TestLiteralOutput, and the format case of
 * ext/strings_test.go.
 */
class StringFormatLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("dynStr", VariableType.DYN)
          .variable("dynIntStr", VariableType.DYN)
          .variable("dynDoubleStr", VariableType.DYN)
          .variable("dynInt", VariableType.DYN)
          .variable("dynUnsignedInt", VariableType.DYN)
          .variable("dynHexInt", VariableType.DYN)
          .variable("dynUnsignedHexInt", VariableType.DYN)
          .variable("dynDouble", VariableType.DYN)
          .variable("dynE", VariableType.DYN)
          .variable("dynNaN", VariableType.DYN)
          .variable("dynInf", VariableType.DYN)
          .variable("dynTime", VariableType.DYN)
          .variable("dynDuration", VariableType.DYN)
          .variable("dynList", VariableType.DYN)
          .variable("dynMap", VariableType.DYN)
          .build();

  private static final Map<String, Object> VARS = vars();

  private static Map<String, Object> vars() {
    Map<Object, Object> dynMap = new LinkedHashMap<>();
    dynMap.put("strKey", "x");
    dynMap.put(true, 42L);
    dynMap.put(6L, Duration.ofMinutes(7).plusSeconds(2));
    return Map.ofEntries(
        Map.entry("dynStr", "a string"),
        Map.entry("dynIntStr", 32L),
        Map.entry("dynDoubleStr", 56.8),
        Map.entry("dynInt", 128L),
        Map.entry("dynUnsignedInt", UnsignedLong.valueOf(256)),
        Map.entry("dynHexInt", 22L),
        Map.entry("dynUnsignedHexInt", UnsignedLong.valueOf(500)),
        Map.entry("dynDouble", 4.5),
        Map.entry("dynE", 2.71828),
        Map.entry("dynNaN", Double.NaN),
        Map.entry("dynInf", Double.POSITIVE_INFINITY),
        Map.entry("dynTime", Instant.parse("2009-11-10T23:00:00Z")),
        Map.entry("dynDuration", Duration.parse("PT2H25M47S")),
        Map.entry("dynList", List.of(6L, 4.2, "a string")),
        Map.entry("dynMap", dynMap));
  }

  /** {@code "<format>".format([<args>])}, the expression cel-go's test builds. */
  private static String expression(String format, String args) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : format.toCharArray()) {
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        default -> literal.append(c);
      }
    }
    return literal.append("\".format([").append(args).append("])").toString();
  }

  private static Object format(String format, String args) {
    return ENV.compile(expression(format, args), "spec.x").evaluate(VARS);
  }

  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of("no-op", "no substitution", "", "no substitution"),
        Arguments.of(
            "mid-string substitution",
            "str is %s and some more",
            "\"filler\"",
            "str is filler and some more"),
        Arguments.of("percent escaping", "%% and also %%", "", "% and also %"),
        Arguments.of("substitution inside escaped percent signs", "%%%s%%", "\"text\"", "%text%"),
        Arguments.of(
            "one escaped percent sign on the right",
            "%s%%",
            "\"percent on the right\"",
            "percent on the right%"),
        Arguments.of(
            "one escaped percent sign on the left",
            "%%%s",
            "\"percent on the left\"",
            "%percent on the left"),
        Arguments.of(
            "multiple substitutions",
            "%d %d %d, %s %s %s, %d %d %d, %s %s %s",
            "1, 2, 3, \"A\", \"B\", \"C\", 4, 5, 6, \"D\", \"E\", \"F\"",
            "1 2 3, A B C, 4 5 6, D E F"),
        Arguments.of(
            "percent sign escape sequence support",
            "\u0025\u0025escaped \u0025s\u0025\u0025",
            "\"percent\"",
            "%escaped percent%"),
        Arguments.of("fixed point formatting clause", "%.3f", "1.2345", "1.234"),
        Arguments.of(
            "binary formatting clause", "this is 5 in binary: %b", "5", "this is 5 in binary: 101"),
        Arguments.of(
            "negative binary formatting clause",
            "this is -5 in binary: %b",
            "-5",
            "this is -5 in binary: -101"),
        Arguments.of(
            "uint support for binary formatting",
            "unsigned 64 in binary: %b",
            "uint(64)",
            "unsigned 64 in binary: 1000000"),
        Arguments.of(
            "bool support for binary formatting",
            "bit set from bool: %b",
            "true",
            "bit set from bool: 1"),
        Arguments.of("octal formatting clause", "%o", "11", "13"),
        Arguments.of("negative octal formatting clause", "%o", "-11", "-13"),
        Arguments.of(
            "uint support for octal formatting clause",
            "this is an unsigned octal: %o",
            "uint(65535)",
            "this is an unsigned octal: 177777"),
        Arguments.of(
            "lowercase hexadecimal formatting clause",
            "%x is 30 in hexadecimal",
            "30",
            "1e is 30 in hexadecimal"),
        Arguments.of(
            "uppercase hexadecimal formatting clause",
            "%X is 20 in hexadecimal",
            "30",
            "1E is 20 in hexadecimal"),
        Arguments.of(
            "negative hexadecimal formatting clause",
            "%x is -30 in hexadecimal",
            "-30",
            "-1e is -30 in hexadecimal"),
        Arguments.of(
            "unsigned support for hexadecimal formatting clause",
            "%X is 6000 in hexadecimal",
            "uint(6000)",
            "1770 is 6000 in hexadecimal"),
        Arguments.of(
            "string support with hexadecimal formatting clause",
            "%x",
            "\"Hello world!\"",
            "48656c6c6f20776f726c6421"),
        Arguments.of(
            "string support with uppercase hexadecimal formatting clause",
            "%X",
            "\"Hello world!\"",
            "48656C6C6F20776F726C6421"),
        Arguments.of(
            "byte support with hexadecimal formatting clause",
            "%x",
            "b\"byte string\"",
            "6279746520737472696e67"),
        Arguments.of(
            "byte support with hexadecimal formatting clause leading zero",
            "%x",
            "b\"\\x00\\x00byte string\\x00\"",
            "00006279746520737472696e6700"),
        Arguments.of(
            "byte support with uppercase hexadecimal formatting clause",
            "%X",
            "b\"byte string\"",
            "6279746520737472696E67"),
        Arguments.of(
            "scientific notation formatting clause",
            "%.6e",
            "1052.032911275",
            "1.052033\u202f\u00d7\u202f10\u2070\u00b3"),
        Arguments.of("default precision for fixed-point clause", "%f", "2.71828", "2.718280"),
        Arguments.of(
            "default precision for scientific notation",
            "%e",
            "2.71828",
            "2.718280\u202f\u00d7\u202f10\u2070\u2070"),
        Arguments.of("default precision for string", "%s", "2.71", "2.71"),
        Arguments.of("default list precision for string", "%s", "[2.71]", "[2.710000]"),
        Arguments.of("default scientific notation for string", "%s", "0.000000002", "2e-09"),
        Arguments.of(
            "default list scientific notation for string", "%s", "[0.000000002]", "[0.000000]"),
        Arguments.of(
            "unicode output for scientific notation",
            "unescaped unicode: %e, escaped unicode: %e",
            "2.71828, 2.71828",
            "unescaped unicode: 2.718280\u202f\u00d7\u202f10\u2070\u2070, escaped unicode:"
                + " 2.718280\u202f\u00d7\u202f10\u2070\u2070"),
        Arguments.of("NaN support for fixed-point", "%f", "\"NaN\"", "NaN"),
        Arguments.of("positive infinity support for fixed-point", "%f", "\"Infinity\"", "∞"),
        Arguments.of("negative infinity support for fixed-point", "%f", "\"-Infinity\"", "-∞"),
        Arguments.of("NaN support for string", "%s", "double(\"NaN\")", "NaN"),
        Arguments.of("positive infinity support for string", "%s", "double(\"Infinity\")", "+Inf"),
        Arguments.of("negative infinity support for string", "%s", "double(\"-Infinity\")", "-Inf"),
        Arguments.of(
            "infinity list support for string",
            "%s",
            "[double(\"NaN\"),double(\"Infinity\"), double(\"-Infinity\")]",
            "[\"NaN\", \"+Inf\", \"-Inf\"]"),
        Arguments.of("uint support for decimal clause", "%d", "uint(64)", "64"),
        Arguments.of("null support for string", "null: %s", "null", "null: null"),
        Arguments.of("int support for string", "%s", "999999999999", "999999999999"),
        Arguments.of("bytes support for string", "some bytes: %s", "b\"xyz\"", "some bytes: xyz"),
        Arguments.of(
            "type() support for string", "type is %s", "type(\"test string\")", "type is string"),
        Arguments.of(
            "timestamp support for string",
            "%s",
            "timestamp(\"2023-02-03T23:31:20+00:00\")",
            "2023-02-03T23:31:20Z"),
        Arguments.of("duration support for string", "%s", "duration(\"1h45m47s\")", "6347s"),
        Arguments.of(
            "small duration support for string", "%s", "duration(\"2ns\")", "0.000000002s"),
        Arguments.of(
            "list support for string",
            "%s",
            "[\"abc\", 3.14, null, [9, 8, 7, 6], timestamp(\"2023-02-03T23:31:20Z\")]",
            "[\"abc\", 3.140000, null, [9, 8, 7, 6], timestamp(\"2023-02-03T23:31:20Z\")]"),
        Arguments.of(
            "map support for string",
            "%s",
            "{\"key1\": b\"xyz\", \"key5\": null, \"key2\": duration(\"2h\"), \"key4\": true,"
                + " \"key3\": 2.71828}",
            "{\"key1\":b\"xyz\", \"key2\":duration(\"7200s\"), \"key3\":2.718280, \"key4\":true,"
                + " \"key5\":null}"),
        Arguments.of(
            "map support (all key types)",
            "map with multiple key types: %s",
            "{1: \"value1\", uint(2): \"value2\", true: double(\"NaN\")}",
            "map with multiple key types: {1:\"value1\", 2:\"value2\", true:\"NaN\"}"),
        Arguments.of(
            "boolean support for %s",
            "true bool: %s, false bool: %s", "true, false", "true bool: true, false bool: false"),
        Arguments.of(
            "dyntype support for string formatting clause",
            "dynamic string: %s",
            "dynStr",
            "dynamic string: a string"),
        Arguments.of(
            "dyntype support for numbers with string formatting clause",
            "dynIntStr: %s dynDoubleStr: %s",
            "dynIntStr, dynDoubleStr",
            "dynIntStr: 32 dynDoubleStr: 56.8"),
        Arguments.of(
            "dyntype support for integer formatting clause",
            "dynamic int: %d",
            "dynInt",
            "dynamic int: 128"),
        Arguments.of(
            "dyntype support for integer formatting clause (unsigned)",
            "dynamic unsigned int: %d",
            "dynUnsignedInt",
            "dynamic unsigned int: 256"),
        Arguments.of(
            "dyntype support for hex formatting clause",
            "dynamic hex int: %x",
            "dynHexInt",
            "dynamic hex int: 16"),
        Arguments.of(
            "dyntype support for hex formatting clause (uppercase)",
            "dynamic hex int: %X (uppercase)",
            "dynHexInt",
            "dynamic hex int: 16 (uppercase)"),
        Arguments.of(
            "dyntype support for unsigned hex formatting clause",
            "dynamic hex int: %x (unsigned)",
            "dynUnsignedHexInt",
            "dynamic hex int: 1f4 (unsigned)"),
        Arguments.of(
            "dyntype support for fixed-point formatting clause",
            "dynamic double: %.3f",
            "dynDouble",
            "dynamic double: 4.500"),
        Arguments.of(
            "dyntype support for scientific notation",
            "(dyntype) e: %e",
            "dynE",
            "(dyntype) e: 2.718280\u202f\u00d7\u202f10\u2070\u2070"),
        Arguments.of(
            "dyntype NaN/infinity support for fixed-point",
            "NaN: %f, infinity: %f",
            "dynNaN, dynInf",
            "NaN: NaN, infinity: ∞"),
        Arguments.of(
            "dyntype support for timestamp",
            "dyntype timestamp: %s",
            "dynTime",
            "dyntype timestamp: 2009-11-10T23:00:00Z"),
        Arguments.of(
            "dyntype support for duration",
            "dyntype duration: %s",
            "dynDuration",
            "dyntype duration: 8747s"),
        Arguments.of(
            "dyntype support for lists",
            "dyntype list: %s",
            "dynList",
            "dyntype list: [6, 4.200000, \"a string\"]"),
        Arguments.of(
            "dyntype support for maps",
            "dyntype map: %s",
            "dynMap",
            "dyntype map: {\"strKey\":\"x\", 6:duration(\"422s\"), true:42}"),
        Arguments.of(
            "high precision allowed on older version", "%.200f", "1.0", "1." + "0".repeat(200)),
        // TestStringFormatHeterogeneousLiterals
        Arguments.of(
            "heterogeneous list",
            "list: %s",
            "[[1, 2, [3.0, 4]]]",
            "list: [[1, 2, [3.000000, 4]]]"),
        Arguments.of(
            "heterogeneous list size",
            "list size: %d",
            "[[1, 2, [3.0, 4]]].size()",
            "list size: 1"),
        Arguments.of(
            "heterogeneous list element",
            "list element: %s",
            "[[1, 2, [3.0, 4]]][0]",
            "list element: [1, 2, [3.000000, 4]]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void formatsAsCelGo(String name, String format, String args, String expected) {
    assertEquals(expected, format(format, args));
  }

  static Stream<Arguments> errors() {
    String stringClause =
        "error during formatting: string clause can only be used on strings, bools, bytes, ints,"
            + " doubles, maps, lists, types, durations, and timestamps";
    return Stream.of(
        Arguments.of(
            "unrecognized formatting clause",
            "%a",
            "1",
            "could not parse formatting clause: unrecognized formatting clause \"a\""),
        Arguments.of("out of bounds arg index", "%d %d %d", "0, 1", "index 2 out of range"),
        Arguments.of(
            "string substitution is not allowed with binary clause",
            "string is %b",
            "\"abc\"",
            "error during formatting: only integers and bools can be formatted as binary, was"
                + " given string"),
        Arguments.of(
            "duration substitution not allowed with decimal clause",
            "%d",
            "duration(\"30m2s\")",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " google.protobuf.Duration"),
        Arguments.of(
            "string substitution not allowed with octal clause",
            "octal: %o",
            "\"a string\"",
            "error during formatting: octal clause can only be used on integers, was given"
                + " string"),
        Arguments.of(
            "double substitution not allowed with hex clause",
            "double is %x",
            "0.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given double"),
        Arguments.of(
            "uppercase not allowed for scientific clause",
            "double is %E",
            "0.5",
            "could not parse formatting clause: unrecognized formatting clause \"E\""),
        Arguments.of("object not allowed", "object is %s", "quantity('1')", stringClause),
        Arguments.of("object inside list", "%s", "[1, 2, quantity('1')]", stringClause),
        Arguments.of("object inside map", "%s", "{1: \"a\", 2: quantity('1')}", stringClause),
        Arguments.of(
            "null not allowed for %d",
            "null: %d",
            "null",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " null_type"),
        Arguments.of(
            "null not allowed for %e",
            "null: %e",
            "null",
            "error during formatting: scientific clause can only be used on doubles, was given"
                + " null_type"),
        Arguments.of(
            "null not allowed for %f",
            "null: %f",
            "null",
            "error during formatting: fixed-point clause can only be used on doubles, was given"
                + " null_type"),
        Arguments.of(
            "null not allowed for %x",
            "null: %x",
            "null",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given null_type"),
        Arguments.of(
            "null not allowed for %X",
            "null: %X",
            "null",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given null_type"),
        Arguments.of(
            "null not allowed for %b",
            "null: %b",
            "null",
            "error during formatting: only integers and bools can be formatted as binary, was"
                + " given null_type"),
        Arguments.of(
            "null not allowed for %o",
            "null: %o",
            "null",
            "error during formatting: octal clause can only be used on integers, was given"
                + " null_type"),
        Arguments.of(
            "compile-time cardinality check (too few for string)",
            "%s %s",
            "\"abc\"",
            "index 1 out of range"),
        Arguments.of(
            "compile-time cardinality check (too many for string)",
            "%s %s",
            "\"abc\", \"def\", \"ghi\"",
            "too many arguments supplied to string.format (expected 2, got 3)"),
        Arguments.of(
            "compile-time syntax check (unexpected end of string)",
            "filler %",
            "",
            "unexpected end of string"),
        Arguments.of(
            "compile-time syntax check (unrecognized formatting clause)",
            "%j",
            "123",
            "could not parse formatting clause: unrecognized formatting clause \"j\""),
        Arguments.of(
            "compile-time %d check",
            "int is %d",
            "5.2",
            "error during formatting: decimal clause can only be used on integers"),
        Arguments.of(
            "compile-time %f check",
            "double is %f",
            "true",
            "error during formatting: fixed-point clause can only be used on doubles"),
        Arguments.of(
            "compile-time precision syntax check",
            "double is %.34",
            "5.0",
            "could not parse formatting clause: error while parsing precision: could not find end"
                + " of precision specifier"),
        Arguments.of(
            "compile-time %e check",
            "double is %e",
            "true",
            "error during formatting: scientific clause can only be used on doubles"),
        Arguments.of(
            "compile-time %b check",
            "string is %b",
            "\"a string\"",
            "error during formatting: only integers and bools can be formatted as binary"),
        Arguments.of(
            "compile-time %x check",
            "%x is a double",
            "2.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex"),
        Arguments.of(
            "compile-time %X check",
            "%X is a double",
            "2.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex"),
        Arguments.of(
            "compile-time %o check",
            "an octal: %o",
            "3.14",
            "error during formatting: octal clause can only be used on integers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsAsCelGo(String name, String format, String args, String expected) {
    String message;
    try {
      Object out = format(format, args);
      throw new AssertionError("expected an error, got " + out);
    } catch (ValidationException e) {
      message = e.getMessage();
    } catch (ExpressionEvaluationException e) {
      message = e.getMessage();
    }
    assertTrue(message.contains(expected), message);
  }

  @Test
  void formatStringNeedNotBeALiteral() {
    // ext/strings_test.go
    assertEquals(
        true,
        ENV.compile(
                "strings.quote('%s %s').format(['hello', 'world']) == \"\\\"hello world\\\"\"",
                "spec.x")
            .evaluate(VARS));
  }

  @Test
  void runTimeErrorsAreInvalidArguments() {
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> ENV.compile("'%d %d'.format(dynList)", "spec.x").evaluate(VARS));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind());
    assertTrue(
        e.getMessage().contains("decimal clause can only be used on integers, was given double"),
        e.getMessage());
  }

  /**
   * TestLiteralOutput: what %s writes for a list or map reads back as an equal CEL literal.
   * cel-go's two literals mix types, which Kubernetes' homogeneous-literal validator (and
   * Flotilla's) rejects outside format's argument list; their parts are checked one type at a time.
   */
  @ParameterizedTest
  @MethodSource("literals")
  void listsAndMapsAreWrittenAsCelLiterals(String literal) {
    String written = (String) format("%s", literal);
    // dyn: %s writes uint(32) as 32, equal at run time, another type for the checker
    assertEquals(
        true,
        ENV.compile("dyn(" + written + ") == dyn(" + literal + ")", "spec.x").evaluate(VARS),
        written);
  }

  static Stream<String> literals() {
    return Stream.of(
        "{\"key1\": b\"xyz\", \"key2\": b\"w\"}",
        "{false: [11, 12, 13], true: [1]}",
        "{42: {uint(64): 2.7}}",
        "{\"key5\": type(int)}",
        "{\"key2\": duration(\"2h\")}",
        "{\"key3\": 2.71828, \"null\": 1.0}",
        "[timestamp(\"2019-10-12T07:20:50.52Z\"), timestamp(\"2023-02-03T23:31:20Z\")]",
        "[\"abc\", \"a\\\"b\"]",
        "[3.14]",
        "[uint(32)]",
        "[b\"def\"]",
        "[null]",
        "[type(string)]",
        "[duration(\"7m\")]",
        "[[9, 8, 7, 6]]");
  }

  /** What Kubernetes' en_US locale adds: grouping, and %e's precision read as a width. */
  @Test
  void enUsRendering() {
    assertEquals("1,234,567.500", format("%.3f", "1234567.5"));
    assertEquals("-1,000.0", format("%.1f", "-999.95"));
    assertEquals("0", format("%.0f", "0.5"));
    assertEquals("2", format("%.0f", "2.5"));
    assertEquals("-2.500000\u202f\u00d7\u202f10\u207b\u2070\u00b3", format("%e", "-0.0025"));
    assertEquals("0.000000\u202f\u00d7\u202f10\u2070\u2070", format("%e", "0.0"));
    assertEquals(
        " ".repeat(5) + "1.000000\u202f\u00d7\u202f10\u00b2\u2070", format("%.20e", "1e20"));
    assertEquals("   NaN", format("%e", "\"NaN\""));
    assertEquals("1e+06", format("%s", "1000000.0"));
    assertEquals("123456", format("%s", "123456.0"));
    assertEquals("[\"a\\\"b\\n\"]", format("%s", "['a\"b\\n']"));
    assertEquals("-1.5s", format("%s", "duration('-1500ms')"));
    assertEquals("2023-02-03T23:31:20.52Z", format("%s", "timestamp('2023-02-03T23:31:20.520Z')"));
    assertEquals("-8000000000000000", format("%x", "-9223372036854775807 - 1"));
  }

  @Test
  void precisionAbove255IsAnError() {
    ValidationException e = assertThrows(ValidationException.class, () -> format("%.256f", "1.0"));
    assertTrue(
        e.getMessage().contains("precision 256 exceeds maximum allowed precision 255"),
        e.getMessage());
    ExpressionEvaluationException run =
        assertThrows(
            ExpressionEvaluationException.class,
            () ->
                ENV.compile("dynStr.replace('a string', '%.99999999999f').format([1.0])", "x")
                    .evaluate(VARS));
    assertEquals(Kind.INVALID_ARGUMENT, run.kind());
  }
}
