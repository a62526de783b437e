package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.expr.PolicyBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a rule set's rules on one manifest for one cluster. The rules of every customization are
 * flattened into one array in application order; which of them apply is given by two boolean
 * arrays: {@code matched} (by rule: its cluster selector matches the cluster) and {@code selected}
 * (by customization: one of its resource selectors matches the manifest). Immutable and
 * thread-safe.
 *
 * <p>After each rule the result must keep the identity the rule was given: the same {@code
 * apiVersion}, {@code kind}, {@code metadata.name} and {@code metadata.namespace} (none added,
 * removed or changed), so a rule cannot turn a Kubernetes object into something that is not one. As
 * with Karmada's OverridePolicy, which cannot change the resource it overrides, the namespace is
 * part of that identity. Otherwise the rule fails for that manifest and cluster.
 */
final class RuleRunner {
  private final List<CompiledCustomization> customizations;
  private final CompiledRule[] rules;

  /** For each rule, the index of its customization in {@link #customizations}. */
  private final int[] owner;

  /** {@code customizations} in the order they apply. */
  private final PolicyBudget budget;

  private final String policyName;

  RuleRunner(List<CompiledCustomization> customizations) {
    this.customizations = List.copyOf(customizations);
    List<CompiledRule> flat = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int c = 0; c < customizations.size(); c++) {
      for (CompiledRule rule : customizations.get(c).rules()) {
        flat.add(rule);
        owners.add(c);
      }
    }
    this.rules = flat.toArray(CompiledRule[]::new);
    this.owner = owners.stream().mapToInt(Integer::intValue).toArray();
    this.budget = smallest(customizations);
    this.policyName = policyName(customizations);
  }

  /** The tightest budget among the customizations': a rule set is one policy evaluation. */
  private static PolicyBudget smallest(List<CompiledCustomization> customizations) {
    PolicyBudget out = PolicyBudget.defaults();
    for (int i = 0; i < customizations.size(); i++) {
      PolicyBudget b = customizations.get(i).budget();
      out =
          i == 0
              ? b
              : new PolicyBudget(
                  Math.min(out.maxCost(), b.maxCost()),
                  out.maxTime().compareTo(b.maxTime()) <= 0 ? out.maxTime() : b.maxTime());
    }
    return out;
  }

  private static String policyName(List<CompiledCustomization> customizations) {
    StringBuilder name = new StringBuilder("customization");
    for (int i = 0; i < customizations.size() && i < 3; i++) {
      var c = customizations.get(i).customization();
      name.append(i == 0 ? " " : ", ").append(c.namespace()).append('/').append(c.name());
    }
    if (customizations.size() > 3) {
      name.append(" and ").append(customizations.size() - 3).append(" more");
    }
    return name.toString();
  }

  /** Starts the CEL budget of one application of the rule set. */
  PolicyBudget.Run startBudget() {
    return budget.start(policyName);
  }

  List<CompiledCustomization> customizations() {
    return customizations;
  }

  /** The flattened rules, in application order (the caller must not write the array). */
  CompiledRule[] rules() {
    return rules;
  }

  /** By customization: whether it edits {@code manifest}. */
  boolean[] selectedBy(JsonNode manifest) {
    boolean[] out = new boolean[customizations.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = customizations.get(c).selects(manifest);
    }
    return out;
  }

  /** By rule: whether some manifest's {@code selected} array lets it edit that manifest. */
  boolean[] relevant(boolean[][] selected) {
    boolean[] out = new boolean[rules.length];
    for (boolean[] manifest : selected) {
      for (int r = 0; r < rules.length; r++) {
        out[r] |= manifest[owner[r]];
      }
    }
    return out;
  }

  /** By rule: whether its cluster selector matches {@code cluster}. */
  boolean[] matching(Cluster cluster) {
    boolean[] matched = new boolean[rules.length];
    for (int r = 0; r < rules.length; r++) {
      matched[r] = rules[r].matches(cluster);
    }
    return matched;
  }

  /**
   * The rules applied to one manifest for one cluster.
   *
   * @param index the manifest's index in its input list, for errors
   */
  Outcome run(
      boolean[] matched,
      TemplateContext context,
      JsonNode manifest,
      int index,
      boolean[] selected) {
    for (int r = 0; r < rules.length; r++) {
      if (matched[r] && selected[owner[r]] && rules[r].delete && !rules[r].deleteInOrder) {
        return Outcome.DELETED;
      }
    }
    JsonNode document = manifest.deepCopy();
    context.beginManifest();
    for (int r = 0; r < rules.length; r++) {
      CompiledRule rule = rules[r];
      if (!matched[r] || !selected[owner[r]]) {
        continue;
      }
      if (rule.delete) {
        return Outcome.DELETED; // a delete in order (spec.deleteInOrder): the rules before it ran
      }
      // An optional rule works on a copy so that a failure part-way leaves no trace.
      JsonNode work = rule.optional ? document.deepCopy() : document;
      try {
        // Scalar nodes are immutable: holding them survives in-place edits of the document.
        JsonNode[] identity = identity(document);
        for (CompiledAction action : rule.actions) {
          work = action.apply(work, context);
        }
        if (!work.isObject()) {
          throw new ActionFailure("", "the result is not an object but " + work.getNodeType());
        }
        checkIdentity(identity, work);
        document = work;
      } catch (ActionFailure failure) {
        if (!rule.optional) {
          return new Outcome(null, error(rule, index, manifest, failure));
        }
      }
    }
    return new Outcome(document, null);
  }

  private static final String[] IDENTITY = {
    "/apiVersion", "/kind", "/metadata/name", "/metadata/namespace"
  };

  /** The values at {@link #IDENTITY} (null where there is none). */
  private static JsonNode[] identity(JsonNode manifest) {
    JsonNode metadata = manifest.get("metadata");
    return new JsonNode[] {
      manifest.get("apiVersion"),
      manifest.get("kind"),
      metadata == null ? null : metadata.get("name"),
      metadata == null ? null : metadata.get("namespace")
    };
  }

  /** Fails unless {@code result} has the identity {@code before}: {@link #IDENTITY} unchanged. */
  private static void checkIdentity(JsonNode[] before, JsonNode result) {
    JsonNode[] after = identity(result);
    for (int i = 0; i < IDENTITY.length; i++) {
      if (!Objects.equals(before[i], after[i])) {
        throw new ActionFailure(
            IDENTITY[i],
            "Forbidden: a rule may not change a resource's apiVersion, kind, metadata.name or"
                + " metadata.namespace (was "
                + shown(before[i])
                + ", now "
                + shown(after[i])
                + ")");
      }
    }
  }

  private static String shown(JsonNode value) {
    return value == null ? "absent" : value.toString();
  }

  private static CustomizationError error(
      CompiledRule rule, int index, JsonNode manifest, ActionFailure failure) {
    return new CustomizationError(
        "",
        index,
        describe(manifest),
        rule.customization,
        rule.name,
        rule.path,
        failure.target,
        failure.getMessage());
  }

  /** {@code apps/v1 Deployment shop/web}. */
  static String describe(JsonNode manifest) {
    JsonNode metadata = manifest.path("metadata");
    String namespace = metadata.path("namespace").asText("");
    return manifest.path("apiVersion").asText("")
        + " "
        + manifest.path("kind").asText("")
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + metadata.path("name").asText("");
  }

  /**
   * What the rules did to one manifest for one cluster: an output, a deletion (both null) or an
   * error.
   */
  record Outcome(JsonNode output, CustomizationError error) {
    static final Outcome DELETED = new Outcome(null, null);
  }
}
