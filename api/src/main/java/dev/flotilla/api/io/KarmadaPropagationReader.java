package dev.flotilla.api.io;

import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.AffinityGroup;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.ReplicaDivision;
import dev.flotilla.api.placement.ReplicaScheduling;
import dev.flotilla.api.placement.ReplicaSchedulingType;
import dev.flotilla.api.placement.StaticWeight;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Karmada's {@code PropagationPolicy} and {@code ClusterPropagationPolicy} ({@code
 * policy.karmada.io/v1alpha1}) as Flotilla placements, with the semantics of Karmada's scheduler
 * (karmada pkg/scheduler: the filter plugins clusteraffinity, tainttoleration, spreadconstraint;
 * core/generic_scheduler.go, core/spreadconstraint, core/assignment.go, core/division_algorithm.go;
 * scheduler.go for {@code clusterAffinities}), after the defaults Karmada's CRD and admission
 * webhook apply (pkg/webhook/propagationpolicy/mutating.go, pkg/util/helper/policy.go) and with its
 * validation (pkg/util/validation/validation.go).
 *
 * <ul>
 *   <li>An affinity ({@code clusterNames}, {@code exclude}, {@code labelSelector}, {@code
 *       fieldSelector}) ANDs its parts (pkg/util/selector.go, ClusterMatches): one term with the
 *       label selector and CEL over the name and the {@code provider}, {@code region} and {@code
 *       zones} properties the Karmada cluster mapping gives; {@code exclude} is {@code
 *       excludeClusterNames}.
 *   <li>{@code clusterAffinities} are Flotilla's {@code affinityGroups}, tried in order.
 *   <li>{@code clusterTolerations}: NoSchedule tolerates Flotilla's NoSelectIfNew (a Karmada
 *       NoSchedule taint), NoExecute tolerates NoSelect (a NoExecute taint); {@code
 *       tolerationSeconds} is left out, as Karmada's filter ignores it.
 *   <li>{@code replicaScheduling} and the {@code cluster} spread constraint are Flotilla's {@code
 *       replicaScheduling}; {@code region} spread selection and a lone {@code spreadByLabel} are
 *       refused.
 *   <li>Deleting clusters, clusters that do not enable the resource's API ({@code
 *       status.apiEnablements}, the apienablement plugin) and, with a provider, region or zone
 *       spread constraint, clusters lacking that field are never picked (CEL conditions in every
 *       term). A policy whose resourceSelectors name several kinds is refused.
 *   <li>Available replicas are Karmada's general estimate for a workload without resource requests
 *       (allowed pods); a binding's earlier split is not taken into account.
 * </ul>
 */
final class KarmadaPropagationReader {
  static final String GROUP = "policy.karmada.io";
  static final List<String> VERSIONS = List.of(GROUP + "/v1alpha1");

  private KarmadaPropagationReader() {}

  static Optional<Placement> read(ObjectView document, PeerPolicies.Notes notes) {
    return PeerDocuments.read(
        document,
        VERSIONS,
        (envelope, spec) -> spec(spec, notes),
        (envelope, spec) -> new Placement(envelope.name(), envelope.namespace(), spec));
  }

  private static Optional<PlacementSpec> spec(ObjectView spec, PeerPolicies.Notes notes) {
    if (spec.has("resourceSelectors")) {
      notes.add(
          spec,
          "resourceSelectors",
          "left out but for their API (group version and kind), which a cluster must enable");
    }
    Optional<String> api = resourceApi(spec);
    for (String field :
        List.of(
            "association",
            "propagateDeps",
            "priority",
            "preemption",
            "dependentOverrides",
            "failover",
            "conflictResolution",
            "activationPreference",
            "suspension",
            "preserveResourcesOnDeletion",
            "schedulePriority")) {
      if (spec.has(field)) {
        notes.add(
            spec,
            field,
            "left out: it chooses resources or how they are delivered, not the clusters");
      }
      spec.take(field);
    }
    spec.string("schedulerName")
        .filter(s -> !s.equals("default-scheduler"))
        .ifPresent(
            s ->
                spec.binder()
                    .report(
                        spec.take("schedulerName").orElseThrow().location(),
                        spec.child("schedulerName"),
                        "Unsupported value: \""
                            + s
                            + "\": only Karmada's default-scheduler is reproduced"));
    Optional<ObjectView> placement = spec.object("placement");
    spec.rejectUnknown();
    if (placement.isEmpty()) {
      // Karmada's empty placement: every cluster, duplicated.
      List<String> base = new ArrayList<>(List.of(notDeleting()));
      api.ifPresent(a -> base.add(apiEnabled(a)));
      return Optional.of(
          new PlacementSpec(List.of(everything(base)), List.of(), List.of())
              .withReplicaScheduling(ReplicaScheduling.duplicated()));
    }
    return placement(placement.get(), notes, api);
  }

