package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Karmada's {@code OverridePolicy} and {@code ClusterOverridePolicy} ({@code
 * policy.karmada.io/v1alpha1}, karmada pkg/apis/policy/v1alpha1/override_types.go) as a Flotilla
 * {@link Customization}, with the semantics of karmada pkg/util/overridemanager:
 *
 * <ul>
 *   <li>{@code resourceSelectors}: apiVersion and kind must equal the manifest's; a {@code name}
 *       matches by name alone (its {@code labelSelector} is ignored, as Karmada ignores it); none
 *       selects every manifest. An OverridePolicy edits only manifests of its own namespace.
 *   <li>Order between policies: ClusterOverridePolicies before OverridePolicies; within each, by
 *       how specifically the policy selects the manifest (match-all, then label selector, then
 *       name), then by name. That becomes the customization's {@code priority}: 1, 2 or 3 for a
 *       ClusterOverridePolicy, 11, 12 or 13 for an OverridePolicy, ties broken by name as Flotilla
 *       does. A policy whose selectors are of different kinds has a priority that depends on the
 *       manifest, which Flotilla cannot say: refused.
 *   <li>{@code overrideRules[]} (or the deprecated {@code targetCluster} and {@code overriders}):
 *       each rule's {@code targetCluster} (absent: every cluster; {@code clusterNames}, {@code
 *       exclude}, {@code labelSelector}, {@code fieldSelector} over provider, region and zones,
 *       ANDed) becomes the Flotilla rule's cluster selector; its overriders become actions in
 *       Karmada's order: image ({@code imageComponents}), command, args, labels, annotations, field
 *       ({@code embeddedPatches}), plaintext ({@code jsonPatch}). Where that order needs one action
 *       kind twice, the rule is split into consecutive Flotilla rules with the same selector.
 * </ul>
 */
final class KarmadaOverrideReader {
  private KarmadaOverrideReader() {}

  static final String GROUP = "policy.karmada.io";
  private static final List<String> VERSIONS = List.of("policy.karmada.io/v1alpha1");

  static Optional<Customization> overridePolicy(ObjectView document, PeerPolicies.Notes notes) {
    return read(document, notes, false);
  }

  static Optional<Customization> clusterOverridePolicy(
      ObjectView document, PeerPolicies.Notes notes) {
    return read(document, notes, true);
  }

  private static Optional<Customization> read(
      ObjectView document, PeerPolicies.Notes notes, boolean clusterScoped) {
    Binder binder = document.binder();
    int before = binder.problemCount();
    PeerDocuments.Envelope envelope = PeerDocuments.envelope(document, VERSIONS);
    if (envelope.spec().isEmpty()) {
      return Optional.empty();
    }
    ObjectView spec = envelope.spec().get();
    String namespace = envelope.namespace();
    int[] priority = {0};
    List<ResourceSelector> selectors =
        resourceSelectors(spec, notes, clusterScoped, namespace, priority);
    List<Rule> rules = new ArrayList<>();
    boolean hasRules = spec.has("overrideRules");
    List<List<Rule>> fromRules =
        spec.list(
            "overrideRules",
            (item, path) ->
                ObjectView.of(binder, item, path)
                    .map(
                        rule -> {
                          Optional<ClusterSelectorTerm> target = targetCluster(rule);
                          List<Action> actions =
                              rule.object("overriders")
                                  .map(KarmadaOverrideReader::overriders)
                                  .orElse(List.of());
                          if (!rule.has("overriders")) {
                            binder.report(
                                item.location(), rule.child("overriders"), "Required value");
                          }
                          rule.rejectUnknown();
                          return pack("overrideRules-" + index(path), target, actions);
                        }));
    fromRules.forEach(rules::addAll);
    boolean hasTarget = spec.has("targetCluster");
    boolean hasOverriders = spec.has("overriders");
    if (hasRules && hasTarget) {
      binder.report(
          spec.node().location(),
          spec.child("targetCluster"),
          "Invalid value: overrideRules and targetCluster can't co-exist");
    }
    Optional<ClusterSelectorTerm> target = targetCluster(spec);
    List<Action> deprecated =
        spec.object("overriders").map(KarmadaOverrideReader::overriders).orElse(List.of());
    if (hasRules && !deprecated.isEmpty()) {
      binder.report(
          spec.node().location(),
          spec.child("overriders"),
          "Invalid value: overrideRules and overriders can't co-exist");
    }
    if (fromRules.isEmpty() && (hasTarget || hasOverriders)) {
      // karmada overridemanager.go: without overrideRules, the deprecated pair is the one rule.
      rules.addAll(pack("overriders", target, deprecated));
    }
    spec.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    if (rules.isEmpty()) {
      // Karmada applies nothing; Flotilla needs a rule, so one that selects no cluster.
      notes.add(spec, "overrideRules", "no overriders: the policy changes nothing");
      rules.add(
          new Rule(
              "no-overriders",
              Optional.empty(),
              List.of(new Action.Labels(Map.of(), List.of())),
              false));
    }
    int policyPriority = (clusterScoped ? 0 : 10) + priority[0];
    return Optional.ofNullable(
        binder.construct(
            document.node(),
            "",
            () ->
                new Customization(
                    envelope.name(),
                    namespace,
                    new CustomizationSpec(policyPriority, selectors, rules))));
  }

