package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' CEL cidr library; the table is ported from k8s.io/apiserver
 * pkg/cel/library/cidr_test.go.
 */
class KubernetesCidrLibraryTest {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();

  private static Object eval(String expression) {
    return ENV.compile(expression, "spec.x").evaluate(Map.of());
  }

  private static NetPrefix cidr(String text) {
    return KubernetesNetLibrary.cidr(text);
  }

  private static NetAddress ip(String text) {
    return KubernetesNetLibrary.ip(text);
  }

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("cidr(\"192.168.0.0/24\")", cidr("192.168.0.0/24")),
        Arguments.of("cidr(\"192.168.0.0/24\").containsIP(ip(\"192.168.0.1\"))", true),
        Arguments.of("cidr(\"192.168.0.0/24\").containsIP(ip(\"192.168.1.1\"))", false),
        Arguments.of("cidr(\"192.168.0.0/24\").containsIP(\"192.168.0.1\")", true),
        Arguments.of("cidr(\"192.168.0.0/24\").containsIP(\"192.168.1.1\")", false),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.168.0.0/25\"))", true),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.168.0.1/32\"))", true),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.168.0.0/23\"))", false),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(cidr(\"192.169.0.1/32\"))", false),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(\"192.168.0.0/25\")", true),
        Arguments.of("cidr(\"192.168.0.0/24\").containsCIDR(\"192.168.0.0/23\")", false),
        Arguments.of("cidr(\"192.168.0.0/24\").ip()", ip("192.168.0.0")),
        Arguments.of("cidr(\"192.168.0.0/24\").masked()", cidr("192.168.0.0/24")),
        Arguments.of("cidr(\"192.168.0.1/24\").masked()", cidr("192.168.0.0/24")),
        Arguments.of("cidr(\"192.168.0.0/24\").prefixLength()", 24L),
        Arguments.of("cidr(\"2001:db8::/32\")", cidr("2001:db8::/32")),
        Arguments.of("cidr(\"2001:db8::/32\").containsIP(ip(\"2001:db8::1\"))", true),
        Arguments.of("cidr(\"2001:db8::/32\").containsIP(ip(\"2001:dc8::1\"))", false),
        Arguments.of("cidr(\"2001:db8::/32\").containsIP(\"2001:db8::1\")", true),
        Arguments.of("cidr(\"2001:db8::/32\").containsIP(\"2001:dc8::1\")", false),
        Arguments.of("cidr(\"2001:db8::/32\").containsCIDR(cidr(\"2001:db8::/33\"))", true),
        Arguments.of("cidr(\"2001:db8::/32\").containsCIDR(cidr(\"2001:db8::/31\"))", false),
        Arguments.of("cidr(\"2001:db8::/32\").containsCIDR(\"2001:db8::/33\")", true),
        Arguments.of("cidr(\"2001:db8::/32\").containsCIDR(\"2001:db8::/31\")", false),
        Arguments.of("cidr(\"2001:db8::/32\").ip()", ip("2001:db8::")),
        Arguments.of("cidr(\"2001:db8::/32\").masked()", cidr("2001:db8::/32")),
        Arguments.of("cidr(\"2001:db8:1::/32\").masked()", cidr("2001:db8::/32")),
        Arguments.of("cidr(\"2001:db8::/32\").prefixLength()", 32L),
        Arguments.of("string(cidr(\"192.168.0.0/24\"))", "192.168.0.0/24"),
        // Beyond cidr_test.go.
        Arguments.of("string(cidr(\"192.168.0.1/24\"))", "192.168.0.1/24"),
        Arguments.of("cidr(\"192.168.0.1/24\") == cidr(\"192.168.0.0/24\")", false),
        Arguments.of("cidr(\"192.168.0.1/24\").masked() == cidr(\"192.168.0.0/24\")", true),
        Arguments.of("string(cidr(\"2001:DB8:0:0::/48\").masked())", "2001:db8::/48"),
        Arguments.of("cidr(\"0.0.0.0/0\").containsIP(\"::1\")", false),
        Arguments.of("cidr(\"::/0\").containsCIDR(\"10.0.0.0/8\")", false),
        Arguments.of("cidr(\"10.1.2.3/0\").containsIP(\"255.0.0.1\")", true),
        Arguments.of("cidr(\"10.0.0.0/7\").masked().ip() == ip(\"10.0.0.0\")", true),
        Arguments.of("cidr(\"11.0.0.0/7\").masked().ip() == ip(\"10.0.0.0\")", true),
        Arguments.of("isCIDR(\"10.0.0.0/8\")", true),
        Arguments.of("isCIDR(\"10.0.0.0/33\")", false),
        Arguments.of("isCIDR(\"10.0.0.0/08\")", false),
        Arguments.of("isCIDR(\"10.0.0.0/+8\")", false),
        Arguments.of("isCIDR(\"10.0.0.0\")", false),
        Arguments.of("isCIDR(\"::ffff:1.2.3.4/128\")", false),
        Arguments.of("isCIDR(\"fe80::%eth0/64\")", false),
        Arguments.of("isCIDR(\"::/128\")", true),
        Arguments.of("string(1) == '1'", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void evaluatesAsKubernetes(String expression, Object expected) {
    assertEquals(expected, eval(expression), expression);
  }

  static Stream<Arguments> errors() {
    String prefix =
        "network address parse error during conversion from string: network address parse"
            + " error during conversion from string: ";
    return Stream.of(
        Arguments.of(
            "cidr(\"192.168.0.0/\")",
            prefix + "netip.ParsePrefix(\"192.168.0.0/\"): bad bits after slash: \"\""),
        Arguments.of(
            "cidr(\"2001:db8::/\")",
            prefix + "netip.ParsePrefix(\"2001:db8::/\"): bad bits after slash: \"\""),
        // Beyond cidr_test.go.
        Arguments.of(
            "cidr(\"10.0.0.0/33\")",
            prefix + "netip.ParsePrefix(\"10.0.0.0/33\"): prefix length out of range"),
        Arguments.of("cidr(\"10.0.0.0\")", prefix + "netip.ParsePrefix(\"10.0.0.0\"): no '/'"),
        Arguments.of(
            "cidr(\"10.0.0.0/8\").containsIP(\"10.0.0\")",
            "ParseAddr(\"10.0.0\"): IPv4 address too short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsAsKubernetes(String expression, String message) {
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> eval(expression));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind(), expression);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
