package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes' quantity and semver CEL functions, checked against the examples of their docs. */
class KubernetesLibraryTest {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();
  private static final Map<String, Object> VARS =
      ClusterVariables.of(
          new Cluster(
              "c1",
              Map.of(),
              Map.of(),
              Map.of("memory", "64Gi", "kubernetesVersion", "1.31.2", "cpu", "16"),
              List.of()));

  private static Object eval(String expression) {
    return ENV.compile(expression, "spec.x").evaluate(VARS);
  }

  private static void assertTrueExpr(String expression) {
    assertEquals(true, eval(expression), expression);
  }

  private static ExpressionEvaluationException evalError(String expression) {
    return assertThrows(ExpressionEvaluationException.class, () -> eval(expression));
  }

  // quantity()

  @Test
  void quantityParsesKubernetesQuantities() {
    assertEquals(Quantity.parse("1.5G"), eval("quantity('1.5G')"));
    assertEquals(Quantity.parse("200k"), eval("quantity('200k')"));
    assertEquals(Quantity.parse("64Gi"), eval("quantity(cluster.properties.memory)"));
  }

  @Test
  void quantityOfABadStringIsARuntimeError() {
    for (String bad : List.of("200K", "Three", "1,3G", "", "Pi")) {
      ExpressionEvaluationException e = evalError("quantity('" + bad + "')");
      assertEquals(Kind.INVALID_ARGUMENT, e.kind(), bad);
    }
    assertTrue(
        evalError("quantity('Three')").getMessage().contains("quantities must match"),
        "Kubernetes' message");
  }

  @Test
  void isQuantityIsTrueExactlyWhenQuantityParses() {
    assertTrueExpr("isQuantity('1.3G') && isQuantity('1.3Gi') && isQuantity('10000k')");
    assertTrueExpr("!isQuantity('1,3G') && !isQuantity('200K') && !isQuantity('Three')");
  }

  @Test
  void quantityOfABareSuffixIsZeroAsInKubernetesParser() {
    // quantity.go's doc comment lists quantity('Mi') as an error, but resource.ParseQuantity reads
    // a missing number as 0 for Ki..Ti and decimal suffixes; Flotilla follows the parser.
    assertTrueExpr("isQuantity('Mi')");
    assertEquals(0L, eval("quantity('Mi').sign()"));
  }

  @Test
  void quantitySignIsMinusOneZeroOrOne() {
    assertEquals(1L, eval("quantity('50k').sign()"));
    assertEquals(-1L, eval("quantity('-50k').sign()"));
    assertEquals(0L, eval("quantity('0').sign()"));
    assertEquals(-1L, eval("sign(quantity('-1m'))"));
  }

  @Test
  void quantityIsIntegerTellsWhetherAsIntegerSucceeds() {
    assertTrueExpr("quantity('50000000G').isInteger()");
    assertTrueExpr("quantity('50k').isInteger()");
    assertTrueExpr("!quantity('9999999999999999999999999999999999999G').isInteger()");
    assertTrueExpr("!quantity('1500m').isInteger()");
  }

  @Test
  void quantityAsIntegerOutOfInt64RangeIsAnError() {
    assertEquals(50000L, eval("quantity('50k').asInteger()"));
    ExpressionEvaluationException e =
        evalError("quantity('9999999999999999999999999999999999999G').asInteger()");
    assertEquals(Kind.NUMERIC_OVERFLOW, e.kind());
    assertTrue(e.getMessage().contains("cannot convert value to integer"));
    assertEquals(Kind.NUMERIC_OVERFLOW, evalError("quantity('1500m').asInteger()").kind());
  }

  @Test
  void quantityAsApproximateFloatMayLosePrecision() {
    assertTrueExpr("quantity('50k').sub(20000).asApproximateFloat() == 30000.0");
    assertEquals(0.5, eval("quantity('500m').asApproximateFloat()"));
    assertEquals(Double.POSITIVE_INFINITY, eval("quantity('1e400').asApproximateFloat()"));
  }

  @Test
  void quantityAddAndSubAcceptQuantitiesAndInts() {
    assertTrueExpr("quantity('50k').add(quantity('20k')) == quantity('70k')");
    assertTrueExpr("quantity('50k').add(20) == quantity('50020')");
    assertTrueExpr("quantity('50k').sub(quantity('20k')) == quantity('30k')");
    assertTrueExpr("quantity('50k').sub(20000) == quantity('30k')");
    assertTrueExpr("quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')");
  }

  @Test
  void quantityIsGreaterThanComparesExactly() {
    assertTrueExpr("quantity('150Mi').isGreaterThan(quantity('100Mi'))");
    assertTrueExpr("!quantity('50Mi').isGreaterThan(quantity('100Mi'))");
    // 2^63 and 2^63 + 1 are the same double: the comparison must not go through doubles.
    assertTrueExpr(
        "quantity('9223372036854775809').isGreaterThan(quantity('9223372036854775808'))");
    assertTrueExpr("quantity('1000000001n').isGreaterThan(quantity('1'))");
    assertTrueExpr("!quantity('1').isGreaterThan(quantity('1000m'))");
  }

  @Test
  void quantityIsLessThanComparesExactly() {
    assertTrueExpr("quantity('50M').isLessThan(quantity('100M'))");
    assertTrueExpr("!quantity('100M').isLessThan(quantity('50M'))");
    assertTrueExpr("quantity('999999999n').isLessThan(quantity('1'))");
  }

