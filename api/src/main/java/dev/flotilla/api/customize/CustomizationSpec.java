package dev.flotilla.api.customize;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a customization edits and how.
 *
 * <p>Precedence: several customizations apply in order of ({@code priority}, name), lowest first,
 * so a later one (higher priority) sees and may override what an earlier one wrote; within a
 * customization, rules apply in the order written.
 *
 * @param priority orders customizations; lower applies first
 * @param resourceSelectors the manifests this customization edits: a manifest is edited when it
 *     matches any selector; an empty list selects every manifest
 * @param rules the rules, in order; names unique
 * @param deleteInOrder when false (the default), a matching {@code delete: true} rule wins over
 *     every edit: no rule runs for that cluster and manifest, so a rule that would fail does not
 *     matter. When true, the delete takes effect in its place, as KubeFleet's {@code Delete}
 *     override does: the rules before it (in this customization and in those applied before it) run
 *     first and their failures are errors; the rules after it do not run
 */
public record CustomizationSpec(
    int priority,
    List<ResourceSelector> resourceSelectors,
    List<Rule> rules,
    boolean deleteInOrder) {

  /** Copies the lists and checks that rules exist and have distinct names. */
  public CustomizationSpec {
    resourceSelectors = List.copyOf(resourceSelectors);
    rules = List.copyOf(rules);
    List<Problem> problems = new ArrayList<>();
    if (rules.isEmpty()) {
      problems.add(Problem.at("rules", "Required value: a customization needs at least one rule"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      String name = rules.get(i).name();
      if (!names.add(name)) {
        problems.add(Problem.at("rules[" + i + "].name", "Duplicate value: \"" + name + "\""));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A spec whose deletes win over every edit. */
  public CustomizationSpec(
      int priority, List<ResourceSelector> resourceSelectors, List<Rule> rules) {
    this(priority, resourceSelectors, rules, false);
  }

  /** A spec of priority 0 editing every manifest. */
  public static CustomizationSpec of(List<Rule> rules) {
    return new CustomizationSpec(0, List.of(), rules);
  }
}
