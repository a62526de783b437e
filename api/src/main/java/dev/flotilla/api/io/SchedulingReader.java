package dev.flotilla.api.io;

import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the scheduling fields of a placement's spec ({@code tolerations}, {@code numberOfClusters},
 * {@code prioritizers}, {@code spreadConstraints}, {@code decisionGroups}, {@code
 * clustersPerDecisionGroup}, {@code rollout}), reporting every problem with its field path; a value
 * that failed is left out and the file is rejected as a whole by the caller.
 */
final class SchedulingReader {
  private SchedulingReader() {}

  /** The fields read from {@code spec}, each empty when absent. */
  record Fields(
      List<Toleration> tolerations,
      OptionalInt numberOfClusters,
      List<Prioritizer> prioritizers,
      List<SpreadConstraint> spreadConstraints,
      List<DecisionGroup> decisionGroups,
      Optional<RolloutStrategy> rollout,
      Ordering ordering,
      Optional<IntOrPercent> clustersPerDecisionGroup) {}

  static Fields read(ObjectView spec) {
    List<Toleration> tolerations =
        spec.list("tolerations", (item, path) -> toleration(spec, item, path));
    OptionalInt numberOfClusters = count(spec, "numberOfClusters");
    if (numberOfClusters.isPresent() && numberOfClusters.getAsInt() < 0) {
      // Reported here, not only by PlacementSpec, which runs only once every field is valid.
      spec.binder()
          .report(
              spec.take("numberOfClusters").orElseThrow().location(),
              spec.child("numberOfClusters"),
              "Invalid value: " + numberOfClusters.getAsInt() + ": must be at least 0");
      numberOfClusters = OptionalInt.empty();
    }
    List<Prioritizer> prioritizers =
        spec.list("prioritizers", (item, path) -> prioritizer(spec, item, path));
    List<SpreadConstraint> spread =
        spec.list("spreadConstraints", (item, path) -> spread(spec, item, path));
    List<DecisionGroup> groups =
        spec.list("decisionGroups", (item, path) -> group(spec, item, path));
    Optional<IntOrPercent> perDecisionGroup = intOrPercent(spec, "clustersPerDecisionGroup");
    Optional<RolloutStrategy> rollout = spec.object("rollout").flatMap(SchedulingReader::rollout);
    Ordering ordering =
        spec.string("ordering")
            .flatMap(t -> Documents.enumValue(spec, "ordering", t, Ordering.class))
            .orElse(Ordering.Sticky);
    return new Fields(
        tolerations,
        numberOfClusters,
        prioritizers,
        spread,
        groups,
        rollout,
        ordering,
        perDecisionGroup);
  }

  private static Optional<Toleration> toleration(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String key = view.string("key").orElse("");
    Optional<TolerationOperator> operator =
        view.string("operator")
            .flatMap(t -> Documents.enumValue(view, "operator", t, TolerationOperator.class));
    boolean operatorFailed = view.has("operator") && operator.isEmpty();
    String value = view.string("value").orElse("");
    Optional<TaintEffect> effect =
        view.string("effect")
            .flatMap(t -> Documents.enumValue(view, "effect", t, TaintEffect.class));
    boolean effectFailed = view.has("effect") && effect.isEmpty();
    OptionalInt seconds = count(view, "tolerationSeconds");
    view.rejectUnknown();
    if (operatorFailed || effectFailed) {
      return Optional.empty();
    }
    OptionalLong tolerationSeconds =
        seconds.isPresent() ? OptionalLong.of(seconds.getAsInt()) : OptionalLong.empty();
    // Kubernetes' default operator is Equal.
    TolerationOperator op = operator.orElse(TolerationOperator.Equal);
    return Optional.ofNullable(
        view.binder()
            .construct(
                node, path, () -> new Toleration(key, op, value, effect, tolerationSeconds)));
  }

