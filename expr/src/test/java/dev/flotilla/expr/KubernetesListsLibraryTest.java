package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kubernetes' lists library. The tables are ported from the "stdlib list functions" case of
 * k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel/validation_test.go (lists.go itself has
 * no _test.go), evaluated twice: over {@code self}, a {@code dyn} map holding Kubernetes' object
 * (so calls dispatch at run time), and with each {@code self.x} replaced by a typed list literal
 * (so the checker picks the overload).
 */
class KubernetesListsLibraryTest {
  private static final ExpressionEnvironment ENV =
      ExpressionEnvironment.builder()
          .variable("self", ExpressionEnvironment.VariableType.DYN_MAP)
          .build();

  private static final Map<String, Object> SELF = self();

  private static final Map<String, String> LITERALS =
      Map.ofEntries(
          Map.entry("self.ints", "[1, 2, 2, 3]"),
          Map.entry("self.unsortedInts", "[2, 1]"),
          Map.entry("self.emptyInts", "emptyInts"),
          Map.entry("self.doubles", "[1.0, 2.0, 2.0, 3.0]"),
          Map.entry("self.unsortedDoubles", "[2.0, 1.0]"),
          Map.entry("self.emptyDoubles", "emptyDoubles"),
          Map.entry(
              "self.durations", "[duration('1s'), duration('1m'), duration('1m'), duration('1h')]"),
          Map.entry("self.unsortedDurations", "[duration('1m'), duration('1s')]"),
          Map.entry("self.emptyDurations", "emptyDurations"),
          Map.entry("self.strings", "['a', 'b', 'b', 'c']"),
          Map.entry("self.unsortedStrings", "['b', 'a']"),
          Map.entry("self.emptyStrings", "emptyStrings"),
          Map.entry(
              "self.dates",
              "[timestamp('2000-01-01T00:00:00Z'), timestamp('2000-02-01T00:00:00Z'),"
                  + " timestamp('2000-02-01T00:00:00Z'), timestamp('2010-01-01T00:00:00Z')]"),
          Map.entry(
              "self.unsortedDates",
              "[timestamp('2000-02-01T00:00:00Z'), timestamp('2000-01-01T00:00:00Z')]"),
          Map.entry("self.emptyDates", "emptyDates"));

  /** Typed empty lists, as cel.bind so that the literal form keeps the element type. */
  private static final String EMPTY_BINDINGS =
      "cel.bind(emptyInts, [1].filter(x, false),"
          + " cel.bind(emptyDoubles, [1.0].filter(x, false),"
          + " cel.bind(emptyDurations, [duration('1s')].filter(x, false),"
          + " cel.bind(emptyStrings, ['a'].filter(x, false),"
          + " cel.bind(emptyDates, [timestamp(0)].filter(x, false), %s)))))";

