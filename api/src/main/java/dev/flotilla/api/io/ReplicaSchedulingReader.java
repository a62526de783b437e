package dev.flotilla.api.io;

import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.AffinityGroup;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.ReplicaDivision;
import dev.flotilla.api.placement.ReplicaScheduling;
import dev.flotilla.api.placement.ReplicaSchedulingType;
import dev.flotilla.api.placement.StaticWeight;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads a Flotilla spec's {@code affinityGroups} and {@code replicaScheduling}. */
final class ReplicaSchedulingReader {
  private ReplicaSchedulingReader() {}

  /** The fields read; each empty when absent or after its problems were reported. */
  record Fields(
      List<AffinityGroup> affinityGroups, Optional<ReplicaScheduling> replicaScheduling) {}

  static Fields read(ObjectView spec) {
    List<AffinityGroup> groups =
        spec.list("affinityGroups", (item, path) -> group(spec, item, path));
    Optional<ReplicaScheduling> scheduling =
        spec.object("replicaScheduling").flatMap(ReplicaSchedulingReader::scheduling);
    return new Fields(groups, scheduling);
  }

  private static Optional<AffinityGroup> group(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String name = view.requiredString("name");
    List<ClusterSelectorTerm> terms =
        view.list("clusterSelectors", (item, p) -> PlacementReader.term(view, item, p));
    List<String> names = view.stringList("clusterNames");
    List<String> excluded = view.stringList("excludeClusterNames");
    view.rejectUnknown();
    return Optional.ofNullable(
        view.binder().construct(node, path, () -> new AffinityGroup(name, terms, names, excluded)));
  }

  private static Optional<ReplicaScheduling> scheduling(ObjectView view) {
    Optional<ReplicaSchedulingType> type =
        view.string("type")
            .flatMap(t -> Documents.enumValue(view, "type", t, ReplicaSchedulingType.class));
    if (!view.has("type")) {
      view.binder().report(view.node().location(), view.child("type"), "Required value");
    }
    Optional<ReplicaDivision> division =
        view.string("division")
            .flatMap(t -> Documents.enumValue(view, "division", t, ReplicaDivision.class));
    boolean divisionFailed = view.has("division") && division.isEmpty();
    List<StaticWeight> weights =
        view.list("staticWeights", (item, path) -> weight(view, item, path));
    Optional<String> dynamic = view.string("dynamicWeight");
    if (dynamic.isPresent() && !dynamic.get().equals("AvailableReplicas")) {
      view.binder()
          .report(
              view.take("dynamicWeight").orElseThrow().location(),
              view.child("dynamicWeight"),
              "Unsupported value: \""
                  + dynamic.get()
                  + "\": supported values: \"AvailableReplicas\"");
    }
    OptionalInt min = count(view, "minClusters");
    OptionalInt max = count(view, "maxClusters");
    view.rejectUnknown();
    if (type.isEmpty() || divisionFailed) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        view.binder()
            .construct(
                view.node(),
                view.path(),
                () ->
                    new ReplicaScheduling(
                        type.get(),
                        division.orElse(ReplicaDivision.Weighted),
                        weights,
                        dynamic.isPresent(),
                        min,
                        max)));
  }

  private static Optional<StaticWeight> weight(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    Optional<ClusterSelectorTerm> term =
        view.take("clusterSelector")
            .flatMap(t -> PlacementReader.term(view, t, view.child("clusterSelector")));
    boolean termFailed = view.has("clusterSelector") && term.isEmpty();
    List<String> names = view.stringList("clusterNames");
    List<String> excluded = view.stringList("excludeClusterNames");
    Optional<Long> weight = view.integer("weight");
    if (!view.has("weight")) {
      view.binder().report(node.location(), view.child("weight"), "Required value");
    }
    view.rejectUnknown();
    if (termFailed || weight.isEmpty()) {
      return Optional.empty();
    }
    ClusterSelectorTerm selector =
        term.orElse(new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of()));
    return Optional.ofNullable(
        view.binder()
            .construct(
                node, path, () -> new StaticWeight(selector, names, excluded, weight.get())));
  }

  private static OptionalInt count(ObjectView view, String field) {
    Optional<Long> value = view.integer(field);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long number = value.get();
    if (number < 0 || number > Integer.MAX_VALUE) {
      view.binder()
          .report(
              view.take(field).orElseThrow().location(),
              view.child(field),
              "Invalid value: " + number + ": must be between 0 and " + Integer.MAX_VALUE);
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) number);
  }
}
