package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kubernetes' regex library. The tables are ported from the "stdlib regex functions" case of
 * k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel/validation_test.go (regex.go has no
 * _test.go) and from regex.go's doc comment.
 */
class KubernetesRegexLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("self", ExpressionEnvironment.VariableType.DYN_MAP)
          .variable("str", ExpressionEnvironment.VariableType.STRING)
          .variable("re", ExpressionEnvironment.VariableType.STRING)
          .build();

  private static Object eval(String expression, String str, String re) {
    return ENV.compile(expression, "spec.x")
        .evaluate(Map.of("self", Map.of("str", str), "str", str, "re", re));
  }

  /** validation_test.go, "stdlib regex functions", valid; self.str is a dyn here. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "self.str.find('[0-9]+') == '123'",
        "self.str.find('[0-9]+') != '456'",
        "self.str.find('xyz') == ''",
        "self.str.findAll('[0-9]+') == ['123', '456']",
        "self.str.findAll('[0-9]+', 0) == []",
        "self.str.findAll('[0-9]+', 1) == ['123']",
        "self.str.findAll('[0-9]+', 2) == ['123', '456']",
        "self.str.findAll('[0-9]+', 3) == ['123', '456']",
        "self.str.findAll('[0-9]+', -1) == ['123', '456']",
        "self.str.findAll('xyz') == []",
        "self.str.findAll('xyz', 1) == []",
        // the same over a typed string
        "str.find('[0-9]+') == '123' && str.findAll('[0-9]+', 1) == ['123']",
        // and with the pattern known only at run time
        "str.find(re) == '123' && str.findAll(re) == ['123', '456']"
      })
  void validationTestTable(String expression) {
    assertEquals(true, eval(expression, "this is a 123 string 456", "[0-9]+"), expression);
  }

  /**
   * regex.go's doc comment; its first example ('abc 123'.find('[0-9]*') == '123') is wrong in Go.
   */
  @Test
  void docExamplesWithGoSemantics() {
    assertEquals("", eval("'abc 123'.find('[0-9]*')", "", ""), "Go's FindString: empty at 0");
    assertEquals("123", eval("'abc 123'.find('[0-9]+')", "", ""));
    assertEquals("", eval("'abc 123'.find('xyz')", "", ""));
    // Go's FindAllString skips an empty match right after a match
    assertEquals(
        List.of("123", "", "", "", "", "456"), eval("'123 abc 456'.findAll('[0-9]*')", "", ""));
    assertEquals(List.of("123"), eval("'123 abc 456'.findAll('[0-9]*', 1)", "", ""));
    assertEquals(List.of(), eval("'123 abc 456'.findAll('xyz')", "", ""));
    assertEquals(List.of("", "", ""), eval("'ab'.findAll('')", "", ""));
    assertEquals(List.of("é", "😀"), eval("'é😀'.findAll('.')", "", ""));
  }

  /**
   * validation_test.go, "stdlib regex functions", errors: a bad literal pattern is a compile error.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "self.str.find(')') == ''",
        "self.str.findAll(')') == []",
        "self.str.findAll(')', 1) == []"
      })
  void aBadLiteralPatternIsACompileError(String expression) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> ENV.compile(expression, "spec.x"));
    assertTrue(e.getMessage().contains("compilation failed"), e.getMessage());
  }

  @Test
  void aBadPatternAtRunTimeIsAnInvalidArgument() {
    for (String expression : List.of("str.find(re)", "str.findAll(re)", "str.findAll(re, 1)")) {
      ExpressionEvaluationException e =
          assertThrows(ExpressionEvaluationException.class, () -> eval(expression, "x", ")"));
      assertEquals(Kind.INVALID_ARGUMENT, e.kind(), e.getMessage());
    }
  }

  /** Charged before running: input length times program size. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "str.find('(a|b|c|d)+x')",
        "str.findAll('(a|b|c|d)+x')",
        "str.findAll('(a|b|c|d)+x', 1)"
      })
  void eachFunctionIsCharged(String expression) {
    String huge = "a".repeat(12_000_000);
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> eval(expression, huge, ""));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }
}
