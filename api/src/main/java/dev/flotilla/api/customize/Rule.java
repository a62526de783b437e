package dev.flotilla.api.customize;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a customization: the clusters it applies to and what it does to their manifests.
 *
 * <p>An absent {@code clusterSelector} selects no cluster (Kubernetes' nil selector); write {@code
 * clusterSelector: {}} for every cluster. Actions apply in list order; {@code CustomizationReader}
 * builds the list in a fixed order ({@code image}, {@code imageComponents}, {@code command}, {@code
 * args}, {@code labels}, {@code annotations}, {@code env}, {@code replicas}, {@code set}, {@code
 * remove}, {@code embeddedPatches}, {@code mergePatch}, {@code jsonPatch}), the broad typed edits
 * first and the exact patches last, whatever the order of the fields in the file. (Karmada applies
 * its overriders in this order too: image, command, args, labels, annotations, field, plaintext.)
 *
 * @param name unique within its customization; named in errors
 * @param clusterSelector the clusters the rule applies to; empty selects none
 * @param actions the edits, in order; {@link Action.Delete} stands alone
 * @param optional when true, a rule that cannot apply to a manifest (a missing path, a failed
 *     {@code test}, a template that fails) is skipped for that manifest instead of being an error
 */
public record Rule(
    String name,
    Optional<ClusterSelectorTerm> clusterSelector,
    List<Action> actions,
    boolean optional) {

  /** Copies the actions and checks the name and the combination of actions. */
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clusterSelector, "clusterSelector");
    actions = List.copyOf(actions);
    List<Problem> problems = new ArrayList<>();
    if (name.isEmpty()) {
      problems.add(Problem.at("name", "Required value"));
    }
    if (actions.isEmpty()) {
      problems.add(
          Problem.at(
              "",
              "Required value: a rule needs an action (jsonPatch, mergePatch, set, remove, image,"
                  + " imageComponents, command, args, labels, annotations, env, replicas,"
                  + " embeddedPatches or delete)"));
    }
    boolean deletes = actions.stream().anyMatch(a -> a instanceof Action.Delete);
    if (deletes && actions.size() > 1) {
      problems.add(
          Problem.at(
              "delete",
              "Invalid value: true: a rule that deletes the manifest can have no other action"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A required rule for the clusters matching {@code selector}. */
  public static Rule of(String name, ClusterSelectorTerm selector, Action... actions) {
    return new Rule(name, Optional.of(selector), List.of(actions), false);
  }

  /** The same rule, optional: skipped for a manifest it cannot apply to. */
  public Rule asOptional() {
    return new Rule(name, clusterSelector, actions, true);
  }
}
