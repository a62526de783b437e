package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ReferencePlacementTest {
  private static final List<Cluster> CLUSTERS =
      List.of(
          Cluster.of("a", Map.of("env", "prod")).withProperties(Map.of("cpu", "8")),
          Cluster.of("b", Map.of("env", "prod")).withProperties(Map.of("cpu", "500m")),
          Cluster.of("c", Map.of("env", "dev")),
          Cluster.of("d", Map.of()));

  private static Placement placement(
      List<ClusterSelectorTerm> terms, List<String> names, List<String> excluded) {
    return Placement.of("p", new PlacementSpec(terms, names, excluded));
  }

  @Test
  void namedOrMatchedThenExcluded() {
    ClusterSelectorTerm prod = ClusterSelectorTerm.labels("env=prod");
    Placement placement = placement(List.of(prod), List.of("d"), List.of("b"));
    assertEquals(Set.of("a", "d"), ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }

  @Test
  void termsAndTheirPartsAreAndedAndTermsOred() {
    ClusterSelectorTerm bigProd =
        new ClusterSelectorTerm(
            LabelSelector.parse("env=prod"),
            List.of(PropertyRequirement.of("cpu", PropertyOperator.Ge, "2")),
            List.of());
    ClusterSelectorTerm dev = ClusterSelectorTerm.labels("env notin (prod)");
    Placement placement = placement(List.of(bigProd, dev), List.of(), List.of());
    // NotIn is true where the key is missing (d); b has 500m < 2 cpus.
    assertEquals(
        Set.of("a", "c", "d"), ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }

  @Test
  void celComesFromTheCallerAndScopeBoundsTheResult() {
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of("name is a or c"));
    Placement placement = placement(List.of(term), List.of(), List.of());
    ReferencePlacement reference =
        ReferencePlacement.withCel((e, c) -> c.name().equals("a") || c.name().equals("c"));
    assertEquals(Set.of("a", "c"), reference.select(placement, CLUSTERS));
    assertEquals(Set.of("c"), reference.select(placement, CLUSTERS, c -> !c.name().equals("a")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReferencePlacement.withoutCel().select(placement, CLUSTERS));
  }

  // ---- label selectors, from the Kubernetes specification ----

  private static boolean labels(String selector, Map<String, String> labels) {
    return ReferencePlacement.labelSelectorMatches(LabelSelector.parse(selector), labels);
  }

  @Test
  void labelSelectorsFollowKubernetes() {
    Map<String, String> prod = Map.of("env", "prod", "rack", "07");
    assertTrue(labels("", prod), "the empty selector matches everything");
    assertFalse(
        ReferencePlacement.labelSelectorMatches(LabelSelector.nothing(), prod),
        "Nothing() matches nothing");
    assertTrue(labels("env in (prod,dev)", prod));
    assertFalse(labels("env in (dev)", prod));
    assertTrue(labels("env=prod,rack", prod));
    assertTrue(labels("env notin (dev)", prod));
    assertTrue(labels("zone notin (a)", prod), "NotIn holds when the key is missing");
    assertTrue(labels("zone!=a", prod), "!= holds when the key is missing");
    assertFalse(labels("zone in (a)", prod));
    assertTrue(labels("!zone", prod));
    assertFalse(labels("!env", prod));
    assertTrue(labels("env=", Map.of("env", "")), "the empty value is a value");
    assertFalse(labels("env=", Map.of()));
  }

  @Test
  void gtAndLtReadInt64() {
    assertTrue(labels("rack>6", Map.of("rack", "07")), "leading zeros parse");
    assertTrue(labels("rack<8", Map.of("rack", "+7")), "a plus sign parses");
    assertTrue(labels("rack<0", Map.of("rack", "-9223372036854775808")));
    assertFalse(labels("rack>0", Map.of("rack", "9223372036854775808")), "out of int64");
    assertFalse(labels("rack>0", Map.of("rack", "x1")), "not a number");
    assertFalse(labels("rack<100", Map.of()), "missing key");
    assertFalse(labels("rack>6", Map.of("rack", "7.0")), "not an integer");
    assertEquals(OptionalLong.empty(), ReferencePlacement.parseInt64("+"));
    assertEquals(OptionalLong.empty(), ReferencePlacement.parseInt64("1_000"));
    assertEquals(OptionalLong.empty(), ReferencePlacement.parseInt64("\u0663"));
  }

  // ---- property requirements, from the Placement specification ----

  private static boolean property(String name, PropertyOperator op, String value, String actual) {
    Map<String, String> properties = actual == null ? Map.of() : Map.of(name, actual);
    return ReferencePlacement.propertyMatches(PropertyRequirement.of(name, op, value), properties);
  }

  @Test
  void quantitiesCompareAsQuantities() {
    assertTrue(property("cpu", PropertyOperator.Eq, "2", "2000m"));
    assertTrue(property("memory", PropertyOperator.Gt, "1G", "1Gi"));
    assertTrue(property("cpu", PropertyOperator.Le, "1e3", "1k"));
    assertFalse(property("cpu", PropertyOperator.Ge, "2", "lots"), "unparsable never matches");
    assertFalse(property("cpu", PropertyOperator.Ne, "2", "lots"), "not even Ne");
    assertFalse(property("cpu", PropertyOperator.Ne, "2", null), "missing never matches");
  }

  @Test
  void versionsCompareAsVersionsAndTextAsText() {
    assertTrue(property("v", PropertyOperator.Gt, "1.31.2", "1.31.10"), "numeric, not textual");
    assertTrue(property("v", PropertyOperator.Eq, "v1.31", "1.31.0"), "normalized");
    assertTrue(property("v", PropertyOperator.Lt, "1.32.0", "1.32.0-rc.1"), "prerelease first");
    assertFalse(property("v", PropertyOperator.Ge, "1.30.0", "banana"));
    assertTrue(property("v", PropertyOperator.Ge, "1.30.0", "2"), "2 reads as 2.0.0");
    assertTrue(property("loc", PropertyOperator.Eq, "lyon", "lyon"));
    assertFalse(property("loc", PropertyOperator.Eq, "lyon", "Lyon"), "case matters");
    assertTrue(property("loc", PropertyOperator.Ne, "lyon", "berlin"));
    assertFalse(property("loc", PropertyOperator.Ne, "lyon", null));
  }

  // ---- two independent implementations agree ----

  /** Requirements over {@link FleetGens}' vocabulary, every operator, hitting and missing. */
  private static Gen<Requirement> requirements() {
    List<String> keys = new ArrayList<>(FleetGens.LABEL_VALUES.keySet());
    keys.add(FleetGens.ABSENT_LABEL_KEY);
    return integers()
        .between(0, Integer.MAX_VALUE - 1)
        .map(
            n -> {
              String key = keys.get(n % keys.size());
              List<String> values = FleetGens.LABEL_VALUES.getOrDefault(key, List.of("v"));
              String value = values.get((n / 7) % values.size());
              return switch ((n / 101) % 9) {
                case 0 -> Requirement.in(key, value, values.get(0));
                case 1 -> Requirement.notIn(key, value);
                case 2 -> Requirement.equalTo(key, value);
                case 3 -> Requirement.doubleEqualTo(key, value);
                case 4 -> Requirement.notEqualTo(key, value);
                case 5 -> Requirement.exists(key);
                case 6 -> Requirement.doesNotExist(key);
                case 7 -> Requirement.greaterThan(key, (n / 1009) % 12);
                default -> Requirement.lessThan(key, (n / 1009) % 12);
              };
            });
  }

  @Test
  void labelSelectorsAgreeWithTheModel() {
    qt().withFixedSeed(131L)
        .withExamples(2_000)
        .forAll(requirements(), requirements(), FleetGens.labelSets())
        .checkAssert(
            (a, b, labels) -> {
              LabelSelector selector = LabelSelector.of(a, b);
              assertEquals(
                  selector.matches(labels),
                  ReferencePlacement.labelSelectorMatches(selector, labels),
                  selector + " on " + labels);
            });
  }

  @Test
  void propertyRequirementsAgreeWithTheModel() {
    List<String> names = new ArrayList<>(FleetGens.PROPERTY_VALUES.keySet());
    qt().withFixedSeed(137L)
        .withExamples(2_000)
        .forAll(integers().between(0, Integer.MAX_VALUE - 1), FleetGens.propertySets())
        .checkAssert(
            (n, properties) -> {
              String name = names.get(n % names.size());
              List<String> values = FleetGens.PROPERTY_VALUES.get(name);
              String value = values.get((n / 11) % values.size());
              PropertyOperator op = PropertyOperator.values()[(n / 97) % 6];
              PropertyRequirement requirement;
              try {
                requirement = PropertyRequirement.of(name, op, value);
              } catch (ValidationException orderingOnText) {
                return;
              }
              assertEquals(
                  requirement.matches(properties),
                  ReferencePlacement.propertyMatches(requirement, properties),
                  requirement + " on " + properties);
            });
  }
}
