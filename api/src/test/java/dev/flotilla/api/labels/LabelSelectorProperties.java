package dev.flotilla.api.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class LabelSelectorProperties {
  private static final long SEED = 20240611L;

  private static final List<String> KEYS =
      List.of("x", "y", "in", "notin", "a.b/c", "example.com/Key_1", "k8s.io/zone", "1234", "Z");
  private static final List<String> VALUES =
      List.of("", "a", "b", "in", "notin", "x.y", "A_b-9", "10", "3", "007", "z".repeat(63));
  private static final List<String> INTEGERS =
      List.of("0", "1", "5", "42", "007", "9223372036854775807");
  // Label values a cluster may carry, valid or not, to exercise Gt/Lt parsing at match time.
  private static final List<String> LABEL_VALUES =
      List.of(
          "",
          "a",
          "in",
          "10",
          "3",
          "007",
          "-3",
          "+4",
          "\u0663",
          "9223372036854775808",
          "-9223372036854775808",
          " 1",
          "42",
          "0");

  private static Gen<Requirement> requirements() {
    Gen<String> keys = arbitrary().pick(KEYS);
    Gen<Operator> operators = arbitrary().enumValues(Operator.class);
    Gen<List<String>> values = lists().of(arbitrary().pick(VALUES)).ofSizeBetween(0, 3);
    Gen<String> integers = arbitrary().pick(INTEGERS);
    return keys.zip(operators, values, integers, LabelSelectorProperties::requirement);
  }

  private static Requirement requirement(
      String key, Operator operator, List<String> values, String integer) {
    return switch (operator) {
      case IN, NOT_IN -> new Requirement(key, operator, values.isEmpty() ? List.of("") : values);
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
          new Requirement(key, operator, List.of(values.isEmpty() ? "" : values.get(0)));
      case EXISTS, DOES_NOT_EXIST -> new Requirement(key, operator, List.of());
      case GREATER_THAN, LESS_THAN -> new Requirement(key, operator, List.of(integer));
    };
  }

  private static Gen<LabelSelector> selectors() {
    return lists().of(requirements()).ofSizeBetween(0, 5).map(list -> LabelSelector.of(list));
  }

  private static Gen<Map<String, String>> labelSets() {
    Gen<String> keys = arbitrary().pick(KEYS);
    Gen<String> values = arbitrary().pick(LABEL_VALUES);
    return lists()
        .of(keys.zip(values, Map::entry))
        .ofSizeBetween(0, 6)
        .map(
            entries -> {
              Map<String, String> labels = new HashMap<>();
              entries.forEach(e -> labels.put(e.getKey(), e.getValue()));
              return labels;
            });
  }

  private static final List<String> ALPHABET =
      List.of(
          "=", "!", "(", ")", ",", "<", ">", " ", "\t", "\n", "\r", "a", "b", "x", "Z", "0", "1",
          "9", "-", "_", ".", "/", "in", "notin", " in ", " notin ", "==", "!=", "k8s.io/", "é");

  private static Gen<String> arbitraryStrings() {
    return lists()
        .of(arbitrary().pick(ALPHABET))
        .ofSizeBetween(0, 14)
        .map(parts -> String.join("", parts));
  }

  @Test
  void printingThenParsingGivesAnEqualSelector() {
    qt().withFixedSeed(SEED)
        .withExamples(3000)
        .forAll(selectors())
        .checkAssert(
            selector -> {
              String printed = selector.toString();
              LabelSelector reparsed = LabelSelector.parse(printed);
              assertEquals(selector, reparsed, printed);
              assertEquals(printed, reparsed.toString(), "printing is idempotent");
            });
  }

  @Test
  void parsingArbitraryStringsThrowsOnlySelectorSyntaxException() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withFixedSeed(SEED)
        .withExamples(5000)
        .forAll(arbitraryStrings())
        .checkAssert(
            input -> {
              LabelSelector parsed;
              try {
                parsed = LabelSelector.parse(input);
              } catch (SelectorSyntaxException expected) {
                rejected.incrementAndGet();
                return;
              }
              accepted.incrementAndGet();
              // Whatever parses prints in a canonical form that parses back to itself.
              String printed = parsed.toString();
              assertEquals(parsed, LabelSelector.parse(printed), input);
              assertEquals(printed, LabelSelector.parse(printed).toString(), input);
            });
    // The alphabet is only useful if it reaches both outcomes often.
    assertTrue(accepted.get() > 200, "accepted " + accepted);
    assertTrue(rejected.get() > 200, "rejected " + rejected);
  }

  @Test
  void matchingAgreesWithTheReferenceMatcher() {
    qt().withFixedSeed(SEED)
        .withExamples(4000)
        .forAll(selectors(), labelSets())
        .checkAssert(
            (selector, labels) -> {
              List<ReferenceLabelMatcher.Rule> rules = new ArrayList<>();
              for (Requirement r : selector.requirements()) {
                rules.add(
                    new ReferenceLabelMatcher.Rule(
                        r.key(), r.operator().kubernetesName(), r.values()));
              }
              assertEquals(
                  ReferenceLabelMatcher.matches(rules, labels),
                  selector.matches(labels),
                  selector + " on " + labels);
            });
  }

  @Test
  void eachRequirementMatchesAsTheReferenceMatcher() {
    qt().withFixedSeed(SEED)
        .withExamples(3000)
        .forAll(requirements(), labelSets())
        .checkAssert(
            (requirement, labels) ->
                assertEquals(
                    ReferenceLabelMatcher.matches(
                        new ReferenceLabelMatcher.Rule(
                            requirement.key(),
                            requirement.operator().kubernetesName(),
                            requirement.values()),
                        labels),
                    requirement.matches(labels),
                    requirement + " on " + labels));
  }
}