  private static Map<String, Object> self() {
    Instant jan = Instant.parse("2000-01-01T00:00:00Z");
    Instant feb = Instant.parse("2000-02-01T00:00:00Z");
    Instant y2010 = Instant.parse("2010-01-01T00:00:00Z");
    return Map.ofEntries(
        Map.entry("ints", List.of(1L, 2L, 2L, 3L)),
        Map.entry("unsortedInts", List.of(2L, 1L)),
        Map.entry("emptyInts", List.of()),
        Map.entry("doubles", List.of(1.0, 2.0, 2.0, 3.0)),
        Map.entry("unsortedDoubles", List.of(2.0, 1.0)),
        Map.entry("emptyDoubles", List.of()),
        Map.entry(
            "durations",
            List.of(
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1),
                Duration.ofHours(1))),
        Map.entry("unsortedDurations", List.of(Duration.ofMinutes(1), Duration.ofSeconds(1))),
        Map.entry("emptyDurations", List.of()),
        Map.entry("strings", List.of("a", "b", "b", "c")),
        Map.entry("unsortedStrings", List.of("b", "a")),
        Map.entry("emptyStrings", List.of()),
        Map.entry("dates", List.of(jan, feb, feb, y2010)),
        Map.entry("unsortedDates", List.of(feb, jan)),
        Map.entry("emptyDates", List.of()),
        Map.entry(
            "objs",
            List.of(
                Map.of("f1", "a", "f2", "a"),
                Map.of("f1", "a", "f2", "b"),
                Map.of("f1", "a", "f2", "b"),
                Map.of("f1", "a", "f2", "c"))));
  }

  /**
   * validation_test.go, "stdlib list functions", valid (the intBackedDoubles rows need a schema).
   */
  static Stream<String> valid() {
    return Stream.of(
        "self.ints.sum() == 8",
        "self.ints.min() == 1",
        "self.ints.max() == 3",
        "self.emptyInts.sum() == 0",
        "self.ints.isSorted()",
        "self.emptyInts.isSorted()",
        "self.unsortedInts.isSorted() == false",
        "self.ints.indexOf(2) == 1",
        "self.ints.lastIndexOf(2) == 2",
        "self.ints.indexOf(10) == -1",
        "self.ints.lastIndexOf(10) == -1",
        "self.doubles.sum() == 8.0",
        "self.doubles.min() == 1.0",
        "self.doubles.max() == 3.0",
        "self.emptyDoubles.sum() == 0.0",
        "self.doubles.isSorted()",
        "self.emptyDoubles.isSorted()",
        "self.unsortedDoubles.isSorted() == false",
        "self.doubles.indexOf(2.0) == 1",
        "self.doubles.lastIndexOf(2.0) == 2",
        "self.doubles.indexOf(10.0) == -1",
        "self.doubles.lastIndexOf(10.0) == -1",
        "self.durations.sum() == duration('1h2m1s')",
        "self.durations.min() == duration('1s')",
        "self.durations.max() == duration('1h')",
        "self.durations.isSorted()",
        "self.emptyDurations.isSorted()",
        "self.unsortedDurations.isSorted() == false",
        "self.durations.indexOf(duration('1m')) == 1",
        "self.durations.lastIndexOf(duration('1m')) == 2",
        "self.durations.indexOf(duration('2m')) == -1",
        "self.durations.lastIndexOf(duration('2m')) == -1",
        "self.strings.min() == 'a'",
        "self.strings.max() == 'c'",
        "self.strings.isSorted()",
        "self.emptyStrings.isSorted()",
        "self.unsortedStrings.isSorted() == false",
        "self.strings.indexOf('b') == 1",
        "self.strings.lastIndexOf('b') == 2",
        "self.strings.indexOf('x') == -1",
        "self.strings.lastIndexOf('x') == -1",
        "self.dates.min() == timestamp('2000-01-01T00:00:00.000Z')",
        "self.dates.max() == timestamp('2010-01-01T00:00:00.000Z')",
        "self.dates.isSorted()",
        "self.emptyDates.isSorted()",
        "self.unsortedDates.isSorted() == false",
        "self.dates.indexOf(timestamp('2000-02-01T00:00:00.000Z')) == 1",
        "self.dates.lastIndexOf(timestamp('2000-02-01T00:00:00.000Z')) == 2",
        "self.dates.indexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1",
        "self.dates.lastIndexOf(timestamp('2005-02-01T00:00:00.000Z')) == -1",
        "[[1], [2]].indexOf([1]) == 0",
        "[{'a': 1}, {'b': 2}].lastIndexOf({'b': 2}) == 1",
        "([0] + self.emptyInts).min() == 0",
        "dyn([]).sum() == 0",
        "dyn([1, 2]).sum() == 3",
        "dyn([1.0, 2.0]).sum() == 3.0",
        "[].sum() == 0");
  }

  /**
   * Rows that need the element type: Kubernetes types self.emptyDurations from the schema; over a
   * dyn list, an empty sum is the int 0, in Kubernetes as here ({@code dyn([]).sum() == 0}).
   */
  static Stream<String> validTyped() {
    return Stream.of("self.emptyDurations.sum() == duration('0')");
  }

  /** Rows that only make sense over the object (the list of objects). */
  static Stream<String> validOverObject() {
    return Stream.of(
        "self.objs.indexOf(self.objs[1]) == 1", "self.objs.lastIndexOf(self.objs[1]) == 2");
  }

  /** lists.go doc comment examples. */
  static Stream<String> docExamples() {
    return Stream.of(
        "[1, 2, 3].isSorted()",
        "['a', 'b', 'b', 'c'].isSorted()",
        "![2.0, 1.0].isSorted()",
        "[1].isSorted()",
        "[].isSorted()",
        "[1, 3].sum() == 4",
        "[1.0, 3.0].sum() == 4.0",
        "[duration('1m'), duration('1s')].sum() == duration('1m1s')",
        "[1, 3].min() == 1",
        "[1, 3].max() == 3",
        "[1].min() == 1",
        "[1, 2, 2, 3].indexOf(2) == 1",
        "['a', 'b', 'b', 'c'].lastIndexOf('b') == 2",
        "[1.0].indexOf(1.1) == -1",
        "[].indexOf('string') == -1",
        // the other comparable types: uint, bool, bytes
        "[1u, 5u, 3u].max() == 5u && [2u, 3u].sum() == 5u && [1u, 2u].isSorted()",
        "[true, false].min() == false && [false, true].isSorted() && [true, false].max()",
        "[b'b', b'a'].min() == b'a' && [b'\\x01', b'\\xff'].isSorted()",
        // strings are ordered as Go orders them, by code point
        "['\\uffff', '\\U0001F600'].isSorted()",
        // the strings extension's indexOf is still there
        "'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l') == 3");
  }

  private static Object evalOverObject(String expression) {
    return ENV.compile(expression, "spec.x").evaluate(Map.of("self", SELF));
  }

  private static Object evalTyped(String expression) {
    String typed = expression;
    // longest names first, so that self.ints does not rewrite self.unsortedInts
    List<String> names = new ArrayList<>(LITERALS.keySet());
    names.sort((a, b) -> b.length() - a.length());
    for (String name : names) {
      typed = typed.replace(name, LITERALS.get(name));
    }
    return ENV.compile(String.format(EMPTY_BINDINGS, typed), "spec.x")
        .evaluate(Map.of("self", Map.of()));
  }

  @ParameterizedTest
  @MethodSource({"valid", "validOverObject", "docExamples"})
  void validOverADynObject(String expression) {
    assertEquals(true, evalOverObject(expression), expression);
  }

  @ParameterizedTest
  @MethodSource({"valid", "validTyped", "docExamples"})
  void validOverTypedLists(String expression) {
    assertEquals(true, evalTyped(expression), expression);
  }

  /** validation_test.go, "stdlib list functions", errors (runtime). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "self.emptyInts.min() == 1|min called on empty list",
        "self.emptyInts.max() == 3|max called on empty list",
        "self.emptyDoubles.min() == 1.0|min called on empty list",
        "self.emptyDoubles.max() == 3.0|max called on empty list",
        "self.emptyStrings.min() == 'a'|min called on empty list",
        "self.emptyStrings.max() == 'c'|max called on empty list"
      })
  void minAndMaxOfAnEmptyListAreErrors(String row) {
    String[] parts = row.split("\\|");
    for (boolean typed : new boolean[] {false, true}) {
      ExpressionEvaluationException e =
          assertThrows(
              ExpressionEvaluationException.class,
              () -> {
                if (typed) {
                  evalTyped(parts[0]);
                } else {
                  evalOverObject(parts[0]);
                }
              });
      assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    }
  }

  /** validation_test.go, "stdlib list functions", errors (type checking). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "['a', 'b'].sum() == 'c'|sum",
        "[[1], [2]].min() == [1]|min",
        "[{'a': 1}, {'b': 2}].max() == {'b': 2}|max"
      })
  void sumMinAndMaxOfOtherTypesDoNotCompile(String row) {
    String[] parts = row.split("\\|");
    ValidationException e =
        assertThrows(ValidationException.class, () -> ENV.compile(parts[0], "spec.x"));
    assertTrue(
        e.getMessage().contains("found no matching overload for '" + parts[1] + "'"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[9223372036854775807, 1].sum()", "[18446744073709551615u, 1u].sum()"})
  void sumOverflowIsAnError(String expression) {
    ExpressionEvaluationException e =
        assertThrows(ExpressionEvaluationException.class, () -> evalOverObject(expression));
    assertEquals(Kind.NUMERIC_OVERFLOW, e.kind(), e.getMessage());
  }

  /** Every function walks the list: a huge one is refused by the meter before the walk. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "self.big.isSorted()",
        "self.big.sum() > 0",
        "self.big.min() > 0",
        "self.big.max() > 0",
        "self.big.indexOf(2) > 0",
        "self.big.lastIndexOf(2) > 0",
        "self.big.includes(2)"
      })
  void eachFunctionIsCharged(String expression) {
    ExpressionLimits limits = ENV.limits();
    List<Long> big =
        Collections.nCopies((int) Math.min(limits.maxEvaluationCost() + 1, 50_000_000), 1L);
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> ENV.compile(expression, "spec.x").evaluate(Map.of("self", Map.of("big", big))));
    assertEquals(Kind.COST_LIMIT, e.kind(), e.getMessage());
  }

  /**
   * includes (library version 1): the examples of lists.go's doc comment and the expressions of
   * k8s.io/apiserver pkg/cel/environment/environment_test.go.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1, 2, 3].includes(2)",
        "![1, 2, 3].includes(4)",
        "'model-a'.includes('model-a')",
        "!'model-a'.includes('model-b')",
        "[1, 2].includes(2) == true",
        "[['b'], ['a']].includes(['a'])",
        "[1.0, 2.0].includes(2)",
        "self.ints.includes(3)",
        "!self.ints.includes('3')",
        "dyn(self.strings).includes('c')"
      })
  void includes(String expression) {
    assertEquals(true, evalOverObject(expression), expression);
  }
}
