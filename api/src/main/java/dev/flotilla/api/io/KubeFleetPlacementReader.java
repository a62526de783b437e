package dev.flotilla.api.io;

import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.QuantityFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads KubeFleet's {@code ClusterResourcePlacement} ({@code placement.kubernetes-fleet.io/v1} and
 * {@code v1beta1}, which share the fields read here) into a Flotilla {@link Placement} that picks
 * the clusters KubeFleet's scheduler picks on its first scheduling run (no bindings yet).
 *
 * <p>Sources, in kubefleet-dev/kubefleet: {@code apis/placement/v1beta1/
 * clusterresourceplacement_types.go} (fields, defaults, CEL rules), {@code
 * pkg/utils/validator/placement.go} (what the webhook rejects), {@code pkg/scheduler/framework}
 * ({@code framework.go}: PickAll, PickN, PickFixed; {@code score.go} and {@code frameworkutils.go}
 * {@code pickTopNScoredClusters}: highest score first, ties by name <em>descending</em>) and the
 * plugins {@code clusteraffinity} (required terms ORed, each ANDing its label and property
 * selectors; preferred terms summed, property sorters interpolated over every member cluster),
 * {@code tainttoleration}.
 *
 * <ul>
 *   <li>{@code PickAll} (the default, also with no {@code policy}): every cluster matching a
 *       required term (all clusters without one); preferred terms are rejected, as KubeFleet's
 *       webhook does.
 *   <li>{@code PickN}: {@code numberOfClusters} of them, by the preferred terms' score ({@link
 *       Prioritizer.LabelPreference}s and {@link Prioritizer.SorterScale#FleetWeighted} property
 *       sorters), ties by name descending ({@link Ordering#ScoreThenNameDescending}).
 *   <li>{@code PickFixed}: the named clusters, whatever their taints (KubeFleet does not check them
 *       for PickFixed); an empty list picks none.
 *   <li>{@code tolerations}: as KubeFleet matches them against {@code MemberCluster} taints, which
 *       are all {@code NoSchedule} ({@code NoSelect} in Flotilla): the converted tolerations name
 *       that effect.
 *   <li>{@code topologySpreadConstraints}: refused. KubeFleet schedules one cluster per run when
 *       there are any (PostBatch limit 1) and scores skew against the bindings made so far, a
 *       sequential process Flotilla's spread constraints do not reproduce.
 *   <li>{@code resourceSelectors}, {@code strategy}, {@code revisionHistoryLimit}, {@code
 *       statusReportingScope}: notes (they choose and roll out resources, not clusters).
 * </ul>
 */
final class KubeFleetPlacementReader {
  static final String GROUP = "placement.kubernetes-fleet.io";
  static final String KIND = "ClusterResourcePlacement";
  private static final List<String> VERSIONS = List.of(GROUP + "/v1", GROUP + "/v1beta1");
  private static final Set<String> CAPACITY_TYPES = Set.of("total", "allocatable", "available");
  private static final Set<String> LABEL_OPERATORS =
      Set.of("In", "NotIn", "Exists", "DoesNotExist");

  private KubeFleetPlacementReader() {}

  /** The reader registered in {@link PeerPolicies#PLACEMENTS}. */
  static Optional<Placement> read(ObjectView document, PeerPolicies.Notes notes) {
    return PeerDocuments.read(
        document,
        VERSIONS,
        (envelope, spec) -> {
          envelope.metadata().ifPresent(metadata -> checkNameLength(metadata, envelope.name()));
          return spec(spec, notes);
        },
        (envelope, spec) -> new Placement(envelope.name(), envelope.namespace(), spec));
  }

  /** KubeFleet's webhook refuses placement names over 63 characters. */
  private static void checkNameLength(ObjectView metadata, String name) {
    if (name.length() > 63) {
      metadata
          .binder()
          .report(
              metadata.node().location(),
              "metadata.name",
              "Invalid value: \""
                  + name
                  + "\": must be no more than 63 characters (KubeFleet's webhook)");
    }
  }

  private static Optional<PlacementSpec> spec(ObjectView spec, PeerPolicies.Notes notes) {
    for (String field :
        List.of("resourceSelectors", "strategy", "revisionHistoryLimit", "statusReportingScope")) {
      if (spec.has(field)) {
        notes.add(spec, field, "chooses or rolls out resources, not clusters: left out");
      }
      spec.take(field);
    }
    Optional<ObjectView> policy = spec.object("policy");
    spec.rejectUnknown();
    if (policy.isEmpty()) {
      // No policy: PickAll over every eligible cluster (framework.go).
      return Optional.of(pickAll(List.of(), List.of()));
    }
    return policy(policy.get());
  }

  private static Optional<PlacementSpec> policy(ObjectView policy) {
    Binder binder = policy.binder();
    int before = binder.problemCount();
    String type = policy.string("placementType").orElse("PickAll");
    if (!List.of("PickAll", "PickN", "PickFixed").contains(type)) {
      binder.report(
          policy.node().location(),
          policy.child("placementType"),
          "Unsupported value: \""
              + type
              + "\": supported values: \"PickAll\", \"PickFixed\","
              + " \"PickN\"");
    }
    boolean hasNames = policy.has("clusterNames");
    List<String> names = policy.stringList("clusterNames");
    boolean hasNumber = policy.has("numberOfClusters");
    Optional<Long> number = policy.integer("numberOfClusters");
    boolean hasAffinity = policy.has("affinity");
    List<ClusterSelectorTerm> required = new ArrayList<>();
    List<Prioritizer> preferred = new ArrayList<>();
    boolean hasPreferred = false;
    Optional<ObjectView> affinity = policy.object("affinity");
    if (affinity.isPresent()) {
      Optional<ObjectView> cluster = affinity.get().object("clusterAffinity");
      affinity.get().rejectUnknown();
      if (cluster.isPresent()) {
        ObjectView clusterAffinity = cluster.get();
        clusterAffinity
            .object("requiredDuringSchedulingIgnoredDuringExecution")
            .ifPresent(
                selector -> {
                  required.addAll(
                      selector.list(
                          "clusterSelectorTerms",
                          (item, path) -> requiredTerm(selector, item, path)));
                  selector.rejectUnknown();
                });
        hasPreferred = clusterAffinity.has("preferredDuringSchedulingIgnoredDuringExecution");
        preferred.addAll(
            clusterAffinity.list(
                "preferredDuringSchedulingIgnoredDuringExecution",
                (item, path) -> preferredTerm(clusterAffinity, item, path)));
        clusterAffinity.rejectUnknown();
      }
    }
    boolean hasSpread = policy.has("topologySpreadConstraints");
    policy.take("topologySpreadConstraints");
    boolean hasTolerations = policy.has("tolerations");
    Set<List<String>> seenTolerations = new HashSet<>();
    List<Toleration> tolerations =
        policy.list("tolerations", (item, path) -> toleration(policy, item, path, seenTolerations));
    policy.rejectUnknown();
    if (hasSpread) {
      binder.report(
          policy.node().location(),
          policy.child("topologySpreadConstraints"),
          "not supported: KubeFleet schedules one cluster per run when topology spread"
              + " constraints are set and scores skew against the bindings made so far"
              + " (pkg/scheduler/framework/plugins/topologyspreadconstraints); Flotilla's spread"
              + " constraints pick differently");
    }
    // The CEL rules of PlacementPolicy and the webhook (pkg/utils/validator/placement.go).
    switch (type) {
      case "PickFixed" -> {
        for (String field : List.of("affinity", "numberOfClusters", "tolerations")) {
          boolean set =
              switch (field) {
                case "affinity" -> hasAffinity;
                case "numberOfClusters" -> hasNumber;
                default -> hasTolerations;
              };
          if (set) {
            forbidden(policy, field, "PickFixed");
          }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
          if (names.get(i).length() > 63) {
            binder.report(
                policy.node().location(),
                policy.child("clusterNames") + "[" + i + "]",
                "Invalid value: \""
                    + names.get(i)
                    + "\": must be no more than 63 characters (KubeFleet's webhook)");
          }
          if (!seen.add(names.get(i))) {
            binder.report(
                policy.node().location(),
                policy.child("clusterNames") + "[" + i + "]",
                "Duplicate value: \"" + names.get(i) + "\"");
          }
        }
      }
      case "PickN" -> {
        if (hasNames) {
          forbidden(policy, "clusterNames", "PickN");
        }
        if (!hasNumber) {
          binder.report(
              policy.node().location(),
              policy.child("numberOfClusters"),
              "Required value: PickN needs numberOfClusters");
        }
      }
      default -> {
        if (hasNames) {
          forbidden(policy, "clusterNames", "PickAll");
        }
        if (hasNumber) {
          forbidden(policy, "numberOfClusters", "PickAll");
        }
        if (hasPreferred) {
          binder.report(
              policy.node().location(),
              policy.child(
                  "affinity.clusterAffinity.preferredDuringSchedulingIgnoredDuringExecution"),
              "Forbidden: preferred terms are not allowed with PickAll (KubeFleet's webhook"
                  + " rejects them: PickAll does not score)");
        }
      }
    }
    if (number.isPresent() && (number.get() < 0 || number.get() > Integer.MAX_VALUE)) {
      binder.report(
          policy.node().location(),
          policy.child("numberOfClusters"),
          "Invalid value: " + number.get() + ": must be between 0 and " + Integer.MAX_VALUE);
    }
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    PlacementSpec out =
        switch (type) {
          case "PickFixed" -> pickFixed(names);
          case "PickN" ->
              pickAll(required, tolerations)
                  .withNumberOfClusters(number.orElseThrow().intValue())
                  .withPrioritizers(preferred)
                  .withOrdering(Ordering.ScoreThenNameDescending);
          default -> pickAll(required, tolerations);
        };
    return Optional.of(out);
  }

  private static void forbidden(ObjectView policy, String field, String type) {
    policy
        .binder()
        .report(
            policy.node().location(),
            policy.child(field),
            "Forbidden: " + field + " cannot be set when placementType is " + type);
  }

  private static PlacementSpec pickAll(
      List<ClusterSelectorTerm> required, List<Toleration> tolerations) {
    List<ClusterSelectorTerm> terms = required.isEmpty() ? List.of(everything()) : required;
    return new PlacementSpec(terms, List.of(), List.of()).withTolerations(tolerations);
  }

  /**
   * The named clusters, whatever their taints: KubeFleet's PickFixed runs no filter plugin (only
   * the eligibility checker, framework.go {@code crossReferenceClustersWithTargetNames}). An empty
   * list schedules nothing: zero clusters of the fleet.
   */
  private static PlacementSpec pickFixed(List<String> names) {
    if (names.isEmpty()) {
      return new PlacementSpec(List.of(everything()), List.of(), List.of()).withNumberOfClusters(0);
    }
    Toleration anyTaint =
        new Toleration(
            "",
            TolerationOperator.Exists,
            "",
            Optional.of(TaintEffect.NoSelect),
            OptionalLong.empty());
    return new PlacementSpec(List.of(), names, List.of()).withTolerations(List.of(anyTaint));
  }

  private static ClusterSelectorTerm everything() {
    return new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of());
  }

  /** One of {@code requiredDuringSchedulingIgnoredDuringExecution.clusterSelectorTerms}. */
  private static Optional<ClusterSelectorTerm> requiredTerm(
      ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView term = maybe.get();
    int before = term.binder().problemCount();
    Optional<LabelSelector> labels = selector(term);
    List<PropertyRequirement> properties = new ArrayList<>();
    term.object("propertySelector")
        .ifPresent(
            selector -> {
              properties.addAll(
                  selector.list("matchExpressions", (item, p) -> property(selector, item, p)));
              selector.rejectUnknown();
              if (term.binder().problemCount() == before) {
                KubeFleetPropertyBounds.check(selector, properties);
              }
            });
    if (term.has("propertySorter")) {
      term.binder()
          .report(
              node.location(),
              term.child("propertySorter"),
              "Forbidden: a property sorter is not allowed in a required term (KubeFleet's webhook"
                  + " rejects it)");
    }
    term.take("propertySorter");
    term.rejectUnknown();
    if (term.binder().problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ClusterSelectorTerm(labels.orElse(LabelSelector.everything()), properties, List.of()));
  }

  /** One of {@code preferredDuringSchedulingIgnoredDuringExecution}. */
  private static Optional<Prioritizer> preferredTerm(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView term = maybe.get();
    Binder binder = term.binder();
    int before = binder.problemCount();
    Optional<Long> weight = term.integer("weight");
    if (!term.has("weight")) {
      binder.report(node.location(), term.child("weight"), "Required value");
    } else if (weight.isPresent() && (weight.get() < -100 || weight.get() > 100)) {
      binder.report(
          node.location(),
          term.child("weight"),
          "Invalid value: " + weight.get() + ": must be between -100 and 100");
    }
    if (!term.has("preference")) {
      binder.report(node.location(), term.child("preference"), "Required value");
    }
    Optional<ObjectView> preference = term.object("preference");
    term.rejectUnknown();
    if (preference.isEmpty()) {
      return Optional.empty();
    }
    ObjectView body = preference.get();
    Optional<LabelSelector> labels = selector(body);
    if (body.has("propertySelector")) {
      binder.report(
          body.node().location(),
          body.child("propertySelector"),
          "Forbidden: a property selector is not allowed in a preferred term (KubeFleet's"
              + " webhook rejects it)");
    }
    body.take("propertySelector");
    Optional<ObjectView> sorter = body.object("propertySorter");
    String sortedName = "";
    Optional<Prioritizer.SortOrder> order = Optional.empty();
    if (sorter.isPresent()) {
      ObjectView s = sorter.get();
      sortedName = s.requiredString("name");
      order =
          s.string("sortOrder")
              .flatMap(t -> Documents.enumValue(s, "sortOrder", t, Prioritizer.SortOrder.class));
      if (!s.has("sortOrder")) {
        binder.report(s.node().location(), s.child("sortOrder"), "Required value");
      }
      checkPropertyName(s, "name", sortedName);
      s.rejectUnknown();
    }
    body.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    int w = weight.orElseThrow().intValue();
    if (sorter.isPresent()) {
      String sorted = sortedName;
      Prioritizer.SortOrder sortOrder = order.orElseThrow();
      return Optional.ofNullable(
          binder.construct(
              sorter.get().node(),
              sorter.get().path(),
              () ->
                  new Prioritizer.PropertySorter(
                      sorted, sortOrder, w, labels, Prioritizer.SorterScale.FleetWeighted)));
    }
    return Optional.of(
        new Prioritizer.LabelPreference(labels.orElse(LabelSelector.everything()), w));
  }

  /**
   * A term's {@code labelSelector}, a {@code metav1.LabelSelector}: only In, NotIn, Exists and
   * DoesNotExist ({@code metav1.LabelSelectorAsSelector}, which KubeFleet calls).
   */
  private static Optional<LabelSelector> selector(ObjectView term) {
    Optional<Node> raw = term.take("labelSelector");
    if (raw.isPresent()
        && raw.get() instanceof Node.MapNode map
        && map.fields().get("matchExpressions") instanceof Node.ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        if (list.items().get(i) instanceof Node.MapNode expression
            && expression.fields().get("operator") instanceof Node.ScalarNode op
            && op.value() instanceof String text
            && !LABEL_OPERATORS.contains(text)) {
          term.binder()
              .report(
                  op.location(),
                  term.child("labelSelector.matchExpressions[" + i + "].operator"),
                  "Unsupported value: \""
                      + text
                      + "\": supported values: \"DoesNotExist\", \"Exists\", \"In\", \"NotIn\"");
          return Optional.empty();
        }
      }
    }
    return term.object("labelSelector").map(PlacementReader::labelSelector);
  }

  /** One property requirement, as KubeFleet's {@code clusterRequirement.Matches} reads it. */
  private static Optional<PropertyRequirement> property(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView expression = maybe.get();
    Binder binder = expression.binder();
    int before = binder.problemCount();
    String name = expression.requiredString("name");
    Optional<PropertyOperator> operator =
        expression
            .string("operator")
            .flatMap(t -> Documents.enumValue(expression, "operator", t, PropertyOperator.class));
    if (!expression.has("operator")) {
      binder.report(node.location(), expression.child("operator"), "Required value");
    }
    List<String> values = expression.stringList("values");
    expression.rejectUnknown();
    checkPropertyName(expression, "name", name);
    if (values.size() != 1) {
      binder.report(
          node.location(),
          expression.child("values"),
          "Invalid value: " + values.size() + " values: must have exactly one value");
    } else {
      try {
        Quantity.parse(values.get(0));
      } catch (QuantityFormatException e) {
        binder.report(
            node.location(),
            expression.child("values") + "[0]",
            "Invalid value: \""
                + values.get(0)
                + "\": must be a Kubernetes quantity (KubeFleet compares quantities only)");
      }
    }
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        binder.construct(
            node, path, () -> PropertyRequirement.of(name, operator.get(), values.get(0))));
  }

  /**
   * KubeFleet reads a property named {@code resources.kubernetes-fleet.io/<capacity>-<resource>}
   * from {@code status.resourceUsage} and fails the scheduling run for any other shape of such a
   * name (clusteraffinity/types.go {@code retrieveResourceUsageFrom}): refused here.
   */
  private static void checkPropertyName(ObjectView view, String field, String name) {
    String prefix = ClusterObjects.KUBEFLEET_RESOURCES_PREFIX;
    if (!name.startsWith(prefix)) {
      return;
    }
    String[] parts = name.substring(prefix.length()).split("-", -1);
    if (parts.length != 2
        || parts[0].isEmpty()
        || parts[1].isEmpty()
        || !CAPACITY_TYPES.contains(parts[0])) {
      view.binder()
          .report(
              view.node().location(),
              view.child(field),
              "Invalid value: \""
                  + name
                  + "\": a resource property is "
                  + prefix
                  + "<total|allocatable|available>-<resource> with no other \"-\"");
    }
  }

  private static Optional<Toleration> toleration(
      ObjectView parent, Node node, String path, Set<List<String>> seen) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    Binder binder = view.binder();
    int before = binder.problemCount();
    String key = view.string("key").orElse("");
    // The API server defaults the operator to Equal (kubebuilder default).
    Optional<TolerationOperator> operator =
        view.string("operator")
            .flatMap(t -> Documents.enumValue(view, "operator", t, TolerationOperator.class));
    String value = view.string("value").orElse("");
    String effect = view.string("effect").orElse("");
    if (!effect.isEmpty() && !effect.equals("NoSchedule")) {
      binder.report(
          node.location(),
          view.child("effect"),
          "Unsupported value: \"" + effect + "\": supported values: \"NoSchedule\"");
    }
    view.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    TolerationOperator op = operator.orElse(TolerationOperator.Equal);
    if (!seen.add(List.of(key, op.name(), value, effect))) {
      // KubeFleet's webhook rejects a toleration given twice (validateTolerations).
      binder.report(node.location(), path, "Duplicate value: the same toleration twice");
      return Optional.empty();
    }
    // Every MemberCluster taint is NoSchedule, which the mapping makes NoSelect: an empty effect
    // (every effect) and NoSchedule both tolerate exactly those.
    return Optional.ofNullable(
        binder.construct(
            node,
            path,
            () ->
                new Toleration(
                    key, op, value, Optional.of(TaintEffect.NoSelect), OptionalLong.empty())));
  }
}
