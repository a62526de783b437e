package dev.flotilla.api.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Quantity agrees with {@link ReferenceQuantity} and with BigDecimal arithmetic. */
class QuantityProperties {

  private static final long SEED = 0x5EED_F107L;
  private static final int EXAMPLES = 3000;

  private static final Gen<String> DIGITS =
      Generate.oneOf(
          strings().betweenCodePoints('0', '9').ofLengthBetween(0, 4),
          strings().betweenCodePoints('0', '9').ofLengthBetween(0, 25));

  private static final Gen<String> SUFFIX =
      Generate.oneOf(
          Generate.pick(
              List.of(
                  "", "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi",
                  "Ei")),
          Generate.pick(List.of("e", "E", "e+", "e-", "E+"))
              .zip(integers().between(-40, 40), (e, n) -> e + (e.length() > 1 ? Math.abs(n) : n)),
          Generate.pick(List.of("i", "ee", "Ke3", "K", "mi", " ", "e", "1", ".", "GI", "x")));

  /** Strings shaped like quantities: sign, digits, optional fraction, suffix. */
  static final Gen<String> QUANTITY_TEXT =
      Generate.pick(List.of("", "", "-", "+"))
          .zip(
              DIGITS,
              Generate.oneOf(Generate.constant(""), DIGITS.map(d -> "." + d)),
              SUFFIX,
              (sign, integer, fraction, suffix) -> sign + integer + fraction + suffix);

  private static final Gen<Quantity> QUANTITIES =
      QUANTITY_TEXT.map(Quantity::tryParse).map(q -> q.orElse(Quantity.parse("0")));

  @Test
  void parsingAgreesWithReference() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITY_TEXT)
        .checkAssert(
            text -> {
              Optional<ReferenceQuantity.Parsed> expected = ReferenceQuantity.parse(text);
              Optional<Quantity> actual = Quantity.tryParse(text);
              assertEquals(expected.isPresent(), actual.isPresent(), text);
              if (expected.isPresent()) {
                assertEquals(0, expected.get().value().compareTo(actual.get().value()), text);
                assertEquals(expected.get().format(), actual.get().format(), text);
              }
            });
  }

  @Test
  void compareToAgreesWithBigDecimal() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES, QUANTITIES)
        .checkAssert(
            (a, b) -> {
              int expected = a.value().compareTo(b.value());
              assertEquals(expected, Integer.signum(a.compareTo(b)), a + " vs " + b);
              assertEquals(expected == 0, a.equals(b), a + " vs " + b);
              if (expected == 0) {
                assertEquals(a.hashCode(), b.hashCode(), a + " vs " + b);
              }
            });
  }

  @Test
  void equalValuesCompareEqualWhateverTheirSpelling() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES, integers().between(-5, 5))
        .checkAssert(
            (q, shift) -> {
              // The same value written with its decimal point moved and an exponent to match.
              BigDecimal v = q.value();
              String respelled = v.movePointLeft(shift).toPlainString() + "e" + shift;
              Quantity other = Quantity.parse(respelled);
              assertEquals(q, other, q + " vs " + respelled);
              assertEquals(q.hashCode(), other.hashCode());
              assertEquals(0, q.compareTo(other));
            });
  }

  @Test
  void printingRoundTripsAndIsAFixedPoint() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES)
        .checkAssert(
            q -> {
              String canonical = q.toString();
              Quantity reparsed = Quantity.parse(canonical);
              assertEquals(q, reparsed, canonical);
              // A BINARY_SI value may print in decimal ("3000"), which then reads as DECIMAL_SI and
              // prints as "3k"; from there on, and for the other formats at once, printing is
              // stable.
              String again = reparsed.toString();
              if (q.format() != Quantity.Format.BINARY_SI) {
                assertEquals(canonical, again);
              }
              assertEquals(again, Quantity.parse(again).toString());
            });
  }

  @Test
  void canonicalFormHasNoFractionAndAnExponentMultipleOfThree() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES)
        .checkAssert(
            q -> {
              String text = q.toString();
              assertTrue(text.matches("-?(0|[1-9][0-9]*)([numkMGTPE]|[KMGTPE]i|e-?[0-9]+)?"), text);
              if (text.contains("e")) {
                long exponent = Long.parseLong(text.substring(text.indexOf('e') + 1));
                assertEquals(0, exponent % 3, text);
              }
            });
  }

  @Test
  void tryParseAgreesWithParseOnArbitraryStrings() {
    Gen<String> arbitrary =
        Generate.oneOf(
            strings().ascii().ofLengthBetween(0, 8),
            strings().betweenCodePoints('+', 'n').ofLengthBetween(0, 8),
            QUANTITY_TEXT);
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(arbitrary)
        .checkAssert(
            text -> {
              Optional<Quantity> tried = Quantity.tryParse(text);
              try {
                Quantity parsed = Quantity.parse(text);
                assertEquals(Optional.of(parsed), tried, text);
                assertEquals(parsed.format(), tried.get().format(), text);
              } catch (QuantityFormatException e) {
                assertEquals(Optional.empty(), tried, text);
                assertEquals(text, e.input());
              }
            });
  }

  @Test
  void arithmeticAgreesWithBigDecimal() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES, QUANTITIES)
        .checkAssert(
            (a, b) -> {
              assertEquals(0, a.add(b).value().compareTo(a.value().add(b.value())));
              assertEquals(0, a.subtract(b).value().compareTo(a.value().subtract(b.value())));
              assertEquals(0, a.negate().value().compareTo(a.value().negate()));
              assertEquals(a.isZero() ? b.format() : a.format(), a.add(b).format());
              assertEquals(a.value().signum(), a.signum());
            });
  }

  @Test
  void asLongAgreesWithBigDecimal() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(QUANTITIES)
        .checkAssert(
            q -> {
              BigDecimal v = q.value();
              boolean fits =
                  v.stripTrailingZeros().scale() <= 0
                      && v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                      && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
              OptionalLong expected =
                  fits ? OptionalLong.of(v.longValueExact()) : OptionalLong.empty();
              assertEquals(expected, q.asLong(), q.toString());
              assertEquals(v.stripTrailingZeros().scale() <= 0, q.isInteger(), q.toString());
              assertEquals(v.doubleValue(), q.asApproximateDouble(), q.toString());
            });
  }
}