  private static String index(String path) {
    return path.substring(path.lastIndexOf('[') + 1, path.length() - 1);
  }

  /**
   * Karmada's ResourceSelectors (karmada pkg/util/selector.go ResourceSelectorPriority). Sets
   * {@code priority[0]} to the policy's implicit priority: 1 match-all, 2 label selector, 3 name.
   */
  private static List<ResourceSelector> resourceSelectors(
      ObjectView spec,
      PeerPolicies.Notes notes,
      boolean clusterScoped,
      String namespace,
      int[] priority) {
    Set<Integer> classes = new TreeSet<>();
    List<ResourceSelector> out =
        spec.list(
            "resourceSelectors",
            (item, path) ->
                ObjectView.of(spec.binder(), item, path)
                    .flatMap(
                        view -> {
                          String apiVersion = view.requiredString("apiVersion");
                          String kind = view.requiredString("kind");
                          String selectorNamespace = view.string("namespace").orElse("");
                          String name = view.string("name").orElse("");
                          boolean hasLabels = view.has("labelSelector");
                          LabelSelector labels =
                              view.object("labelSelector")
                                  .map(PlacementReader::labelSelector)
                                  .orElse(null);
                          view.rejectUnknown();
                          if (!clusterScoped && !selectorNamespace.equals(namespace)) {
                            view.binder()
                                .report(
                                    item.location(),
                                    view.child("namespace"),
                                    "Invalid value: \""
                                        + selectorNamespace
                                        + "\": namespace of resource selector must be the same as"
                                        + " the namespace of the policy (\""
                                        + namespace
                                        + "\")");
                          }
                          if (hasLabels && labels == null) {
                            return Optional.empty();
                          }
                          if (!name.isEmpty() && hasLabels) {
                            notes.add(
                                view,
                                "labelSelector",
                                "ignored: Karmada matches a selector with a name by the name alone");
                          }
                          classes.add(!name.isEmpty() ? 3 : hasLabels ? 2 : 1);
                          LabelSelector matching =
                              name.isEmpty() && hasLabels ? labels : LabelSelector.everything();
                          return Optional.of(
                              new ResourceSelector(
                                  apiVersion, kind, selectorNamespace, name, matching));
                        }));
    if (classes.size() > 1) {
      spec.binder()
          .report(
              spec.node().location(),
              spec.child("resourceSelectors"),
              "Invalid value: selectors by name, by label selector and for all resources are mixed:"
                  + " Karmada orders policies per resource by the most specific selector that"
                  + " matches it, which one Flotilla priority cannot express: split the policy");
    }
    priority[0] = classes.isEmpty() ? 1 : classes.iterator().next();
    if (out.isEmpty() && !clusterScoped) {
      // Karmada lists OverridePolicies in the resource's namespace only.
      out = List.of(new ResourceSelector("", "", namespace, "", LabelSelector.everything()));
    }
    return out;
  }

  /** A ClusterAffinity (karmada pkg/util/selector.go ClusterMatches); absent: every cluster. */
  static Optional<ClusterSelectorTerm> targetCluster(ObjectView parent) {
    if (!parent.has("targetCluster")) {
      parent.take("targetCluster");
      return Optional.of(ClusterSelectorTerm.all());
    }
    return parent.object("targetCluster").flatMap(KarmadaOverrideReader::affinity);
  }

