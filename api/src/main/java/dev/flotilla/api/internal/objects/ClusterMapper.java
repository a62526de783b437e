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

  // Per kind, the plans to try: exact apiVersions first, then whole groups. Looked up without
  // building a key per object: a fleet of 100,000 objects asks this 100,000 times.
  private final Map<String, Candidate[]> byKind;
  private final List<ClusterObjectMapping> mappings;
  private static final MappingPlan METADATA_ONLY =
      MappingPlan.compile(ClusterObjectMapping.forKind("v1", "*").build());

  /** A plan and what it applies to: an exact apiVersion, or every version ("group/"). */
  private record Candidate(String apiVersion, boolean exact, MappingPlan plan) {
    boolean matches(String objectApiVersion) {
      return exact ? objectApiVersion.equals(apiVersion) : objectApiVersion.startsWith(apiVersion);
    }
  }

  private ClusterMapper(List<ClusterObjectMapping> mappings) {
    this.mappings = List.copyOf(mappings);
    Map<String, List<Candidate>> candidates = new HashMap<>();
    for (ClusterObjectMapping mapping : mappings) {
      MappingPlan plan = MappingPlan.compile(mapping);
      Candidate candidate =
          mapping.anyVersion()
              ? new Candidate(mapping.group() + "/", false, plan)
              : new Candidate(mapping.apiVersion(), true, plan);
      List<Candidate> list = candidates.computeIfAbsent(mapping.kind(), k -> new ArrayList<>());
      list.removeIf(
          c -> c.apiVersion().equals(candidate.apiVersion()) && c.exact() == candidate.exact());
      list.add(candidate);
    }
    Map<String, Candidate[]> out = new HashMap<>();
    candidates.forEach(
        (kind, list) -> {
          list.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
          out.put(kind, list.toArray(new Candidate[0]));
        });
    this.byKind = Map.copyOf(out);
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
    MappingPlan plan = plan(apiVersion, kind);
    if (plan == null
        && kind.equals("Cluster")
        && (apiVersion.isEmpty() || apiVersion.startsWith(FLOTILLA_GROUP + "/"))) {
      return FlotillaCluster.map(tree, object);
    }
    return (plan != null ? plan : METADATA_ONLY).map(tree, object, kind);
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

  /** The plan for objects of this apiVersion and kind; null when none is given. */
  private MappingPlan plan(String apiVersion, String kind) {
    Candidate[] candidates = byKind.get(kind);
    if (candidates != null) {
      for (Candidate candidate : candidates) {
        if (candidate.matches(apiVersion)) {
          return candidate.plan();
        }
      }
    }
    return null;
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
