package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' CEL format library; the table is ported from k8s.io/apiserver
 * pkg/cel/library/format_test.go (TestFormat), plus rules of the validators it calls.
 */
class KubernetesFormatLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("s", ExpressionEnvironment.VariableType.STRING)
          .build();
  private static final String LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String DNS1035_MESSAGE =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

  private static Object eval(ExpressionEnvironment env, String expression, String s) {
    return env.compile(expression, "spec.x").evaluate(Map.of("s", s));
  }

  private static Optional<List<String>> errors(String... messages) {
    return Optional.of(List.of(messages));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases =
        new ArrayList<>(
            List.of(
                Arguments.of("format.dns1123Label().validate(\"my-label-name\")", Optional.empty()),
                Arguments.of(
                    "format.dns1123Subdomain().validate(\"apiextensions.k8s.io\")",
                    Optional.empty()),
                Arguments.of(
                    "format.qualifiedName().validate(\"apiextensions.k8s.io/v1beta1\")",
                    Optional.empty()),
                Arguments.of(
                    "format.dns1123LabelPrefix().validate(\"my-label-prefix-\")", Optional.empty()),
                Arguments.of(
                    "format.dns1123SubdomainPrefix().validate(\"mysubdomain.prefix.-\")",
                    Optional.empty()),
                Arguments.of(
                    "format.dns1035LabelPrefix().validate(\"my-label-prefix-\")", Optional.empty()),
                Arguments.of("format.uri().validate(\"http://example.com\")", Optional.empty()),
                Arguments.of(
                    "format.uuid().validate(\"123e4567-e89b-12d3-a456-426614174000\")",
                    Optional.empty()),
                Arguments.of("format.byte().validate(\"aGVsbG8=\")", Optional.empty()),
                Arguments.of("format.date().validate(\"2021-01-01\")", Optional.empty()),
                Arguments.of(
                    "format.datetime().validate(\"2021-01-01T00:00:00Z\")", Optional.empty()),
                Arguments.of(
                    "format.dns1123Label().validate(\"contains a space\")", errors(LABEL_MESSAGE)),
                Arguments.of(
                    "format.dns1123Subdomain().validate(\"contains a space\")",
                    errors(SUBDOMAIN_MESSAGE)),
                Arguments.of(
                    "format.dns1035Label().validate(\"contains a space\")",
                    errors(DNS1035_MESSAGE)),
                Arguments.of(
                    "format.qualifiedName().validate(\"contains a space\")",
                    errors(
                        "name part must consist of alphanumeric characters, '-', '_' or '.', and"
                            + " must start and end with an alphanumeric character (e.g. 'MyName', "
                            + " or 'my.name',  or '123-abc', regex used for validation is"
                            + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")),
                Arguments.of(
                    "format.dns1123LabelPrefix().validate(\"contains a space-\")",
                    errors(LABEL_MESSAGE)),
                Arguments.of(
                    "format.dns1123SubdomainPrefix().validate(\"contains a space-\")",
                    errors(SUBDOMAIN_MESSAGE)),
                Arguments.of(
                    "format.dns1035LabelPrefix().validate(\"contains a space-\")",
                    errors(DNS1035_MESSAGE)),
                Arguments.of("format.dns1123Label().validate(\"my-label-name\")", Optional.empty()),
                Arguments.of(
                    "format.dns1123Subdomain().validate(\"example.com\")", Optional.empty()),
                Arguments.of("format.dns1035Label().validate(\"my-label-name\")", Optional.empty()),
                Arguments.of("format.qualifiedName().validate(\"my.name\")", Optional.empty()),
                Arguments.of("format.byte().validate(\"aGVsbG8=\")", Optional.empty()),
                Arguments.of("format.byte().validate(\"aGVsbG8\")", errors("invalid base64")),
                Arguments.of("format.date().validate(\"2020-01-01\")", Optional.empty()),
                Arguments.of("format.date().validate(\"2020-01-32\")", errors("invalid date")),
                Arguments.of(
                    "format.datetime().validate(\"2020-01-01T00:00:00Z\")", Optional.empty()),
                Arguments.of(
                    "format.datetime().validate(\"2020-01-32T00:00:00Z\")",
                    errors("invalid datetime")),
                Arguments.of("format.named(\"unknown\").hasValue()", false),
                Arguments.of(
                    "format.labelValue().validate(\"my-cool-label-Value\")", Optional.empty()),
                Arguments.of(
                    "format.labelValue().validate(\"my-cool-label-Value!!\\n\\n!!!\")",
                    errors(
                        "a valid label must be an empty string or consist of alphanumeric"
                            + " characters, '-', '_' or '.', and must start and end with an"
                            + " alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                            + " '12345', regex used for validation is"
                            + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
                // Beyond format_test.go: rules of the validators format.go calls.
                Arguments.of(
                    "format.dns1123Label().validate(\"a.b\")", errors("must not contain dots")),
                Arguments.of(
                    "format.dns1123Label().validate(\"" + "a".repeat(64) + "\")",
                    errors("must be no more than 63 bytes")),
                Arguments.of("format.dns1035Label().validate(\"1abc\")", errors(DNS1035_MESSAGE)),
                Arguments.of("format.dns1123LabelPrefix().validate(\"-\")", errors(LABEL_MESSAGE)),
                Arguments.of(
                    "format.uri().validate(\"../relative\")",
                    errors("parse \"../relative\": invalid URI for request")),
                Arguments.of(
                    "format.uuid().validate(\"123E4567E89B12D3A456426614174000\")",
                    Optional.empty()),
                Arguments.of(
                    "format.uuid().validate(\"123e4567-e89b-12d3-a456-42661417400\")",
                    errors("does not match the UUID format")),
                Arguments.of(
                    "format.uuid().validate(\"123e4567-e89b-12d3-a456-426614174000\\n\")",
                    errors("does not match the UUID format")),
                Arguments.of("format.byte().validate(\"\")", errors("invalid base64")),
                Arguments.of("format.date().validate(\"2024-02-29\")", Optional.empty()),
                Arguments.of("format.date().validate(\"2023-02-29\")", errors("invalid date")),
                Arguments.of("format.date().validate(\"2023-1-01\")", errors("invalid date")),
                Arguments.of(
                    "format.datetime().validate(\"2020-01-01t23:59:59.123+01:00\")",
                    Optional.empty()),
                Arguments.of(
                    "format.datetime().validate(\"2020-01-01T24:00:00Z\")",
                    errors("invalid datetime")),
                Arguments.of(
                    "format.datetime().validate(\"2020-01-01 00:00:00Z\")",
                    errors("invalid datetime")),
                Arguments.of(
                    "format.qualifiedName().validate(\"a/b/c\")",
                    errors(
                        "a qualified name must consist of alphanumeric characters, '-', '_' or"
                            + " '.', and must start and end with an alphanumeric character (e.g."
                            + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation"
                            + " is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS"
                            + " subdomain prefix and '/' (e.g. 'example.com/MyName')")),
                Arguments.of(
                    "format.dns1123Label().validate(\"bad name\").value().join(\"\\n\") == \""
                        + LABEL_MESSAGE.replace("'", "\\'")
                        + "\"",
                    true)));
    // format_test.go: every constant format can be looked up and only equals itself.
    for (String left : KubernetesFormatLibrary.FORMATS.keySet()) {
      cases.add(Arguments.of("format.named(\"" + left + "\").hasValue()", true));
      cases.add(
          Arguments.of("format.named(\"" + left + "\").value() == format." + left + "()", true));
      for (String right : KubernetesFormatLibrary.FORMATS.keySet()) {
        if (!left.equals(right)) {
          cases.add(Arguments.of("format." + left + "() == format." + right + "()", false));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatesAsKubernetes(String expression, Object expected) {
    assertEquals(expected, eval(ENV, expression, ""), expression);
  }

  @Test
  void aHugeArgumentIsChargedBeforeItIsValidated() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("s", ExpressionEnvironment.VariableType.STRING)
            .limits(ExpressionLimits.defaults().withMaxEvaluationCost(1_000))
            .build();
    String huge = "a".repeat(100_000);
    for (String expression :
        List.of("format.byte().validate(s)", "format.named(s)", "format.uri().validate(s)")) {
      ExpressionEvaluationException e =
          assertThrows(
              ExpressionEvaluationException.class, () -> eval(small, expression, huge), expression);
      assertEquals(Kind.COST_LIMIT, e.kind(), expression);
    }
  }
}
