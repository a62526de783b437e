package dev.flotilla.api.io;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.objects.ClusterMapper;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.kube.ClusterObjects;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads cluster inventories from YAML or JSON, in any of the shapes Flotilla accepts:
 *
 * <ol>
 *   <li>{@code kind: ClusterInventory} with a {@code clusters:} list of cluster objects;
 *   <li>a stream of {@code kind: Cluster} documents (name at {@code name} or {@code
 *       metadata.name});
 *   <li>a Kubernetes {@code List} as printed by {@code kubectl get ... -o yaml} of OCM {@code
 *       ManagedCluster}, Karmada {@code Cluster} or KubeFleet {@code MemberCluster} and {@code
 *       InternalMemberCluster} objects, mapped as {@link ClusterObjects#standard()} maps them (the
 *       table is in {@link dev.flotilla.api.kube}). Other kinds contribute their metadata only.
 * </ol>
 *
 * <p>A bad object in a {@code List} is one problem, located at its first fault and naming the
 * object ({@code ManagedCluster "c1"}); the other objects are still read, so every bad object of a
 * file is reported at once.
 *
 * <p>Flotilla's own shapes reject unknown fields; foreign objects are read for the fields above and
 * the rest is ignored, as a Kubernetes client would. Every problem is reported at once, as {@code
 * file:line:col: field.path: message}; nothing is returned from an invalid file.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own (the Jackson factories shared
 * between calls are thread-safe), and the clusters returned are immutable.
 */
public final class InventoryReader {
  private static final ClusterMapper MAPPER = ClusterMapper.of(ClusterObjects.standardMappings());

  private InventoryReader() {}

  /** Reads the inventory in {@code file}, as it is parsed (the file is never held whole). */
  public static List<Cluster> read(Path file) {
    return read(SourceReader.open(file));
  }

  /**
   * Reads an inventory from text.
   *
   * @param source the name used in error messages, usually the file name; {@code .json} is read as
   *     JSON, anything else as YAML
   * @throws ValidationException listing every problem found
   */
  public static List<Cluster> read(String source, String text) {
    return read(SourceReader.open(source, text));
  }

  /**
   * Reads an inventory from {@code in} (stdin, say) as it is parsed, closing it. A {@code
   * ClusterInventory}'s {@code clusters} and a {@code List}'s {@code items} are bound one cluster
   * at a time, so memory holds the clusters read, not the text or a tree of it.
   *
   * @param source the name used in error messages; {@code .json} is read as JSON, anything else as
   *     YAML
   * @throws ValidationException listing every problem found
   */
  public static List<Cluster> read(String source, InputStream in) {
    return read(SourceReader.open(source, in));
  }

  private static List<Cluster> read(SourceReader input) {
    try (input) {
      return new Reading(input.source()).read(input);
    }
  }

  /** Where a cluster's name was written, for "Duplicate value" problems. */
  private record Origin(int document, String path, Node.Location at) {
    String path(boolean multiple) {
      return multiple ? "[" + document + "]" + (path.startsWith("[") ? "" : ".") + path : path;
    }
  }

  /** A cluster name written twice. */
  private record Duplicate(String name, Origin again, Origin first) {}

  /** A cluster bound from a streamed list, kept until its document's kind says it counts. */
  private record Bound(Cluster cluster, Origin origin) {}

  /**
   * One inventory being read: the clusters accepted so far, the names seen (with where), and the
   * problems of each document, whose paths get a {@code [d]} prefix once there turn out to be
   * several documents.
   */
  private static final class Reading {
    private final String source;
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, Origin> names = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Integer> problemDocuments = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private int document;

    Reading(String source) {
      this.source = source;
    }

    List<Cluster> read(SourceReader input) {
      if (!input.nextDocument()) {
        throw new ValidationException(
            new Problem(
                source,
                0,
                0,
                "",
                "no objects: expected a ClusterInventory, Cluster documents or a List of clusters"));
      }
      do {
        readDocument(input);
        document++;
      } while (input.nextDocument());
      boolean multiple = document > 1;
      List<Problem> all = new ArrayList<>();
      for (int i = 0; i < problems.size(); i++) {
        all.add(
            multiple
                ? problems.get(i).under("[" + problemDocuments.get(i) + "]")
                : problems.get(i));
      }
      for (Duplicate duplicate : duplicates) {
        Origin again = duplicate.again();
        Origin first = duplicate.first();
        all.add(
            new Problem(
                source,
                again.at().line(),
                again.at().column(),
                again.path(multiple),
                "Duplicate value: \""
                    + duplicate.name()
                    + "\": the cluster name is already used at "
                    + first.path(multiple)
                    + (first.at().line() > 0 ? " (line " + first.at().line() + ")" : "")
                    + "; cluster names must be unique"));
      }
      if (!all.isEmpty()) {
        all.sort(
            Comparator.comparingInt(Problem::line)
                .thenComparingInt(Problem::column)
                .thenComparing(Problem::path));
        throw new ValidationException(all);
      }
      return List.copyOf(clusters);
    }

