package dev.flotilla.api.kube;

import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.objects.ObjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How objects of one kind become {@link dev.flotilla.api.Cluster}s: which paths hold the name, the
 * labels, annotations, properties and taints. Declarative data, immutable and thread-safe; build
 * one with {@link #forKind}, or read one from YAML with {@link
 * dev.flotilla.api.io.ClusterObjectMappingReader}.
 *
 * <p>Every mapping reads {@code metadata.name}, {@code metadata.labels} and {@code
 * metadata.annotations} unless told otherwise; {@link Rule}s add to that, in order, a later rule
 * overwriting a property or label an earlier one set. Paths are field names separated by dots;
 * {@code [field=value]} after a step picks the list item whose {@code field} is {@code value}
 * ({@code status.agentStatus[type=MemberAgent].conditions}). A missing or null field maps to
 * nothing; a field of the wrong type is a problem with its path.
 */
public final class ClusterObjectMapping {
  /**
   * The property name prefix that carries a condition's status: {@code condition.flotilla.dev/}.
   */
  public static final String CONDITION_PREFIX = "condition.flotilla.dev/";

  private final String apiVersion;
  private final String kind;
  private final ObjectPath name;
  private final List<Rule> rules;

  private ClusterObjectMapping(String apiVersion, String kind, ObjectPath name, List<Rule> rules) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.name = name;
    this.rules = List.copyOf(rules);
  }

  /**
   * Starts a mapping for objects of {@code kind} in {@code apiVersion}: a {@code group/version}
   * such as {@code example.com/v1}, {@code group/*} for every version of the group, or {@code v1}
   * for the core group.
   *
   * @throws ValidationException when either is empty
   */
  public static Builder forKind(String apiVersion, String kind) {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    List<dev.flotilla.api.Problem> problems = new ArrayList<>();
    if (apiVersion.isEmpty() || apiVersion.startsWith("/") || apiVersion.endsWith("/")) {
      problems.add(
          dev.flotilla.api.Problem.at(
              "apiVersion",
              "Invalid value: \"" + apiVersion + "\": must be group/version, group/* or v1"));
    }
    if (kind.isEmpty()) {
      problems.add(dev.flotilla.api.Problem.at("kind", "Required value"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new Builder(apiVersion, kind);
  }

  /** The {@code apiVersion} the mapping applies to ({@code group/*} for every version). */
  public String apiVersion() {
    return apiVersion;
  }

  /** The {@code kind} the mapping applies to. */
  public String kind() {
    return kind;
  }

  /** Where the cluster name is, {@code metadata.name} by default. */
  public String namePath() {
    return name.text();
  }

  /** The rules, in the order they apply. */
  public List<Rule> rules() {
    return rules;
  }

  /** The API group: the part of {@code apiVersion} before the slash, "" for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** True when the mapping applies to every version of its group ({@code group/*}). */
  public boolean anyVersion() {
    return apiVersion.endsWith("/*");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClusterObjectMapping that
        && apiVersion.equals(that.apiVersion)
        && kind.equals(that.kind)
        && name.text().equals(that.name.text())
        && rules.equals(that.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, name.text(), rules);
  }

  @Override
  public String toString() {
    return "ClusterObjectMapping[" + apiVersion + " " + kind + ", " + rules.size() + " rules]";
  }

  /** How a taint list spells its effects. */
  public enum TaintSpelling {
    /**
     * Flotilla's and OCM's effects: {@code NoSelect}, {@code PreferNoSelect}, {@code
     * NoSelectIfNew}.
     */
    Flotilla,
    /**
     * Kubernetes' effects (Karmada, KubeFleet): {@code NoSchedule} and {@code NoExecute} become
     * {@code NoSelect}, {@code PreferNoSchedule} becomes {@code PreferNoSelect}.
     */
    Kubernetes,
    /**
     * OCM's ManagedCluster taints: effects as {@link #Flotilla}; a missing or null {@code
     * timeAdded} (OCM's API requires the field but lets it be null) is Go's zero time, {@code
     * 0001-01-01T00:00:00Z}, as OCM's scheduler reads it: a toleration with {@code
     * tolerationSeconds} has run out for such a taint (ocm plugins/tainttoleration).
     */
    OpenClusterManagement,
    /**
     * Karmada's reading of Kubernetes' effects: {@code NoSchedule} becomes {@code NoSelectIfNew}
     * (Karmada's scheduler keeps a cluster a binding already targets: tainttoleration plugin),
     * {@code NoExecute} becomes {@code NoSelect} (the taint manager evicts), {@code
     * PreferNoSchedule} becomes {@code PreferNoSelect}. Keeping the two apart lets a toleration of
     * one effect leave the other in force, as Karmada's {@code clusterTolerations} do.
     */
    Karmada
  }

  /**
   * A condition's status as a taint rule sees it; {@code Absent} when the object's conditions list
   * has no condition of the type. An object with no conditions list at all gets no derived taint.
   */
  public enum ConditionStatus {
    /** The condition holds. */
    True,
    /** The condition does not hold. */
    False,
    /** The condition's status is not known. */
    Unknown,
    /** The object has no condition of the type. */
    Absent
  }

  /** One part of a mapping. */
  public sealed interface Rule {
    /** The path the rule reads. */
    String path();
  }

  /**
   * A map of strings at {@code path} merged into the labels.
   *
   * @param path where the map is
   */
  public record Labels(String path) implements Rule {
    /** Validates the path. */
    public Labels {
      check("path", path);
    }
  }

  /**
   * One string at {@code path} becomes the label {@code key}.
   *
   * @param key the label key
   * @param path where the value is
   */
  public record Label(String key, String path) implements Rule {
    /** Validates the path. */
    public Label {
      Objects.requireNonNull(key, "key");
      check("path", path);
    }
  }

  /**
   * A map of strings at {@code path} merged into the annotations.
   *
   * @param path where the map is
   */
  public record Annotations(String path) implements Rule {
    /** Validates the path. */
    public Annotations {
      check("path", path);
    }
  }

  /**
   * A map at {@code path} whose entries become properties named {@code namePrefix + key +
   * nameSuffix}. With {@code valueField} empty, each value is a scalar (numbers kept as text);
   * otherwise each value is an object and its {@code valueField} is the property value (KubeFleet's
   * {@code status.properties}: {@code {value, observationTime}}).
   *
   * <p>With an {@code alsoPrefix}, each entry is also the property {@code alsoPrefix + key}: a name
   * of its own when another rule may reuse the plain one (OCM's allocatable {@code cpu} and a claim
   * {@code cpu}).
   *
   * @param path where the map is
   * @param namePrefix put before each key ("" for none)
   * @param valueField the field of each entry that holds the value ("" when entries are scalars)
   * @param alsoPrefix the prefix of a second name for each entry, or "" for none
   */
  public record Properties(String path, String namePrefix, String valueField, String alsoPrefix)
      implements Rule {
    /** Validates the path. */
    public Properties {
      check("path", path);
      Objects.requireNonNull(namePrefix, "namePrefix");
      Objects.requireNonNull(valueField, "valueField");
      Objects.requireNonNull(alsoPrefix, "alsoPrefix");
    }

    /** Entries under one name each. */
    public Properties(String path, String namePrefix, String valueField) {
      this(path, namePrefix, valueField, "");
    }
  }

  /**
   * A list at {@code path} of objects each naming one property: {@code nameField} holds its name
   * and {@code valueField} its value (OCM's {@code status.clusterClaims}: {@code {name, value}}).
   *
   * <p>With a {@code namesProperty}, the names are also recorded, in list order and joined with
   * commas, as that property: what tells these properties from the others (OCM's claim selectors
   * see claims only, and its CEL sees them as a list).
   *
   * @param path where the list is
   * @param nameField the field that holds each property's name
   * @param valueField the field that holds each property's value
   * @param namesProperty the property that lists the names, or "" for none
   */
  public record PropertyList(String path, String nameField, String valueField, String namesProperty)
      implements Rule {
    /** Validates the path and fields. */
    public PropertyList {
      check("path", path);
      requireText("nameField", nameField);
      requireText("valueField", valueField);
      Objects.requireNonNull(namesProperty, "namesProperty");
    }

    /** A list whose names are not recorded. */
    public PropertyList(String path, String nameField, String valueField) {
      this(path, nameField, valueField, "");
    }
  }

  /**
   * Karmada's {@code status.apiEnablements} at {@code path}: a list of {@code {groupVersion,
   * resources: [{name, kind}]}}; each group version becomes the property {@code namePrefix +
   * groupVersion} holding its kinds joined with commas (in the order listed), which Karmada's
   * APIEnablement filter reads.
   *
   * @param path where the list is
   * @param namePrefix put before each group version
   */
  public record ApiEnablements(String path, String namePrefix) implements Rule {
    /** Validates the path. */
    public ApiEnablements {
      check("path", path);
      requireText("namePrefix", namePrefix);
    }
  }

  /**
   * One value at {@code path} becomes the property {@code name}: a scalar as text, or a list of
   * scalars joined with commas (Karmada's {@code spec.zones}); an empty list sets nothing.
   *
   * @param name the property name
   * @param path where the value is
   */
  public record Property(String name, String path) implements Rule {
    /** Validates the path. */
    public Property {
      requireText("name", name);
      check("path", path);
    }
  }

  /**
   * A list of taints at {@code path} ({@code key}, {@code value}, {@code effect}, {@code
   * timeAdded}), effects spelled as {@code spelling} says.
   *
   * @param path where the list is
   * @param spelling how effects are spelled
   */
  public record Taints(String path, TaintSpelling spelling) implements Rule {
    /** Validates the path. */
    public Taints {
      check("path", path);
      Objects.requireNonNull(spelling, "spelling");
    }
  }

  /**
   * The status of the condition of {@code type} in the list of Kubernetes conditions at {@code
   * path} becomes the property {@code condition.flotilla.dev/<type>} ({@code True}, {@code False}
   * or {@code Unknown}); no condition, no property.
   *
   * @param path where the conditions list is
   * @param type the condition type
   */
  public record Condition(String path, String type) implements Rule {
    /** Validates the path and type. */
    public Condition {
      check("path", path);
      requireText("type", type);
    }
  }

  /**
   * Adds the taint {@code key} with {@code effect} when the condition of {@code type} (in the list
   * at {@code path}) has one of {@code statuses}, unless the object already carries a taint with
   * that key and effect: what OCM's and Karmada's hub controllers do, applied before they have.
   * Nothing is derived when the object has no conditions list at all (a hand-written inventory, or
   * a status never reported: the hub's controller then writes the taint into the object itself).
   *
   * @param path where the conditions list is
   * @param type the condition type
   * @param statuses the statuses that add the taint
   * @param key the taint key
   * @param effect the taint effect
   */
  public record ConditionTaint(
      String path, String type, Set<ConditionStatus> statuses, String key, TaintEffect effect)
      implements Rule {
    /** Validates and copies. */
    public ConditionTaint {
      check("path", path);
      requireText("type", type);
      statuses = Set.copyOf(statuses);
      requireText("key", key);
      Objects.requireNonNull(effect, "effect");
    }
  }

  /**
   * KubeFleet's cluster eligibility (kubefleet {@code
   * pkg/scheduler/clustereligibilitychecker/checker.go}, with the scheduler's default timeouts of 5
   * minutes) as derived taints of effect {@code NoSelectIfNew}, which no KubeFleet toleration (all
   * {@code NoSchedule}, {@code NoSelect} in Flotilla) matches: the clusters KubeFleet never
   * schedules on are not picked anew.
   *
   * <ul>
   *   <li>{@code metadata.deletionTimestamp} set: {@code cluster.kubernetes-fleet.io/left}.
   *   <li>no {@code MemberAgent} entry in the list at {@code path}: {@code
   *       cluster.kubernetes-fleet.io/member-agent-absent}.
   *   <li>its {@code lastReceivedHeartbeat}: {@code cluster.kubernetes-fleet.io/heartbeat-timeout},
   *       {@code timeAdded} 5 minutes and 1 nanosecond after it (a taint takes effect at its {@code
   *       timeAdded}: KubeFleet drops a cluster once more than 5 minutes have passed).
   *   <li>condition {@code Joined} missing or not {@code True}: {@code
   *       cluster.kubernetes-fleet.io/member-agent-not-joined}.
   *   <li>condition {@code Healthy} missing: {@code cluster.kubernetes-fleet.io/health-unknown};
   *       not {@code True}: {@code cluster.kubernetes-fleet.io/unhealthy}, {@code timeAdded} 5
   *       minutes and 1 nanosecond after its {@code lastTransitionTime}.
   * </ul>
   *
   * <p>An object with no list at {@code path} at all (a hand-written inventory, or a status never
   * reported) gets only the {@code left} taint, as the other derived taints of this package.
   *
   * @param path where the agent status list is ({@code status.agentStatus})
   */
  public record KubeFleetEligibility(String path) implements Rule {
    /** Validates the path. */
    public KubeFleetEligibility {
      check("path", path);
    }
  }

  /** Builds a {@link ClusterObjectMapping}; not thread-safe, the mapping it builds is. */
  public static final class Builder {
    private final String apiVersion;
    private final String kind;
    private String name = "metadata.name";
    private boolean metadata = true;
    private final List<Rule> rules = new ArrayList<>();

    private Builder(String apiVersion, String kind) {
      this.apiVersion = apiVersion;
      this.kind = kind;
    }

    /** Reads the name at {@code path} instead of {@code metadata.name}. */
    public Builder name(String path) {
      check("name", path);
      this.name = path;
      return this;
    }

    /** Does not read {@code metadata.labels} and {@code metadata.annotations}. */
    public Builder withoutMetadata() {
      metadata = false;
      return this;
    }

    /** Adds a rule. */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds {@link Labels}. */
    public Builder labels(String path) {
      return rule(new Labels(path));
    }

    /** Adds {@link Label}. */
    public Builder label(String key, String path) {
      return rule(new Label(key, path));
    }

    /** Adds {@link Annotations}. */
    public Builder annotations(String path) {
      return rule(new Annotations(path));
    }

    /** Adds {@link Properties} of scalars, names kept. */
    public Builder properties(String path) {
      return rule(new Properties(path, "", ""));
    }

    /** Adds {@link Properties} of scalars, each name put after {@code namePrefix}. */
    public Builder properties(String path, String namePrefix) {
      return rule(new Properties(path, namePrefix, ""));
    }

    /**
     * Adds {@link Properties} of scalars under their own names and also under {@code alsoPrefix}.
     */
    public Builder propertiesAlsoAs(String path, String alsoPrefix) {
      return rule(new Properties(path, "", "", alsoPrefix));
    }

    /** Adds {@link Properties} whose values are objects holding {@code valueField}. */
    public Builder propertyObjects(String path, String valueField) {
      requireText("valueField", valueField);
      return rule(new Properties(path, "", valueField));
    }

    /** Adds {@link PropertyList}. */
    public Builder propertyList(String path, String nameField, String valueField) {
      return rule(new PropertyList(path, nameField, valueField));
    }

    /** Adds {@link PropertyList} recording the names as {@code namesProperty}. */
    public Builder propertyList(
        String path, String nameField, String valueField, String namesProperty) {
      return rule(new PropertyList(path, nameField, valueField, namesProperty));
    }

    /** Adds {@link Property}. */
    public Builder property(String name, String path) {
      return rule(new Property(name, path));
    }

    /** Adds {@link Taints}. */
    /** Adds an {@link ApiEnablements} rule. */
    public Builder apiEnablements(String path, String namePrefix) {
      return rule(new ApiEnablements(path, namePrefix));
    }

    public Builder taints(String path, TaintSpelling spelling) {
      return rule(new Taints(path, spelling));
    }

    /** Adds {@link Condition}. */
    public Builder condition(String path, String type) {
      return rule(new Condition(path, type));
    }

    /** Adds {@link ConditionTaint}. */
    public Builder conditionTaint(
        String path, String type, Set<ConditionStatus> statuses, String key, TaintEffect effect) {
      return rule(new ConditionTaint(path, type, statuses, key, effect));
    }

    /** Adds KubeFleet's eligibility taints (see {@link KubeFleetEligibility}). */
    public Builder kubeFleetEligibility(String path) {
      return rule(new KubeFleetEligibility(path));
    }

    /** The mapping. */
    public ClusterObjectMapping build() {
      List<Rule> all = new ArrayList<>();
      if (metadata) {
        all.add(new Labels("metadata.labels"));
        all.add(new Annotations("metadata.annotations"));
      }
      all.addAll(rules);
      return new ClusterObjectMapping(apiVersion, kind, parse("name", name), all);
    }
  }

  /** Parses a path of a rule, reporting the field it came from. */
  static ObjectPath parse(String field, String path) {
    Objects.requireNonNull(path, field);
    ObjectPath.Result result = ObjectPath.parse(path);
    return result
        .path()
        .orElseThrow(
            () ->
                ValidationException.at(
                    field, "Invalid value: \"" + path + "\": " + result.error()));
  }

  private static void check(String field, String path) {
    parse(field, path);
  }

  private static void requireText(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw ValidationException.at(field, "Required value");
    }
  }
}
