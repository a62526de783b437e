package dev.flotilla.api.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** metav1.LabelSelector: LabelSelectorAsSelector and ValidateLabelSelector. */
class LabelSelectorSpecTest {

  private static LabelSelectorSpec spec(
      Map<String, String> matchLabels, LabelSelectorRequirement... expressions) {
    return new LabelSelectorSpec(matchLabels, List.of(expressions));
  }

  private static List<Problem> problems(LabelSelectorSpec spec) {
    return assertThrows(ValidationException.class, spec::toSelector).problems();
  }

  @Test
  void matchLabelsBecomeEqualsRequirements() {
    LabelSelector selector = spec(Map.of("foo", "bar", "baz", "blah")).toSelector();
    assertEquals("baz=blah,foo=bar", selector.toString());
    assertEquals(Operator.EQUALS, selector.requirements().get(0).operator());
  }

  @Test
  void expressionsAndLabelsCombineSortedByKey() {
    LabelSelector selector =
        spec(
                Map.of("foo", "bar"),
                LabelSelectorRequirement.of("baz", "In", "qux", "norf"),
                LabelSelectorRequirement.of("foo", "NotIn", "x"),
                LabelSelectorRequirement.of("a", "Exists"),
                LabelSelectorRequirement.of("b", "DoesNotExist"))
            .toSelector();
    assertEquals("a,!b,baz in (norf,qux),foo=bar,foo notin (x)", selector.toString());
  }

  @Test
  void nilSelectorMatchesNothingEmptyMatchesEverything() {
    assertEquals(LabelSelector.nothing(), LabelSelectorSpec.toSelector(Optional.empty()));
    assertEquals(LabelSelector.everything(), LabelSelectorSpec.empty().toSelector());
    assertEquals(
        LabelSelector.everything(),
        LabelSelectorSpec.toSelector(Optional.of(new LabelSelectorSpec(null, null))));
    assertFalse(LabelSelectorSpec.toSelector(Optional.empty()).matches(Map.of()));
    assertTrue(LabelSelectorSpec.empty().toSelector().matches(Map.of("x", "y")));
  }

  @Test
  void metav1InRequiresValues() {
    List<Problem> problems = problems(spec(Map.of(), LabelSelectorRequirement.of("k", "In")));
    assertEquals(1, problems.size());
    assertEquals("matchExpressions[0].values", problems.get(0).path());
    assertEquals(
        "Required value: must be specified when `operator` is 'In' or 'NotIn'",
        problems.get(0).message());
  }

  @Test
  void metav1ExistsForbidsValues() {
    List<Problem> problems =
        problems(spec(Map.of(), LabelSelectorRequirement.of("k", "DoesNotExist", "v")));
    assertEquals("matchExpressions[0].values", problems.get(0).path());
    assertEquals(
        "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        problems.get(0).message());
  }

  @Test
  void metav1OperatorIsCaseSensitiveAndListsSupportedValues() {
    List<Problem> problems = problems(spec(Map.of(), LabelSelectorRequirement.of("k", "in", "v")));
    assertEquals("matchExpressions[0].operator", problems.get(0).path());
    assertEquals(
        "Unsupported value: \"in\": supported values: \"DoesNotExist\", \"Exists\", \"Gt\","
            + " \"In\", \"Lt\", \"NotIn\"",
        problems.get(0).message());
  }

  @Test
  void metav1StringOperatorsSuchAsEqualsAreNotAccepted() {
    assertEquals(
        "matchExpressions[0].operator",
        problems(spec(Map.of(), LabelSelectorRequirement.of("k", "=", "v"))).get(0).path());
  }

  @Test
  void metav1GtAndLtAreAFlotillaExtensionWithOneIntegerValue() {
    LabelSelector selector =
        spec(
                Map.of(),
                LabelSelectorRequirement.of("cpu", "Gt", "4"),
                LabelSelectorRequirement.of("gpu", "Lt", "2"))
            .toSelector();
    assertEquals("cpu>4,gpu<2", selector.toString());
    assertTrue(selector.matches(Map.of("cpu", "8", "gpu", "0")));

    List<Problem> none = problems(spec(Map.of(), LabelSelectorRequirement.of("cpu", "Gt")));
    assertEquals("matchExpressions[0].values", none.get(0).path());
    assertEquals(
        "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
        none.get(0).message());
    List<Problem> text = problems(spec(Map.of(), LabelSelectorRequirement.of("cpu", "Lt", "x")));
    assertEquals("matchExpressions[0].values[0]", text.get(0).path());
    assertEquals(
        "Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer",
        text.get(0).message());
  }

  @Test
  void metav1CollectsAllProblemsWithFieldPaths() {
    Map<String, String> labels = new HashMap<>();
    labels.put("bad key", "ok");
    labels.put("good", "bad value!");
    List<Problem> problems =
        problems(
            spec(
                labels,
                LabelSelectorRequirement.of("-k", "Equals", "v"),
                LabelSelectorRequirement.of("k", "NotIn"),
                LabelSelectorRequirement.of("k", "In", "a", "b c")));
    List<String> paths = new ArrayList<>();
    problems.forEach(p -> paths.add(p.path()));
    assertEquals(
        List.of(
            "matchLabels",
            "matchLabels",
            "matchExpressions[0].operator",
            "matchExpressions[0].key",
            "matchExpressions[1].values",
            "matchExpressions[2].values[1]"),
        paths);
    assertTrue(problems.get(0).message().startsWith("Invalid value: \"bad key\": name part"));
    assertTrue(problems.get(1).message().startsWith("Invalid value: \"bad value!\": a valid"));
  }

  @Test
  void problemPathsCanBePlacedUnderTheEnclosingField() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> spec(Map.of(), LabelSelectorRequirement.of("k", "In")).toSelector());
    assertEquals(
        "spec.clusterSelectors[0].labelSelector.matchExpressions[0].values",
        e.under("spec.clusterSelectors[0].labelSelector").problems().get(0).path());
  }

  @Test
  void absentFieldsReadAsGoZeroValues() {
    Map<String, String> labels = new HashMap<>();
    labels.put("x", null);
    List<String> values = new ArrayList<>();
    values.add(null);
    LabelSelector selector =
        new LabelSelectorSpec(labels, List.of(new LabelSelectorRequirement("y", "In", values)))
            .toSelector();
    assertEquals("x=,y in ()", selector.toString());
  }
}
