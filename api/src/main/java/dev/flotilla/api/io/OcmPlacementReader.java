package dev.flotilla.api.io;

import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.LabelSelectorRequirement;
import dev.flotilla.api.labels.LabelSelectorSpec;
import dev.flotilla.api.labels.Operator;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads Open Cluster Management's {@code Placement} ({@code cluster.open-cluster-management.io/
 * v1beta1}, open-cluster-management-io/api cluster/v1beta1/types_placement.go) into a Flotilla
 * placement that schedules as OCM's placement controller does (ocm pkg/placement): the inventory
 * stands for the clusters of the ManagedClusterSets bound to the placement's namespace.
 *
 * <ul>
 *   <li>Clusters being deleted are never scheduled (scheduling/helpers.go, GetAvailableClusters):
 *       every term requires no {@code metadata.flotilla.dev/deletionTimestamp} property.
 *   <li>{@code predicates} are ORed terms; a predicate ANDs its label selector, its claim selector
 *       (over the claims only, as helpers/clusters.go's GetClusterClaims) and its CEL expressions
 *       (over {@code managedCluster}, rebuilt by the CEL function {@code ocm.managedCluster}). No
 *       predicates select every cluster.
 *   <li>Tolerations as plugins/tainttoleration: a {@code PreferNoSelect} taint never stops a
 *       cluster, so Flotilla gets a toleration of every {@code PreferNoSelect} taint.
 *   <li>Prioritizers as scheduling/schedule.go: weights (Additive adds Balance and Steady at 1),
 *       weight 0 disables; clusters ranked by total score, ties by name ({@link
 *       Ordering#ScoreThenName}).
 *   <li>Decision groups as scheduling_controller.go's generateDecisionGroups: {@code
 *       clustersPerDecisionGroup} other than {@code 100%} becomes Flotilla's {@code
 *       clustersPerDecisionGroup} (every group and the rest sorted by name, cut into chunks, a
 *       percentage rounded up as calculateLength does); a count written as a string, which
 *       calculateLength refuses, is refused.
 * </ul>
 */
final class OcmPlacementReader {
  static final String GROUP = "cluster.open-cluster-management.io";
  static final String VERSION = GROUP + "/v1beta1";

  /** The property an OCM ManagedCluster being deleted has (see ClusterObjects). */
  static final String NOT_DELETING =
      "!('" + ClusterObjects.DELETION_TIMESTAMP + "' in cluster.properties)";

  /** The score name a caller gives OCM's Balance scores under. */
  static final String BALANCE_SCORE = "ocm.flotilla.dev/balance";

  private static final String DISABLE_ANNOTATION = GROUP + "/experimental-scheduling-disable";

  private OcmPlacementReader() {}

  /** Reads {@code document}, an OCM Placement. */
  static Optional<Placement> read(ObjectView document, PeerPolicies.Notes notes) {
    if (document.has("status")) {
      notes.add(document, "status", "the placement controller's status: not policy");
    }
    return PeerDocuments.read(
        document,
        List.of(VERSION),
        (envelope, spec) -> {
          envelope.metadata().ifPresent(OcmPlacementReader::checkNotDisabled);
          return spec(spec, notes);
        },
        (envelope, spec) -> new Placement(envelope.name(), envelope.namespace(), spec));
  }

  private static void checkNotDisabled(ObjectView metadata) {
    if (fieldNode(metadata, "annotations") instanceof MapNode annotations
        && annotations.fields().get(DISABLE_ANNOTATION) instanceof ScalarNode value
        && "true".equals(value.value())) {
      metadata
          .binder()
          .report(
              value.location(),
              metadata.child("annotations") + "[" + DISABLE_ANNOTATION + "]",
              "Invalid value: \"true\": OCM's placement controller makes no decision for a"
                  + " placement with scheduling disabled");
    }
  }

  private static Optional<PlacementSpec> spec(ObjectView spec, PeerPolicies.Notes notes) {
    Binder binder = spec.binder();
    List<String> clusterSets = spec.stringList("clusterSets");
    if (!clusterSets.isEmpty()) {
      binder.report(
          fieldNode(spec, "clusterSets").location(),
          spec.child("clusterSets"),
          "Invalid value: Flotilla does not see ManagedClusterSets or their bindings: give the"
              + " inventory of the sets' clusters, or select a set's clusters by its label"
              + " (cluster.open-cluster-management.io/clusterset) in predicates");
    }
    OptionalInt numberOfClusters = OptionalInt.empty();
    Optional<Long> number = spec.integer("numberOfClusters");
    if (number.isPresent()) {
      long n = number.get();
      if (n < 0 || n > Integer.MAX_VALUE) {
        binder.report(
            fieldNode(spec, "numberOfClusters").location(),
            spec.child("numberOfClusters"),
            "Invalid value: " + n + ": must be between 0 and " + Integer.MAX_VALUE);
      } else {
        numberOfClusters = OptionalInt.of((int) n);
      }
    }
    List<ClusterSelectorTerm> terms =
        spec.list("predicates", (item, path) -> predicate(spec, item, path));
    if (!spec.has("predicates") || terms.isEmpty() && !binder.hasProblems()) {
      terms =
          List.of(
              new ClusterSelectorTerm(
                  LabelSelector.everything(), List.of(), List.of(NOT_DELETING)));
    }
    List<Prioritizer> prioritizers =
        spec.object("prioritizerPolicy").map(OcmPlacementReader::prioritizers).orElse(null);
    if (prioritizers == null) {
      prioritizers = defaultPrioritizers();
    }
    for (Prioritizer p : prioritizers) {
      if (p instanceof Prioritizer.Score score && score.name().equals(BALANCE_SCORE)) {
        notes.add(
            spec,
            "prioritizerPolicy",
            "OCM's Balance counts the other placements' decisions, which Flotilla does not see:"
                + " it becomes the caller-supplied score "
                + BALANCE_SCORE
                + " (without it every cluster scores alike, as in OCM with no other placement)");
      } else if (p instanceof Prioritizer.Score score) {
        notes.add(
            spec,
            "prioritizerPolicy",
            "the AddOnPlacementScore "
                + score.name()
                + " becomes a caller-supplied score of that name (absent: 0, as in OCM)");
      }
    }
    List<Toleration> tolerations =
        new ArrayList<>(spec.list("tolerations", (item, path) -> toleration(spec, item, path)));
    // plugins/tainttoleration: isTaintTolerated lets every PreferNoSelect taint through.
    tolerations.add(
        new Toleration(
            "",
            TolerationOperator.Exists,
            "",
            Optional.of(TaintEffect.PreferNoSelect),
            OptionalLong.empty()));
    List<DecisionGroup> groups = new ArrayList<>();
    List<IntOrPercent> perDecisionGroup = new ArrayList<>();
    spec.object("decisionStrategy")
        .ifPresent(strategy -> decisionStrategy(strategy, groups, perDecisionGroup));
    if (spec.has("spreadPolicy")) {
      notes.add(
          spec,
          "spreadPolicy",
          "OCM's scheduler does not read spreadPolicy (ocm pkg/placement has no spread plugin):"
              + " it changes no decision");
    }
    spec.object("spreadPolicy").ifPresent(OcmPlacementReader::spreadPolicy);
    for (String field : List.of("sortBy", "scoreRateLimit")) {
      if (spec.has(field)) {
        notes.add(
            spec,
            field,
            "how OCM orders and refreshes the scores it records in PlacementDecisions: it"
                + " changes no decision");
      }
      spec.string(field);
    }
    spec.rejectUnknown();
    if (binder.hasProblems()) {
      return Optional.empty();
    }
    List<ClusterSelectorTerm> finalTerms = terms;
    List<Prioritizer> finalPrioritizers = prioritizers;
    OptionalInt finalNumber = numberOfClusters;
    return Optional.ofNullable(
        binder.construct(
            spec.node(),
            spec.path(),
            () ->
                new PlacementSpec(
                    finalTerms,
                    List.of(),
                    List.of(),
                    tolerations,
                    finalNumber,
                    finalPrioritizers,
                    List.of(),
                    groups,
                    Optional.empty(),
                    Ordering.ScoreThenName,
                    List.of(),
                    Optional.empty(),
                    perDecisionGroup.stream().findFirst())));
  }

  // ---- predicates ----

  private static Optional<ClusterSelectorTerm> predicate(
      ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView predicate = maybe.get();
    Optional<ObjectView> required = predicate.object("requiredClusterSelector");
    predicate.rejectUnknown();
    LabelSelector labels = LabelSelector.everything();
    List<String> cel = new ArrayList<>();
    cel.add(NOT_DELETING);
    if (required.isPresent()) {
      ObjectView selector = required.get();
      Optional<ObjectView> labelView = selector.object("labelSelector");
      if (labelView.isPresent()) {
        labels = PlacementReader.labelSelector(labelView.get());
      }
      selector
          .object("claimSelector")
          .flatMap(OcmPlacementReader::claimSelector)
          .ifPresent(cel::add);
      selector
          .object("celSelector")
          .ifPresent(
              celView -> {
                List<String> expressions = celView.stringList("celExpressions");
                celView.rejectUnknown();
                Node list = fieldNode(celView, "celExpressions");
                for (int i = 0; i < expressions.size(); i++) {
                  String expression = expressions.get(i);
                  String at = celView.child("celExpressions") + "[" + i + "]";
                  Node.Location location =
                      list instanceof Node.ListNode items && i < items.items().size()
                          ? items.items().get(i).location()
                          : celView.node().location();
                  List<String> problems = OcmCel.check(expression);
                  for (String problem : problems) {
                    celView.binder().report(location, at, problem);
                  }
                  if (problems.isEmpty()) {
                    cel.add(OcmCel.wrap(expression));
                  }
                }
              });
      selector.rejectUnknown();
    }
    if (labels == null) {
      return Optional.empty();
    }
    LabelSelector finalLabels = labels;
    return Optional.ofNullable(
        parent
            .binder()
            .construct(node, path, () -> new ClusterSelectorTerm(finalLabels, List.of(), cel)));
  }

  /**
   * A claim selector as one CEL expression over the claims only: the names the mapping recorded in
   * {@code claims.flotilla.dev/names}, each claim's value its property.
   */
  private static Optional<String> claimSelector(ObjectView view) {
    List<LabelSelectorRequirement> expressions = PlacementReader.matchExpressions(view);
    view.rejectUnknown();
    LabelSelector selector =
        view.binder()
            .construct(
                view.node(),
                view.path(),
                () -> new LabelSelectorSpec(Map.of(), expressions).toSelector());
    if (selector == null || selector.requirements().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(claimCel(selector));
  }

  /** The CEL form of a claim selector (keys and values are label keys and values: no quotes). */
  static String claimCel(LabelSelector selector) {
    String names = ClusterObjects.OCM_CLAIM_NAMES;
    StringBuilder out =
        new StringBuilder("cel.bind(claims, '")
            .append(names)
            .append("' in cluster.properties ? cluster.properties['")
            .append(names)
            .append("'].split(',') : [], ");
    List<Requirement> requirements = selector.requirements();
    for (int i = 0; i < requirements.size(); i++) {
      Requirement r = requirements.get(i);
      String key = "'" + r.key() + "'";
      String present = key + " in claims";
      String value = "cluster.properties[" + key + "]";
      StringBuilder values = new StringBuilder("[");
      for (int v = 0; v < r.values().size(); v++) {
        values.append(v > 0 ? ", " : "").append('\'').append(r.values().get(v)).append('\'');
      }
      values.append(']');
      out.append(i > 0 ? " && " : "");
      Operator op = r.operator();
      switch (op) {
        case IN, EQUALS, DOUBLE_EQUALS ->
            out.append("(")
                .append(present)
                .append(" && ")
                .append(value)
                .append(" in ")
                .append(values)
                .append(")");
        case NOT_IN, NOT_EQUALS ->
            out.append("(!(")
                .append(present)
                .append(") || !(")
                .append(value)
                .append(" in ")
                .append(values)
                .append("))");
        case EXISTS -> out.append("(").append(present).append(")");
        case DOES_NOT_EXIST -> out.append("!(").append(present).append(")");
        default -> throw new IllegalStateException("metav1 selectors have no " + op);
      }
    }
    return out.append(')').toString();
  }

  // ---- prioritizers ----

  private record Coordinate(String type, String builtIn, String resourceName, String scoreName) {}

  private static List<Prioritizer> defaultPrioritizers() {
    return List.of(new Prioritizer.Score(BALANCE_SCORE, 1), new Prioritizer.PreviouslyPicked(1));
  }

  private static List<Prioritizer> prioritizers(ObjectView policy) {
    Binder binder = policy.binder();
    String mode = policy.string("mode").orElse("");
    Map<Coordinate, Integer> weights = new LinkedHashMap<>();
    Map<Coordinate, String> paths = new LinkedHashMap<>();
    Map<Coordinate, Node> nodes = new LinkedHashMap<>();
    switch (mode) {
      case "", "Additive" -> {
        weights.put(new Coordinate("BuiltIn", "Balance", "", ""), 1);
        weights.put(new Coordinate("BuiltIn", "Steady", "", ""), 1);
      }
      case "Exact" -> {}
      default ->
          binder.report(
              fieldNode(policy, "mode").location(),
              policy.child("mode"),
              "Unsupported value: \"" + mode + "\": supported values: \"Additive\", \"Exact\"");
    }
    policy.list(
        "configurations",
        (item, path) -> {
          Optional<ObjectView> maybe = ObjectView.of(binder, item, path);
          if (maybe.isEmpty()) {
            return Optional.empty();
          }
          ObjectView config = maybe.get();
          long weight = config.integer("weight").orElse(1L);
          if (weight < -10 || weight > 10) {
            binder.report(
                item.location(),
                config.child("weight"),
                "Invalid value: " + weight + ": must be between -10 and 10");
          }
          Optional<ObjectView> coordinate = config.object("scoreCoordinate");
          if (!config.has("scoreCoordinate")) {
            binder.report(item.location(), config.child("scoreCoordinate"), "Required value");
          }
          config.rejectUnknown();
          coordinate.ifPresent(
              c -> {
                String type = c.string("type").orElse("BuiltIn");
                String builtIn = c.string("builtIn").orElse("");
                String resource = "";
                String score = "";
                Optional<ObjectView> addOn = c.object("addOn");
                if (addOn.isPresent()) {
                  resource = addOn.get().requiredString("resourceName");
                  score = addOn.get().requiredString("scoreName");
                  addOn.get().rejectUnknown();
                }
                c.rejectUnknown();
                Coordinate key =
                    type.equals("AddOn")
                        ? new Coordinate(type, "", resource, score)
                        : new Coordinate(type, builtIn, "", "");
                weights.remove(key);
                weights.put(key, (int) weight);
                paths.put(key, config.child("scoreCoordinate"));
                nodes.put(key, c.node());
              });
          return Optional.of(Boolean.TRUE);
        });
    policy.rejectUnknown();
    List<Prioritizer> out = new ArrayList<>();
    for (Map.Entry<Coordinate, Integer> entry : weights.entrySet()) {
      int weight = entry.getValue();
      Coordinate c = entry.getKey();
      if (weight == 0) {
        continue; // schedule.go getPrioritizers: a weight of 0 disables, whatever it names
      }
      Node at = nodes.getOrDefault(c, policy.node());
      String path = paths.getOrDefault(c, policy.path());
      switch (c.type()) {
        case "BuiltIn" -> {
          switch (c.builtIn()) {
            case "Balance" -> out.add(new Prioritizer.Score(BALANCE_SCORE, weight));
            case "Steady" -> out.add(new Prioritizer.PreviouslyPicked(weight));
            case "ResourceAllocatableCPU" -> out.add(allocatable("cpu", weight));
            case "ResourceAllocatableMemory" -> out.add(allocatable("memory", weight));
            default ->
                binder.report(
                    at.location(),
                    path + ".builtIn",
                    "Unsupported value: \""
                        + c.builtIn()
                        + "\": supported values: \"Balance\", \"ResourceAllocatableCPU\","
                        + " \"ResourceAllocatableMemory\", \"Steady\" (OCM's scheduler,"
                        + " schedule.go getPrioritizers, refuses the others as misconfigured)");
          }
        }
        case "AddOn" -> {
          if (c.resourceName().isEmpty() && c.scoreName().isEmpty()) {
            binder.report(at.location(), path + ".addOn", "Required value");
            continue;
          }
          Prioritizer score =
              binder.construct(
                  at,
                  path + ".addOn",
                  () -> new Prioritizer.Score(c.resourceName() + "/" + c.scoreName(), weight));
          if (score != null) {
            out.add(score);
          }
        }
        default ->
            binder.report(
                at.location(),
                path + ".type",
                "Unsupported value: \""
                    + c.type()
                    + "\": supported values: \"AddOn\", \"BuiltIn\"");
      }
    }
    return out;
  }

  /**
   * plugins/resource: the allocatable amount, scored over the clusters that report both it and the
   * capacity (getClusterResource fails without either).
   */
  private static Prioritizer allocatable(String resource, int weight) {
    return new Prioritizer.PropertyScale(
        ClusterObjects.RESOURCES_PREFIX + "allocatable-" + resource,
        Prioritizer.SortOrder.Descending,
        Optional.of(ClusterObjects.RESOURCES_PREFIX + "capacity-" + resource),
        weight);
  }

  // ---- tolerations ----

  private static Optional<Toleration> toleration(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    Binder binder = view.binder();
    String key = view.string("key").orElse("");
    String operatorText = view.string("operator").orElse("");
    String value = view.string("value").orElse("");
    String effectText = view.string("effect").orElse("");
    Optional<Long> seconds = view.integer("tolerationSeconds");
    view.rejectUnknown();
    TolerationOperator operator = null;
    switch (operatorText) {
      case "", "Equal" -> operator = TolerationOperator.Equal; // empty means Equal
      case "Exists" -> operator = TolerationOperator.Exists;
      default ->
          binder.report(
              node.location(),
              view.child("operator"),
              "Unsupported value: \""
                  + operatorText
                  + "\": supported values: \"Equal\", \"Exists\"");
    }
    Optional<TaintEffect> effect = Optional.empty();
    if (!effectText.isEmpty()) {
      effect = Documents.enumValue(view, "effect", effectText, TaintEffect.class);
      if (effect.isEmpty()) {
        return Optional.empty();
      }
    }
    if (operator == null) {
      return Optional.empty();
    }
    TolerationOperator op = operator;
    Optional<TaintEffect> e = effect;
    OptionalLong s = seconds.isPresent() ? OptionalLong.of(seconds.get()) : OptionalLong.empty();
    return Optional.ofNullable(
        binder.construct(node, path, () -> new Toleration(key, op, value, e, s)));
  }

  // ---- decision groups ----

  /** The OCM API's pattern for {@code clustersPerDecisionGroup} written as a string. */
  private static final Pattern PER_DECISION_GROUP =
      Pattern.compile("^((100|[1-9][0-9]{0,1})%|[1-9][0-9]*)$");

  /** Flotilla's counts stop at 999,999,999 (nine digits); any count above the fleet is the same. */
  private static final long MAX_COUNT = 999_999_999L;

  private static void decisionStrategy(
      ObjectView strategy, List<DecisionGroup> out, List<IntOrPercent> perDecisionGroup) {
    strategy
        .object("groupStrategy")
        .ifPresent(
            groups -> {
              groups
                  .take("clustersPerDecisionGroup")
                  .flatMap(node -> clustersPerDecisionGroup(groups, node))
                  .ifPresent(perDecisionGroup::add);
              out.addAll(groups.list("decisionGroups", (item, path) -> group(groups, item, path)));
              groups.rejectUnknown();
            });
    strategy.rejectUnknown();
  }

  /**
   * OCM's {@code clustersPerDecisionGroup} as scheduling_controller.go's calculateLength reads it:
   * an integer (0 or less: one chunk per group), or a percentage string of the API's pattern; empty
   * when every group stays one chunk ({@code 100%}, the default).
   */
  private static Optional<IntOrPercent> clustersPerDecisionGroup(ObjectView groups, Node node) {
    String path = groups.child("clustersPerDecisionGroup");
    if (node instanceof ScalarNode scalar && scalar.value() instanceof Long number) {
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        groups
            .binder()
            .report(
                node.location(),
                path,
                "Invalid value: " + number + ": OCM reads an int32 (intstr.IntOrString)");
        return Optional.empty();
      }
      // calculateLength: a length of 0 or less, or above the total, is the total (one chunk).
      return number <= 0
          ? Optional.empty()
          : Optional.of(IntOrPercent.count((int) Math.min(number, MAX_COUNT)));
    }
    if (node instanceof ScalarNode scalar && scalar.value() instanceof String text) {
      if (!PER_DECISION_GROUP.matcher(text).matches()) {
        groups
            .binder()
            .report(
                node.location(),
                path,
                "Invalid value: \""
                    + text
                    + "\": must match "
                    + PER_DECISION_GROUP.pattern()
                    + " (OCM's API)");
        return Optional.empty();
      }
      if (!text.endsWith("%")) {
        groups
            .binder()
            .report(
                node.location(),
                path,
                "Invalid value: \""
                    + text
                    + "\": OCM's scheduler refuses a count written as a string (calculateLength:"
                    + " string is not a percentage) and makes no decision; write it as an integer");
        return Optional.empty();
      }
      int percent = Integer.parseInt(text.substring(0, text.length() - 1));
      return percent == 100 ? Optional.empty() : Optional.of(IntOrPercent.percentage(percent));
    }
    groups.binder().wrongType(node, path, "integer or percentage");
    return Optional.empty();
  }

  private static Optional<DecisionGroup> group(ObjectView parent, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(parent.binder(), node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String name = view.requiredString("groupName");
    LabelSelector selector = LabelSelector.everything();
    Optional<ObjectView> groupSelector = view.object("groupClusterSelector");
    if (!view.has("groupClusterSelector")) {
      view.binder().report(node.location(), view.child("groupClusterSelector"), "Required value");
    }
    if (groupSelector.isPresent()) {
      ObjectView s = groupSelector.get();
      Optional<ObjectView> labels = s.object("labelSelector");
      if (labels.isPresent()) {
        selector = PlacementReader.labelSelector(labels.get());
      }
      s.object("claimSelector")
          .ifPresent(
              claims -> {
                List<LabelSelectorRequirement> requirements =
                    PlacementReader.matchExpressions(claims);
                claims.rejectUnknown();
                if (!requirements.isEmpty()) {
                  claims
                      .binder()
                      .report(
                          claims.node().location(),
                          claims.child("matchExpressions"),
                          "Invalid value: Flotilla's decision groups select by labels only");
                }
              });
      s.rejectUnknown();
    }
    view.rejectUnknown();
    if (selector == null || name.isEmpty()) {
      return Optional.empty();
    }
    LabelSelector finalSelector = selector;
    return Optional.ofNullable(
        view.binder()
            .construct(node, path, () -> new DecisionGroup(name, finalSelector, Optional.empty())));
  }

  /** The node of {@code field} in {@code view}, null when absent. */
  private static Node fieldNode(ObjectView view, String field) {
    return view.node() instanceof MapNode map ? map.fields().get(field) : null;
  }

  // ---- spread policy: read for its shape only ----

  private static void spreadPolicy(ObjectView policy) {
    policy.list(
        "spreadConstraints",
        (item, path) ->
            ObjectView.of(policy.binder(), item, path)
                .map(
                    term -> {
                      term.string("topologyKey");
                      term.string("topologyKeyType");
                      term.integer("maxSkew");
                      term.string("whenUnsatisfiable");
                      term.rejectUnknown();
                      return Boolean.TRUE;
                    }));
    policy.rejectUnknown();
  }
}
