package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Action.Op;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code kind: Customization} documents ({@code apiVersion: flotilla.dev/v1alpha1}). Unknown
 * fields, wrong types and invalid values are all reported, each with file, line, column and field
 * path. Templates in values are kept as written: they are compiled (and their CEL checked) by the
 * customize module, whose problems {@link SourceMap#locate} places in the file.
 *
 * <p>A rule's actions are listed in a fixed order whatever the order of its fields: {@code image},
 * {@code imageComponents}, {@code command}, {@code args}, {@code labels}, {@code annotations},
 * {@code env}, {@code replicas}, {@code set}, {@code remove}, {@code embeddedPatches}, {@code
 * mergePatch}, {@code jsonPatch} (see {@link Rule}).
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the customizations returned
 * are immutable.
 */
public final class CustomizationReader {
  private CustomizationReader() {}

  /** Reads the single customization in {@code file}. */
  public static Customization read(Path file) {
    return parse(file).value();
  }

  /** Reads the single customization in {@code file}, with its source map. */
  public static Parsed<Customization> parse(Path file) {
    return PolicyDocument.parse(
        SourceReader.open(file),
        "Customization",
        CustomizationReader::readSpec,
        Customization::new,
        PeerPolicies.CUSTOMIZATIONS);
  }

  /**
   * Reads the single customization in {@code text}.
   *
   * @throws ValidationException listing every problem, or when the text holds no customization or
   *     several
   */
  public static Parsed<Customization> parse(String source, String text) {
    return PolicyDocument.parse(
        SourceReader.open(source, text),
        "Customization",
        CustomizationReader::readSpec,
        Customization::new,
        PeerPolicies.CUSTOMIZATIONS);
  }

  /**
   * Reads the single customization in {@code in} (stdin, say), closing it; {@code source} names it
   * in problems and chooses the format ({@code .json} is JSON, anything else YAML).
   *
   * @throws ValidationException listing every problem, or when the input holds no customization or
   *     several
   */
  public static Parsed<Customization> parse(String source, InputStream in) {
    return PolicyDocument.parse(
        SourceReader.open(source, in),
        "Customization",
        CustomizationReader::readSpec,
        Customization::new,
        PeerPolicies.CUSTOMIZATIONS);
  }

  private static Optional<CustomizationSpec> readSpec(ObjectView spec) {
    long priority = spec.integer("priority").orElse(0L);
    if (priority < Integer.MIN_VALUE || priority > Integer.MAX_VALUE) {
      spec.binder()
          .report(spec.node().location(), spec.child("priority"), "Invalid value: out of range");
    }
    List<ResourceSelector> selectors =
        spec.list("resourceSelectors", (item, path) -> resourceSelector(spec, item, path));
    boolean deleteInOrder = spec.bool("deleteInOrder").orElse(false);
    List<Rule> rules = spec.list("rules", (item, path) -> rule(spec, item, path));
    if (!spec.has("rules")) {
      spec.binder().report(spec.node().location(), spec.child("rules"), "Required value");
    }
    spec.rejectUnknown();
    if (spec.binder().hasProblems()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        spec.binder()
            .construct(
                spec.node(),
                spec.path(),
                () -> new CustomizationSpec((int) priority, selectors, rules, deleteInOrder)));
  }

  private static Optional<ResourceSelector> resourceSelector(
      ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String apiVersion = view.string("apiVersion").orElse("");
              String kind = view.string("kind").orElse("");
              String namespace = view.string("namespace").orElse("");
              String name = view.string("name").orElse("");
              boolean hasLabels = view.has("labelSelector");
              LabelSelector labels =
                  view.object("labelSelector")
                      .map(PlacementReader::labelSelector)
                      .orElse(hasLabels ? null : LabelSelector.everything());
              view.rejectUnknown();
              if (labels == null) {
                return Optional.empty();
              }
              return Optional.of(new ResourceSelector(apiVersion, kind, namespace, name, labels));
            });
  }

  private static Optional<Rule> rule(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView rule = maybe.get();
    Binder binder = rule.binder();
    int before = binder.problemCount();
    String name = rule.requiredString("name");
    Optional<ClusterSelectorTerm> selector =
        rule.take("clusterSelector")
            .flatMap(term -> PlacementReader.term(rule, term, rule.child("clusterSelector")));
    boolean optional = rule.bool("optional").orElse(false);
    List<Action> actions = new ArrayList<>();
    rule.object("image").flatMap(v -> image(v, path)).ifPresent(actions::add);
    actions.addAll(
        rule.list("imageComponents", (item, p) -> PeerActions.imageComponent(rule, item, p)));
    actions.addAll(
        rule.list("command", (item, p) -> PeerActions.containerList(rule, "command", item, p)));
    actions.addAll(
        rule.list("args", (item, p) -> PeerActions.containerList(rule, "args", item, p)));
    rule.object("labels")
        .flatMap(v -> edit(v, (add, remove, replace) -> new Action.Labels(add, remove, replace)))
        .ifPresent(actions::add);
    rule.object("annotations")
        .flatMap(
            v -> edit(v, (add, remove, replace) -> new Action.Annotations(add, remove, replace)))
        .ifPresent(actions::add);
    actions.addAll(rule.list("env", (item, p) -> env(rule, item, p)));
    rule.take("replicas")
        .flatMap(
            value ->
                Optional.ofNullable(
                    binder.construct(value, path, () -> new Action.Replicas(JsonTrees.of(value)))))
        .ifPresent(actions::add);
    actions.addAll(rule.list("set", (item, p) -> setValue(rule, item, p)));
    actions.addAll(
        rule.list(
            "remove",
            (item, p) ->
                rule.asString(item, p)
                    .flatMap(
                        text ->
                            Optional.ofNullable(
                                binder.construct(item, p, () -> new Action.RemoveValue(text))))));
    actions.addAll(
        rule.list(
            "embeddedPatches",
            (item, p) -> PeerActions.embeddedPatch(rule, item, p, CustomizationReader::operation)));
    rule.take("mergePatch")
        .ifPresent(patch -> actions.add(new Action.MergePatch(JsonTrees.of(patch))));
    List<Action.PatchOperation> operations =
        rule.list("jsonPatch", (item, p) -> operation(rule, item, p));
    if (rule.has("jsonPatch") && binder.problemCount() == before) {
      Optional.ofNullable(binder.construct(node, path, () -> new Action.JsonPatch(operations)))
          .ifPresent(actions::add);
    }
    if (rule.bool("delete").orElse(false)) {
      actions.add(new Action.Delete());
    }
    rule.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        binder.construct(node, path, () -> new Rule(name, selector, actions, optional)));
  }

  private static Optional<Action> image(ObjectView view, String rulePath) {
    List<String> containers = view.stringList("containers");
    List<Integer> indexes =
        view.list(
            "containerIndexes",
            (item, itemPath) -> {
              if (item instanceof ScalarNode scalar
                  && scalar.value() instanceof Long index
                  && index >= Integer.MIN_VALUE
                  && index <= Integer.MAX_VALUE) {
                return Optional.of(index.intValue());
              }
              view.binder().wrongType(item, itemPath, "integer");
              return Optional.empty();
            });
    boolean initContainers = view.bool("initContainers").orElse(true);
    boolean ephemeralContainers = view.bool("ephemeralContainers").orElse(false);
    Optional<String> registry = view.string("registry");
    Optional<String> repository = view.string("repository");
    Optional<String> tag = view.string("tag");
    Optional<String> digest = view.string("digest");
    view.rejectUnknown();
    return Optional.ofNullable(
        view.binder()
            .construct(
                view.node(),
                rulePath,
                () ->
                    new Action.Image(
                        containers,
                        indexes,
                        initContainers,
                        ephemeralContainers,
                        registry,
                        repository,
                        tag,
                        digest)));
  }

  /** Builds a labels or annotations edit. */
  @FunctionalInterface
  private interface EditFactory {
    Action create(Map<String, String> add, List<String> remove, Map<String, String> replace);
  }

  private static Optional<Action> edit(ObjectView view, EditFactory factory) {
    Map<String, String> add = view.stringMap("add", false);
    List<String> remove = view.stringList("remove");
    Map<String, String> replace = view.stringMap("replace", false);
    view.rejectUnknown();
    // The records name their fields "labels.add[...]"; re-root them at this rule's field.
    String parent = view.path().substring(0, view.path().lastIndexOf('.'));
    return Optional.ofNullable(
        view.binder().construct(view.node(), parent, () -> factory.create(add, remove, replace)));
  }

  private static Optional<Action> env(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              Optional<String> container = view.string("container");
              Map<String, String> set = view.stringMap("set", false);
              List<String> remove = view.stringList("remove");
              view.rejectUnknown();
              return Optional.ofNullable(
                  view.binder()
                      .construct(node, path, () -> new Action.Env(container, set, remove)));
            });
  }

  private static Optional<Action> setValue(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String target = view.requiredString("path");
              Optional<Node> value = view.raw("value");
              if (value.isEmpty()) {
                view.binder().report(node.location(), view.child("value"), "Required value");
              }
              view.rejectUnknown();
              if (value.isEmpty() || target.isEmpty()) {
                return Optional.empty();
              }
              JsonNode json = JsonTrees.of(value.get());
              return Optional.ofNullable(
                  view.binder().construct(node, path, () -> new Action.SetValue(target, json)));
            });
  }

  /**
   * One RFC 6902 operation. {@code op} and {@code path} are required (a null is missing); {@code
   * from} is read only for {@code move} and {@code copy}, {@code value} only for {@code add},
   * {@code replace} and {@code test}; every other member is ignored, as RFC 6902 section 4
   * requires.
   */
  static Optional<Action.PatchOperation> operation(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              Optional<Action.Op> op =
                  view.string("op")
                      .flatMap(text -> Documents.enumValue(view, "op", text, Action.Op.class));
              if (!view.has("op")) {
                view.binder().report(node.location(), view.child("op"), "Required value");
              }
              String pointer = view.requiredString("path");
              boolean hasPath = view.has("path");
              boolean needsFrom = op.isPresent() && EnumSet.of(Op.move, Op.copy).contains(op.get());
              boolean needsValue =
                  op.isPresent() && EnumSet.of(Op.add, Op.replace, Op.test).contains(op.get());
              Optional<String> from = needsFrom ? view.string("from") : Optional.empty();
              Optional<JsonNode> value =
                  needsValue ? view.raw("value").map(JsonTrees::of) : Optional.empty();
              view.ignoreRest();
              if (op.isEmpty() || !hasPath) {
                return Optional.empty();
              }
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          node,
                          path,
                          () -> new Action.PatchOperation(op.get(), pointer, from, value)));
            });
  }
}