  @Test
  void quantityCompareToMixesDecimalAndBinarySuffixes() {
    assertEquals(0L, eval("quantity('200M').compareTo(quantity('0.2G'))"));
    assertEquals(-1L, eval("quantity('50M').compareTo(quantity('50Mi'))"));
    assertEquals(1L, eval("quantity('50Mi').compareTo(quantity('50M'))"));
  }

  @Test
  void quantityEqualityIsByValue() {
    assertTrueExpr("quantity('1Gi') == quantity('1073741824')");
    assertTrueExpr("quantity('1') == quantity('1000m')");
    assertTrueExpr("quantity('1k') != quantity('1Ki')");
  }

  @Test
  void quantityPropertySelectsClusters() {
    CompiledExpression bigMemory =
        ENV.compileBoolean(
            "isQuantity(cluster.properties.memory)"
                + " && quantity(cluster.properties.memory).isGreaterThan(quantity('32Gi'))",
            "spec.x");
    assertTrue(bigMemory.test(VARS));
  }

  @Test
  void quantityFunctionsAreTypeChecked() {
    assertThrows(ValidationException.class, () -> ENV.compile("quantity(1)", "spec.x"));
    assertThrows(
        ValidationException.class,
        () -> ENV.compile("quantity('1').isGreaterThan(semver('1.0.0'))", "spec.x"));
    assertThrows(ValidationException.class, () -> ENV.compile("quantity('1') + 1", "spec.x"));
  }

  // semver()

  @Test
  void semverParsesStrictSemanticVersions() {
    assertEquals(Version.parse("1.0.0"), eval("semver('1.0.0')"));
    assertEquals(Version.parse("0.1.0-alpha.1"), eval("semver('0.1.0-alpha.1')"));
    assertEquals(Version.parse("1.31.2"), eval("semver(cluster.properties.kubernetesVersion)"));
  }

  @Test
  void semverOfABadStringIsARuntimeError() {
    for (String bad : List.of("200K", "Three", "Mi", "v1.0.0", "1.0", "01.1.1")) {
      assertEquals(Kind.INVALID_ARGUMENT, evalError("semver('" + bad + "')").kind(), bad);
    }
  }

  @Test
  void semverNormalizeRemovesTheLeadingV() {
    assertEquals(Version.parse("1.0.0"), eval("semver('v1.0.0', true)"));
  }

  @Test
  void semverNormalizeAddsMissingMinorAndPatch() {
    assertEquals(Version.parse("1.0.0"), eval("semver('1.0', true)"));
    assertEquals(Version.parse("1.0.0"), eval("semver('1', true)"));
    assertEquals(Version.parse("1.31.0"), eval("semver('v1.31', true)"));
  }

  @Test
  void semverNormalizeRemovesLeadingZeros() {
    assertEquals(Version.parse("1.1.1"), eval("semver('01.01.01', true)"));
  }

  @Test
  void semverNormalizeRejectsPreReleaseOnShortVersions() {
    assertEquals(Kind.INVALID_ARGUMENT, evalError("semver('1.0-alpha', true)").kind());
  }

  @Test
  void semverWithoutNormalizeIsStrict() {
    assertEquals(Version.parse("1.2.3"), eval("semver('1.2.3', false)"));
    assertEquals(Kind.INVALID_ARGUMENT, evalError("semver('v1.2.3', false)").kind());
  }

  @Test
  void isSemverIsTrueExactlyWhenSemverParses() {
    assertTrueExpr("isSemver('1.0.0') && !isSemver('hello') && !isSemver('v1.0')");
    assertTrueExpr("isSemver('v1.0', true) && isSemver('1.0', true) && isSemver('01.01.01', true)");
    assertTrueExpr("!isSemver('v1.0', false) && !isSemver('hello', true)");
  }

  @Test
  void semverMajorMinorPatch() {
    assertEquals(1L, eval("semver('1.2.3').major()"));
    assertEquals(2L, eval("semver('1.2.3').minor()"));
    assertEquals(3L, eval("semver('1.2.3').patch()"));
  }

  @Test
  void semverCompareToFollowsSemVerPrecedence() {
    assertEquals(0L, eval("semver('1.2.3').compareTo(semver('1.2.3'))"));
    assertEquals(-1L, eval("semver('1.2.3').compareTo(semver('2.0.0'))"));
    assertEquals(1L, eval("semver('1.2.3').compareTo(semver('0.1.2'))"));
    assertEquals(-1L, eval("semver('1.0.0-alpha').compareTo(semver('1.0.0'))"));
    assertEquals(-1L, eval("semver('1.0.0-alpha.2').compareTo(semver('1.0.0-alpha.10'))"));
    assertEquals(0L, eval("semver('1.0.0+build.1').compareTo(semver('1.0.0+build.2'))"));
  }

  @Test
  void semverIsGreaterThanAndIsLessThan() {
    assertTrueExpr("semver('1.10.0').isGreaterThan(semver('1.9.0'))");
    assertTrueExpr("!semver('1.9.0').isGreaterThan(semver('1.10.0'))");
    assertTrueExpr("semver('1.9.0').isLessThan(semver('1.10.0'))");
    assertTrueExpr("!semver('1.2.3').isLessThan(semver('1.2.3'))");
  }

  @Test
  void semverSelectsClustersByKubernetesVersion() {
    CompiledExpression recent =
        ENV.compileBoolean(
            "semver(cluster.properties.kubernetesVersion, true).isGreaterThan(semver('1.30.0'))",
            "spec.x");
    assertTrue(recent.test(VARS));
  }

  @Test
  void errorsFromKubernetesFunctionsAreAbsorbedLikeAnyCelError() {
    assertTrueExpr("quantity('bad').sign() == 1 || true");
  }
}
