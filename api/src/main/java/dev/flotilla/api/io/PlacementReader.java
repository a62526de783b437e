package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.LabelSelectorRequirement;
import dev.flotilla.api.labels.LabelSelectorSpec;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code kind: Placement} documents ({@code apiVersion: flotilla.dev/v1alpha1}). Unknown
 * fields, wrong types and invalid values are all reported, each with file, line, column and field
 * path.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the placements returned are
 * immutable.
 */
public final class PlacementReader {
  static final String API_VERSION = "flotilla.dev/v1alpha1";

  private PlacementReader() {}

  /** Reads the single placement in {@code file}. */
  public static Placement read(Path file) {
    return parse(file).value();
  }

  /** Reads the single placement in {@code file}, with its source map. */
  public static Parsed<Placement> parse(Path file) {
    return PolicyDocument.parse(
        SourceReader.open(file),
        "Placement",
        PlacementReader::readSpec,
        Placement::new,
        PeerPolicies.PLACEMENTS);
  }

  /**
   * Reads the single placement in {@code text}.
   *
   * @throws ValidationException listing every problem, or when the text holds no placement or
   *     several
   */
  public static Parsed<Placement> parse(String source, String text) {
    return PolicyDocument.parse(
        SourceReader.open(source, text),
        "Placement",
        PlacementReader::readSpec,
        Placement::new,
        PeerPolicies.PLACEMENTS);
  }

  /**
   * Reads the single placement in {@code in} (stdin, say), closing it; {@code source} names it in
   * problems and chooses the format ({@code .json} is JSON, anything else YAML).
   *
   * @throws ValidationException listing every problem, or when the input holds no placement or
   *     several
   */
  public static Parsed<Placement> parse(String source, InputStream in) {
    return PolicyDocument.parse(
        SourceReader.open(source, in),
        "Placement",
        PlacementReader::readSpec,
        Placement::new,
        PeerPolicies.PLACEMENTS);
  }

  private static Optional<PlacementSpec> readSpec(ObjectView spec) {
    List<ClusterSelectorTerm> terms =
        spec.list("clusterSelectors", (item, path) -> term(spec, item, path));
    List<String> names = spec.stringList("clusterNames");
    List<String> excluded = spec.stringList("excludeClusterNames");
    SchedulingReader.Fields scheduling = SchedulingReader.read(spec);
    ReplicaSchedulingReader.Fields replicas = ReplicaSchedulingReader.read(spec);
    spec.rejectUnknown();
    if (spec.binder().hasProblems()) {
      return Optional.empty(); // a term that failed would read as a missing one: say it once
    }
    return Optional.ofNullable(
        spec.binder()
            .construct(
                spec.node(),
                spec.path(),
                () ->
                    new PlacementSpec(
                        terms,
                        names,
                        excluded,
                        scheduling.tolerations(),
                        scheduling.numberOfClusters(),
                        scheduling.prioritizers(),
                        scheduling.spreadConstraints(),
                        scheduling.decisionGroups(),
                        scheduling.rollout(),
                        scheduling.ordering(),
                        replicas.affinityGroups(),
                        replicas.replicaScheduling(),
                        scheduling.clustersPerDecisionGroup())));
  }

  /** One term of {@code clusterSelectors}, also used by customization rules. */
  static Optional<ClusterSelectorTerm> term(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView term = maybe.get();
    LabelSelector labels =
        term.object("labelSelector").map(PlacementReader::labelSelector).orElse(null);
    List<PropertyRequirement> properties = new ArrayList<>();
    term.object("propertySelector")
        .ifPresent(
            selector -> {
              properties.addAll(
                  selector.list("matchExpressions", (item, p) -> property(selector, item, p)));
              selector.rejectUnknown();
            });
    List<String> cel = new ArrayList<>();
    term.object("celSelector")
        .ifPresent(
            selector -> {
              cel.addAll(selector.stringList("expressions"));
              selector.rejectUnknown();
            });
    boolean labelsFailed = term.has("labelSelector") && labels == null;
    term.rejectUnknown();
    if (labelsFailed) {
      return Optional.empty();
    }
    return Optional.of(
        new ClusterSelectorTerm(
            labels == null ? LabelSelector.everything() : labels, properties, cel));
  }

  /** A {@code metav1.LabelSelector}-shaped object; null after reporting its problems. */
  static LabelSelector labelSelector(ObjectView view) {
    Map<String, String> matchLabels = view.stringMap("matchLabels", false);
    List<LabelSelectorRequirement> expressions = matchExpressions(view);
    view.rejectUnknown();
    return view.binder()
        .construct(
            view.node(),
            view.path(),
            () -> new LabelSelectorSpec(matchLabels, expressions).toSelector());
  }

  /**
   * The {@code matchExpressions} of a label-selector-shaped object ({@code key, operator, values}).
   */
  static List<LabelSelectorRequirement> matchExpressions(ObjectView view) {
    return view.list(
        "matchExpressions",
        (item, path) ->
            ObjectView.of(view.binder(), item, path)
                .map(
                    expression -> {
                      String key = expression.requiredString("key");
                      String operator = expression.requiredString("operator");
                      List<String> values = expression.stringList("values");
                      expression.rejectUnknown();
                      return new LabelSelectorRequirement(key, operator, values);
                    }));
  }

  private static Optional<PropertyRequirement> property(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView expression = maybe.get();
    String name = expression.requiredString("name");
    Optional<PropertyOperator> operator =
        expression
            .string("operator")
            .flatMap(
                text -> Documents.enumValue(expression, "operator", text, PropertyOperator.class));
    if (!expression.has("operator")) {
      expression.binder().report(node.location(), expression.child("operator"), "Required value");
    }
    List<String> values = expression.stringList("values");
    expression.rejectUnknown();
    if (values.size() != 1) {
      expression
          .binder()
          .report(
              node.location(),
              expression.child("values"),
              "Invalid value: " + values.size() + " values: must have exactly one value");
      return Optional.empty();
    }
    if (operator.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        expression
            .binder()
            .construct(
                node, path, () -> PropertyRequirement.of(name, operator.get(), values.get(0))));
  }
}
