package dev.flotilla.api.io;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The envelope of a peer's override document: {@code apiVersion} (one of the versions the reader
 * knows), {@code kind}, {@code metadata} (name and namespace kept, the rest of a server's
 * ObjectMeta accepted), a required {@code spec}, and a server's {@code status}, ignored.
 */
final class PeerDocuments {
  private PeerDocuments() {}

  /** What the envelope holds; {@code spec} is empty when missing or not an object. */
  record Envelope(String name, String namespace, Optional<ObjectView> spec) {}

  static Envelope envelope(ObjectView document, List<String> versions) {
    Binder binder = document.binder();
    String apiVersion = document.requiredString("apiVersion");
    if (!versions.contains(apiVersion)) {
      binder.report(
          document.node().location(),
          "apiVersion",
          "Unsupported value: \""
              + apiVersion
              + "\": supported values: "
              + versions.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")));
    }
    document.requiredString("kind");
    String name = "";
    String namespace = "default";
    Optional<ObjectView> metadata = document.object("metadata");
    if (metadata.isPresent()) {
      ObjectMetaReader.Metadata meta = ObjectMetaReader.read(metadata.get());
      name = meta.name();
      namespace = meta.namespace();
    } else {
      binder.report(document.node().location(), "metadata", "Required value");
    }
    Optional<ObjectView> spec = document.object("spec");
    if (spec.isEmpty() && !document.has("spec")) {
      binder.report(document.node().location(), "spec", "Required value");
    }
    document.take("status");
    document.rejectUnknown();
    return new Envelope(name, namespace, spec);
  }
}
