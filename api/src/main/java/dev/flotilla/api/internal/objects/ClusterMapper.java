package dev.flotilla.api.internal.objects;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.kube.ClusterObjectMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Kubernetes objects to clusters with a table of {@link ClusterObjectMapping}s, over any
 * {@link ObjectTree}: the one implementation behind {@code ClusterObjects} (maps and {@code
 * JsonNode}s) and the inventory reader (located file nodes).
 *
 * <p>A mapping is chosen by {@code apiVersion} and {@code kind}: an exact {@code group/version}
 * first, then the group's {@code group/*}; a {@code kind: Cluster} with no {@code apiVersion} or in
 * the {@code flotilla.dev} group is Flotilla's own (read strictly, unknown fields rejected); any
 * other kind gets its metadata only. Immutable and thread-safe.
 */
public final class ClusterMapper {
  /** Flotilla's own API group. */
  public static final String FLOTILLA_GROUP = "flotilla.dev";

  private final Map<String, MappingPlan> exact;
  private final Map<String, MappingPlan> byGroup;
  private final List<ClusterObjectMapping> mappings;
  private static final MappingPlan METADATA_ONLY =
      MappingPlan.compile(ClusterObjectMapping.forKind("v1", "*").build());

  private ClusterMapper(List<ClusterObjectMapping> mappings) {
    this.mappings = List.copyOf(mappings);
    Map<String, MappingPlan> exactPlans = new HashMap<>();
    Map<String, MappingPlan> groupPlans = new HashMap<>();
    for (ClusterObjectMapping mapping : mappings) {
      MappingPlan plan = MappingPlan.compile(mapping);
      if (mapping.anyVersion()) {
        groupPlans.put(mapping.group() + "\n" + mapping.kind(), plan);
      } else {
        exactPlans.put(mapping.apiVersion() + "\n" + mapping.kind(), plan);
      }
    }
    this.exact = Map.copyOf(exactPlans);
    this.byGroup = Map.copyOf(groupPlans);
  }

  /** A mapper with these mappings; a later mapping for the same apiVersion and kind wins. */
  public static ClusterMapper of(List<ClusterObjectMapping> mappings) {
    return new ClusterMapper(mappings);
  }

  /** The mappings, in the order given. */
  public List<ClusterObjectMapping> mappings() {
    return mappings;
  }

  /** A mapper with {@code mapping} added, replacing one for the same apiVersion and kind. */
  public ClusterMapper with(ClusterObjectMapping mapping) {
    List<ClusterObjectMapping> all = new ArrayList<>();
    for (ClusterObjectMapping m : mappings) {
      if (!(m.apiVersion().equals(mapping.apiVersion()) && m.kind().equals(mapping.kind()))) {
        all.add(m);
      }
    }
    all.add(mapping);
    return new ClusterMapper(all);
  }

  /**
   * Maps one object. Problems carry paths relative to the object, the tree's line and column, and
   * an empty source; the caller names the source.
   */
  public <N> Outcome map(ObjectTree<N> tree, N object) {
    if (object == null || !tree.isObject(object)) {
      List<Problem> problems =
          List.of(
              new Problem(
                  "",
                  object == null ? 0 : tree.line(object),
                  object == null ? 0 : tree.column(object),
                  "",
                  "wrong type: expected object, got " + tree.kind(object)));
      return new Outcome(null, "", "", problems);
    }
    String kind = text(tree, tree.field(object, "kind"));
    String apiVersion = text(tree, tree.field(object, "apiVersion"));
    if (kind.equals("Cluster")
        && (apiVersion.isEmpty() || apiVersion.startsWith(FLOTILLA_GROUP + "/"))
        && !exact.containsKey(apiVersion + "\nCluster")
        && !byGroup.containsKey(FLOTILLA_GROUP + "\nCluster")) {
      return FlotillaCluster.map(tree, object);
    }
    return plan(apiVersion, kind).map(tree, object, kind);
  }

  /**
   * Maps {@code object} as Flotilla's own cluster whatever its kind says: the entries of a {@code
   * ClusterInventory}'s {@code clusters}.
   */
  public <N> Outcome mapFlotillaCluster(ObjectTree<N> tree, N object) {
    if (object == null || !tree.isObject(object)) {
      return map(tree, object);
    }
    return FlotillaCluster.map(tree, object);
  }

  private MappingPlan plan(String apiVersion, String kind) {
    MappingPlan plan = exact.get(apiVersion + "\n" + kind);
    if (plan != null) {
      return plan;
    }
    int slash = apiVersion.indexOf('/');
    plan = byGroup.get((slash < 0 ? "" : apiVersion.substring(0, slash)) + "\n" + kind);
    return plan != null ? plan : METADATA_ONLY;
  }

  private static <N> String text(ObjectTree<N> tree, N node) {
    String text = node == null ? null : tree.string(node);
    return text == null ? "" : text;
  }

  /**
   * What mapping one object gave: the cluster, or the problems (never both); the object's kind and
   * name (each "" when unknown) to name it in messages.
   *
   * @param cluster the cluster, null when there are problems
   * @param kind the object's kind
   * @param name the object's name
   * @param problems the problems, paths relative to the object
   */
  public record Outcome(Cluster cluster, String kind, String name, List<Problem> problems) {
    /** Copies the problems. */
    public Outcome {
      problems = List.copyOf(problems);
    }

    /**
     * How messages name the object: {@code ManagedCluster "cluster1"}, or the kind alone when the
     * name is unknown.
     */
    public String naming() {
      String what = kind.isEmpty() ? "object" : kind;
      return name.isEmpty() ? what : what + " \"" + name + "\"";
    }

    /** The cluster, or a ValidationException with every problem, its source the object naming. */
    public Cluster clusterOrThrow() {
      if (cluster != null) {
        return cluster;
      }
      String source = naming();
      throw new ValidationException(
          problems.stream()
              .map(p -> new Problem(source, p.line(), p.column(), p.path(), p.message()))
              .toList());
    }

    /**
     * All problems as one, located at the first: its message names the object and ends with the
     * others, so a List with one bad object reports one problem for it.
     */
    public Problem oneProblem(String source, String pathPrefix, boolean nameInMessage) {
      Problem first = problems.get(0);
      StringBuilder message = new StringBuilder();
      if (nameInMessage && !name.isEmpty()) {
        message.append(naming()).append(": ");
      }
      message.append(first.message());
      if (problems.size() > 1) {
        message.append(" (and ").append(problems.size() - 1).append(" more: ");
        for (int i = 1; i < problems.size(); i++) {
          Problem p = problems.get(i);
          message.append(i > 1 ? "; " : "").append(p.path().isEmpty() ? "" : p.path() + ": ");
          message.append(p.message());
        }
        message.append(')');
      }
      Problem one =
          new Problem(source, first.line(), first.column(), first.path(), message.toString());
      return one.under(pathPrefix);
    }
  }
}
