package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' CEL ip library; the table is ported from k8s.io/apiserver pkg/cel/library/ip_test.go.
 */
class KubernetesIpLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("s", ExpressionEnvironment.VariableType.STRING)
          .build();

  static Object eval(ExpressionEnvironment env, String expression, Map<String, Object> vars) {
    return env.compile(expression, "spec.x").evaluate(vars);
  }

  private static Object eval(String expression) {
    return eval(ENV, expression, Map.of("s", ""));
  }

  private static NetAddress address(String text) {
    return KubernetesNetLibrary.ip(text);
  }

  /** ip_test.go's table: expression and result. */
  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("ip(\"192.168.0.1\")", address("192.168.0.1")),
        Arguments.of("isIP(\"192.168.0.1\")", true),
        Arguments.of("isIP(\"192.168.0.1.0\")", false),
        Arguments.of("ip.isCanonical(\"127.0.0.1\")", true),
        Arguments.of("ip(\"192.168.0.1\").family()", 4L),
        Arguments.of("ip(\"0.0.0.0\").isUnspecified()", true),
        Arguments.of("ip(\"127.0.0.1\").isUnspecified()", false),
        Arguments.of("ip(\"127.0.0.1\").isLoopback()", true),
        Arguments.of("ip(\"1.2.3.4\").isLoopback()", false),
        Arguments.of("ip(\"224.0.0.1\").isLinkLocalMulticast()", true),
        Arguments.of("ip(\"224.0.1.1\").isLinkLocalMulticast()", false),
        Arguments.of("ip(\"169.254.169.254\").isLinkLocalUnicast()", true),
        Arguments.of("ip(\"192.168.0.1\").isLinkLocalUnicast()", false),
        Arguments.of("ip(\"192.168.0.1\").isGlobalUnicast()", true),
        Arguments.of("ip(\"255.255.255.255\").isGlobalUnicast()", false),
        Arguments.of("ip(\"2001:db8::68\")", address("2001:db8::68")),
        Arguments.of("isIP(\"2001:db8::68\")", true),
        Arguments.of("isIP(\"2001:db8:::68\")", false),
        Arguments.of("ip.isCanonical(\"2001:db8::68\")", true),
        Arguments.of("ip.isCanonical(\"2001:DB8::68\")", false),
        Arguments.of("ip(\"2001:db8::68\").family()", 6L),
        Arguments.of("ip(\"::\").isUnspecified()", true),
        Arguments.of("ip(\"::1\").isUnspecified()", false),
        Arguments.of("ip(\"::1\").isLoopback()", true),
        Arguments.of("ip(\"2001:db8::abcd\").isLoopback()", false),
        Arguments.of("ip(\"ff02::1\").isLinkLocalMulticast()", true),
        Arguments.of("ip(\"fd00::1\").isLinkLocalMulticast()", false),
        Arguments.of("ip(\"fe80::1\").isLinkLocalUnicast()", true),
        Arguments.of("ip(\"fd80::1\").isLinkLocalUnicast()", false),
        Arguments.of("ip(\"2001:db8::abcd\").isGlobalUnicast()", true),
        Arguments.of("ip(\"ff00::1\").isGlobalUnicast()", false),
        Arguments.of("string(ip(\"192.168.0.1\"))", "192.168.0.1"),
        // Beyond ip_test.go: equality, Go's canonical form, strictness of the parser.
        Arguments.of("ip(\"2001:DB8:0:0:0:0:0:68\") == ip(\"2001:db8::68\")", true),
        Arguments.of("ip(\"10.0.0.1\") == ip(\"10.0.0.2\")", false),
        Arguments.of("string(ip(\"2001:0db8:0:0:1:0:0:1\"))", "2001:db8::1:0:0:1"),
        Arguments.of("string(ip(\"1:0:0:2:0:0:0:3\"))", "1:0:0:2::3"),
        Arguments.of("string(ip(\"1:0:2:3:4:5:6:7\"))", "1:0:2:3:4:5:6:7"),
        Arguments.of("string(ip(\"::ffff:0:0:1\"))", "::ffff:0:0:1"),
        Arguments.of("string(ip(\"64:ff9b::1.2.3.4\"))", "64:ff9b::102:304"),
        Arguments.of("ip.isCanonical(\"::0\")", false),
        Arguments.of("isIP(\"010.0.0.1\")", false),
        Arguments.of("isIP(\"1.2.3\")", false),
        Arguments.of("isIP(\"256.0.0.1\")", false),
        Arguments.of("isIP(\"fe80::1%eth0\")", false),
        Arguments.of("isIP(\"::ffff:1.2.3.4\")", false),
        Arguments.of("isIP(\"1::2::3\")", false),
        Arguments.of("isIP(\"1:2:3:4:5:6:7:8:9\")", false),
        Arguments.of("isIP(\"1:2:3:4:5:6:7::8\")", false),
        Arguments.of("isIP(\"12345::\")", false),
        Arguments.of("isIP(\"00001::\")", false),
        Arguments.of("isIP(\"localhost\")", false),
        Arguments.of("isIP(\"\")", false),
        Arguments.of("isIP(\"１.2.3.4\")", false),
        Arguments.of("ip(\"::ffff:1.2.3.4\".substring(7)).family()", 4L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void evaluatesAsKubernetes(String expression, Object expected) {
    assertEquals(expected, eval(expression), expression);
  }

  /** ip_test.go's runtime errors, with Kubernetes' texts. */
  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "ip(\"192.168.0.1.0\")",
            "IP Address \"192.168.0.1.0\" parse error during conversion from string:"
                + " ParseAddr(\"192.168.0.1.0\"): IPv4 address too long"),
        Arguments.of(
            "ip.isCanonical(\"127.0.0.1.0\")",
            "IP Address \"127.0.0.1.0\" parse error during conversion from string:"
                + " ParseAddr(\"127.0.0.1.0\"): IPv4 address too long"),
        Arguments.of(
            "ip(\"2001:db8:::68\")",
            "IP Address \"2001:db8:::68\" parse error during conversion from string:"
                + " ParseAddr(\"2001:db8:::68\"): each colon-separated field must have at least"
                + " one digit (at \":68\")"),
        Arguments.of(
            "ip.isCanonical(\"2001:db8:::68\")",
            "IP Address \"2001:db8:::68\" parse error during conversion from string:"
                + " ParseAddr(\"2001:db8:::68\"): each colon-separated field must have at least"
                + " one digit (at \":68\")"),
        // Beyond ip_test.go: ip.go's own rules.
        Arguments.of(
            "ip(\"fe80::1%eth0\")", "IP address \"fe80::1%eth0\" with zone value is not allowed"),
        Arguments.of(
            "ip(\"::ffff:1.2.3.4\")", "IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed"),
        Arguments.of(
            "ip(\"01.2.3.4\")",
            "IP Address \"01.2.3.4\" parse error during conversion from string:"
                + " ParseAddr(\"01.2.3.4\"): IPv4 field has octet with leading zero"),
        Arguments.of(
            "ip(\"12345::\")",
            "ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")"),
        Arguments.of(
            "ip(\"example.com\")",
            "IP Address \"example.com\" parse error during conversion from string:"
                + " ParseAddr(\"example.com\"): unexpected character (at \"example.com\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsAsKubernetes(String expression, String message) {
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> eval(expression));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind(), expression);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void isIpOfACidrIsACompileError() {
    // ip_test.go: isIP(cidr("192.168.0.0/24")) has no matching overload.
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> ENV.compile("isIP(cidr(\"192.168.0.0/24\"))", "spec.x"));
    assertTrue(e.getMessage().contains("found no matching overload for 'isIP'"), e.getMessage());
  }

  @Test
  void aHugeArgumentIsChargedBeforeItIsParsed() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("s", ExpressionEnvironment.VariableType.STRING)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(1_000))
            .build();
    String huge = "1".repeat(100_000);
    for (String expression :
        new String[] {
          "isIP(s)", "ip.isCanonical(s)", "isCIDR(s)", "cidr('10.0.0.0/8').containsIP(s)"
        }) {
      ExpressionEvaluationException e =
          assertThrows(
              ExpressionEvaluationException.class,
              () -> eval(small, expression, Map.of("s", huge)),
              expression);
      assertEquals(Kind.COST_LIMIT, e.kind(), expression);
    }
  }
}
