package dev.flotilla.api.io;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

  /** Reads the inventory in {@code file}. */
  public static List<Cluster> read(Path file) {
    return read(file.toString(), Sources.readText(file));
  }

  /**
   * Reads an inventory from text.
   *
   * @param source the name used in error messages, usually the file name
   * @throws ValidationException listing every problem found
   */
  public static List<Cluster> read(String source, String text) {
    Binder binder = new Binder(source);
    List<Node> documents = SourceReader.readDocuments(source, text);
    List<Cluster> clusters = new ArrayList<>();
    boolean multiple = documents.size() > 1;
    for (int d = 0; d < documents.size(); d++) {
      String root = multiple ? "[" + d + "]" : "";
      ObjectView.of(binder, documents.get(d), root)
          .ifPresent(document -> readDocument(document, clusters));
    }
    rejectDuplicateNames(binder, clusters);
    binder.throwIfProblems();
    return List.copyOf(clusters);
  }

  private static void readDocument(ObjectView document, List<Cluster> out) {
    String kind = document.string("kind").orElse("");
    String apiVersion = document.string("apiVersion").orElse("");
    switch (kind) {
      case "ClusterInventory" -> {
        document.object("metadata").ifPresent(ObjectView::ignoreRest);
        out.addAll(
            document.list("clusters", (item, path) -> flotillaCluster(document, item, path)));
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
          out.addAll(
              document.list("items", (item, path) -> foreign(document.binder(), item, path)));
        } else if (kind.equals("Cluster") && !apiVersion.startsWith(KARMADA_GROUP)) {
          readFlotillaCluster(document).ifPresent(out::add);
        } else {
          foreign(document.binder(), document.node(), document.path()).ifPresent(out::add);
        }
      }
    }
  }

  private static Optional<Cluster> flotillaCluster(ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path).flatMap(InventoryReader::readFlotillaCluster);
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

  private static void rejectDuplicateNames(Binder binder, List<Cluster> clusters) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      Integer first = seen.putIfAbsent(clusters.get(i).name(), i);
      if (first != null) {
        binder.report(
            Node.Location.UNKNOWN,
            "",
            "Duplicate value: cluster \"" + clusters.get(i).name() + "\" appears more than once");
      }
    }
  }
}