  /**
   * The one API (group version and kind) the policy's resourceSelectors name, which Karmada's
   * APIEnablement filter requires of a cluster; empty after reporting a problem.
   */
  private static Optional<String> resourceApi(ObjectView spec) {
    if (!spec.has("resourceSelectors")) {
      spec.binder()
          .report(spec.node().location(), spec.child("resourceSelectors"), "Required value");
      return Optional.empty();
    }
    List<String> apis =
        spec.list(
            "resourceSelectors",
            (item, path) -> {
              Optional<ObjectView> selector = ObjectView.of(spec.binder(), item, path);
              if (selector.isEmpty()) {
                return Optional.empty();
              }
              String apiVersion = selector.get().requiredString("apiVersion");
              String kind = selector.get().requiredString("kind");
              selector.get().ignoreRest(); // namespace, name, labelSelector choose resources
              return Optional.of(apiVersion + "|" + kind);
            });
    if (new HashSet<>(apis).size() > 1) {
      spec.binder()
          .report(
              spec.take("resourceSelectors").orElseThrow().location(),
              spec.child("resourceSelectors"),
              "Invalid value: selects resources of "
                  + new HashSet<>(apis).size()
                  + " kinds: Karmada schedules each resource by itself and a cluster's API"
                  + " enablements tell kinds apart; convert a policy per kind");
      return Optional.empty();
    }
    if (apis.isEmpty()) {
      spec.binder()
          .report(
              spec.take("resourceSelectors").orElseThrow().location(),
              spec.child("resourceSelectors"),
              "Required value: at least one resource selector");
      return Optional.empty();
    }
    return Optional.of(apis.get(0));
  }

  /** APIEnablement filter: the cluster lists the kind under its group version. */
  private static String apiEnabled(String api) {
    String[] parts = api.split("\\|", 2);
    String property = ClusterObjects.KARMADA_APIS + parts[0];
    return "("
        + cel(property)
        + " in cluster.properties && "
        + cel(parts[1])
        + " in cluster.properties["
        + cel(property)
        + "].split(','))";
  }

