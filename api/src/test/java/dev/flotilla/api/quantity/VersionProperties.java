package dev.flotilla.api.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Version ordering is a total order that agrees with {@link ReferenceVersion}. */
class VersionProperties {

  private static final long SEED = 0x5E3_7E5L;
  private static final int EXAMPLES = 3000;

  private static final Gen<BigInteger> NUMBER =
      Generate.oneOf(
          Generate.longRange(0, 3).map((Long n) -> BigInteger.valueOf(n)),
          Generate.longRange(0, Long.MAX_VALUE).map((Long n) -> BigInteger.valueOf(n)),
          Generate.longRange(0, Long.MAX_VALUE)
              .map((Long n) -> BigInteger.valueOf(n).shiftLeft(1).add(BigInteger.ONE)));

  private static final Gen<String> IDENTIFIER =
      Generate.oneOf(
          Generate.pick(List.of("alpha", "beta", "rc", "a", "B", "-", "1a", "x-y")),
          Generate.longRange(0, 12).map((Long n) -> String.valueOf(n)),
          NUMBER.map((BigInteger n) -> n.toString()));

  static final Gen<ReferenceVersion> VERSIONS =
      Generate.pick(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO))
          .mix(NUMBER, 20)
          .zip(
              Generate.pick(List.of(BigInteger.ZERO, BigInteger.ONE)).mix(NUMBER, 20),
              Generate.pick(List.of(BigInteger.ZERO, BigInteger.ONE)).mix(NUMBER, 20),
              lists().of(IDENTIFIER).ofSizeBetween(0, 3),
              lists().of(Generate.pick(List.of("b1", "001", "sha-5", "x"))).ofSizeBetween(0, 2),
              ReferenceVersion::new);

  @Test
  void compareToAgreesWithReference() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(VERSIONS, VERSIONS)
        .checkAssert(
            (a, b) -> {
              Version x = Version.parse(a.text());
              Version y = Version.parse(b.text());
              int expected = Integer.signum(ReferenceVersion.PRECEDENCE.compare(a, b));
              assertEquals(expected, x.compareTo(y), a.text() + " vs " + b.text());
              assertEquals(-expected, y.compareTo(x), b.text() + " vs " + a.text());
              assertEquals(expected == 0, x.equals(y));
              if (expected == 0) {
                assertEquals(x.hashCode(), y.hashCode());
              }
            });
  }

  @Test
  void compareToIsTransitive() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(VERSIONS, VERSIONS, VERSIONS)
        .checkAssert(
            (a, b, c) -> {
              Version x = Version.parse(a.text());
              Version y = Version.parse(b.text());
              Version z = Version.parse(c.text());
              if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
                assertTrue(x.compareTo(z) <= 0, a.text() + " " + b.text() + " " + c.text());
              }
            });
  }

  @Test
  void parsingRoundTripsThroughToString() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(VERSIONS)
        .checkAssert(
            a -> {
              Version x = Version.parse(a.text());
              assertEquals(a.text(), x.toString());
              assertEquals(a.pre(), x.preRelease());
              assertEquals(a.build(), x.build());
              assertEquals(a.major().longValue(), x.major());
              assertEquals(Optional.of(x), Version.tryParseNormalized("v" + a.text()));
            });
  }

  @Test
  void tryParseAgreesWithParseOnArbitraryStrings() {
    Gen<String> arbitrary =
        Generate.oneOf(
            strings().betweenCodePoints('+', '9').ofLengthBetween(0, 10),
            strings().ascii().ofLengthBetween(0, 10),
            VERSIONS.map((ReferenceVersion v) -> v.text()));
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(arbitrary)
        .checkAssert(
            text -> {
              Optional<Version> tried = Version.tryParse(text);
              try {
                assertEquals(Optional.of(Version.parse(text)), tried, text);
              } catch (VersionFormatException e) {
                assertEquals(Optional.empty(), tried, text);
              }
            });
  }
}
