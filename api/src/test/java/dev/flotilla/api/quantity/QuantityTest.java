package dev.flotilla.api.quantity;

import static dev.flotilla.api.quantity.Quantity.Format.BINARY_SI;
import static dev.flotilla.api.quantity.Quantity.Format.DECIMAL_EXPONENT;
import static dev.flotilla.api.quantity.Quantity.Format.DECIMAL_SI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.quantity.Quantity.Format;
import dev.flotilla.api.quantity.QuantityFormatException.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Named after the rules they check; the tables are ported from Kubernetes' quantity_test.go
 * (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestQuantityCmp, TestAdd, ...).
 */
class QuantityTest {

  private static Quantity q(String text) {
    return Quantity.parse(text);
  }

  private static Quantity exact(String value, Format format) {
    return Quantity.ofExact(new BigDecimal(value), format);
  }

  /** Checks value and format of each {input, value, format} row, and of its -/+ signed forms. */
  private static void assertParses(Object[][] table) {
    List<String> failures = new ArrayList<>();
    for (Object[] row : table) {
      String input = (String) row[0];
      BigDecimal expected = new BigDecimal((String) row[1]);
      Format format = (Format) row[2];
      check(failures, input, expected, format);
      check(failures, "-" + input, expected.negate(), format);
      check(failures, "+" + input, expected, format);
    }
    assertEquals(List.of(), failures);
  }

  private static void check(List<String> failures, String input, BigDecimal value, Format format) {
    Optional<Quantity> parsed = Quantity.tryParse(input);
    if (parsed.isEmpty()) {
      failures.add(input + ": did not parse");
    } else if (parsed.get().value().compareTo(value) != 0 || parsed.get().format() != format) {
      failures.add(
          input
              + ": got "
              + parsed.get().value()
              + " "
              + parsed.get().format()
              + ", want "
              + value);
    }
  }

  @Test
  void zeroInEveryFamilyParsesAndPrintsAsZero() {
    assertParses(
        new Object[][] {
          {"0", "0", DECIMAL_SI},
          {"0n", "0", DECIMAL_SI},
          {"0u", "0", DECIMAL_SI},
          {"0m", "0", DECIMAL_SI},
          {"0Ki", "0", BINARY_SI},
          {"0k", "0", DECIMAL_SI},
          {"0Mi", "0", BINARY_SI},
          {"0M", "0", DECIMAL_SI},
          {"0Gi", "0", BINARY_SI},
          {"0G", "0", DECIMAL_SI},
          {"0Ti", "0", BINARY_SI},
          {"0T", "0", DECIMAL_SI},
          {"0e3", "0", DECIMAL_EXPONENT},
        });
    assertEquals("0", q("0Ki").toString());
    assertEquals("0", q("-0.000e5").toString());
    assertTrue(q("0Gi").isZero());
  }

  @Test
  void binarySuffixKeepsBinaryFormat() {
    assertParses(
        new Object[][] {
          {"1Ki", "1024", BINARY_SI},
          {"8Ki", "8192", BINARY_SI},
          {"7Mi", "7340032", BINARY_SI},
          {"6Gi", "6442450944", BINARY_SI},
          {"5Ti", "5497558138880", BINARY_SI},
          {"4Pi", "4503599627370496", BINARY_SI},
          {"3Ei", "3458764513820540928", BINARY_SI},
          {"10Ti", "10995116277760", BINARY_SI},
          {"100Ti", "109951162777600", BINARY_SI},
          {"100.035Ki", "102435.84", BINARY_SI},
          {"0.5Mi", "524288", BINARY_SI},
          {"0.05Gi", "53687091.2", BINARY_SI},
          {"0.025Ti", "27487790694.4", BINARY_SI},
        });
  }

