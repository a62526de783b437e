package dev.flotilla.api.labels;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of labels.NewRequirement and Requirement.Matches. */
class RequirementTest {

  private static InvalidRequirementException invalid(
      String key, Operator operator, List<String> values) {
    return assertThrows(
        InvalidRequirementException.class, () -> new Requirement(key, operator, values));
  }

  // TestRequirementConstructor
  static Stream<Arguments> constructorTable() {
    return Stream.of(
        Arguments.of("x", Operator.IN, List.of(), false),
        Arguments.of("x", Operator.NOT_IN, List.of(), false),
        Arguments.of("x", Operator.IN, List.of("foo"), true),
        Arguments.of("x", Operator.NOT_IN, List.of("foo"), true),
        Arguments.of("x", Operator.EXISTS, List.of(), true),
        Arguments.of("x", Operator.DOES_NOT_EXIST, List.of(), true),
        Arguments.of("1foo", Operator.IN, List.of("bar"), true),
        Arguments.of("1234", Operator.IN, List.of("bar"), true),
        Arguments.of("y", Operator.GREATER_THAN, List.of("1"), true),
        Arguments.of("z", Operator.LESS_THAN, List.of("6"), true),
        Arguments.of("foo", Operator.GREATER_THAN, List.of("bar"), false),
        Arguments.of("barz", Operator.LESS_THAN, List.of("blah"), false),
        Arguments.of("a".repeat(254), Operator.EXISTS, List.of(), false),
        Arguments.of("x", Operator.EQUALS, List.of("a", "b"), false),
        Arguments.of("x", Operator.EQUALS, List.of("a", "a"), false),
        Arguments.of("x", Operator.NOT_EQUALS, List.of(), false),
        Arguments.of("x", Operator.EXISTS, List.of("a"), false),
        Arguments.of("x", Operator.GREATER_THAN, List.of("1", "2"), false),
        Arguments.of("x", Operator.IN, List.of("a b"), false),
        Arguments.of("x", Operator.IN, List.of(""), true));
  }

  @ParameterizedTest
  @MethodSource("constructorTable")
  void constructorValidatesAsNewRequirement(
      String key, Operator operator, List<String> values, boolean valid) {
    if (valid) {
      assertDoesNotThrow(() -> new Requirement(key, operator, values));
    } else {
      invalid(key, operator, values);
    }
  }

  @Test
  void inRequiresAtLeastOneValue() {
    InvalidRequirementException e = invalid("x", Operator.IN, List.of());
    assertEquals(
        "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
        e.reason());
    assertEquals("values", e.problems().get(0).path());
  }

  @Test
  void exactMatchRequiresOneSingleValue() {
    assertEquals(
        "values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one"
            + " single value",
        invalid("x", Operator.DOUBLE_EQUALS, List.of("a", "b")).reason());
  }

  @Test
  void existsForbidsValues() {
    assertEquals(
        "values: Invalid value: []string{\"a\"}: values set must be empty for exists and does not"
            + " exist",
        invalid("x", Operator.DOES_NOT_EXIST, List.of("a")).reason());
  }

  @Test
  void gtOperandMustBeAnInteger() {
    assertEquals(
        "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer",
        invalid("foo", Operator.GREATER_THAN, List.of("bar")).reason());
    assertEquals(
        "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is"
            + " required",
        invalid("foo", Operator.LESS_THAN, List.of()).reason());
  }

  @Test
  void gtOperandAcceptsWhatGoParseIntAccepts() {
    assertTrue(Requirement.isInt64("0"));
    assertTrue(Requirement.isInt64("-9223372036854775808"));
    assertTrue(Requirement.isInt64("+12"));
    assertTrue(Requirement.isInt64("0000000000000000000000000001"));
    assertFalse(Requirement.isInt64("9223372036854775808"));
    assertFalse(Requirement.isInt64(""));
    assertFalse(Requirement.isInt64("-"));
    assertFalse(Requirement.isInt64("1_000"));
    assertFalse(Requirement.isInt64(" 1"));
    assertFalse(Requirement.isInt64("\u0663")); // ARABIC-INDIC DIGIT THREE: Java would take it
  }

  @Test
  void everyProblemIsReportedAggregatedAsKubernetesDoes() {
    InvalidRequirementException e = invalid("-x", Operator.GREATER_THAN, List.of("-"));
    List<String> paths = new ArrayList<>();
    for (Problem p : e.problems()) {
      paths.add(p.path());
    }
    assertEquals(List.of("key", "values[0]", "values[0][-x]"), paths);
    assertTrue(e.reason().startsWith("[key: Invalid value: \"-x\": name part must consist of"));
    assertTrue(e.reason().endsWith("]"));
  }

