package dev.flotilla.testkit;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Operator;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Placement selection written straight from the specification, with no index and no compilation:
 * the oracle that Flotilla's engines are property-tested against, and that your tests can use to
 * check decisions you derive from them.
 *
 * <p>A cluster is selected when it is in scope, not in {@code excludeClusterNames}, and either in
 * {@code clusterNames} or matched by a term; a term ANDs its label selector (Kubernetes semantics),
 * its property requirements (a missing or unparsable property never matches) and its CEL
 * expressions (a runtime error means "no").
 *
 * <p>Label selectors and property requirements are evaluated here, from their specifications, not
 * with the model's own {@code matches} methods, so that this class is an independent oracle for
 * them too. It only borrows the parsing of Kubernetes quantities and semantic versions ({@link
 * Quantity}, {@link Version}), which is tested on its own against Kubernetes' tables.
 *
 * <pre>{@code
 * ReferencePlacement reference = ReferencePlacement.withCel((expression, cluster) -> ...);
 * TreeSet<String> expected = reference.select(placement, clusters);
 * assertEquals(expected, new TreeSet<>(compiled.select(inventory).clusters().names()));
 * }</pre>
 *
 * <p>CEL is supplied by the caller (the test kit depends on the model only), for example with
 * Flotilla's environment: {@code (e, c) -> env.compileBoolean(e,
 * "cel").test(ClusterVariables.of(c))} inside a try that returns false on {@code
 * ExpressionEvaluationException}.
 *
 * <p>Thread-safe when the {@link CelPredicate} it was given is (the one above is): it keeps no
 * state of its own.
 */
public final class ReferencePlacement {

  /** Evaluates one CEL predicate over one cluster: false on any runtime error. */
  @FunctionalInterface
  public interface CelPredicate {
    /**
     * Whether {@code expression} is true for {@code cluster}.
     *
     * @param expression the CEL source, as written in the placement
     * @param cluster the cluster, as the variable {@code cluster}
     * @return the result; false when evaluation fails
     */
    boolean test(String expression, Cluster cluster);
  }

  private static final ReferencePlacement WITHOUT_CEL =
      new ReferencePlacement(
          (expression, cluster) -> {
            throw new IllegalArgumentException(
                "this reference has no CEL; use ReferencePlacement.withCel: " + expression);
          });

  private final CelPredicate cel;

  private ReferencePlacement(CelPredicate cel) {
    this.cel = Objects.requireNonNull(cel, "cel");
  }

  /** A reference for placements without CEL expressions (one with them is an error). */
  public static ReferencePlacement withoutCel() {
    return WITHOUT_CEL;
  }

  /** A reference evaluating CEL expressions with {@code cel}. */
  public static ReferencePlacement withCel(CelPredicate cel) {
    return new ReferencePlacement(cel);
  }

  /** The names of the clusters {@code placement} selects among {@code clusters}, sorted. */
  public TreeSet<String> select(Placement placement, List<Cluster> clusters) {
    return select(placement, clusters, cluster -> true);
  }

  /**
   * The names of the clusters {@code placement} selects among {@code clusters} within {@code scope}
   * (the tenant boundary: nothing outside it is selected), sorted.
   */
  public TreeSet<String> select(
      Placement placement, List<Cluster> clusters, Predicate<Cluster> scope) {
    TreeSet<String> out = new TreeSet<>();
    for (Cluster cluster : clusters) {
      if (selects(placement, cluster) && scope.test(cluster)) {
        out.add(cluster.name());
      }
    }
    return out;
  }