  @Test
  void decimalSuffixesScaleByPowersOfTen() {
    assertParses(
        new Object[][] {
          {"1", "1", DECIMAL_SI},
          {"5n", "5e-9", DECIMAL_SI},
          {"4u", "4e-6", DECIMAL_SI},
          {"3m", "3e-3", DECIMAL_SI},
          {"9", "9", DECIMAL_SI},
          {"8k", "8e3", DECIMAL_SI},
          {"50k", "5e4", DECIMAL_SI},
          {"7M", "7e6", DECIMAL_SI},
          {"6G", "6e9", DECIMAL_SI},
          {"5T", "5e12", DECIMAL_SI},
          {"40T", "4e13", DECIMAL_SI},
          {"300T", "3e14", DECIMAL_SI},
          {"2P", "2e15", DECIMAL_SI},
          {"1E", "1e18", DECIMAL_SI},
          {"12E", "12e18", DECIMAL_SI},
          {"100.035k", "100035", DECIMAL_SI},
          {"10.035M", "10035e3", DECIMAL_SI},
          {"9.01", "9.01", DECIMAL_SI},
          {"8.1k", "8100", DECIMAL_SI},
          {"7.123456M", "7123456", DECIMAL_SI},
          {"6.987654321G", "6987654321", DECIMAL_SI},
          {"5.444T", "5444e9", DECIMAL_SI},
          {"40.1T", "401e11", DECIMAL_SI},
          {"300.2T", "3002e11", DECIMAL_SI},
          {"2.5P", "25e14", DECIMAL_SI},
          {"1.01E", "101e16", DECIMAL_SI},
        });
  }

  @Test
  void exponentSuffixesGiveDecimalExponentFormat() {
    assertParses(
        new Object[][] {
          {"1E-3", "1e-3", DECIMAL_EXPONENT},
          {"1e3", "1e3", DECIMAL_EXPONENT},
          {"1E6", "1e6", DECIMAL_EXPONENT},
          {"1e9", "1e9", DECIMAL_EXPONENT},
          {"1E12", "1e12", DECIMAL_EXPONENT},
          {"1e15", "1e15", DECIMAL_EXPONENT},
          {"1E18", "1e18", DECIMAL_EXPONENT},
          {"1e14", "1e14", DECIMAL_EXPONENT},
          {"1e13", "1e13", DECIMAL_EXPONENT},
          {"0.5e0", "0.5", DECIMAL_EXPONENT},
          {"0.5e-1", "0.05", DECIMAL_EXPONENT},
          {"0.5e-2", "0.005", DECIMAL_EXPONENT},
          {"1.2e3", "1200", DECIMAL_EXPONENT},
          {"1.3E+6", "13e5", DECIMAL_EXPONENT},
          {"1.40e9", "14e8", DECIMAL_EXPONENT},
          {"1.53E12", "153e10", DECIMAL_EXPONENT},
          {"1.6e15", "16e14", DECIMAL_EXPONENT},
          {"1.7E18", "17e17", DECIMAL_EXPONENT},
        });
  }

  @Test
  void numbersWrittenLikeFloatingPointParseExactly() {
    assertParses(
        new Object[][] {
          {"0.001", "0.001", DECIMAL_SI},
          {"0.0005k", "0.5", DECIMAL_SI},
          {"0.005", "0.005", DECIMAL_SI},
          {"0.05", "0.05", DECIMAL_SI},
          {"0.5", "0.5", DECIMAL_SI},
          {"0.00050k", "0.5", DECIMAL_SI},
          {"0.00500", "0.005", DECIMAL_SI},
          {"0.05000", "0.05", DECIMAL_SI},
          {"0.50000", "0.5", DECIMAL_SI},
          {".001", "0.001", DECIMAL_SI},
          {".0001k", "0.1", DECIMAL_SI},
          {"1.", "1", DECIMAL_SI},
          {"1.G", "1e9", DECIMAL_SI},
          {"18446744073709551616", "18446744073709551616", DECIMAL_SI},
        });
  }

  @Test
  void valuesBelowNanoRoundUp() {
    assertParses(
        new Object[][] {
          {"3.001n", "4e-9", DECIMAL_SI},
          {"1.1E-9", "2e-9", DECIMAL_EXPONENT},
          {"0.0000000001", "1e-9", DECIMAL_SI},
          {"0.0000000005", "1e-9", DECIMAL_SI},
          {"0.00000000050", "1e-9", DECIMAL_SI},
          {"0.5e-9", "1e-9", DECIMAL_EXPONENT},
          {"0.9n", "1e-9", DECIMAL_SI},
          {"0.00000012345", "124e-9", DECIMAL_SI},
          {"0.00000012354", "124e-9", DECIMAL_SI},
          {"1e-2147483648", "1e-9", DECIMAL_EXPONENT},
          {"123456789012345678901234567890e-40", "1e-9", DECIMAL_EXPONENT},
        });
    assertEquals("-1n", q("-0.1n").toString());
  }

