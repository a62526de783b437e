package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.PolicyBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One customization compiled: its rules' selectors, templates and paths checked and compiled once.
 * Immutable and thread-safe. Combine several into a {@link RuleSet}.
 */
public final class CompiledCustomization {
  private final Customization customization;
  private final List<ResourceSelector> selectors;
  private final List<CompiledRule> rules;
  private final PolicyBudget budget;

  private CompiledCustomization(
      Customization customization, List<CompiledRule> rules, PolicyBudget budget) {
    this.budget = budget;
    this.customization = customization;
    this.selectors = customization.spec().resourceSelectors();
    this.rules = List.copyOf(rules);
  }

  /**
   * Compiles {@code customization} with the shared CEL environment ({@link
   * ExpressionEnvironment#forClusters()}).
   *
   * @throws ValidationException naming every selector, template and path that does not compile,
   *     with field paths relative to the customization document ({@code
   *     spec.rules[0].set[1].value})
   */
  public static CompiledCustomization compile(Customization customization) {
    return compile(customization, ExpressionEnvironment.forClusters());
  }

  /** Compiles with another CEL environment (other limits, say); it must declare {@code cluster}. */
  public static CompiledCustomization compile(
      Customization customization, ExpressionEnvironment cel) {
    Objects.requireNonNull(customization, "customization");
    List<CompiledRule> rules = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < customization.spec().rules().size(); i++) {
      try {
        rules.add(
            CompiledRule.compile(
                customization.name(),
                customization.spec().rules().get(i),
                "spec.rules[" + i + "]",
                cel,
                customization.spec().deleteInOrder()));
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new CompiledCustomization(customization, rules, cel.policyBudget());
  }

  /** The budget of one application, from the CEL environment it was compiled with. */
  PolicyBudget budget() {
    return budget;
  }

  /** The customization this was compiled from. */
  public Customization customization() {
    return customization;
  }

  /** Whether the customization edits {@code manifest} (judged on the manifest as given). */
  public boolean selects(JsonNode manifest) {
    if (selectors.isEmpty()) {
      return true;
    }
    for (ResourceSelector selector : selectors) {
      if (selector.matches(manifest)) {
        return true;
      }
    }
    return false;
  }

  List<CompiledRule> rules() {
    return rules;
  }
}
