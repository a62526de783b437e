package dev.flotilla.api.io;

import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code metadata} of a Kubernetes object ({@code metav1.ObjectMeta}) as an API server
 * returns it, so that a policy copied from {@code kubectl get placement web -o yaml} reads like the
 * file it was applied from. {@code name} (required) and {@code namespace} (default {@code default})
 * are what Flotilla uses. The other fields a server writes or accepts ({@code generateName}, {@code
 * uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp}, {@code
 * deletionTimestamp}, {@code deletionGracePeriodSeconds}, {@code labels}, {@code annotations},
 * {@code ownerReferences}, {@code finalizers}, {@code managedFields}, {@code selfLink}) are checked
 * for their type (and labels and annotations for Kubernetes' key and value rules, as a server
 * would) and otherwise ignored. Any other field is an unknown field, as under Kubernetes' strict
 * field validation: a misspelt {@code lables} is reported, not silently dropped.
 */
final class ObjectMetaReader {
  /** What a policy keeps of its metadata. */
  record Metadata(String name, String namespace) {}

  private ObjectMetaReader() {}

  /** Reads {@code metadata}, reporting every problem to its binder. */
  static Metadata read(ObjectView metadata) {
    String name = metadata.requiredString("name");
    String namespace = metadata.string("namespace").orElse("default");
    for (String field :
        List.of(
            "generateName",
            "uid",
            "resourceVersion",
            "selfLink",
            "creationTimestamp",
            "deletionTimestamp")) {
      metadata.string(field);
    }
    metadata.integer("generation");
    metadata.integer("deletionGracePeriodSeconds");
    labels(metadata, "labels", true);
    labels(metadata, "annotations", false);
    metadata.stringList("finalizers");
    metadata.list("ownerReferences", (item, path) -> opaqueObject(metadata, item, path));
    metadata.list("managedFields", (item, path) -> opaqueObject(metadata, item, path));
    metadata.rejectUnknown();
    return new Metadata(name, namespace);
  }

  /**
   * Labels (keys qualified names, values label values) or annotations (keys qualified names, any
   * string value), as {@code ValidateObjectMeta} checks them.
   */
  private static void labels(ObjectView metadata, String field, boolean labelValues) {
    Optional<Node> value = metadata.take(field);
    if (value.isEmpty()) {
      return;
    }
    if (!(value.get() instanceof MapNode map)) {
      metadata.binder().wrongType(value.get(), metadata.child(field), "object");
      return;
    }
    for (Map.Entry<String, Node> entry : map.fields().entrySet()) {
      String key = entry.getKey();
      String path = metadata.child(field) + "[" + key + "]";
      Node.Location keyAt = map.keyLocations().get(key);
      for (String error : LabelRules.qualifiedNameErrors(key)) {
        metadata.binder().report(keyAt, path, "Invalid value: \"" + key + "\": " + error);
      }
      if (!(entry.getValue() instanceof ScalarNode scalar
          && scalar.value() instanceof String text)) {
        metadata.binder().wrongType(entry.getValue(), path, "string");
        continue;
      }
      if (labelValues) {
        for (String error : LabelRules.labelValueErrors(text)) {
          metadata
              .binder()
              .report(
                  entry.getValue().location(), path, "Invalid value: \"" + text + "\": " + error);
        }
      }
    }
  }

  /**
   * An object whose content Flotilla does not read (an owner reference, a managed fields entry).
   */
  private static Optional<Boolean> opaqueObject(ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path).map(view -> Boolean.TRUE);
  }
}