  private static Optional<PlacementSpec> placement(
      ObjectView view, PeerPolicies.Notes notes, Optional<String> api) {
    Binder binder = view.binder();
    int before = binder.problemCount();
    if (view.has("clusterAffinity") && view.has("clusterAffinities")) {
      binder.report(
          view.node().location(),
          view.child("clusterAffinities"),
          "Invalid value: clusterAffinities cannot co-exist with clusterAffinity");
    }
    if (view.has("workloadAffinity")) {
      binder.report(
          view.take("workloadAffinity").orElseThrow().location(),
          view.child("workloadAffinity"),
          "Forbidden: workload affinity depends on where other workloads run; not reproduced");
    }
    List<Toleration> tolerations =
        view.list("clusterTolerations", (item, path) -> toleration(view, item, path, notes));
    Optional<ObjectView> replicaView = view.object("replicaScheduling");
    Replicas replicas = replicaView.map(KarmadaPropagationReader::replicas).orElse(Replicas.NONE);
    Spread spread = spread(view, replicas);
    List<String> base = new ArrayList<>();
    base.add(notDeleting());
    api.ifPresent(a -> base.add(apiEnabled(a)));
    for (String field : spread.requiredFields) {
      base.add(present(field));
    }
    Optional<Affinity> affinity = view.object("clusterAffinity").flatMap(a -> affinity(a, false));
    List<AffinityGroup> groups = new ArrayList<>();
    Set<String> groupNames = new HashSet<>();
    view.list(
            "clusterAffinities",
            (item, path) -> {
              Optional<ObjectView> term = ObjectView.of(binder, item, path);
              if (term.isEmpty()) {
                return Optional.empty();
              }
              String name = term.get().requiredString("affinityName");
              if (term.get().has("overflowAffinities")) {
                binder.report(
                    item.location(),
                    term.get().child("overflowAffinities"),
                    "Forbidden: overflow affinities are not reproduced");
              }
              term.get().take("overflowAffinities");
              for (String error : LabelRules.qualifiedNameErrors(name)) {
                binder.report(
                    item.location(),
                    term.get().child("affinityName"),
                    "Invalid value: \"" + name + "\": " + error);
              }
              if (!groupNames.add(name)) {
                binder.report(
                    item.location(),
                    term.get().child("affinityName"),
                    "Duplicate value: \"" + name + "\"");
              }
              Optional<Affinity> a = affinity(term.get(), true);
              return a.flatMap(
                  value ->
                      Optional.ofNullable(
                          binder.construct(
                              item,
                              path,
                              () ->
                                  new AffinityGroup(
                                      name,
                                      List.of(value.term(List.of())),
                                      List.of(),
                                      value.exclude()))));
            })
        .forEach(groups::add);
    view.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    ClusterSelectorTerm selection = affinity.map(a -> a.term(base)).orElse(everything(base));
    List<String> excluded = affinity.map(a -> a.exclude()).orElse(List.of());
    ReplicaScheduling scheduling = replicas.scheduling;
    if (spread.maxClusters.isPresent()) {
      scheduling =
          new ReplicaScheduling(
              scheduling.type(),
              scheduling.division(),
              scheduling.staticWeights(),
              scheduling.dynamicWeight(),
              OptionalInt.of(spread.minClusters),
              spread.maxClusters);
    }
    ReplicaScheduling finalScheduling = scheduling;
    return Optional.ofNullable(
        binder.construct(
            view.node(),
            view.path(),
            () ->
                new PlacementSpec(List.of(selection), List.of(), excluded)
                    .withTolerations(tolerations)
                    .withAffinityGroups(groups)
                    .withReplicaScheduling(finalScheduling)));
  }

  /** A Karmada ClusterAffinity read: its term parts and its exclusions. */
  private record Affinity(LabelSelector labels, List<String> cel, List<String> exclude) {
    ClusterSelectorTerm term(List<String> base) {
      List<String> all = new ArrayList<>(base);
      all.addAll(cel);
      return new ClusterSelectorTerm(labels, List.of(), all);
    }
  }

  private static ClusterSelectorTerm everything(List<String> base) {
    return new ClusterSelectorTerm(LabelSelector.everything(), List.of(), base);
  }

  /**
   * A ClusterAffinity (also a ClusterAffinityTerm's inline part, or a static weight's target):
   * Karmada's ClusterMatches ANDs exclude, labelSelector, fieldSelector and clusterNames.
   */
  private static Optional<Affinity> affinity(ObjectView view, boolean term) {
    Binder binder = view.binder();
    int before = binder.problemCount();
    List<String> names = view.stringList("clusterNames");
    List<String> exclude = view.stringList("exclude");
    LabelSelector labels = LabelSelector.everything();
    if (view.has("labelSelector")) {
      labels = view.object("labelSelector").map(PlacementReader::labelSelector).orElse(null);
    }
    List<String> cel = new ArrayList<>();
    view.object("fieldSelector").ifPresent(fields -> cel.addAll(fieldSelector(fields)));
    if (!names.isEmpty()) {
      cel.add("cluster.name in " + list(names));
    }
    if (term) {
      view.take("affinityName");
    }
    view.rejectUnknown();
    if (labels == null || binder.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Affinity(labels, cel, exclude));
  }