  private static Optional<Prioritizer> prioritizer(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    int written = count(view, "weight").orElse(1);
    // Build with a weight in range and report a bad one once, at its own path.
    int weight = Math.max(-Prioritizer.MAX_WEIGHT, Math.min(Prioritizer.MAX_WEIGHT, written));
    int kinds =
        (view.has("propertySorter") ? 1 : 0)
            + (view.has("labelPreference") ? 1 : 0)
            + (view.has("score") ? 1 : 0)
            + (view.has("previouslyPicked") ? 1 : 0)
            + (view.has("propertyScale") ? 1 : 0);
    Optional<Prioritizer> out = Optional.empty();
    if (kinds != 1) {
      view.take("propertySorter");
      view.take("labelPreference");
      view.take("score");
      view.take("previouslyPicked");
      view.take("propertyScale");
      view.binder()
          .report(
              node.location(),
              path,
              "Invalid value: must set exactly one of propertySorter, labelPreference, score,"
                  + " previouslyPicked, propertyScale");
    } else if (view.has("propertySorter")) {
      out = view.object("propertySorter").flatMap(sorter -> propertySorter(sorter, weight));
    } else if (view.has("propertyScale")) {
      out = view.object("propertyScale").flatMap(body -> propertyScale(body, weight));
    } else if (view.has("previouslyPicked")) {
      out =
          view.object("previouslyPicked")
              .map(
                  body -> {
                    body.rejectUnknown();
                    return new Prioritizer.PreviouslyPicked(weight);
                  });
    } else if (view.has("labelPreference")) {
      out =
          view.object("labelPreference")
              .flatMap(
                  preference -> {
                    LabelSelector selector = PlacementReader.labelSelector(preference);
                    return Optional.ofNullable(selector)
                        .map(s -> new Prioritizer.LabelPreference(s, weight));
                  });
    } else {
      out =
          view.object("score")
              .flatMap(
                  score -> {
                    String name = score.requiredString("name");
                    score.rejectUnknown();
                    return Optional.ofNullable(
                        score
                            .binder()
                            .construct(
                                score.node(), path, () -> new Prioritizer.Score(name, weight)));
                  });
    }
    view.rejectUnknown();
    if (written != weight) {
      view.binder()
          .report(
              node.location(),
              view.child("weight"),
              "Invalid value: " + written + ": must be between -100 and 100");
      return Optional.empty();
    }
    return out;
  }

  private static Optional<Prioritizer> propertySorter(ObjectView sorter, int weight) {
    String name = sorter.requiredString("name");
    Optional<Prioritizer.SortOrder> order =
        sorter
            .string("sortOrder")
            .flatMap(t -> Documents.enumValue(sorter, "sortOrder", t, Prioritizer.SortOrder.class));
    if (!sorter.has("sortOrder")) {
      sorter.binder().report(sorter.node().location(), sorter.child("sortOrder"), "Required value");
    }
    Optional<Prioritizer.SorterScale> scale =
        sorter
            .string("scale")
            .flatMap(t -> Documents.enumValue(sorter, "scale", t, Prioritizer.SorterScale.class));
    boolean scaleFailed = sorter.has("scale") && scale.isEmpty();
    boolean hasSelector = sorter.has("labelSelector");
    LabelSelector selector =
        sorter.object("labelSelector").map(PlacementReader::labelSelector).orElse(null);
    sorter.rejectUnknown();
    if (order.isEmpty() || name.isEmpty() || scaleFailed || (hasSelector && selector == null)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        sorter
            .binder()
            .construct(
                sorter.node(),
                sorter.path(),
                () ->
                    new Prioritizer.PropertySorter(
                        name,
                        order.get(),
                        weight,
                        Optional.ofNullable(selector),
                        scale.orElse(Prioritizer.SorterScale.Normalized))));
  }

  private static Optional<Prioritizer> propertyScale(ObjectView body, int weight) {
    String name = body.requiredString("name");
    Optional<Prioritizer.SortOrder> order =
        body.string("sortOrder")
            .flatMap(t -> Documents.enumValue(body, "sortOrder", t, Prioritizer.SortOrder.class));
    boolean orderFailed = body.has("sortOrder") && order.isEmpty();
    Optional<String> requires = body.string("requires");
    body.rejectUnknown();
    if (orderFailed || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        body.binder()
            .construct(
                body.node(),
                body.path(),
                () ->
                    new Prioritizer.PropertyScale(
                        name, order.orElse(Prioritizer.SortOrder.Descending), requires, weight)));
  }

