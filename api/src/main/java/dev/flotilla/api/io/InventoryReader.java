package dev.flotilla.api.io;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *   <li>a Kubernetes {@code List} as printed by {@code kubectl get ... -o yaml}: Open Cluster
 *       Management {@code ManagedCluster} objects ({@code spec.taints}, {@code
 *       status.clusterClaims} and {@code status.allocatable} become taints and properties) or
 *       Karmada {@code Cluster} objects ({@code spec.provider}, {@code spec.region}, {@code
 *       spec.zone} become properties, Kubernetes taint effects are mapped to Flotilla's). Other
 *       kinds contribute their metadata only.
 * </ol>
 *
 * <p>Flotilla's own shapes reject unknown fields; foreign objects are read for the fields above and
 * the rest is ignored, as a Kubernetes client would. Every problem is reported at once, as {@code
 * file:line:col: field.path: message}; nothing is returned from an invalid file.
 */
public final class InventoryReader {
  private static final String KARMADA_GROUP = "cluster.karmada.io/";

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
                      clustersField
                          ? ObjectView.of(target, item, path)
                              .flatMap(InventoryReader::readFlotillaCluster)
                          : foreign(target, item, path);
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
          } else if (kind.equals("Cluster") && !apiVersion.startsWith(KARMADA_GROUP)) {
            readFlotillaCluster(document).ifPresent(c -> accept(c, origin(document.node(), "")));
          } else {
            foreign(document.binder(), document.node(), document.path())
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
                    ? ObjectView.of(document.binder(), item, path)
                        .flatMap(InventoryReader::readFlotillaCluster)
                    : foreign(document.binder(), item, path);
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

  /** Flotilla's own cluster object; unknown fields are errors. */
  private static Optional<Cluster> readFlotillaCluster(ObjectView view) {
    view.string("apiVersion");
    view.string("kind");
    String name = view.string("name").orElse(null);
    Map<String, String> labels = view.stringMap("labels", false);
    Map<String, String> annotations = view.stringMap("annotations", false);
    Optional<ObjectView> metadata = view.object("metadata");
    if (metadata.isPresent()) {
      ObjectView meta = metadata.get();
      Optional<String> metaName = meta.string("name");
      if (name != null && metaName.isPresent()) {
        view.binder()
            .report(
                meta.node().location(),
                meta.child("name"),
                "Invalid value: set either name or metadata.name, not both");
      }
      name = name != null ? name : metaName.orElse(null);
      labels.putAll(meta.stringMap("labels", false));
      annotations.putAll(meta.stringMap("annotations", false));
      meta.rejectUnknown();
    }
    Map<String, String> properties = view.stringMap("properties", true);
    List<Taint> taints =
        view.list("taints", (item, path) -> taint(view.binder(), item, path, false));
    view.rejectUnknown();
    if (name == null) {
      view.binder().report(view.node().location(), view.child("name"), "Required value");
      return Optional.empty();
    }
    return build(view, name, labels, annotations, properties, taints);
  }

  /** A Kubernetes object of another project: read what maps onto the model, ignore the rest. */
  private static Optional<Cluster> foreign(Binder binder, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(binder, node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView object = maybe.get();
    String kind = object.string("kind").orElse("");
    String apiVersion = object.string("apiVersion").orElse("");
    if (kind.equals("Cluster") && !apiVersion.startsWith(KARMADA_GROUP)) {
      return readFlotillaCluster(object);
    }
    Optional<ObjectView> metadata = object.object("metadata");
    if (metadata.isEmpty()) {
      binder.report(node.location(), object.child("metadata"), "Required value");
      return Optional.empty();
    }
    ObjectView meta = metadata.get();
    String name = meta.requiredString("name");
    Map<String, String> labels = meta.stringMap("labels", false);
    Map<String, String> annotations = meta.stringMap("annotations", false);
    Map<String, String> properties = new LinkedHashMap<>();
    List<Taint> taints = new ArrayList<>();
    Optional<ObjectView> spec = object.object("spec");
    Optional<ObjectView> status = object.object("status");
    if (kind.equals("ManagedCluster")) {
      spec.ifPresent(s -> taints.addAll(s.list("taints", (t, p) -> taint(binder, t, p, false))));
      status.ifPresent(
          s -> {
            properties.putAll(s.stringMap("allocatable", true));
            for (Map.Entry<String, String> claim : claims(s)) {
              properties.put(claim.getKey(), claim.getValue());
            }
          });
    } else if (kind.equals("Cluster")) {
      spec.ifPresent(
          s -> {
            for (String field : List.of("provider", "region", "zone")) {
              s.string(field).ifPresent(value -> properties.put(field, value));
            }
            taints.addAll(s.list("taints", (t, p) -> taint(binder, t, p, true)));
          });
      status
          .flatMap(s -> s.object("resourceSummary"))
          .ifPresent(summary -> properties.putAll(summary.stringMap("allocatable", true)));
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return build(object, name, labels, annotations, properties, taints);
  }

  private static List<Map.Entry<String, String>> claims(ObjectView status) {
    return status.list(
        "clusterClaims",
        (item, path) ->
            ObjectView.of(status.binder(), item, path)
                .map(
                    claim ->
                        Map.entry(claim.requiredString("name"), claim.requiredString("value"))));
  }

  /**
   * A taint. Flotilla and OCM spell effects NoSelect, PreferNoSelect, NoSelectIfNew; with {@code
   * kubernetesEffects} (Karmada), NoSchedule and NoExecute become NoSelect and PreferNoSchedule
   * becomes PreferNoSelect.
   */
  private static Optional<Taint> taint(
      Binder binder, Node node, String path, boolean kubernetesEffects) {
    Optional<ObjectView> maybe = ObjectView.of(binder, node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String key = view.requiredString("key");
    String value = view.string("value").orElse("");
    Optional<TaintEffect> effect =
        view.string("effect").flatMap(e -> effect(view, e, kubernetesEffects));
    if (!view.has("effect")) {
      view.take("effect");
      binder.report(node.location(), view.child("effect"), "Required value");
    }
    Optional<Instant> timeAdded = view.string("timeAdded").flatMap(t -> timestamp(view, t));
    if (kubernetesEffects) {
      view.take("timeAdded");
    } else {
      view.rejectUnknown();
    }
    if (effect.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        binder.construct(node, path, () -> new Taint(key, value, effect.get(), timeAdded)));
  }

  private static Optional<TaintEffect> effect(ObjectView view, String text, boolean kubernetes) {
    if (kubernetes) {
      switch (text) {
        case "NoSchedule", "NoExecute" -> {
          return Optional.of(TaintEffect.NoSelect);
        }
        case "PreferNoSchedule" -> {
          return Optional.of(TaintEffect.PreferNoSelect);
        }
        default -> {}
      }
    }
    for (TaintEffect effect : TaintEffect.values()) {
      if (effect.name().equals(text)) {
        return Optional.of(effect);
      }
    }
    String supported =
        kubernetes
            ? "\"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\""
            : "\"NoSelect\", \"NoSelectIfNew\", \"PreferNoSelect\"";
    view.binder()
        .report(
            view.node().location(),
            view.child("effect"),
            "Unsupported value: \"" + text + "\": supported values: " + supported);
    return Optional.empty();
  }

  static Optional<Instant> timestamp(ObjectView view, String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      view.binder()
          .report(
              view.node().location(),
              view.child("timeAdded"),
              "Invalid value: \""
                  + text
                  + "\": must be an RFC 3339 time such as 2026-01-02T15:04:05Z");
      return Optional.empty();
    }
  }

  private static Optional<Cluster> build(
      ObjectView view,
      String name,
      Map<String, String> labels,
      Map<String, String> annotations,
      Map<String, String> properties,
      List<Taint> taints) {
    return Optional.ofNullable(
        view.binder()
            .construct(
                view.node(),
                view.path(),
                () -> new Cluster(name, labels, annotations, properties, taints)));
  }
}