  @Test
  void valuesAreSortedAndDeduplicated() {
    Requirement r = new Requirement("x", Operator.IN, List.of("c", "a", "c", "b"));
    assertEquals(List.of("a", "b", "c"), r.values());
    assertThrows(UnsupportedOperationException.class, () -> r.values().add("d"));
  }

  @Test
  void notInIsTrueWhenKeyIsMissing() {
    assertTrue(Requirement.notIn("x", "a").matches(Map.of()));
    assertTrue(Requirement.notIn("x", "a").matches(Map.of("x", "b")));
    assertFalse(Requirement.notIn("x", "a").matches(Map.of("x", "a")));
  }

  @Test
  void notEqualsIsTrueWhenKeyIsMissing() {
    assertTrue(Requirement.notEqualTo("x", "a").matches(Map.of("y", "a")));
    assertFalse(Requirement.notEqualTo("x", "a").matches(Map.of("x", "a")));
  }

  @Test
  void inAndEqualsAreFalseWhenKeyIsMissing() {
    assertFalse(Requirement.in("x", "").matches(Map.of()));
    assertFalse(Requirement.equalTo("x", "").matches(Map.of()));
    assertTrue(Requirement.equalTo("x", "").matches(Map.of("x", "")));
  }

  @Test
  void existsAndDoesNotExistLookOnlyAtTheKey() {
    assertTrue(Requirement.exists("x").matches(Map.of("x", "")));
    assertFalse(Requirement.exists("x").matches(Map.of()));
    assertTrue(Requirement.doesNotExist("x").matches(Map.of()));
    assertFalse(Requirement.doesNotExist("x").matches(Map.of("x", "")));
  }

  @Test
  void gtParsesLabelValueAsInt64() {
    Requirement gt = Requirement.greaterThan("x", 10);
    assertTrue(gt.matches(Map.of("x", "11")));
    assertTrue(gt.matches(Map.of("x", "+11")));
    assertTrue(gt.matches(Map.of("x", "0011")));
    assertFalse(gt.matches(Map.of("x", "10")));
    assertFalse(gt.matches(Map.of("x", "9")));
    assertTrue(gt.matches(Map.of("x", "9223372036854775807")));
    assertFalse(gt.matches(Map.of("x", "9223372036854775808")), "out of int64 range");
    assertFalse(gt.matches(Map.of("x", "v11")), "not an integer");
    assertFalse(gt.matches(Map.of("x", "")), "empty");
    assertFalse(gt.matches(Map.of()), "missing");
    assertTrue(Requirement.lessThan("x", 0).matches(Map.of("x", "-5")));
    assertFalse(Requirement.lessThan("x", 0).matches(Map.of("x", "1e3")));
  }

  @Test
  void factoriesBuildTheNamedOperator() {
    assertEquals(Operator.IN, Requirement.in("x", "a").operator());
    assertEquals(Operator.NOT_IN, Requirement.notIn("x", "a").operator());
    assertEquals(Operator.EQUALS, Requirement.equalTo("x", "a").operator());
    assertEquals(Operator.DOUBLE_EQUALS, Requirement.doubleEqualTo("x", "a").operator());
    assertEquals(Operator.NOT_EQUALS, Requirement.notEqualTo("x", "a").operator());
    assertEquals(Operator.EXISTS, Requirement.exists("x").operator());
    assertEquals(Operator.DOES_NOT_EXIST, Requirement.doesNotExist("x").operator());
    assertEquals(List.of("3"), Requirement.greaterThan("x", 3).values());
    assertEquals(Operator.LESS_THAN, Requirement.lessThan("x", 3).operator());
    assertThrows(InvalidRequirementException.class, () -> Requirement.greaterThan("x", -3));
  }

  @Test
  void printsAsKubernetesRequirementString() {
    assertEquals("x in (abc,def)", Requirement.in("x", "def", "abc").toString());
    assertEquals("x notin ()", Requirement.notIn("x", "").toString());
    assertEquals("!z", Requirement.doesNotExist("z").toString());
    assertEquals("y==jkl", Requirement.doubleEqualTo("y", "jkl").toString());
    assertEquals("x>2", Requirement.greaterThan("x", 2).toString());
    assertEquals("y<8", Requirement.lessThan("y", 8).toString());
  }
}
