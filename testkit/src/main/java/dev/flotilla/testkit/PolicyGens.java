package dev.flotilla.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.LabelSelectorRequirement;
import dev.flotilla.api.labels.LabelSelectorSpec;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.PropertyOperator;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.PropertyValue;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.Attention;
import dev.flotilla.api.summary.FeedbackRule;
import dev.flotilla.api.summary.Field;
import dev.flotilla.api.summary.GroupBy;
import dev.flotilla.api.summary.OrderBy;
import dev.flotilla.api.summary.SortDirection;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of Flotilla's policies ({@link Placement} with every scheduling field,
 * {@link Customization} with every kind of action, {@link StatusSummary}) and of inventories, for
 * property tests of readers and writers (such as {@code read(write(x)).equals(x)}).
 *
 * <pre>{@code
 * qt().withFixedSeed(7L).forAll(PolicyGens.placements())
 *     .checkAssert(p -> assertEquals(p, PlacementReader.parse("p.yaml", PolicyWriter.toYaml(p)).value()));
 * }</pre>
 *
 * <p>Every optional field is sometimes present and sometimes absent, and text is drawn from {@link
 * #ODD_TEXT}: strings that a careless YAML writer would let a reader take for something else
 * ({@code yes}, {@code on}, {@code 1.10}, {@code null}, {@code 2026-01-01}, {@code 12:30}), YAML
 * syntax ({@code - a}, {@code a: b}, {@code #}), templates, blanks, line breaks and non-ASCII
 * letters. Where the model restricts text (names, label keys and values), the odd values that the
 * rule allows are used: a cluster named {@code on}, a label {@code yes: "1.10"}.
 *
 * <p>The values are built through the model's constructors, so every one is valid. Label selectors
 * are built from {@code matchLabels} and {@code matchExpressions} (never from {@code ==} or {@code
 * !=} strings, which have no structured form of their own). Generation is seeded by QuickTheories;
 * these generators do not shrink beyond the choices they draw.
 */
public final class PolicyGens {

  /** Free text that YAML could misread, with blanks, line breaks, templates and Unicode. */
  public static final List<String> ODD_TEXT =
      List.of(
          "plain",
          "yes",
          "No",
          "on",
          "OFF",
          "y",
          "n",
          "true",
          "null",
          "~",
          "1.10",
          "1e3",
          "0o17",
          "0x1F",
          "1_000",
          ".inf",
          "-.5",
          "+1",
          "010",
          "12:30",
          "2026-01-01",
          "2026-01-01T00:00:00Z",
          "=",
          "<<",
          "",
          " ",
          " leading",
          "trailing ",
          "a: b",
          "- item",
          "#hash",
          "a #b",
          "{x: 1}",
          "[x]",
          "'single'",
          "\"double\"",
          "multi\nline",
          "ends with newline\n",
          "tab\there",
          "back\\slash",
          "*alias",
          "&anchor",
          "!tag",
          "%directive",
          "@at",
          "`tick`",
          "|",
          ">",
          "? key",
          "---",
          "...",
          "caf\u00e9 \u96ea \ud83d\ude80",
          "${cluster.name}",
          "$${literal}",
          "cluster.labels['topology.kubernetes.io/zone'] == 'on'");

  /** Label values (and taint and toleration values) that YAML 1.1 would misread. */
  public static final List<String> ODD_LABEL_VALUES =
      List.of(
          "plain",
          "yes",
          "No",
          "on",
          "off",
          "y",
          "N",
          "true",
          "False",
          "null",
          "1.10",
          "1e3",
          "0o17",
          "0x1F",
          "1_000",
          "010",
          "12",
          "2026-01-01",
          "",
          "a.b-c_d");

  /** Label keys (and property names) that YAML 1.1 would misread, plus a prefixed key. */
  public static final List<String> ODD_KEYS =
      List.of("region", "yes", "on", "true", "null", "1.10", "010", "y", "example.com/on");

  /** DNS-1123 names that YAML 1.1 would misread. */
  public static final List<String> ODD_NAMES =
      List.of("a", "on", "yes", "y", "n", "true", "null", "1.10", "1e3", "010", "2026-01-01");

  private static final List<String> NON_BLANK_TEXT =
      ODD_TEXT.stream().filter(t -> !t.isBlank()).toList();

  private static final List<String> SUMMARY_NAMES =
      List.of("ready", "yes", "on", "True", "null", "y", "_1", "n-1", "Off");

  private static final List<String> STATUS_PATHS =
      List.of(
          ".status.readyReplicas",
          "{.status.conditions[0].type}",
          "$.metadata.labels['app.kubernetes.io/name']",
          ".yes",
          "$['1.10'].on",
          " .status.phase ");

  private static final List<String> PROPERTY_VALUES =
      List.of(
          "16",
          "2000m",
          "64Gi",
          "1e3",
          "1.10",
          "1.31.2",
          "v1.31",
          "2.0.0-rc.1",
          "yes",
          "on",
          "lyon",
          "",
          "12:30");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PolicyGens() {}

  /** Placements with every selection and scheduling field, each sometimes absent. */
  public static Gen<Placement> placements() {
    return random -> {
      Draw d = new Draw(random);
      return new Placement(d.pick(ODD_NAMES), d.pick(ODD_NAMES), placementSpec(d));
    };
  }

  /** Customizations with every kind of action, in the order the reader lists them. */
  public static Gen<Customization> customizations() {
    return random -> {
      Draw d = new Draw(random);
      List<ResourceSelector> selectors = d.list(0, 2, PolicyGens::resourceSelector);
      List<Rule> rules = unique(d.list(1, 4, PolicyGens::rule), Rule::name);
      int priority = d.chance(3) ? 0 : d.pick(List.of(-7, 1, 10, Integer.MAX_VALUE));
      return new Customization(
          d.pick(ODD_NAMES),
          d.pick(ODD_NAMES),
          new CustomizationSpec(priority, selectors, rules, d.chance(3)));
    };
  }

  /** Status summary policies with every field, each sometimes absent. */
  public static Gen<StatusSummary> statusSummaries() {
    return random -> {
      Draw d = new Draw(random);
      Optional<String> filter = d.optional(x -> x.pick(NON_BLANK_TEXT));
      List<FeedbackRule> feedback =
          unique(
              d.list(0, 3, x -> FeedbackRule.of(x.pick(SUMMARY_NAMES), x.pick(STATUS_PATHS))),
              FeedbackRule::name);
      List<GroupBy> groupBy =
          unique(
              d.list(0, 3, x -> new GroupBy(x.pick(SUMMARY_NAMES), x.pick(NON_BLANK_TEXT))),
              GroupBy::name);
      List<Aggregate> aggregates = unique(d.list(0, 4, PolicyGens::aggregate), Aggregate::name);
      Optional<Attention> attention = d.optional(PolicyGens::attention);
      Optional<Duration> staleAfter =
          d.optional(
              x ->
                  x.pick(
                      List.of(
                          Duration.ofNanos(1),
                          Duration.ofMillis(1500),
                          Duration.ofMinutes(10),
                          Duration.ofMinutes(90),
                          Duration.ofHours(36),
                          Duration.ofSeconds(90, 123))));
      int maxBytes =
          d.pick(
              List.of(
                  StatusSummarySpec.DEFAULT_MAX_BYTES,
                  StatusSummarySpec.MIN_MAX_BYTES,
                  StatusSummarySpec.MAX_MAX_BYTES,
                  100_000));
      return new StatusSummary(
          d.pick(ODD_NAMES),
          d.pick(ODD_NAMES),
          new StatusSummarySpec(
              filter, feedback, groupBy, aggregates, attention, staleAfter, maxBytes));
    };
  }

  /**
   * Inventories of 0 to {@code maxSize} clusters named {@code c-00}, {@code c-01}, ..., with odd
   * label keys and values, annotations and properties of any text (line breaks included) and taints
   * with and without values and times (to the nanosecond).
   *
   * @throws IllegalArgumentException if {@code maxSize} is negative
   */
  public static Gen<List<Cluster>> oddInventories(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize: must be at least 0, got " + maxSize);
    }
    return random -> {
      Draw d = new Draw(random);
      int size = d.between(0, maxSize);
      List<Cluster> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(
            new Cluster(
                String.format("c-%02d", i),
                d.map(0, 3, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_LABEL_VALUES)),
                d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT)),
                d.map(0, 3, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT)),
                unique(d.list(0, 2, PolicyGens::taint), Taint::key)));
      }
      return List.copyOf(out);
    };
  }

  // Placement -----------------------------------------------------------------------------------

  private static PlacementSpec placementSpec(Draw d) {
    List<ClusterSelectorTerm> terms = d.list(0, 3, PolicyGens::term);
    List<String> names = d.list(0, 3, x -> x.pick(ODD_NAMES));
    if (terms.isEmpty() && names.isEmpty()) {
      terms = List.of(ClusterSelectorTerm.all());
    }
    List<DecisionGroup> groups =
        unique(d.list(0, 3, PolicyGens::decisionGroup), DecisionGroup::groupName);
    List<String> groupNames = groups.stream().map(DecisionGroup::groupName).toList();
    // OCM's grouping: one chunk size for every group, which then have none of their own.
    Optional<IntOrPercent> perDecisionGroup =
        d.chance(3) ? Optional.of(intOrPercent(d)) : Optional.empty();
    if (perDecisionGroup.isPresent()) {
      groups =
          groups.stream()
              .map(g -> new DecisionGroup(g.groupName(), g.clusterSelector(), Optional.empty()))
              .toList();
    }
    return new PlacementSpec(
        terms,
        names,
        d.list(0, 2, x -> x.pick(ODD_NAMES)),
        d.list(0, 3, PolicyGens::toleration),
        d.chance(2) ? OptionalInt.empty() : OptionalInt.of(d.between(0, 100_000)),
        d.list(0, 3, PolicyGens::prioritizer),
        d.list(0, 1, PolicyGens::spread),
        groups,
        d.optional(x -> rollout(x, groupNames)),
        d.chance(2) ? Ordering.Sticky : d.pick(List.of(Ordering.values())),
        List.of(),
        Optional.empty(),
        perDecisionGroup);
  }

  private static ClusterSelectorTerm term(Draw d) {
    LabelSelector labels = d.chance(3) ? LabelSelector.everything() : labelSelector(d);
    return new ClusterSelectorTerm(
        labels,
        d.list(0, 2, PolicyGens::propertyRequirement),
        d.list(0, 2, x -> x.pick(NON_BLANK_TEXT)));
  }

  /** A selector built as a {@code metav1.LabelSelector}, with every operator. */
  private static LabelSelector labelSelector(Draw d) {
    Map<String, String> matchLabels =
        d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_LABEL_VALUES));
    List<LabelSelectorRequirement> expressions =
        d.list(
            0,
            3,
            x -> {
              String key = x.pick(ODD_KEYS);
              return switch (x.between(0, 5)) {
                case 0 ->
                    new LabelSelectorRequirement(
                        key, "In", x.list(1, 3, y -> y.pick(ODD_LABEL_VALUES)));
                case 1 ->
                    new LabelSelectorRequirement(
                        key, "NotIn", x.list(1, 3, y -> y.pick(ODD_LABEL_VALUES)));
                case 2 -> LabelSelectorRequirement.of(key, "Exists");
                case 3 -> LabelSelectorRequirement.of(key, "DoesNotExist");
                case 4 -> LabelSelectorRequirement.of(key, "Gt", x.pick(List.of("0", "010", "12")));
                default ->
                    LabelSelectorRequirement.of(
                        key, "Lt", x.pick(List.of("1", "9223372036854775807")));
              };
            });
    return new LabelSelectorSpec(matchLabels, expressions).toSelector();
  }

  private static PropertyRequirement propertyRequirement(Draw d) {
    PropertyValue value = PropertyValue.parse(d.pick(PROPERTY_VALUES));
    PropertyOperator operator = d.pick(List.of(PropertyOperator.values()));
    if (operator.isOrdering() && !value.isOrdered()) {
      operator = d.chance(2) ? PropertyOperator.Eq : PropertyOperator.Ne;
    }
    return new PropertyRequirement(d.pick(ODD_KEYS), operator, value);
  }

  private static Toleration toleration(Draw d) {
    String key = d.chance(4) ? "" : d.pick(ODD_KEYS);
    TolerationOperator operator =
        key.isEmpty() || d.chance(2) ? TolerationOperator.Exists : TolerationOperator.Equal;
    String value = operator == TolerationOperator.Equal ? d.pick(ODD_LABEL_VALUES) : "";
    return new Toleration(
        key,
        operator,
        value,
        d.optional(x -> x.pick(List.of(TaintEffect.values()))),
        d.chance(2) ? OptionalLong.empty() : OptionalLong.of(d.between(0, Integer.MAX_VALUE)));
  }

  private static Prioritizer prioritizer(Draw d) {
    int weight = d.between(-Prioritizer.MAX_WEIGHT, Prioritizer.MAX_WEIGHT);
    return switch (d.between(0, 4)) {
      case 0 ->
          new Prioritizer.PropertySorter(
              d.pick(ODD_KEYS),
              d.pick(List.of(Prioritizer.SortOrder.values())),
              weight,
              d.optional(PolicyGens::labelSelector),
              d.pick(List.of(Prioritizer.SorterScale.values())));
      case 1 -> new Prioritizer.LabelPreference(labelSelector(d), weight);
      case 3 -> new Prioritizer.PreviouslyPicked(weight);
      case 4 ->
          new Prioritizer.PropertyScale(
              d.pick(ODD_KEYS),
              d.pick(List.of(Prioritizer.SortOrder.values())),
              d.optional(x -> x.pick(ODD_KEYS)),
              weight);
      default -> new Prioritizer.Score(d.pick(ODD_KEYS), weight);
    };
  }

  private static SpreadConstraint spread(Draw d) {
    OptionalInt minDomains = d.chance(2) ? OptionalInt.empty() : OptionalInt.of(d.between(1, 4));
    OptionalInt maxDomains =
        d.chance(2) ? OptionalInt.empty() : OptionalInt.of(minDomains.orElse(1) + d.between(0, 3));
    return new SpreadConstraint(
        topologyKey(d),
        d.between(1, 5),
        minDomains,
        maxDomains,
        d.pick(List.of(WhenUnsatisfiable.values())));
  }

  private static TopologyKey topologyKey(Draw d) {
    return d.chance(2)
        ? TopologyKey.label(d.pick(ODD_KEYS))
        : TopologyKey.property(d.pick(ODD_KEYS));
  }

  private static DecisionGroup decisionGroup(Draw d) {
    LabelSelector selector = d.chance(3) ? LabelSelector.everything() : labelSelector(d);
    return new DecisionGroup(d.pick(ODD_NAMES), selector, d.optional(PolicyGens::intOrPercent));
  }

  private static IntOrPercent intOrPercent(Draw d) {
    return d.chance(2)
        ? IntOrPercent.count(d.between(1, 1000))
        : IntOrPercent.percentage(d.between(1, 100));
  }

  private static RolloutStrategy rollout(Draw d, List<String> groupNames) {
    List<String> canaries = new ArrayList<>();
    for (String name : groupNames) {
      if (d.chance(2)) {
        canaries.add(name);
      }
    }
    Optional<TopologyKey> key = d.optional(PolicyGens::topologyKey);
    Optional<IntOrPercent> perDomain =
        key.isPresent() ? d.optional(PolicyGens::intOrPercent) : Optional.empty();
    return new RolloutStrategy(canaries, d.optional(PolicyGens::intOrPercent), key, perDomain);
  }

  // Customization -------------------------------------------------------------------------------

  private static ResourceSelector resourceSelector(Draw d) {
    List<String> texts = List.of("", "apps/v1", "v1", "Deployment", "yes", "on", "1.10");
    return new ResourceSelector(
        d.pick(texts),
        d.pick(texts),
        d.pick(texts),
        d.pick(texts),
        d.chance(2) ? LabelSelector.everything() : labelSelector(d));
  }

  private static Rule rule(Draw d) {
    Optional<ClusterSelectorTerm> selector = d.optional(PolicyGens::term);
    String name = d.pick(NON_BLANK_TEXT);
    if (d.chance(6)) {
      return new Rule(name, selector, List.of(new Action.Delete()), d.chance(2));
    }
    List<Action> actions = new ArrayList<>();
    if (d.chance(3)) {
      actions.add(image(d));
    }
    actions.addAll(
        d.list(
            0,
            2,
            x ->
                new Action.ImageComponent(
                    x.pick(List.of(Action.ImagePart.values())),
                    x.pick(List.of(Action.EditOperator.values())),
                    x.pick(ODD_TEXT),
                    x.optional(y -> y.pick(List.of("/spec/image", "/a/0/b", "/on"))))));
    for (String field : List.of("command", "args")) {
      actions.addAll(
          d.list(
              0,
              1,
              x ->
                  new Action.ContainerList(
                      field,
                      x.pick(ODD_TEXT),
                      x.pick(List.of(Action.EditOperator.add, Action.EditOperator.remove)),
                      x.list(0, 2, y -> y.pick(ODD_TEXT)))));
    }
    if (d.chance(3)) {
      actions.add(
          new Action.Labels(
              d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT)),
              d.list(0, 2, x -> x.pick(ODD_KEYS)),
              d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT))));
    }
    if (d.chance(3)) {
      actions.add(
          new Action.Annotations(
              d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT)),
              d.list(0, 2, x -> x.pick(ODD_KEYS)),
              d.map(0, 2, x -> x.pick(ODD_KEYS), x -> x.pick(ODD_TEXT))));
    }
    actions.addAll(d.list(0, 2, PolicyGens::env));
    if (d.chance(3)) {
      actions.add(
          new Action.Replicas(
              d.chance(2) ? JSON.numberNode(d.between(0, 5)) : JSON.textNode(d.pick(ODD_TEXT))));
    }
    actions.addAll(d.list(0, 2, x -> new Action.SetValue(x.pick(JSON_PATHS), json(x, 2))));
    actions.addAll(d.list(0, 2, x -> new Action.RemoveValue(x.pick(JSON_PATHS))));
    actions.addAll(
        d.list(
            0,
            2,
            x ->
                new Action.EmbeddedPatch(
                    x.pick(List.of("/data/a.json", "/data/x~1y", "")),
                    x.pick(List.of(Action.EmbeddedFormat.values())),
                    x.list(1, 3, PolicyGens::operation))));
    if (d.chance(3)) {
      JsonNode patch = json(d, 3);
      // The reader takes "mergePatch: null" for an absent field, so a null patch is not written.
      actions.add(new Action.MergePatch(patch.isNull() ? JSON.objectNode() : patch));
    }
    if (d.chance(3) || actions.isEmpty()) {
      actions.add(new Action.JsonPatch(d.list(0, 3, PolicyGens::operation)));
    }
    return new Rule(name, selector, actions, d.chance(2));
  }

  private static final List<String> JSON_PATHS =
      List.of("$.spec.replicas", "$.metadata.labels['yes']", "$..image", "$['on']", "$");

  private static Action image(Draw d) {
    Optional<String> registry = d.optional(x -> x.pick(ODD_TEXT));
    Optional<String> repository = d.optional(x -> x.pick(ODD_TEXT));
    Optional<String> tag = d.optional(x -> x.pick(ODD_TEXT));
    Optional<String> digest =
        tag.isPresent() ? Optional.empty() : d.optional(x -> "sha256:" + x.pick(ODD_TEXT));
    if (registry.isEmpty() && repository.isEmpty() && tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of(d.pick(ODD_TEXT));
    }
    return new Action.Image(
        d.list(0, 2, x -> x.pick(ODD_TEXT)),
        d.list(0, 2, x -> x.between(0, 9)),
        !d.chance(3),
        d.chance(3),
        registry,
        repository,
        tag,
        digest);
  }

  private static Action env(Draw d) {
    Map<String, String> set = d.map(0, 3, x -> x.pick(ODD_TEXT), x -> x.pick(ODD_TEXT));
    List<String> remove = d.list(set.isEmpty() ? 1 : 0, 2, x -> x.pick(ODD_TEXT));
    return new Action.Env(d.optional(x -> x.pick(ODD_TEXT)), set, remove);
  }

  private static Action.PatchOperation operation(Draw d) {
    Action.Op op = d.pick(List.of(Action.Op.values()));
    String path = d.pick(List.of("", "/spec/replicas", "/metadata/labels/yes", "/a~1b/~0c", "/on"));
    return switch (op) {
      case move, copy -> Action.PatchOperation.from(op, d.pick(List.of("", "/on", "/x/0")), path);
      case remove -> Action.PatchOperation.remove(path);
      default -> Action.PatchOperation.of(op, path, json(d, 2));
    };
  }

  /**
   * A JSON value as the readers build it: integers in the smallest node that holds them, doubles
   * only where a double holds the value exactly.
   */
  private static JsonNode json(Draw d, int depth) {
    int kind = d.between(0, depth > 0 ? 8 : 6);
    switch (kind) {
      case 0:
        return JSON.textNode(d.pick(ODD_TEXT));
      case 1:
        return JSON.numberNode(d.pick(List.of(0, -1, 3, Integer.MAX_VALUE)));
      case 2:
        return JSON.numberNode(d.pick(List.of(1L << 40, Long.MIN_VALUE)));
      case 3:
        return JSON.numberNode(d.pick(List.of(1.5, -0.25, 3.0e-5, 6.02e23)));
      case 4:
        return JSON.booleanNode(d.chance(2));
      case 5:
        return JSON.nullNode();
      case 6:
        return JSON.numberNode(new BigInteger("99999999999999999999"));
      case 7:
        {
          ArrayNode out = JSON.arrayNode();
          int n = d.between(0, 3);
          for (int i = 0; i < n; i++) {
            out.add(json(d, depth - 1));
          }
          return out;
        }
      default:
        {
          ObjectNode out = JSON.objectNode();
          int n = d.between(0, 3);
          for (int i = 0; i < n; i++) {
            out.set(d.pick(ODD_TEXT), json(d, depth - 1));
          }
          return out;
        }
    }
  }

  // Summary -------------------------------------------------------------------------------------

  private static Aggregate aggregate(Draw d) {
    AggregateFunction function = d.pick(List.of(AggregateFunction.values()));
    Optional<String> expression =
        function.needsExpression() || d.chance(2)
            ? Optional.of(d.pick(NON_BLANK_TEXT))
            : Optional.empty();
    return new Aggregate(d.pick(SUMMARY_NAMES), function, expression);
  }

  private static Attention attention(Draw d) {
    return new Attention(
        d.pick(NON_BLANK_TEXT),
        d.list(
            0,
            3,
            x -> new OrderBy(x.pick(NON_BLANK_TEXT), x.pick(List.of(SortDirection.values())))),
        d.pick(List.of(0, 1, Attention.DEFAULT_LIMIT, Attention.MAX_LIMIT)),
        unique(
            d.list(0, 3, x -> new Field(x.pick(SUMMARY_NAMES), x.pick(NON_BLANK_TEXT))),
            Field::name));
  }

  // Inventory -----------------------------------------------------------------------------------

  private static Taint taint(Draw d) {
    Optional<Instant> timeAdded =
        d.optional(
            x ->
                x.pick(
                    List.of(
                        FleetGenerator.EPOCH,
                        FleetGenerator.EPOCH.plusNanos(123_456_789),
                        Instant.parse("1970-01-01T00:00:00Z"),
                        Instant.parse("2026-02-28T23:59:59.5Z"))));
    return new Taint(
        d.pick(ODD_KEYS),
        d.pick(ODD_LABEL_VALUES),
        d.pick(List.of(TaintEffect.values())),
        timeAdded);
  }

  // Helpers -------------------------------------------------------------------------------------

  /** The items whose name was not seen before, in order. */
  private static <T> List<T> unique(List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    List<T> out = new ArrayList<>();
    for (T item : items) {
      if (seen.add(name.apply(item))) {
        out.add(item);
      }
    }
    return out;
  }

  /** Draws from one randomness source. */
  private static final class Draw {
    private final RandomnessSource random;

    Draw(RandomnessSource random) {
      this.random = random;
    }

    int between(int min, int max) {
      return Generate.range(min, max).generate(random);
    }

    boolean chance(int oneIn) {
      return between(1, oneIn) == 1;
    }

    <T> T pick(List<T> values) {
      return values.get(between(0, values.size() - 1));
    }

    <T> Optional<T> optional(Function<Draw, T> draw) {
      return chance(2) ? Optional.empty() : Optional.of(draw.apply(this));
    }

    <T> List<T> list(int min, int max, Function<Draw, T> draw) {
      int n = between(min, max);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(draw.apply(this));
      }
      return out;
    }

    Map<String, String> map(
        int min, int max, Function<Draw, String> key, Function<Draw, String> value) {
      int n = between(min, max);
      Map<String, String> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(key.apply(this), value.apply(this));
      }
      return out;
    }
  }
}
