package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.Inventory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customizations compiled into one rule set: per cluster, each manifest's customized copy.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.compile(List.of(customization));         // validates, compiles CEL
 * CustomizationResult out = rules.apply(inventory, manifests);      // the whole fleet
 * List<JsonNode> mine = out.manifests("store-0042");
 * Optional<JsonNode> one = rules.apply(cluster, deployment);        // one cluster, event-driven
 * }</pre>
 *
 * <h2>Semantics</h2>
 *
 * Customizations apply in order of ({@code spec.priority}, name), lowest first, so the later one
 * wins where two write the same field. A customization edits a manifest when one of its resource
 * selectors matches the manifest <em>as given</em> (edits by earlier customizations do not change
 * which ones apply). Within a customization, the rules whose cluster selector matches the cluster
 * apply in the order written, each rule's actions in order. If any matching rule of an applying
 * customization says {@code delete: true}, the manifest is not delivered to that cluster and no
 * other rule runs for it. A rule that fails (a missing path, a failed {@code test}, a template
 * error) makes the manifest undeliverable to that cluster, with a {@link CustomizationError};
 * unless the rule is {@code optional}, in which case it is skipped as a whole (its earlier actions
 * undone) and the next rule runs. Errors never stop other clusters or manifests.
 *
 * <h2>Fleet-scale de-duplication</h2>
 *
 * {@link #apply(Inventory, List)} evaluates each rule's cluster selector once over the inventory
 * index, then groups clusters by (the rules that match them, the values of the labels, annotations,
 * properties and name that those rules' templates read, found by {@link
 * dev.flotilla.expr.CompiledExpression#dependencies()}). Clusters of a group get equal outputs, so
 * each group's output is computed once, from one member: the cost follows the number of distinct
 * outputs, not the number of clusters.
 *
 * <p>Inputs are never modified. Thread-safe; immutable apart from a bounded cache of template
 * results that {@link #apply(Cluster, JsonNode)} shares between calls.
 */
public final class RuleSet {
  /*
   * For maintainers. Rules are flattened into one array in application order; a cluster's "mask"
   * has bit i set when rule i matches it. The per-group work (deep copy, templates, patches) is
   * the expensive part and runs once per group; the per-cluster work is a few hash lookups: a
   * bitmap membership test per rule and one inventory column read per referenced key. Groups are
   * found in two passes (by mask, then by referenced values under that mask) so that the key plan
   * of a mask (which keys its rules read) is computed once per mask, not per cluster.
   */
  private final List<CompiledCustomization> customizations;
  private final CompiledRule[] rules;

  /** For each rule, the index of its customization in {@link #customizations}. */
  private final int[] owner;

  /**
   * Template results shared by {@link #apply(Cluster, JsonNode)} calls, keyed by expression and the
   * values it reads: event-driven controllers customize cluster after cluster, and most clusters
   * share most inputs (a region, a hardware class). Bounded by clearing when full.
   */
  private final Map<Object, Object> sharedResults = new ConcurrentHashMap<>();

  private static final int MAX_SHARED_RESULTS = 1 << 16;

  private RuleSet(List<CompiledCustomization> customizations) {
    this.customizations = customizations;
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
  }

  /**
   * Compiles {@code customizations} (in any order) with the shared CEL environment.
   *
   * @throws ValidationException naming every problem; a problem's path is placed under {@code
   *     customizations[i]} only when there are several customizations
   */
  public static RuleSet compile(List<Customization> customizations) {
    List<CompiledCustomization> compiled = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < customizations.size(); i++) {
      try {
        compiled.add(CompiledCustomization.compile(customizations.get(i)));
      } catch (ValidationException e) {
        problems.addAll(
            customizations.size() == 1
                ? e.problems()
                : e.under("customizations[" + i + "]").problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return of(compiled);
  }

  /**
   * A rule set of compiled customizations, ordered by ({@code spec.priority}, name).
   *
   * @throws ValidationException when two customizations have the same namespace and name
   */
  public static RuleSet of(List<CompiledCustomization> customizations) {
    List<CompiledCustomization> sorted = new ArrayList<>(customizations);
    sorted.sort(
        Comparator.comparingInt((CompiledCustomization c) -> c.customization().spec().priority())
            .thenComparing(c -> c.customization().name())
            .thenComparing(c -> c.customization().namespace()));
    Set<String> seen = new HashSet<>();
    for (CompiledCustomization c : sorted) {
      String key = c.customization().namespace() + "/" + c.customization().name();
      if (!seen.add(key)) {
        throw ValidationException.at("metadata.name", "Duplicate value: \"" + key + "\"");
      }
    }
    return new RuleSet(List.copyOf(sorted));
  }

  /** The customizations, in the order they apply. */
  public List<Customization> customizations() {
    return customizations.stream().map(CompiledCustomization::customization).toList();
  }

  /**
   * Customizes one manifest for one cluster. Template results are reused across calls (from any
   * thread) for clusters whose templates read equal values, so a controller customizing cluster
   * after cluster mostly skips CEL.
   *
   * @return the customized copy, or empty when a rule deletes the manifest for this cluster
   * @throws CustomizationException when a rule cannot apply (the input is unchanged)
   */
  public Optional<JsonNode> apply(Cluster cluster, JsonNode manifest) {
    if (sharedResults.size() > MAX_SHARED_RESULTS) {
      sharedResults.clear();
    }
    return applyWith(cluster, manifest, Bindings.shared(cluster, sharedResults));
  }

  /**
   * Customizes one manifest for one cluster evaluating every template afresh: the semantics with
   * nothing shared, slower. Tests use it as the reference and benchmarks as the naive baseline.
   *
   * @return the customized copy, or empty when a rule deletes the manifest for this cluster
   * @throws CustomizationException when a rule cannot apply (the input is unchanged)
   */
  public Optional<JsonNode> applyFresh(Cluster cluster, JsonNode manifest) {
    return applyWith(cluster, manifest, Bindings.of(cluster));
  }

  private Optional<JsonNode> applyWith(Cluster cluster, JsonNode manifest, Bindings bindings) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(manifest, "manifest");
    boolean[] matched = new boolean[rules.length];
    for (int r = 0; r < rules.length; r++) {
      matched[r] = rules[r].matches(cluster);
    }
    Outcome outcome = run(matched, bindings, manifest, 0, selectedBy(manifest));
    if (outcome.error != null) {
      throw new CustomizationException(List.of(outcome.error.withCluster(cluster.name())));
    }
    return Optional.ofNullable(outcome.output);
  }

  /**
   * Customizes every manifest for every cluster of {@code inventory}, computing each distinct
   * output once (see the class comment).
   *
   * @param manifests objects, such as those {@link dev.flotilla.api.io.ManifestReader} reads
   * @throws ValidationException when a manifest is not a JSON object
   */
  public CustomizationResult apply(Inventory inventory, List<JsonNode> manifests) {
    Objects.requireNonNull(inventory, "inventory");
    List<JsonNode> inputs = checked(manifests);
    boolean[][] selected = new boolean[inputs.size()][];
    boolean[] relevant = new boolean[rules.length];
    for (int m = 0; m < inputs.size(); m++) {
      selected[m] = selectedBy(inputs.get(m));
      for (int r = 0; r < rules.length; r++) {
        relevant[r] |= selected[m][owner[r]];
      }
    }
    ClusterSet[] sets = new ClusterSet[rules.length];
    for (int r = 0; r < rules.length; r++) {
      sets[r] = relevant[r] ? rules[r].select(inventory) : null;
    }
    // Pass 1: clusters by the set of rules that match them.
    Map<Mask, List<String>> byMask = new HashMap<>();
    inventory
        .all()
        .forEachName(
            name -> {
              long[] words = new long[(rules.length + 63) >>> 6];
              for (int r = 0; r < sets.length; r++) {
                if (sets[r] != null && sets[r].contains(name)) {
                  words[r >>> 6] |= 1L << r;
                }
              }
              byMask.computeIfAbsent(new Mask(words), k -> new ArrayList<>()).add(name);
            });
    // Pass 2: under each mask, clusters by the values its rules' templates read; each such
    // input group is then placed by its templates' results (memoized per input, so evaluated once
    // per distinct input): clusters whose templates evaluate alike share one output.
    Map<Object, Object> memo = new HashMap<>();
    Map<Outputs, CustomizationResult.Group> byOutputs = new HashMap<>();
    Map<String, CustomizationResult.Group> byCluster = new HashMap<>(inventory.size() * 2);
    List<CustomizationResult.Group> groups = new ArrayList<>();
    for (Map.Entry<Mask, List<String>> entry : byMask.entrySet()) {
      boolean[] matched = entry.getKey().toBooleans(rules.length);
      KeyPlan plan = KeyPlan.of(matched, rules);
      List<CompiledExpression> expressions = new ArrayList<>();
      for (int r = 0; r < rules.length; r++) {
        if (matched[r]) {
          expressions.addAll(rules[r].expressions);
        }
      }
      Map<Values, CustomizationResult.Group> byValues = new HashMap<>();
      for (String name : entry.getValue()) {
        Values values = plan.values(inventory, name);
        CustomizationResult.Group group = byValues.get(values);
        if (group == null) {
          Map<String, Object> representative = inventory.clusterVariable(name).orElseThrow();
          Bindings bindings = Bindings.memoized(representative, memo);
          Object[] results = new Object[expressions.size()];
          for (int e = 0; e < results.length; e++) {
            results[e] = bindings.result(expressions.get(e));
          }
          Outputs outputs = new Outputs(entry.getKey(), results);
          group = byOutputs.get(outputs);
          if (group == null) {
            group = compute(matched, bindings, inputs, selected);
            byOutputs.put(outputs, group);
            groups.add(group);
          }
          byValues.put(values, group);
        }
        byCluster.put(name, group);
      }
    }
    return new CustomizationResult(inputs.size(), byCluster, groups);
  }

  private CustomizationResult.Group compute(
      boolean[] matched, Bindings variables, List<JsonNode> manifests, boolean[][] selected) {
    JsonNode[] outputs = new JsonNode[manifests.size()];
    CustomizationError[] errors = new CustomizationError[manifests.size()];
    for (int m = 0; m < outputs.length; m++) {
      Outcome outcome = run(matched, variables, manifests.get(m), m, selected[m]);
      outputs[m] = outcome.output;
      errors[m] = outcome.error;
    }
    return new CustomizationResult.Group(outputs, errors);
  }

  private boolean[] selectedBy(JsonNode manifest) {
    boolean[] out = new boolean[customizations.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = customizations.get(c).selects(manifest);
    }
    return out;
  }

  /** The rules applied to one manifest for one cluster: output, deletion (null, null) or error. */
  private Outcome run(
      boolean[] matched, Bindings variables, JsonNode manifest, int index, boolean[] selected) {
    for (int r = 0; r < rules.length; r++) {
      if (matched[r] && selected[owner[r]] && rules[r].delete) {
        return new Outcome(null, null);
      }
    }
    JsonNode document = manifest.deepCopy();
    for (int r = 0; r < rules.length; r++) {
      CompiledRule rule = rules[r];
      if (!matched[r] || !selected[owner[r]]) {
        continue;
      }
      // An optional rule works on a copy so that a failure part-way leaves no trace.
      JsonNode work = rule.optional ? document.deepCopy() : document;
      try {
        for (CompiledAction action : rule.actions) {
          work = action.apply(work, variables);
        }
        if (!work.isObject()) {
          throw new ActionFailure("", "the result is not an object but " + work.getNodeType());
        }
        document = work;
      } catch (ActionFailure failure) {
        if (!rule.optional) {
          return new Outcome(null, error(rule, index, manifest, failure));
        }
      }
    }
    return new Outcome(document, null);
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

  private static List<JsonNode> checked(List<JsonNode> manifests) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      JsonNode manifest = Objects.requireNonNull(manifests.get(i), "manifest");
      if (!manifest.isObject()) {
        problems.add(
            Problem.at(
                "manifests[" + i + "]",
                "wrong type: expected object, got " + manifest.getNodeType()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return List.copyOf(manifests);
  }

  private record Outcome(JsonNode output, CustomizationError error) {}

  /** A set of rules, as bitmap words. */
  private record Mask(long[] words) {
    boolean[] toBooleans(int n) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = (words[i >>> 6] & (1L << i)) != 0;
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mask other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }
  }

  /** A set of rules and the results of their templates: what decides an output. */
  private record Outputs(Mask mask, Object[] results) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Outputs other
          && mask.equals(other.mask)
          && Arrays.equals(results, other.results);
    }

    @Override
    public int hashCode() {
      return mask.hashCode() * 31 + Arrays.hashCode(results);
    }
  }

  /** The values a group key holds (nulls for missing keys). */
  private record Values(Object[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Values other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** Which inputs of a cluster the matched rules' templates read. */
  private record KeyPlan(
      boolean name,
      String[] labels,
      String[] annotations,
      String[] properties,
      boolean allLabels,
      boolean allAnnotations,
      boolean allProperties) {

    static KeyPlan of(boolean[] matched, CompiledRule[] rules) {
      boolean name = false;
      Set<String> labels = new HashSet<>();
      Set<String> annotations = new HashSet<>();
      Set<String> properties = new HashSet<>();
      Set<Dependencies.ClusterMap> whole = new HashSet<>();
      for (int r = 0; r < rules.length; r++) {
        if (!matched[r]) {
          continue;
        }
        for (Dependencies d : rules[r].dependencies) {
          name |= d.readsName();
          labels.addAll(d.labelKeys());
          annotations.addAll(d.annotationKeys());
          properties.addAll(d.propertyNames());
          whole.addAll(d.wholeMaps());
        }
      }
      return new KeyPlan(
          name,
          labels.toArray(String[]::new),
          annotations.toArray(String[]::new),
          properties.toArray(String[]::new),
          whole.contains(Dependencies.ClusterMap.LABELS),
          whole.contains(Dependencies.ClusterMap.ANNOTATIONS),
          whole.contains(Dependencies.ClusterMap.PROPERTIES));
    }

    Values values(Inventory inventory, String cluster) {
      List<Object> out = new ArrayList<>();
      if (name) {
        out.add(cluster);
      }
      for (String key : labels) {
        out.add(inventory.label(cluster, key).orElse(null));
      }
      for (String key : annotations) {
        out.add(inventory.annotation(cluster, key).orElse(null));
      }
      for (String key : properties) {
        out.add(inventory.property(cluster, key).orElse(null));
      }
      if (allLabels || allAnnotations || allProperties) {
        // Rare: templates that iterate a map. Copies, so the key compares by content.
        Map<String, Object> whole = inventory.clusterVariable(cluster).orElseThrow();
        out.add(allLabels ? Map.copyOf((Map<?, ?>) whole.get("labels")) : null);
        out.add(allAnnotations ? Map.copyOf((Map<?, ?>) whole.get("annotations")) : null);
        out.add(allProperties ? Map.copyOf((Map<?, ?>) whole.get("properties")) : null);
      }
      return new Values(out.toArray());
    }
  }
}