  @Test
  void binaryValuesAreCappedAtMaxInt64() {
    assertParses(
        new Object[][] {
          {"9Ei", "9223372036854775807", BINARY_SI},
          {"8Ei", "9223372036854775807", BINARY_SI},
          {"9223372036854775807Ki", "9223372036854775807", BINARY_SI},
          {"100000000000000000000000Ki", "9223372036854775807", BINARY_SI},
        });
    // Decimal values are not capped.
    assertEquals(new BigDecimal("9e18"), q("9E").value());
  }

  @Test
  void binaryValuesBetweenMinusOneAndOneBecomeDecimal() {
    assertParses(
        new Object[][] {
          {"0.000000000001Ki", "2e-9", DECIMAL_SI},
          {"0.0001Ki", "0.1024", DECIMAL_SI},
        });
    assertEquals(BINARY_SI, q("0.001Ki").format()); // 1.024 is not below one
  }

  @Test
  void invalidInputsAreRejectedWithKubernetesErrors() {
    Object[][] table = {
      {"", Reason.FORMAT_WRONG},
      {" ", Reason.FORMAT_WRONG},
      {"1i", Reason.SUFFIX},
      {"1.2.3", Reason.FORMAT_WRONG},
      {"1e", Reason.SUFFIX},
      {"1ee", Reason.SUFFIX},
      {"1 Gi", Reason.FORMAT_WRONG},
      {"1GI", Reason.FORMAT_WRONG},
      {"1.0e.1", Reason.FORMAT_WRONG},
      {"1.1.M", Reason.FORMAT_WRONG},
      {"1+1.0M", Reason.FORMAT_WRONG},
      {"0.1mi", Reason.SUFFIX},
      {"0.1am", Reason.FORMAT_WRONG},
      {"aoeu", Reason.FORMAT_WRONG},
      {".5i", Reason.SUFFIX},
      {"-3.01i", Reason.SUFFIX},
      {"-3.01e-", Reason.SUFFIX},
      {" 1", Reason.FORMAT_WRONG},
      {"1 ", Reason.FORMAT_WRONG},
      {"1Ke3", Reason.SUFFIX},
      {"1e+", Reason.SUFFIX},
      {"1e9223372036854775808", Reason.SUFFIX},
      {"Non-Numeric", Reason.FORMAT_WRONG},
      {"１", Reason.FORMAT_WRONG},
    };
    List<String> failures = new ArrayList<>();
    for (Object[] row : table) {
      String input = (String) row[0];
      if (Quantity.tryParse(input).isPresent()) {
        failures.add("tryParse accepted \"" + input + "\"");
      }
      try {
        Quantity.parse(input);
        failures.add("parse accepted \"" + input + "\"");
      } catch (QuantityFormatException e) {
        if (e.reason() != row[1] || !e.input().equals(input)) {
          failures.add("\"" + input + "\": " + e.reason() + ", want " + row[1]);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void errorMessagesUseKubernetesWording() {
    QuantityFormatException format = assertThrows(QuantityFormatException.class, () -> q("1.2.3"));
    assertEquals(
        "quantities must match the regular expression"
            + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        format.getMessage());
    assertEquals(
        "unable to parse quantity's suffix",
        assertThrows(QuantityFormatException.class, () -> q("1i")).getMessage());
    assertEquals(
        "unable to parse numeric part of quantity",
        assertThrows(QuantityFormatException.class, () -> q("Ei")).getMessage());
    assertTrue(format instanceof IllegalArgumentException);
  }

  @Test
  void digitlessNumbersFollowKubernetesScanner() {
    // Kubernetes' scanner reads a missing number as zero ("-", "+", ".", "Ki" parse as 0) except
    // where it falls back to inf.Dec, which needs a digit: exponents below nano and Pi/Ei.
    assertParses(
        new Object[][] {
          {".", "0", DECIMAL_SI},
          {"m", "0", DECIMAL_SI},
          {"Ki", "0", BINARY_SI},
          {"Ti", "0", BINARY_SI},
          {"e5", "0", DECIMAL_EXPONENT},
          {"E", "0", DECIMAL_SI},
        });
    assertEquals(Optional.of(q("0")), Quantity.tryParse("-"));
    assertEquals(Optional.of(q("0")), Quantity.tryParse("+"));
    for (String numeric : List.of("Pi", "Ei", "-Pi", ".Ei", "e-10", "-e-10", ".e-12")) {
      QuantityFormatException e =
          assertThrows(QuantityFormatException.class, () -> q(numeric), numeric);
      assertEquals(Reason.NUMERIC, e.reason(), numeric);
    }
  }

  @Test
  void canonicalFormUsesLargestExactSuffix() {
    Object[][] table = {
      // value, format, canonical, an alternate spelling that prints the same
      {"1073741824", BINARY_SI, "1Gi", "1024Mi"},
      {"314572800", BINARY_SI, "300Mi", "307200Ki"},
      {"6144", BINARY_SI, "6Ki", null},
      {"1074815565824", BINARY_SI, "1001Gi", "1025024Mi"},
      {"1099511627776", BINARY_SI, "1Ti", "1024Gi"},
      {"5", BINARY_SI, "5", "5000m"},
      {"0.5", BINARY_SI, "500m", "0.5"},
      {"1e9", DECIMAL_SI, "1G", "1000M"},
      {"1000e6", DECIMAL_SI, "1G", "0.001T"},
      {"1000000e3", DECIMAL_SI, "1G", null},
      {"1e-3", DECIMAL_SI, "1m", "1000u"},
      {"0.08", DECIMAL_SI, "80m", null},
      {"1.08", DECIMAL_SI, "1080m", "1.08"},
      {"1.08", DECIMAL_SI, "1080m", "1080000000n"},
      {"300e6", DECIMAL_SI, "300M", null},
      {"1e12", DECIMAL_SI, "1T", null},
      {"1e18", DECIMAL_SI, "1E", null},
      {"1234567e6", DECIMAL_SI, "1234567M", null},
      {"1234.567", BINARY_SI, "1234567m", null},
      {"3e3", DECIMAL_SI, "3k", null},
      {"1025", BINARY_SI, "1025", null},
      {"0", DECIMAL_SI, "0", null},
      {"0", BINARY_SI, "0", null},
      {"1e9", DECIMAL_EXPONENT, "1e9", ".001e12"},
      {"1e-3", DECIMAL_EXPONENT, "1e-3", "0.001e0"},
      {"1e-9", DECIMAL_EXPONENT, "1e-9", "1000e-12"},
      {"80e-3", DECIMAL_EXPONENT, "80e-3", null},
      {"300e6", DECIMAL_EXPONENT, "300e6", null},
      {"1e12", DECIMAL_EXPONENT, "1e12", null},
      {"1e3", DECIMAL_EXPONENT, "1e3", null},
      {"3e3", DECIMAL_EXPONENT, "3e3", null},
      {"0", DECIMAL_EXPONENT, "0", "00"},
      {"1e-9", DECIMAL_SI, "1n", null},
      {"80e-9", DECIMAL_SI, "80n", null},
      {"1080e-9", DECIMAL_SI, "1080n", null},
      {"1e-6", DECIMAL_SI, "1u", null},
      {"80e-6", DECIMAL_SI, "80u", null},
      {"1080e-6", DECIMAL_SI, "1080u", null},
    };
    List<String> failures = new ArrayList<>();
    for (Object[] row : table) {
      Quantity quantity = exact((String) row[0], (Format) row[1]);
      String canonical = (String) row[2];
      expect(failures, row[0] + " " + row[1], canonical, quantity.toString());
      expect(failures, "parse " + canonical, canonical, q(canonical).toString());
      if (row[3] != null) {
        expect(failures, "parse " + row[3], canonical, q((String) row[3]).toString());
      }
      if (!quantity.isZero()) {
        expect(failures, "-" + row[0], "-" + canonical, quantity.negate().toString());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void expect(List<String> failures, String what, String want, String got) {
    if (!want.equals(got)) {
      failures.add(what + ": got " + got + ", want " + want);
    }
  }

  @Test
  void parsedValuesPrintCanonically() {
    String[][] table = {
      {"1Ki", "1Ki"},
      {"1Mi", "1Mi"},
      {"1Gi", "1Gi"},
      {"1024Mi", "1Gi"},
      {"1000M", "1G"},
      {".001Ki", "1024m"},
      {".000001Ki", "1024u"},
      {".000000001Ki", "1024n"},
      {".000000000001Ki", "2n"},
      {"1.5", "1500m"},
      {"1.5Gi", "1536Mi"},
      {"0.5Mi", "512Ki"},
      {"100.035Ki", "102435840m"},
      {"1.3E+6", "1300e3"},
      {"+1", "1"},
      {"01", "1"},
      {"1E3", "1e3"},
      {"5.", "5"},
      {"1e+21", "1e21"},
    };
    List<String> failures = new ArrayList<>();
    for (String[] row : table) {
      expect(failures, row[0], row[1], q(row[0]).toString());
      if (!row[0].startsWith("+")) {
        expect(failures, "-" + row[0], "-" + row[1], q("-" + row[0]).toString());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void smallBinaryValuesPrintAsDecimal() {
    assertEquals("1023", Quantity.of(1023, BINARY_SI).toString());
    assertEquals("1k", Quantity.of(1000, BINARY_SI).toString()); // decimal form, not "1000"
    assertEquals("-1k", Quantity.of(-1000, BINARY_SI).toString());
    assertEquals("1Ki", Quantity.of(1024, BINARY_SI).toString());
    assertEquals("1536", Quantity.of(1536, BINARY_SI).toString());
    assertEquals("1536m", exact("1.536", BINARY_SI).toString());
    assertEquals("512", q("0.5Ki").toString());
    assertEquals(BINARY_SI, q("0.5Ki").format()); // the format is kept; only printing changes
  }

  @Test
  void nonIntegerBinaryValuesPrintAsDecimal() {
    assertEquals("1234567m", exact("1234.567", BINARY_SI).toString());
    assertEquals("1048576m", exact("1048.576", BINARY_SI).toString());
  }

  @Test
  void exponentFormIsKept() {
    assertEquals(DECIMAL_EXPONENT, q("1e3").format());
    assertEquals("1e3", q("1e3").toString());
    assertEquals("1e3", q("1000e0").toString());
    assertEquals("12e6", q("12E6").toString());
    assertEquals("1200", q("1.2e3").toString());
    assertEquals("-5e-3", q("-5e-3").toString());
  }

  @Test
  void exponentsBeyondExaPrintAsExponents() {
    assertEquals("1e21", exact("1e21", DECIMAL_SI).toString());
    assertEquals("5e21", q("5000E").toString());
    assertEquals("1e24", q("1000000E").toString());
    assertEquals("123456789012345678901234567890", q("123456789012345678901234567890").toString());
    assertEquals("10e2147483646", q("1e2147483647").toString());
    assertEquals(q("1e2147483647"), q(q("1e2147483647").toString()));
  }

  @Test
  void exponentIsTruncatedTo32BitsAsInGo() {
    // Kubernetes reads the exponent as int64 and converts it with int32(): 2^32 becomes 0.
    assertEquals(BigDecimal.ONE, q("1e4294967296").value().stripTrailingZeros());
    assertEquals(new BigDecimal("10"), q("1e4294967297").value().setScale(0));
  }

  @Test
  void equalValuesInDifferentFormatsAreEqual() {
    assertEquals(q("1Gi"), q("1073741824"));
    assertEquals(q("1Gi").hashCode(), q("1073741824").hashCode());
    assertEquals(q("1"), q("1000m"));
    assertEquals(q("1e3"), q("1k"));
    assertEquals(q("1k").hashCode(), q("1e3").hashCode());
    assertEquals(q("123456789012345678901234567890"), q("123456789012345678901.23456789e9"));
    assertNotEquals(q("1Gi"), q("1G"));
    assertNotEquals(q("1"), q("-1"));
    assertNotEquals(q("1"), "1");
  }

  @Test
  void compareToIsExactAcrossFormats() {
    Object[][] table = {
      {"0", "0", 0},
      {"100m", "50m", 1},
      {"50m", "100m", -1},
      {"10000T", "100Gi", 1},
      {"1Gi", "1G", 1},
      {"1Ki", "1k", 1},
      {"-1Ki", "-1k", -1},
      {"1.5", "1500m", 0},
      {"123456789012345678901234567890", "123456789012345678901234567891", -1},
      {"1e2147483647", "9223372036854775807", 1},
      {"-1e2147483647", "-9223372036854775807", -1},
    };
    for (Object[] row : table) {
      Quantity x = q((String) row[0]);
      Quantity y = q((String) row[1]);
      assertEquals((int) row[2], Integer.signum(x.compareTo(y)), row[0] + " vs " + row[1]);
      assertEquals(-(int) row[2], Integer.signum(y.compareTo(x)), row[1] + " vs " + row[0]);
    }
  }

  @Test
  void compareToHandlesExtremeScales() {
    // Ported from TestQuantityCmpInt64AndDec (values built exactly, without parse rounding).
    String max = "9223372036854775807";
    String min = "-9223372036854775808";
    Object[][] table = {
      {"9.01", "9.01", 0},
      {"9.0", "9.01", -1},
      {"9.01", "9.00", 1},
      {"0", "0", 0},
      {"0.800", "1", -1},
      {"0.800", "0.79", 1},
      {max, "0.1", 1},
      {max + "0", "1", 1},
      {max + "0", "10", 1},
      {max + "e-16", "1e3", -1},
      {min, "0", -1},
      {min + "e-18", "-1", -1},
      {min + "e-19", "-1", 1},
      {"1000000000000000000e-17", "10", 0},
      {"1000000000000000000e-17", "-10", 1},
      {"-1000000000000000000e-17", "-10", 0},
      {"1000000000000000001e-17", "10", 1},
      {"999999999999999999e-17", "10", -1},
    };
    for (Object[] row : table) {
      Quantity x = exact((String) row[0], DECIMAL_SI);
      Quantity y = exact((String) row[1], DECIMAL_SI);
      assertEquals((int) row[2], Integer.signum(x.compareTo(y)), row[0] + " vs " + row[1]);
      assertEquals(-(int) row[2], Integer.signum(y.compareTo(x)), row[1] + " vs " + row[0]);
    }
  }

  @Test
  void addKeepsReceiverFormatUnlessReceiverIsZero() {
    assertEquals(q("20"), q("10").add(q("1e1")));
    Quantity mixed = q("10").add(Quantity.of(1, BINARY_SI));
    assertEquals(q("11"), mixed);
    assertEquals(DECIMAL_SI, mixed.format());
    assertEquals(BINARY_SI, Quantity.of(10, BINARY_SI).add(q("1")).format());
    assertEquals(DECIMAL_SI, q("0").add(q("50")).format());
    assertEquals(BINARY_SI, q("0").add(q("1Gi")).format());
    for (String value : List.of("100m", "1Gi")) {
      assertEquals(value, q(value).add(q("0")).toString());
      assertEquals(value, q("0").add(q(value)).toString());
    }
  }

  @Test
  void subtractKeepsReceiverFormatUnlessReceiverIsZero() {
    assertEquals(q("0"), q("10").subtract(q("1e1")));
    assertEquals(q("9"), q("10").subtract(Quantity.of(1, BINARY_SI)));
    assertEquals(BINARY_SI, Quantity.of(10, BINARY_SI).subtract(q("1")).format());
    assertEquals(q("-50"), q("0").subtract(q("50")));
    for (String value : List.of("100m", "1Gi")) {
      assertEquals(value, q(value).subtract(q("0")).toString());
      assertEquals(q(value).negate().toString(), q("0").subtract(q(value)).toString());
    }
  }

  @Test
  void arithmeticIsExactBeyondLongRange() {
    Quantity max = Quantity.of(Long.MAX_VALUE, DECIMAL_SI);
    assertEquals(q("9223372036854775808"), max.add(q("1")));
    assertEquals(
        q("-9223372036854775809"), Quantity.of(Long.MIN_VALUE, DECIMAL_SI).subtract(q("1")));
    assertEquals(q("9223372036854775808"), Quantity.of(Long.MIN_VALUE, DECIMAL_SI).negate());
    assertEquals(q("0.000000002"), q("1n").add(q("1n")));
    // 2^63 in binary prints as 8Ei, which parses back capped at 2^63-1, as in Kubernetes.
    Quantity twoTo63 = Quantity.of(Long.MAX_VALUE, BINARY_SI).add(q("1"));
    assertEquals("8Ei", twoTo63.toString());
    assertEquals(q("9223372036854775807"), q(twoTo63.toString()));
    // 2^70: Kubernetes has no suffix beyond Ei (and would print "1"); it prints as 1024Ei here.
    assertEquals("1024Ei", exact("1180591620717411303424", BINARY_SI).toString());
  }

  @Test
  void negateKeepsFormat() {
    assertEquals("-9010m", exact("9.01", DECIMAL_SI).negate().toString());
    assertEquals(BINARY_SI, Quantity.of(10, BINARY_SI).negate().format());
    assertEquals(q("0"), q("0").negate());
  }

  @Test
  void ofBuildsIntegersInTheGivenFormat() {
    assertEquals("1", Quantity.of(1, DECIMAL_SI).toString());
    assertEquals("1k", Quantity.of(1000, DECIMAL_SI).toString());
    assertEquals("1234k", Quantity.of(1234000, DECIMAL_SI).toString());
    assertEquals("1Ki", Quantity.of(1024, BINARY_SI).toString());
    assertEquals("1Mi", Quantity.of(1024 * 1024, BINARY_SI).toString());
    assertEquals("1e6", Quantity.of(1000000, DECIMAL_EXPONENT).toString());
    assertEquals("0", Quantity.of(0, BINARY_SI).toString());
  }

  @Test
  void asLongIsPresentOnlyForExactInt64() {
    assertEquals(OptionalLong.of(1073741824), q("1Gi").asLong());
    assertEquals(OptionalLong.of(1610612736), q("1.5Gi").asLong());
    assertEquals(OptionalLong.of(Long.MAX_VALUE), q("9223372036854775807").asLong());
    assertEquals(OptionalLong.of(Long.MIN_VALUE), q("-9223372036854775808").asLong());
    assertEquals(OptionalLong.of(1_000_000_000_000_000_000L), q("1E").asLong());
    assertEquals(OptionalLong.of(1000), q("1000000m").asLong());
    assertEquals(OptionalLong.empty(), q("9223372036854775808").asLong());
    assertEquals(OptionalLong.empty(), q("10E").asLong());
    assertEquals(OptionalLong.empty(), q("1e40").asLong());
    assertEquals(OptionalLong.empty(), q("1.5").asLong());
    assertEquals(OptionalLong.empty(), q("1n").asLong());
  }

  @Test
  void signumIsZeroAndIsIntegerDescribeTheValue() {
    assertEquals(1, q("1n").signum());
    assertEquals(-1, q("-1Ei").signum());
    assertEquals(0, q("0Ki").signum());
    assertTrue(q("0").isZero());
    assertFalse(q("1n").isZero());
    assertTrue(q("1Gi").isInteger());
    assertTrue(q("1e30").isInteger());
    assertFalse(q("1500m").isInteger());
    assertTrue(q("2000m").isInteger());
  }

  @Test
  void asApproximateDoubleIsNearest() {
    assertEquals(1.5, q("1500m").asApproximateDouble());
    assertEquals(1073741824.0, q("1Gi").asApproximateDouble());
    assertEquals(1e-9, q("1n").asApproximateDouble());
    assertEquals(Double.POSITIVE_INFINITY, q("1e400").asApproximateDouble());
    assertEquals(Double.NEGATIVE_INFINITY, q("-1e400").asApproximateDouble());
  }

  @Test
  void valueIsExact() {
    assertEquals(0, new BigDecimal("0.000000124").compareTo(q("0.00000012345").value()));
    assertEquals(new BigDecimal("1.5"), q("1500m").value());
  }
}