  /** pkg/util/selector.go: provider and region as a label selector, zone over spec.zones. */
  private static List<String> fieldSelector(ObjectView fields) {
    List<String> out = new ArrayList<>();
    List<Boolean> never = new ArrayList<>();
    fields.list(
        "matchExpressions",
        (item, path) -> {
          Optional<ObjectView> maybe = ObjectView.of(fields.binder(), item, path);
          if (maybe.isEmpty()) {
            return Optional.empty();
          }
          ObjectView e = maybe.get();
          String key = e.requiredString("key");
          String operator = e.requiredString("operator");
          List<String> values = e.stringList("values");
          e.rejectUnknown();
          if (!List.of("provider", "region", "zone").contains(key)) {
            e.binder()
                .report(
                    item.location(),
                    e.child("key"),
                    "Unsupported value: \""
                        + key
                        + "\": supported values: \"provider\", \"region\","
                        + " \"zone\"");
            return Optional.empty();
          }
          if (!operator.equals("In") && !operator.equals("NotIn")) {
            e.binder()
                .report(
                    item.location(),
                    e.child("operator"),
                    "Unsupported value: \"" + operator + "\": supported values: \"In\", \"NotIn\"");
            return Optional.empty();
          }
          boolean in = operator.equals("In");
          if (key.equals("zone")) {
            String any =
                "("
                    + cel("zones")
                    + " in cluster.properties && cluster.properties["
                    + cel("zones")
                    + "].split(',').exists(z, z in "
                    + list(values)
                    + "))";
            out.add(in ? any : "!" + any);
          } else {
            // labels.NewRequirement refuses In/NotIn without values and invalid values: the
            // selector fails to build and Karmada's ClusterMatches answers false.
            boolean invalid = values.isEmpty();
            for (String v : values) {
              invalid |= !LabelRules.labelValueErrors(v).isEmpty();
            }
            if (invalid) {
              never.add(true);
            }
            String member =
                "("
                    + present(key)
                    + " && cluster.properties["
                    + cel(key)
                    + "] in "
                    + list(values)
                    + ")";
            out.add(in ? member : "!" + member);
          }
          return Optional.of(key);
        });
    fields.rejectUnknown();
    if (!never.isEmpty()) {
      return List.of("false");
    }
    return out;
  }

  private static String notDeleting() {
    return "!(" + cel(ClusterObjects.DELETION_TIMESTAMP) + " in cluster.properties)";
  }

  private static String present(String property) {
    return "("
        + cel(property)
        + " in cluster.properties && cluster.properties["
        + cel(property)
        + "] != '')";
  }