  private static Optional<SpreadConstraint> spread(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    Optional<TopologyKey> key = topologyKey(view, true);
    OptionalInt maxSkew = count(view, "maxSkew");
    OptionalInt minDomains = count(view, "minDomains");
    OptionalInt maxDomains = count(view, "maxDomains");
    Optional<WhenUnsatisfiable> when =
        view.string("whenUnsatisfiable")
            .flatMap(
                t -> Documents.enumValue(view, "whenUnsatisfiable", t, WhenUnsatisfiable.class));
    boolean whenFailed = view.has("whenUnsatisfiable") && when.isEmpty();
    view.rejectUnknown();
    if (key.isEmpty() || whenFailed) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        view.binder()
            .construct(
                node,
                path,
                () ->
                    new SpreadConstraint(
                        key.get(),
                        maxSkew.orElse(1),
                        minDomains,
                        maxDomains,
                        when.orElse(WhenUnsatisfiable.DoNotSchedule))));
  }

  private static Optional<DecisionGroup> group(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String name = view.requiredString("groupName");
    boolean hasSelector = view.has("clusterSelector");
    LabelSelector selector =
        view.object("clusterSelector").map(PlacementReader::labelSelector).orElse(null);
    if (!hasSelector) {
      view.binder().report(node.location(), view.child("clusterSelector"), "Required value");
    }
    Optional<IntOrPercent> perGroup = intOrPercent(view, "clustersPerGroup");
    view.rejectUnknown();
    if (selector == null || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        view.binder().construct(node, path, () -> new DecisionGroup(name, selector, perGroup)));
  }

  private static Optional<RolloutStrategy> rollout(ObjectView view) {
    List<String> canaries = view.stringList("canaryGroups");
    Optional<IntOrPercent> maxConcurrency = intOrPercent(view, "maxConcurrency");
    Optional<TopologyKey> key = topologyKey(view, false);
    Optional<IntOrPercent> perDomain = intOrPercent(view, "maxUnavailablePerDomain");
    view.rejectUnknown();
    return Optional.ofNullable(
        view.binder()
            .construct(
                view.node(),
                view.path(),
                () -> new RolloutStrategy(canaries, maxConcurrency, key, perDomain)));
  }

  private static Optional<TopologyKey> topologyKey(ObjectView view, boolean required) {
    if (required && !view.has("topologyKey")) {
      view.binder().report(view.node().location(), view.child("topologyKey"), "Required value");
    }
    Optional<Node> node = view.take("topologyKey");
    return view.string("topologyKey")
        .flatMap(
            text ->
                Optional.ofNullable(
                    view.binder()
                        .construct(
                            node.orElseThrow(),
                            view.child("topologyKey"),
                            () -> TopologyKey.parse(text))));
  }

  /** An int field (range checks are the model's). */
  private static OptionalInt count(ObjectView view, String field) {
    Optional<Long> value = view.integer(field);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long number = value.get();
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      view.binder()
          .report(
              view.take(field).orElseThrow().location(),
              view.child(field),
              "Invalid value: " + number + ": out of range");
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) number);
  }

  /** An int or a percentage string ({@code 10} or {@code "25%"}). */
  private static Optional<IntOrPercent> intOrPercent(ObjectView view, String field) {
    Optional<Node> value = view.take(field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Node node = value.get();
    String text;
    if (node instanceof ScalarNode scalar && scalar.value() instanceof Long number) {
      text = Long.toString(number);
    } else if (node instanceof ScalarNode scalar && scalar.value() instanceof String string) {
      text = string;
    } else {
      view.binder().wrongType(node, view.child(field), "integer or percentage");
      return Optional.empty();
    }
    return Optional.ofNullable(
        view.binder().construct(node, view.child(field), () -> IntOrPercent.parse(text)));
  }
}