    private void readDocument(SourceReader input) {
      Binder binder = new Binder(source);
      Map<String, List<Bound>> pending = new HashMap<>();
      Map<String, Binder> pendingBinders = new HashMap<>();
      Node root =
          input.readDocument(
              (field, before) -> {
                boolean clustersField = field.equals("clusters");
                if (!clustersField && !field.equals("items")) {
                  return null;
                }
                String kind =
                    before.get("kind") instanceof ScalarNode scalar
                            && scalar.value() instanceof String text
                        ? text
                        : null;
                if (kind != null
                    && !(clustersField ? kind.equals("ClusterInventory") : kind.endsWith("List"))) {
                  return null; // not a list of clusters: read as a tree and reported as such
                }
                Binder target = kind != null ? binder : new Binder(source);
                List<Bound> buffer = kind != null ? null : new ArrayList<>();
                pendingBinders.put(field, target);
                pending.put(field, buffer == null ? List.of() : buffer);
                return (index, item) -> {
                  String path = field + "[" + index + "]";
                  Optional<Cluster> cluster =
                      clustersField ? flotilla(target, item, path) : listItem(target, item, path);
                  if (cluster.isPresent()) {
                    Origin origin = origin(item, path);
                    if (buffer == null) {
                      accept(cluster.get(), origin);
                    } else {
                      buffer.add(new Bound(cluster.get(), origin));
                    }
                  }
                };
              });
      ObjectView.of(binder, root, "")
          .ifPresent(view -> readDocument(view, pending, pendingBinders));
      for (Problem problem : binder.problems()) {
        problems.add(problem);
        problemDocuments.add(document);
      }
    }

    /** Binds a document whose streamed lists (if any) are in {@code streamed}. */
    private void readDocument(
        ObjectView document, Map<String, List<Bound>> streamed, Map<String, Binder> binders) {
      String kind = document.string("kind").orElse("");
      String apiVersion = document.string("apiVersion").orElse("");
      String listField =
          kind.equals("ClusterInventory") ? "clusters" : kind.endsWith("List") ? "items" : null;
      if (listField != null && streamed.containsKey(listField)) {
        document.take(listField);
        streamed.get(listField).forEach(bound -> accept(bound.cluster(), bound.origin()));
        Binder binder = binders.get(listField);
        if (binder != document.binder()) {
          binder.problems().forEach(p -> document.binder().problems().add(p));
        }
      }
      switch (kind) {
        case "ClusterInventory" -> {
          document.object("metadata").ifPresent(ObjectView::ignoreRest);
          if (!streamed.containsKey("clusters")) {
            readList(document, "clusters", true);
          }
          document.rejectUnknown();
        }
        case "" ->
            document
                .binder()
                .report(
                    document.node().location(),
                    document.child("kind"),
                    "Required value: one of \"ClusterInventory\", \"Cluster\", \"List\"");
        default -> {
          if (kind.endsWith("List")) {
            if (!streamed.containsKey("items")) {
              readList(document, "items", false);
            }
          } else {
            document(document.binder(), document.node(), document.path())
                .ifPresent(c -> accept(c, origin(document.node(), "")));
          }
        }
      }
    }

    /** A list of clusters kept in the tree (a wrong type, or a list that could not be streamed). */
    private void readList(ObjectView document, String field, boolean flotilla) {
      document.list(
          field,
          (item, path) -> {
            Optional<Cluster> cluster =
                flotilla
                    ? flotilla(document.binder(), item, path)
                    : listItem(document.binder(), item, path);
            cluster.ifPresent(c -> accept(c, origin(item, path)));
            return Optional.<Cluster>empty();
          });
    }

    private void accept(Cluster cluster, Origin origin) {
      Origin first = names.putIfAbsent(cluster.name(), origin);
      if (first != null) {
        duplicates.add(new Duplicate(cluster.name(), origin, first));
      } else {
        clusters.add(cluster);
      }
    }

    /** Where the name of the cluster object {@code node} (at {@code path}) is written. */
    private Origin origin(Node node, String path) {
      String prefix = path.isEmpty() ? "" : path + ".";
      if (node instanceof MapNode map) {
        if (map.fields().get("name") instanceof ScalarNode name) {
          return new Origin(document, prefix + "name", name.location());
        }
        if (map.fields().get("metadata") instanceof MapNode metadata
            && metadata.fields().get("name") instanceof ScalarNode name) {
          return new Origin(document, prefix + "metadata.name", name.location());
        }
      }
      return new Origin(document, prefix + "name", node.location());
    }
  }

  /** An entry of a {@code ClusterInventory}'s {@code clusters}: Flotilla's own cluster object. */
  private static Optional<Cluster> flotilla(Binder binder, Node node, String path) {
    return outcome(binder, MAPPER.mapFlotillaCluster(NodeTree.INSTANCE, node), path, false);
  }

  /**
   * An item of a Kubernetes {@code List}: mapped as {@link ClusterObjects#standard()} maps it. A
   * bad item is one problem, naming the object, so a List's problems stay one per object.
   */
  private static Optional<Cluster> listItem(Binder binder, Node node, String path) {
    return outcome(binder, MAPPER.map(NodeTree.INSTANCE, node), path, true);
  }

  /** A document of its own (a {@code Cluster}, a {@code ManagedCluster}...): every problem. */
  private static Optional<Cluster> document(Binder binder, Node node, String path) {
    return outcome(binder, MAPPER.map(NodeTree.INSTANCE, node), path, false);
  }

  private static Optional<Cluster> outcome(
      Binder binder, ClusterMapper.Outcome outcome, String path, boolean oneProblem) {
    if (outcome.cluster() != null) {
      return Optional.of(outcome.cluster());
    }
    if (oneProblem) {
      binder.problems().add(outcome.oneProblem(binder.source(), path, true));
    } else {
      for (Problem p : outcome.problems()) {
        binder
            .problems()
            .add(
                new Problem(binder.source(), p.line(), p.column(), p.path(), p.message())
                    .under(path));
      }
    }
    return Optional.empty();
  }
}
