package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.kube.ClusterObjectMapping;
import dev.flotilla.api.kube.ClusterObjectMapping.ConditionStatus;
import dev.flotilla.api.kube.ClusterObjectMapping.Rule;
import dev.flotilla.api.kube.ClusterObjectMapping.TaintSpelling;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads {@link ClusterObjectMapping}s from YAML or JSON, one per document:
 *
 * <pre>{@code
 * apiVersion: flotilla.dev/v1alpha1
 * kind: ClusterObjectMapping
 * metadata: {name: edge-sites}
 * spec:
 *   apiVersion: edge.example.com/*     # or an exact group/version
 *   kind: Site
 *   name: metadata.name                # optional; the default
 *   metadata: true                     # optional; false skips metadata.labels/annotations
 *   rules:
 *   - labels: {path: spec.labels}
 *   - label: {key: example.com/store, path: spec.storeId}
 *   - annotations: {path: spec.notes}
 *   - properties: {path: status.capacity, namePrefix: capacity.example.com/}
 *   - properties: {path: status.facts, valueField: value}
 *   - propertyList: {path: status.claims, nameField: name, valueField: value}
 *   - property: {name: location, path: spec.location.city}
 *   - taints: {path: spec.taints, spelling: Kubernetes}
 *   - condition: {path: status.conditions, type: Online}
 *   - conditionTaint: {path: status.conditions, type: Online, statuses: [False, Absent],
 *                      key: example.com/offline, effect: NoSelect}
 * }</pre>
 *
 * <p>Every problem is reported at once as {@code file:line:col: field.path: message}; unknown
 * fields are problems.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the mappings returned are
 * immutable.
 */
public final class ClusterObjectMappingReader {
  private static final String KIND = "ClusterObjectMapping";

  private ClusterObjectMappingReader() {}

  /** Reads the mappings in {@code file}. */
  public static List<ClusterObjectMapping> read(Path file) {
    return read(SourceReader.open(file));
  }

  /**
   * Reads the mappings in {@code text}.
   *
   * @param source names the text in problems; {@code .json} is read as JSON, anything else YAML
   * @throws ValidationException listing every problem
   */
  public static List<ClusterObjectMapping> read(String source, String text) {
    return read(SourceReader.open(source, text));
  }

  /**
   * Reads the mappings in {@code in} (stdin, say), closing it.
   *
   * @param source names the input in problems; {@code .json} is read as JSON, anything else YAML
   * @throws ValidationException listing every problem
   */
  public static List<ClusterObjectMapping> read(String source, InputStream in) {
    return read(SourceReader.open(source, in));
  }

  private static List<ClusterObjectMapping> read(SourceReader input) {
    List<Node> documents = new ArrayList<>();
    try (input) {
      while (input.nextDocument()) {
        documents.add(input.readDocument(null));
      }
    }
    Binder binder = new Binder(input.source());
    if (documents.isEmpty()) {
      throw new ValidationException(
          new Problem(input.source(), 0, 0, "", "no objects: expected " + KIND + " documents"));
    }
    List<ClusterObjectMapping> out = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String prefix = documents.size() > 1 ? "[" + i + "]" : "";
      ObjectView.of(binder, documents.get(i), prefix)
          .flatMap(ClusterObjectMappingReader::document)
          .ifPresent(out::add);
    }
    binder.throwIfProblems();
    return List.copyOf(out);
  }

  private static Optional<ClusterObjectMapping> document(ObjectView document) {
    Documents.expectKind(document, KIND);
    document.object("metadata").ifPresent(ObjectView::ignoreRest);
    Optional<ClusterObjectMapping> mapping = Optional.empty();
    Optional<ObjectView> spec = document.object("spec");
    if (spec.isEmpty()) {
      document
          .binder()
          .report(document.node().location(), document.child("spec"), "Required value");
    } else {
      mapping = spec(spec.get());
    }
    document.rejectUnknown();
    return mapping;
  }

  private static Optional<ClusterObjectMapping> spec(ObjectView spec) {
    Binder binder = spec.binder();
    int before = binder.problemCount();
    String apiVersion = spec.requiredString("apiVersion");
    String kind = spec.requiredString("kind");
    Optional<String> name = spec.string("name");
    boolean metadata = spec.bool("metadata").orElse(true);
    List<Rule> rules = spec.list("rules", (item, path) -> rule(binder, item, path));
    spec.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    return construct(
        spec,
        () -> {
          ClusterObjectMapping.Builder builder = ClusterObjectMapping.forKind(apiVersion, kind);
          name.ifPresent(builder::name);
          if (!metadata) {
            builder.withoutMetadata();
          }
          rules.forEach(builder::rule);
          return builder.build();
        });
  }

  private static Optional<Rule> rule(Binder binder, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(binder, node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView rule = maybe.get();
    List<String> present = new ArrayList<>();
    for (String type : RULES) {
      if (rule.has(type)) {
        present.add(type);
      }
    }
    if (present.size() != 1) {
      binder.report(
          node.location(),
          path,
          "Invalid value: must set exactly one of " + String.join(", ", RULES));
      rule.ignoreRest();
      return Optional.empty();
    }
    String type = present.get(0);
    Optional<ObjectView> body = rule.object(type);
    rule.rejectUnknown();
    return body.flatMap(view -> body(type, view));
  }

  private static final List<String> RULES =
      List.of(
          "labels",
          "label",
          "annotations",
          "properties",
          "propertyList",
          "property",
          "taints",
          "condition",
          "conditionTaint",
          "kubeFleetEligibility");

  private static Optional<Rule> body(String type, ObjectView view) {
    Binder binder = view.binder();
    int before = binder.problemCount();
    String path = view.requiredString("path");
    Supplier<Rule> rule;
    switch (type) {
      case "labels" -> rule = () -> new ClusterObjectMapping.Labels(path);
      case "annotations" -> rule = () -> new ClusterObjectMapping.Annotations(path);
      case "label" -> {
        String key = view.requiredString("key");
        rule = () -> new ClusterObjectMapping.Label(key, path);
      }
      case "properties" -> {
        String prefix = view.string("namePrefix").orElse("");
        String valueField = view.string("valueField").orElse("");
        rule = () -> new ClusterObjectMapping.Properties(path, prefix, valueField);
      }
      case "propertyList" -> {
        String nameField = view.string("nameField").orElse("name");
        String valueField = view.string("valueField").orElse("value");
        rule = () -> new ClusterObjectMapping.PropertyList(path, nameField, valueField);
      }
      case "property" -> {
        String name = view.requiredString("name");
        rule = () -> new ClusterObjectMapping.Property(name, path);
      }
      case "taints" -> {
        TaintSpelling spelling =
            view.string("spelling")
                .flatMap(s -> Documents.enumValue(view, "spelling", s, TaintSpelling.class))
                .orElse(TaintSpelling.Flotilla);
        rule = () -> new ClusterObjectMapping.Taints(path, spelling);
      }
      case "condition" -> {
        String conditionType = view.requiredString("type");
        rule = () -> new ClusterObjectMapping.Condition(path, conditionType);
      }
      case "kubeFleetEligibility" ->
          rule = () -> new ClusterObjectMapping.KubeFleetEligibility(path);
      default -> {
        String conditionType = view.requiredString("type");
        Set<ConditionStatus> statuses = EnumSet.noneOf(ConditionStatus.class);
        List<String> written = view.stringList("statuses");
        for (int i = 0; i < written.size(); i++) {
          Documents.enumValue(view, "statuses[" + i + "]", written.get(i), ConditionStatus.class)
              .ifPresent(statuses::add);
        }
        if (written.isEmpty()) {
          binder.report(view.node().location(), view.child("statuses"), "Required value");
        }
        String key = view.requiredString("key");
        Optional<TaintEffect> effect =
            view.string("effect")
                .flatMap(e -> Documents.enumValue(view, "effect", e, TaintEffect.class));
        if (!view.has("effect")) {
          binder.report(view.node().location(), view.child("effect"), "Required value");
        }
        rule =
            () ->
                new ClusterObjectMapping.ConditionTaint(
                    path, conditionType, statuses, key, effect.orElse(TaintEffect.NoSelect));
      }
    }
    view.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    return construct(view, rule);
  }

  /** Builds a value whose constructor validates, its problems located under {@code view}. */
  private static <T> Optional<T> construct(ObjectView view, Supplier<T> value) {
    return Optional.ofNullable(view.binder().construct(view.node(), view.path(), value));
  }
}