  private static Optional<Toleration> toleration(
      ObjectView parent, Node node, String path, PeerPolicies.Notes notes) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String key = view.string("key").orElse("");
    String operator = view.string("operator").orElse("");
    String value = view.string("value").orElse("");
    String effect = view.string("effect").orElse("");
    if (view.has("tolerationSeconds")) {
      notes.add(
          view,
          "tolerationSeconds",
          "left out: Karmada's scheduler tolerates the taint whatever the seconds say");
    }
    view.take("tolerationSeconds");
    view.rejectUnknown();
    TolerationOperator op;
    switch (operator) {
      case "", "Equal" -> op = TolerationOperator.Equal;
      case "Exists" -> op = TolerationOperator.Exists;
      default -> {
        view.binder()
            .report(
                node.location(),
                view.child("operator"),
                "Unsupported value: \""
                    + operator
                    + "\": supported values: \"\", \"Equal\", \"Exists\"");
        return Optional.empty();
      }
    }
    Optional<TaintEffect> flotilla;
    switch (effect) {
      case "" -> flotilla = Optional.empty();
      case "NoSchedule" -> flotilla = Optional.of(TaintEffect.NoSelectIfNew);
      case "NoExecute" -> flotilla = Optional.of(TaintEffect.NoSelect);
      case "PreferNoSchedule" -> flotilla = Optional.of(TaintEffect.PreferNoSelect);
      default -> {
        view.binder()
            .report(
                node.location(),
                view.child("effect"),
                "Unsupported value: \""
                    + effect
                    + "\": supported values: \"NoExecute\","
                    + " \"NoSchedule\", \"PreferNoSchedule\"");
        return Optional.empty();
      }
    }
    // Exists ignores the value (Kubernetes' ToleratesTaint).
    String v = op == TolerationOperator.Exists ? "" : value;
    return Optional.ofNullable(
        view.binder()
            .construct(
                node, path, () -> new Toleration(key, op, v, flotilla, OptionalLong.empty())));
  }

  /** replicaScheduling after the CRD's and the webhook's defaults. */
  private record Replicas(
      ReplicaScheduling scheduling, boolean weightPreference, boolean staticList, boolean dynamic) {
    static final Replicas NONE = new Replicas(ReplicaScheduling.duplicated(), false, false, false);

    /** spreadconstraint/select_clusters.go, shouldIgnoreSpreadConstraint. */
    boolean ignoresSpread() {
      return scheduling.type() == ReplicaSchedulingType.Divided
          && scheduling.division() == ReplicaDivision.Weighted
          && (!weightPreference || (staticList && !dynamic));
    }
  }

  private static Replicas replicas(ObjectView view) {
    String type = view.string("replicaSchedulingType").orElse("Divided");
    String division = view.string("replicaDivisionPreference").orElse("Weighted");
    if (!type.equals("Divided") && !type.equals("Duplicated")) {
      view.binder()
          .report(
              view.node().location(),
              view.child("replicaSchedulingType"),
              "Unsupported value: \"" + type + "\": supported values: \"Divided\", \"Duplicated\"");
    }
    if (!division.equals("Weighted") && !division.equals("Aggregated")) {
      view.binder()
          .report(
              view.node().location(),
              view.child("replicaDivisionPreference"),
              "Unsupported value: \""
                  + division
                  + "\": supported values: \"Aggregated\", \"Weighted\"");
    }
    boolean hasPreference = view.has("weightPreference");
    List<StaticWeight> weights = new ArrayList<>();
    boolean[] dynamic = {false};
    boolean[] staticList = {false};
    view.object("weightPreference")
        .ifPresent(
            preference -> {
              preference
                  .list(
                      "staticWeightList",
                      (item, path) -> {
                        staticList[0] = true;
                        return staticWeight(preference, item, path);
                      })
                  .forEach(weights::add);
              preference
                  .string("dynamicWeight")
                  .ifPresent(
                      d -> {
                        if (d.equals("AvailableReplicas")) {
                          dynamic[0] = true;
                        } else if (!d.isEmpty()) {
                          preference
                              .binder()
                              .report(
                                  preference.node().location(),
                                  preference.child("dynamicWeight"),
                                  "Unsupported value: \""
                                      + d
                                      + "\": supported values: \"AvailableReplicas\"");
                        }
                      });
              preference.rejectUnknown();
            });
    view.rejectUnknown();
    ReplicaSchedulingType t =
        type.equals("Duplicated")
            ? ReplicaSchedulingType.Duplicated
            : ReplicaSchedulingType.Divided;
    ReplicaDivision d =
        division.equals("Aggregated") ? ReplicaDivision.Aggregated : ReplicaDivision.Weighted;
    if (t == ReplicaSchedulingType.Duplicated) {
      // Karmada reads neither division nor weights for Duplicated (assignment.go).
      return new Replicas(ReplicaScheduling.duplicated(), hasPreference, staticList[0], dynamic[0]);
    }
    ReplicaScheduling scheduling =
        new ReplicaScheduling(
            t,
            d,
            dynamic[0] ? List.of() : weights,
            dynamic[0],
            OptionalInt.empty(),
            OptionalInt.empty());
    return new Replicas(scheduling, hasPreference, staticList[0], dynamic[0]);
  }

  private static Optional<StaticWeight> staticWeight(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    Optional<Long> weight = view.integer("weight");
    if (!view.has("weight")) {
      view.binder().report(node.location(), view.child("weight"), "Required value");
    }
    Optional<Affinity> target = view.object("targetCluster").flatMap(a -> affinity(a, false));
    if (!view.has("targetCluster")) {
      view.binder().report(node.location(), view.child("targetCluster"), "Required value");
    }
    view.rejectUnknown();
    if (weight.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    if (weight.get() < 1) {
      view.binder()
          .report(
              node.location(),
              view.child("weight"),
              "Invalid value: " + weight.get() + ": should be greater than or equal to 1");
      return Optional.empty();
    }
    // ClusterMatches ANDs the names: they are in the term's CEL already.
    Affinity a = target.get();
    return Optional.ofNullable(
        view.binder()
            .construct(
                node,
                path,
                () -> new StaticWeight(a.term(List.of()), List.of(), a.exclude(), weight.get())));
  }

  /** Spread constraints after the webhook's defaults, checked as Karmada's validation does. */
  private record Spread(List<String> requiredFields, int minClusters, OptionalInt maxClusters) {}

  private static Spread spread(ObjectView placement, Replicas replicas) {
    Binder binder = placement.binder();
    List<String> required = new ArrayList<>();
    Set<String> fields = new HashSet<>();
    int[] min = {1};
    OptionalInt[] max = {OptionalInt.empty()};
    Node[] regionAt = {null};
    String[] regionPath = {null};
    Node listNode = placement.take("spreadConstraints").orElse(null);
    List<Node> byLabel = new ArrayList<>();
    placement.list(
        "spreadConstraints",
        (item, path) -> {
          Optional<ObjectView> maybe = ObjectView.of(binder, item, path);
          if (maybe.isEmpty()) {
            return Optional.empty();
          }
          ObjectView c = maybe.get();
          String field = c.string("spreadByField").orElse("");
          String label = c.string("spreadByLabel").orElse("");
          long minGroups = c.integer("minGroups").orElse(0L);
          long maxGroups = c.integer("maxGroups").orElse(0L);
          c.rejectUnknown();
          if (!field.isEmpty() && !label.isEmpty()) {
            binder.report(
                item.location(),
                path,
                "Invalid value: spreadByLabel should not co-exist with spreadByField");
          }
          if (minGroups < 0) {
            binder.report(
                item.location(),
                c.child("minGroups"),
                "Invalid value: minGroups lower than 0 is not allowed");
          }
          if (maxGroups < 0) {
            binder.report(
                item.location(),
                c.child("maxGroups"),
                "Invalid value: maxGroups lower than 0 is not allowed");
          }
          if (maxGroups > 0 && maxGroups < minGroups) {
            binder.report(
                item.location(),
                c.child("maxGroups"),
                "Invalid value: maxGroups lower than minGroups is not allowed");
          }
          if (field.isEmpty() && label.isEmpty()) {
            field = "cluster"; // helper.SetDefaultSpreadConstraints
          }
          long minDefaulted = minGroups == 0 ? 1 : minGroups;
          if (!field.isEmpty()) {
            if (!List.of("cluster", "region", "zone", "provider").contains(field)) {
              binder.report(
                  item.location(),
                  c.child("spreadByField"),
                  "Unsupported value: \""
                      + field
                      + "\": supported values: \"cluster\", \"provider\", \"region\", \"zone\"");
              return Optional.empty();
            }
            if (!fields.add(field)) {
              binder.report(
                  item.location(),
                  path,
                  "Invalid value: multiple " + field + " spread constraints are not allowed");
            }
            switch (field) {
              case "cluster" -> {
                min[0] = (int) Math.min(Integer.MAX_VALUE, minDefaulted);
                max[0] = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, maxGroups));
              }
              case "region" -> {
                required.add("region");
                regionAt[0] = item;
                regionPath[0] = c.child("spreadByField");
              }
              case "zone" -> required.add("zones");
              default -> required.add("provider");
            }
          } else {
            byLabel.add(item);
          }
          return Optional.of(field);
        });
    if (!fields.isEmpty() && !fields.contains("cluster")) {
      binder.report(
          listNode.location(),
          placement.child("spreadConstraints"),
          "Invalid value: the cluster spread constraint must be enabled in one of the constraints"
              + " in case of SpreadByField is enabled");
    }
    if (listNode == null || replicas.ignoresSpread()) {
      return new Spread(required, 1, OptionalInt.empty());
    }
    if (regionAt[0] != null) {
      binder.report(
          regionAt[0].location(),
          regionPath[0],
          "Forbidden: Karmada's selection of clusters by region is not reproduced");
    } else if (!fields.contains("cluster") && !byLabel.isEmpty()) {
      binder.report(
          byLabel.get(0).location(),
          placement.child("spreadConstraints"),
          "Forbidden: Karmada's scheduler fails every schedule with spreadByLabel alone (just"
              + " cluster and region spread constraints select)");
    }
    return new Spread(required, min[0], max[0]);
  }

  private static String list(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(cel(values.get(i)));
    }
    return out.append(']').toString();
  }

  /** A CEL string literal. */
  private static String cel(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out.append('\'').toString();
  }
}
