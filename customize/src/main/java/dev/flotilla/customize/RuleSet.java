package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.placement.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
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
 * other rule runs for it; in a customization with {@code deleteInOrder} (KubeFleet's semantics), a
 * delete takes effect in its place instead: the rules before it run first (a failure is an error),
 * those after it do not. A rule that fails (a missing path, a failed {@code test}, a template
 * error) makes the manifest undeliverable to that cluster, with a {@link CustomizationError};
 * unless the rule is {@code optional}, in which case it is skipped as a whole (its earlier actions
 * undone) and the next rule runs. Errors never stop other clusters or manifests.
 *
 * <p>Every output has the identity of its input. A rule whose result differs from what the rule was
 * given in {@code apiVersion}, {@code kind}, {@code metadata.name} or {@code metadata.namespace}
 * (one added, removed or changed; {@code mergePatch: {metadata: null}} removes the name) fails like
 * any other rule, so a rule never turns a Kubernetes object into something that is not one. As in
 * Karmada, whose OverridePolicy cannot change which resource it overrides, a customization edits a
 * resource but never makes it another one: moving a manifest to another namespace makes a different
 * resource and so is not allowed either. A manifest given without {@code apiVersion}, {@code kind}
 * or {@code metadata.name} (or with one that is not a non-empty string) is refused before any rule
 * runs, with a {@link ValidationException} naming it ({@code manifests[2].metadata.name}): a
 * manifest is delivered to clusters as a Kubernetes object, and the identity check above needs one
 * to hold on to.
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
 * results that {@link #apply(Cluster, JsonNode)} shares between calls (see {@link
 * #withTemplateCache(int)}).
 */
public final class RuleSet {
  /*
   * For maintainers. This class validates and orders; RuleRunner runs the flattened rules on one
   * manifest for one cluster; FleetGrouping applies them to a whole inventory, grouping clusters
   * by ordinal so that each distinct output is computed once.
   */
  private static final int DEFAULT_CACHE_LIMIT = 1 << 16;

  private final RuleRunner runner;

  /**
   * Template results shared by {@link #apply(Cluster, JsonNode)} calls, keyed by expression and the
   * values it reads: event-driven controllers customize cluster after cluster, and most clusters
   * share most inputs (a region, a hardware class). Bounded by clearing when it holds more than
   * {@link #cacheLimit} results; unused when the limit is 0.
   */
  private final Map<Object, Object> sharedResults = new ConcurrentHashMap<>();

  private final int cacheLimit;

  private RuleSet(RuleRunner runner, int cacheLimit) {
    this.runner = runner;
    this.cacheLimit = cacheLimit;
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
    return new RuleSet(new RuleRunner(sorted), DEFAULT_CACHE_LIMIT);
  }

  /**
   * This rule set with a cache of its own for {@link #apply(Cluster, JsonNode)}, holding about
   * {@code maxResults} template results at most (it is emptied when it grows past that); {@code 0}
   * caches nothing, so that every call evaluates every template afresh (less memory, more CEL). The
   * compiled rules are shared, not compiled again; results are equal whatever the limit. The
   * default is 65,536.
   *
   * @throws IllegalArgumentException when {@code maxResults} is negative
   */
  public RuleSet withTemplateCache(int maxResults) {
    if (maxResults < 0) {
      throw new IllegalArgumentException("maxResults must be >= 0: " + maxResults);
    }
    return new RuleSet(runner, maxResults);
  }

  /** The customizations, in the order they apply. */
  public List<Customization> customizations() {
    return runner.customizations().stream().map(CompiledCustomization::customization).toList();
  }

  /**
   * Customizes one manifest for one cluster. Template results are reused across calls (from any
   * thread) for clusters whose templates read equal values, so a controller customizing cluster
   * after cluster mostly skips CEL.
   *
   * @return the customized copy, or empty when a rule deletes the manifest for this cluster
   * @throws CustomizationException when a rule cannot apply (the input is unchanged)
   * @throws ValidationException when the manifest is not a Kubernetes object (path {@code
   *     manifest.kind}, say)
   */
  public Optional<JsonNode> apply(Cluster cluster, JsonNode manifest) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(manifest, "manifest");
    List<Problem> problems = new ArrayList<>();
    checkManifest(manifest, "manifest", problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    if (cacheLimit == 0) {
      return applyFresh(cluster, manifest);
    }
    if (sharedResults.size() > cacheLimit) {
      sharedResults.clear();
    }
    return applyWith(
        cluster, manifest, TemplateContext.shared(cluster, sharedResults, runner.startBudget()));
  }

  /**
   * Customizes one manifest for one cluster evaluating every template afresh: the semantics with
   * nothing shared. Tests use it as the reference.
   */
  Optional<JsonNode> applyFresh(Cluster cluster, JsonNode manifest) {
    Objects.requireNonNull(cluster, "cluster");
    return applyWith(cluster, manifest, TemplateContext.of(cluster, runner.startBudget()));
  }

  private Optional<JsonNode> applyWith(
      Cluster cluster, JsonNode manifest, TemplateContext context) {
    Objects.requireNonNull(manifest, "manifest");
    RuleRunner.Outcome outcome =
        runner.run(runner.matching(cluster), context, manifest, 0, runner.selectedBy(manifest));
    if (outcome.error() != null) {
      throw new CustomizationException(List.of(outcome.error().withCluster(cluster.name())));
    }
    return Optional.ofNullable(outcome.output());
  }

  /**
   * Customizes every manifest for every cluster of {@code inventory}, computing each distinct
   * output once (see the class comment).
   *
   * @param manifests objects, such as those {@link dev.flotilla.api.io.ManifestReader} reads
   * @throws ValidationException when a manifest is not a Kubernetes object (a JSON object with
   *     {@code apiVersion}, {@code kind} and {@code metadata.name}), naming each such manifest by
   *     its index ({@code manifests[2].metadata.name})
   */
  public CustomizationResult apply(Inventory inventory, List<JsonNode> manifests) {
    Objects.requireNonNull(inventory, "inventory");
    return FleetGrouping.apply(runner, inventory, checked(manifests));
  }

  private static List<JsonNode> checked(List<JsonNode> manifests) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      JsonNode manifest = Objects.requireNonNull(manifests.get(i), "manifest");
      checkManifest(manifest, "manifests[" + i + "]", problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return List.copyOf(manifests);
  }

  /**
   * Adds the problems of {@code manifest} if it is not a Kubernetes object: a JSON object whose
   * {@code apiVersion}, {@code kind} and {@code metadata.name} are non-empty strings (and {@code
   * metadata.namespace}, if given, a string).
   */
  private static void checkManifest(JsonNode manifest, String path, List<Problem> problems) {
    if (!manifest.isObject()) {
      problems.add(Problem.at(path, "wrong type: expected object, got " + manifest.getNodeType()));
      return;
    }
    requireString(manifest.get("apiVersion"), path + ".apiVersion", problems);
    requireString(manifest.get("kind"), path + ".kind", problems);
    JsonNode metadata = manifest.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      problems.add(
          Problem.at(
              path + ".metadata", "wrong type: expected object, got " + metadata.getNodeType()));
      return;
    }
    JsonNode name = metadata == null ? null : metadata.get("name");
    requireString(name, path + ".metadata.name", problems);
    JsonNode namespace = metadata == null ? null : metadata.get("namespace");
    if (namespace != null && !namespace.isNull() && !namespace.isTextual()) {
      problems.add(
          Problem.at(
              path + ".metadata.namespace",
              "wrong type: expected string, got " + namespace.getNodeType()));
    }
  }

  private static void requireString(JsonNode value, String path, List<Problem> problems) {
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      problems.add(
          Problem.at(
              path,
              "Required value: a manifest is delivered as a Kubernetes object, which needs"
                  + " apiVersion, kind and metadata.name"));
    } else if (!value.isTextual()) {
      problems.add(Problem.at(path, "wrong type: expected string, got " + value.getNodeType()));
    }
  }
}
