package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' CEL url library. k8s.io/apiserver has no urls_test.go: the cases are the examples of
 * urls.go's documentation and the "URL parsing" case of k8s.io/apiextensions-apiserver
 * pkg/apiserver/schema/cel/validation_test.go, plus Go net/url rules urls.go relies on.
 */
class KubernetesUrlLibraryTest {
  private static final String SELF_URL =
      "https://user:pass@kubernetes.io:80/docs/home?k1=a&k2=b&k2=c#anchor";
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("s", ExpressionEnvironment.VariableType.STRING)
          .build();

  private static Object eval(ExpressionEnvironment env, String expression, String s) {
    return env.compile(expression, "spec.x").evaluate(Map.of("s", s));
  }

  /** validation_test.go's "URL parsing" valid rules (self.url is the variable s). */
  static Stream<String> kubernetesRules() {
    return Stream.of(
        "url('/path').getScheme() == ''",
        "url('https://example.com/').getScheme() == 'https'",
        "url('https://example.com:80/').getHost() == 'example.com:80'",
        "url('https://example.com/').getHost() == 'example.com'",
        "url('https://[::1]:80/').getHost() == '[::1]:80'",
        "url('https://[::1]/').getHost() == '[::1]'",
        "url('/path').getHost() == ''",
        "url('https://example.com:80/').getHostname() == 'example.com'",
        "url('https://127.0.0.1/').getHostname() == '127.0.0.1'",
        "url('https://[::1]/').getHostname() == '::1'",
        "url('/path').getHostname() == ''",
        "url('https://example.com:80/').getPort() == '80'",
        "url('https://example.com/').getPort() == ''",
        "url('/path').getPort() == ''",
        "url('https://example.com/path').getEscapedPath() == '/path'",
        "url('https://example.com/with space/').getEscapedPath() == '/with%20space/'",
        "url('https://example.com').getEscapedPath() == ''",
        "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == { 'k1': ['a'], 'k2': ['b',"
            + " 'c']}",
        "url('https://example.com/path?key with spaces=value with spaces').getQuery() == { 'key"
            + " with spaces': ['value with spaces']}",
        "url('https://example.com/path?').getQuery() == {}",
        "url('https://example.com/path').getQuery() == {}",
        "url(s).getScheme() == 'https'",
        "url(s).getHost() == 'kubernetes.io:80'",
        "url(s).getHostname() == 'kubernetes.io'",
        "url(s).getPort() == '80'",
        "url(s).getEscapedPath() == '/docs/home'",
        "url(s).getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
        "isURL('https://user:pass@example.com:80/path?query=val#fragment')",
        "isURL('/path') == true",
        "isURL('https://a:b:c/') == false",
        "isURL('../relative-path') == false",
        // urls.go's documentation examples not in the list above.
        "url('https://[::1]:80/').getHostname() == '::1'",
        "url('https://127.0.0.1:80/').getHostname() == '127.0.0.1'",
        "url('https://example.com/path with spaces/').getEscapedPath() =="
            + " '/path%20with%20spaces/'",
        "url('https:://kubernetes.io/').getHostname() != 'test'",
        // Go net/url rules.
        "url('HTTPS://Example.com/').getScheme() == 'https'",
        "url('HTTPS://Example.com/').getHost() == 'Example.com'",
        "url('https://example.com/a%2Fb').getEscapedPath() == '/a%2Fb'",
        "url('https://example.com/a%41b').getEscapedPath() == '/a%41b'",
        "url('https://example.com/é').getEscapedPath() == '/%C3%A9'",
        "url('https://example.com/p?a=1+2&b=%41&c&=d&e;f=g&h=%zz').getQuery() =="
            + " {'a': ['1 2'], 'b': ['A'], 'c': [''], '': ['d']}",
        "url('https://example.com/p#frag?x=1').getQuery() == {}",
        "url('https://example.com:/').getPort() == ''",
        "url('https://example.com:/').getHostname() == 'example.com'",
        "url('mailto:someone@example.com').getScheme() == 'mailto'",
        "url('mailto:someone@example.com').getHost() == ''",
        "url('//example.com/p').getHost() == 'example.com'",
        "url('*').getEscapedPath() == '*'",
        "url('https://example.com/') == url('https://example.com/')",
        "url('https://example.com/a') != url('https://example.com/b')",
        "!isURL('https://example.com#frag')",
        "!isURL('')",
        "!isURL('relative/path')",
        "!isURL(':no-scheme')",
        "!isURL('https://exa mple.com/')",
        "!isURL('https://[::1/')",
        "!isURL('https://example.com/%zz')",
        "!isURL('https://us er@example.com/')",
        "!isURL('https://example.com/\\n')",
        "isURL('https://user%20name@example.com/')");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubernetesRules")
  void holdsAsInKubernetes(String rule) {
    assertEquals(true, eval(ENV, rule, SELF_URL), rule);
  }

  @Test
  void errorsCarryGoTexts() {
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class, () -> eval(ENV, "url('https://a:b:c/')", ""));
    assertEquals(Kind.INVALID_ARGUMENT, e.kind());
    assertTrue(
        e.getMessage()
            .contains(
                "URL parse error during conversion from string: parse \"https://a:b:c/\":"
                    + " invalid port \":c\" after host"),
        e.getMessage());
    e =
        assertThrows(
            ExpressionEvaluationException.class, () -> eval(ENV, "url('../relative-path')", ""));
    assertTrue(
        e.getMessage().contains("parse \"../relative-path\": invalid URI for request"),
        e.getMessage());
  }

  @Test
  void getQueryIsAMapOfLists() {
    assertEquals(
        Map.of("k1", List.of("a"), "k2", List.of("b", "c")),
        eval(ENV, "url(s).getQuery()", SELF_URL));
  }

  @Test
  void aHugeArgumentIsChargedBeforeItIsParsed() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("s", ExpressionEnvironment.VariableType.STRING)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(1_000))
            .build();
    String huge = "/" + "a".repeat(100_000);
    for (String expression : List.of("isURL(s)", "url(s).getScheme()")) {
      ExpressionEvaluationException e =
          assertThrows(
              ExpressionEvaluationException.class, () -> eval(small, expression, huge), expression);
      assertEquals(Kind.COST_LIMIT, e.kind(), expression);
    }
  }
}