  static Optional<ClusterSelectorTerm> affinity(ObjectView affinity) {
    Binder binder = affinity.binder();
    int before = binder.problemCount();
    List<String> cel = new ArrayList<>();
    LabelSelector labels =
        affinity.object("labelSelector").map(PlacementReader::labelSelector).orElse(null);
    List<String> names = affinity.stringList("clusterNames");
    List<String> exclude = affinity.stringList("exclude");
    affinity
        .object("fieldSelector")
        .ifPresent(
            fields -> {
              fields.list(
                  "matchExpressions",
                  (item, path) ->
                      ObjectView.of(binder, item, path)
                          .map(
                              e -> {
                                String key = e.requiredString("key");
                                String operator = e.requiredString("operator");
                                List<String> values = e.stringList("values");
                                e.rejectUnknown();
                                fieldExpression(e, item, key, operator, values).ifPresent(cel::add);
                                return key;
                              }));
              fields.rejectUnknown();
            });
    affinity.rejectUnknown();
    if (!exclude.isEmpty()) {
      cel.add(0, "!(cluster.name in " + PeerCel.list(exclude) + ")");
    }
    if (!names.isEmpty()) {
      cel.add("cluster.name in " + PeerCel.list(names));
    }
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ClusterSelectorTerm(
            labels == null ? LabelSelector.everything() : labels, List.of(), cel));
  }

  /**
   * One field selector requirement: Karmada's webhook allows keys provider, region and zone and
   * operators In and NotIn (karmada pkg/util/validation ValidatePolicyFieldSelector). Provider and
   * region match as labels of the cluster's non-empty {@code spec.provider} and {@code
   * spec.region}; zone matches {@code spec.zones} (the property {@code zones}, comma-separated): In
   * when any zone is listed, NotIn when none is.
   */
  private static Optional<String> fieldExpression(
      ObjectView e, Node item, String key, String operator, List<String> values) {
    String has;
    String matches;
    switch (key) {
      case "provider", "region" -> {
        String property = "cluster.properties[" + PeerCel.quote(key) + "]";
        has = PeerCel.quote(key) + " in cluster.properties && " + property + " != ''";
        matches = property + " in " + PeerCel.list(values);
      }
      case "zone" -> {
        has = "'zones' in cluster.properties";
        matches =
            "cluster.properties['zones'].split(',').exists(z, z in " + PeerCel.list(values) + ")";
      }
      default -> {
        e.binder()
            .report(
                item.location(),
                e.child("key"),
                "Unsupported value: \""
                    + key
                    + "\": supported values: \"provider\", \"region\", \"zone\"");
        return Optional.empty();
      }
    }
    switch (operator) {
      case "In" -> {
        return Optional.of("(" + has + " && " + matches + ")");
      }
      case "NotIn" -> {
        return Optional.of("!(" + has + " && " + matches + ")");
      }
      default -> {
        e.binder()
            .report(
                item.location(),
                e.child("operator"),
                "Unsupported value: \"" + operator + "\": supported values: \"In\", \"NotIn\"");
        return Optional.empty();
      }
    }
  }

  /** The overriders as Flotilla actions, in the order Karmada applies them. */
  private static List<Action> overriders(ObjectView overriders) {
    Binder binder = overriders.binder();
    List<Action> actions = new ArrayList<>();
    actions.addAll(
        overriders.list("imageOverrider", (item, path) -> image(overriders, item, path)));
    actions.addAll(
        overriders.list(
            "commandOverrider", (item, path) -> commandArgs(overriders, "command", item, path)));
    actions.addAll(
        overriders.list(
            "argsOverrider", (item, path) -> commandArgs(overriders, "args", item, path)));
    actions.addAll(
        overriders
            .list("labelsOverrider", (item, path) -> metadata(overriders, true, item, path))
            .stream()
            .flatMap(Optional::stream)
            .toList());
    actions.addAll(
        overriders
            .list("annotationsOverrider", (item, path) -> metadata(overriders, false, item, path))
            .stream()
            .flatMap(Optional::stream)
            .toList());
    actions.addAll(
        overriders.list("fieldOverrider", (item, path) -> field(overriders, item, path)));
    List<Action.PatchOperation> plaintext =
        overriders.list("plaintext", (item, path) -> plaintext(overriders, item, path));
    if (!plaintext.isEmpty()) {
      Optional.ofNullable(
              binder.construct(
                  overriders.node(),
                  overriders.child("plaintext"),
                  () -> new Action.JsonPatch(plaintext)))
          .ifPresent(actions::add);
    }
    overriders.rejectUnknown();
    return actions;
  }

  private static Optional<Action.EditOperator> operator(
      ObjectView view, Node item, List<Action.EditOperator> allowed) {
    String text = view.requiredString("operator");
    for (Action.EditOperator operator : allowed) {
      if (operator.name().equals(text)) {
        return Optional.of(operator);
      }
    }
    if (view.has("operator")) {
      view.binder()
          .report(
              item.location(),
              view.child("operator"),
              "Unsupported value: \""
                  + text
                  + "\": supported values: "
                  + String.join(", ", allowed.stream().map(o -> "\"" + o + "\"").toList()));
    }
    return Optional.empty();
  }

  private static final List<Action.EditOperator> ALL =
      List.of(Action.EditOperator.add, Action.EditOperator.remove, Action.EditOperator.replace);

  private static Optional<Action> image(ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Optional<String> predicate =
                  view.object("predicate")
                      .map(
                          p -> {
                            String text = p.requiredString("path");
                            p.rejectUnknown();
                            return text;
                          });
              String componentText = view.requiredString("component");
              Optional<Action.ImagePart> component =
                  view.has("component")
                      ? Documents.enumValue(
                          view, "component", componentText, Action.ImagePart.class)
                      : Optional.empty();
              Optional<Action.EditOperator> operator = operator(view, item, ALL);
              String value = view.string("value").orElse("");
              view.rejectUnknown();
              if (component.isEmpty() || operator.isEmpty()) {
                return Optional.empty();
              }
              // The record names a bad path "path": Karmada's field is predicate.path.
              Node at =
                  predicate.isPresent() && item instanceof Node.MapNode map
                      ? map.fields().get("predicate")
                      : item;
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          at,
                          predicate.isPresent() ? path + ".predicate" : path,
                          () ->
                              new Action.ImageComponent(
                                  component.get(),
                                  operator.get(),
                                  PeerCel.literal(value),
                                  predicate)));
            });
  }

  private static Optional<Action> commandArgs(
      ObjectView parent, String field, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              String container = view.requiredString("containerName");
              Optional<Action.EditOperator> operator =
                  operator(
                      view, item, List.of(Action.EditOperator.add, Action.EditOperator.remove));
              List<String> values =
                  view.stringList("value").stream().map(PeerCel::literal).toList();
              view.rejectUnknown();
              if (operator.isEmpty() || !view.has("containerName")) {
                return Optional.empty();
              }
              return Optional.of(
                  new Action.ContainerList(field, container, operator.get(), values));
            });
  }

  /** A label or annotation overrider; empty (no action) when its value is empty. */
  private static Optional<Optional<Action>> metadata(
      ObjectView parent, boolean labels, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Optional<Action.EditOperator> operator = operator(view, item, ALL);
              Map<String, String> value = new LinkedHashMap<>();
              view.stringMap("value", false).forEach((k, v) -> value.put(k, PeerCel.literal(v)));
              if (!view.has("value")) {
                view.binder().report(item.location(), view.child("value"), "Required value");
              }
              view.rejectUnknown();
              if (operator.isEmpty()) {
                return Optional.empty();
              }
              if (value.isEmpty()) {
                return Optional.of(Optional.<Action>empty());
              }
              Map<String, String> add =
                  operator.get() == Action.EditOperator.add ? value : Map.of();
              Map<String, String> replace =
                  operator.get() == Action.EditOperator.replace ? value : Map.of();
              List<String> remove =
                  operator.get() == Action.EditOperator.remove
                      ? List.copyOf(value.keySet())
                      : List.of();
              // The records name their problems "labels.add[key]": re-root them at the value.
              Action action =
                  view.binder()
                      .construct(
                          item,
                          path,
                          () ->
                              labels
                                  ? new Action.Labels(add, remove, replace)
                                  : new Action.Annotations(add, remove, replace));
              return Optional.ofNullable(action).map(Optional::of);
            });
  }

  private static Optional<Action> field(ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Binder binder = view.binder();
              int before = binder.problemCount();
              String fieldPath = view.requiredString("fieldPath");
              checkPointer(view, item, "fieldPath", fieldPath);
              List<Action.PatchOperation> json =
                  view.list("json", (op, p) -> fieldOperation(view, op, p));
              List<Action.PatchOperation> yaml =
                  view.list("yaml", (op, p) -> fieldOperation(view, op, p));
              boolean hasJson = view.has("json") && !json.isEmpty();
              boolean hasYaml = view.has("yaml") && !yaml.isEmpty();
              view.rejectUnknown();
              if (hasYaml && hasJson) {
                binder.report(
                    item.location(),
                    path,
                    "Invalid value: FieldOverrider has both YAML and JSON set. Only one is allowed");
              } else if (!hasJson && !hasYaml && binder.problemCount() == before) {
                binder.report(
                    item.location(),
                    path,
                    "Required value: FieldOverrider must have either JSON or YAML set");
              }
              if (binder.problemCount() > before) {
                return Optional.empty();
              }
              Action.EmbeddedFormat format =
                  hasYaml ? Action.EmbeddedFormat.yaml : Action.EmbeddedFormat.json;
              List<Action.PatchOperation> operations = hasYaml ? yaml : json;
              return Optional.ofNullable(
                  binder.construct(
                      item, path, () -> new Action.EmbeddedPatch(fieldPath, format, operations)));
            });
  }

  /** {@code subPath}, {@code operator}, {@code value} (required for add and replace). */
  private static Optional<Action.PatchOperation> fieldOperation(
      ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              String subPath = view.requiredString("subPath");
              checkPointer(view, item, "subPath", subPath);
              Optional<Action.EditOperator> operator = operator(view, item, ALL);
              Optional<Node> value = view.raw("value");
              view.rejectUnknown();
              if (operator.isEmpty()) {
                return Optional.empty();
              }
              boolean remove = operator.get() == Action.EditOperator.remove;
              if (!remove && value.isEmpty()) {
                view.binder()
                    .report(
                        item.location(),
                        view.child("value"),
                        "Invalid value: value is required for add or replace operation");
                return Optional.empty();
              }
              if (remove && value.isPresent()) {
                view.binder()
                    .report(
                        item.location(),
                        view.child("value"),
                        "Invalid value: value is not allowed for remove operation");
                return Optional.empty();
              }
              return operation(view, item, path, operator.get(), subPath, value);
            });
  }

  /** {@code path}, {@code operator}, {@code value} (absent: JSON null, as Go marshals it). */
  private static Optional<Action.PatchOperation> plaintext(
      ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              String pointer = view.requiredString("path");
              if (view.has("path") && pointer.isEmpty()) {
                view.binder()
                    .report(
                        item.location(),
                        view.child("path"),
                        "Invalid value: \"\": Flotilla refuses a plaintext overrider of the whole"
                            + " object (the manifest's identity would change)");
              }
              checkPointer(view, item, "path", pointer);
              Optional<Action.EditOperator> operator = operator(view, item, ALL);
              Optional<Node> value = view.raw("value");
              view.rejectUnknown();
              if (operator.isEmpty()) {
                return Optional.empty();
              }
              return operation(view, item, path, operator.get(), pointer, value);
            });
  }

  private static Optional<Action.PatchOperation> operation(
      ObjectView view,
      Node item,
      String path,
      Action.EditOperator operator,
      String pointer,
      Optional<Node> value) {
    JsonNode json = value.map(JsonTrees::of).map(PeerCel::literal).orElse(NullNode.getInstance());
    Action.Op op = Action.Op.valueOf(operator.name());
    return Optional.ofNullable(
        view.binder()
            .construct(
                item,
                path,
                () ->
                    op == Action.Op.remove
                        ? Action.PatchOperation.remove(pointer)
                        : Action.PatchOperation.of(op, pointer, json)));
  }

  private static void checkPointer(ObjectView view, Node item, String field, String pointer) {
    if (PeerCel.hasGoOnlyIndex(pointer)) {
      view.binder()
          .report(
              item.location(),
              view.child(field),
              "Invalid value: \""
                  + pointer
                  + "\": Karmada's JSON patch library reads a token such as -1, +1 or 01 as an"
                  + " array index, which RFC 6901 and Flotilla do not: refused");
    }
  }

  /** The slots of Flotilla's action order that Karmada's actions take; see {@link Rule}. */
  private static int slot(Action action) {
    if (action instanceof Action.ImageComponent) {
      return 1;
    }
    if (action instanceof Action.ContainerList list) {
      return list.field().equals("command") ? 2 : 3;
    }
    if (action instanceof Action.Labels) {
      return 4;
    }
    if (action instanceof Action.Annotations) {
      return 5;
    }
    return action instanceof Action.EmbeddedPatch ? 6 : 7;
  }

  private static boolean repeatable(int slot) {
    return slot == 1 || slot == 2 || slot == 3 || slot == 6;
  }

  /**
   * Karmada's actions of one rule as Flotilla rules: consecutive, with the same selector, split
   * where Flotilla's fixed action order would otherwise reorder them.
   */
  static List<Rule> pack(String name, Optional<ClusterSelectorTerm> target, List<Action> actions) {
    List<Rule> out = new ArrayList<>();
    if (target.isEmpty() || actions.isEmpty()) {
      return out;
    }
    List<Action> current = new ArrayList<>();
    int last = 0;
    for (Action action : actions) {
      int slot = slot(action);
      if (!current.isEmpty() && (slot < last || (slot == last && !repeatable(slot)))) {
        out.add(new Rule(out.isEmpty() ? name : name + "-" + out.size(), target, current, false));
        current = new ArrayList<>();
      }
      current.add(action);
      last = slot;
    }
    out.add(new Rule(out.isEmpty() ? name : name + "-" + out.size(), target, current, false));
    return out;
  }
}