  /** Whether {@code placement} selects {@code cluster}, scope aside. */
  public boolean selects(Placement placement, Cluster cluster) {
    if (placement.spec().excludeClusterNames().contains(cluster.name())) {
      return false;
    }
    if (placement.spec().clusterNames().contains(cluster.name())) {
      return true;
    }
    for (ClusterSelectorTerm term : placement.spec().clusterSelectors()) {
      if (matches(term, cluster)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one term matches {@code cluster}. */
  public boolean matches(ClusterSelectorTerm term, Cluster cluster) {
    if (!labelSelectorMatches(term.labelSelector(), cluster.labels())) {
      return false;
    }
    for (PropertyRequirement property : term.propertyRequirements()) {
      if (!propertyMatches(property, cluster.properties())) {
        return false;
      }
    }
    for (String expression : term.celExpressions()) {
      if (!cel.test(expression, cluster)) {
        return false;
      }
    }
    return true;
  }

  // ---- label selectors, from k8s.io/apimachinery/pkg/labels (Requirement.Matches) ----

  /**
   * Whether {@code labels} satisfies every requirement of {@code selector}. A selector with no
   * requirement matches everything, except {@link LabelSelector#nothing()} (not empty, yet with no
   * requirement), which matches nothing.
   */
  static boolean labelSelectorMatches(LabelSelector selector, Map<String, String> labels) {
    if (selector.requirements().isEmpty()) {
      return selector.isEmpty();
    }
    for (Requirement requirement : selector.requirements()) {
      if (!requirementMatches(requirement, labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One requirement: {@code In}, {@code =}, {@code ==} need the key with one of the values; {@code
   * NotIn} and {@code !=} hold when the key is missing or its value is none of them; {@code Exists}
   * and {@code DoesNotExist} look at the key only; {@code Gt} and {@code Lt} need the key with a
   * value that parses as an int64 ({@code strconv.ParseInt(v, 10, 64)}), compared with the
   * requirement's single value.
   */
  static boolean requirementMatches(Requirement requirement, Map<String, String> labels) {
    boolean has = labels.containsKey(requirement.key()) && labels.get(requirement.key()) != null;
    String value = has ? labels.get(requirement.key()) : null;
    switch (requirement.operator()) {
      case IN:
      case EQUALS:
      case DOUBLE_EQUALS:
        return has && requirement.values().contains(value);
      case NOT_IN:
      case NOT_EQUALS:
        return !has || !requirement.values().contains(value);
      case EXISTS:
        return has;
      case DOES_NOT_EXIST:
        return !has;
      case GREATER_THAN:
      case LESS_THAN:
        if (!has) {
          return false;
        }
        OptionalLong actual = parseInt64(value);
        OptionalLong bound = parseInt64(requirement.values().get(0));
        if (actual.isEmpty() || bound.isEmpty()) {
          return false;
        }
        return requirement.operator() == Operator.GREATER_THAN
            ? actual.getAsLong() > bound.getAsLong()
            : actual.getAsLong() < bound.getAsLong();
      default:
        throw new AssertionError(requirement.operator());
    }
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign, ASCII digits, within int64. */
  static OptionalLong parseInt64(String s) {
    int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return OptionalLong.empty();
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException outOfRange) {
      return OptionalLong.empty();
    }
  }

  // ---- property requirements, from the Placement specification ----

  /**
   * One property comparison. The requirement's value is read as a Kubernetes quantity if it parses
   * as one, else as a semantic version (Kubernetes' {@code semver(s, true)}: a leading {@code v}
   * and a missing minor or patch accepted), else as a string; the cluster's property is read as the
   * same kind. A missing property, or one that does not parse as that kind, never matches. Strings
   * compare for equality only ({@code Eq}, {@code Ne}); ordering operators on them never match
   * (validation rejects them before this).
   */
  static boolean propertyMatches(PropertyRequirement requirement, Map<String, String> properties) {
    String actual = properties.get(requirement.name());
    if (actual == null) {
      return false;
    }
    String wanted = requirement.value().text();
    Integer comparison = compareAsKindOf(wanted, actual);
    if (comparison == null) {
      return false;
    }
    int c = Integer.signum(comparison);
    switch (requirement.operator()) {
      case Eq:
        return c == 0;
      case Ne:
        return c != 0;
      case Gt:
        return isOrdered(wanted) && c > 0;
      case Ge:
        return isOrdered(wanted) && c >= 0;
      case Lt:
        return isOrdered(wanted) && c < 0;
      case Le:
        return isOrdered(wanted) && c <= 0;
      default:
        throw new AssertionError(requirement.operator());
    }
  }

  /**
   * {@code actual} compared with {@code wanted}, both read as the kind {@code wanted} has; null
   * when {@code actual} is not of that kind. Strings give 0 when equal, 1 otherwise.
   */
  private static Integer compareAsKindOf(String wanted, String actual) {
    Optional<Quantity> quantity = Quantity.tryParse(wanted);
    if (quantity.isPresent()) {
      return Quantity.tryParse(actual).map(q -> q.compareTo(quantity.get())).orElse(null);
    }
    Optional<Version> version = Version.tryParseNormalized(wanted);
    if (version.isPresent()) {
      return Version.tryParseNormalized(actual).map(v -> v.compareTo(version.get())).orElse(null);
    }
    return actual.equals(wanted) ? 0 : 1;
  }

  private static boolean isOrdered(String wanted) {
    return Quantity.tryParse(wanted).isPresent() || Version.tryParseNormalized(wanted).isPresent();
  }
}
