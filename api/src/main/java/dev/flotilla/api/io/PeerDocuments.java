package dev.flotilla.api.io;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The envelope of a peer's policy document, placement or override: {@code apiVersion} (one of the
 * versions the reader knows), {@code kind}, {@code metadata} (name and namespace kept, the rest of
 * a server's ObjectMeta accepted), a required {@code spec}, and a server's {@code status}, ignored.
 */
final class PeerDocuments {
  private PeerDocuments() {}

  /**
   * What the envelope holds; {@code metadata} and {@code spec} are empty when missing or not
   * objects (and reported).
   */
  record Envelope(
      String name, String namespace, Optional<ObjectView> metadata, Optional<ObjectView> spec) {}

  /** Builds a policy once its envelope and spec are read and valid. */
  @FunctionalInterface
  interface Factory<S, T> {
    T make(Envelope envelope, S spec);
  }

  /**
   * Reads the envelope, then the spec with {@code readSpec} (given the envelope too, for checks of
   * the metadata), then builds the policy; empty once any problem was reported.
   */
  static <S, T> Optional<T> read(
      ObjectView document,
      List<String> versions,
      BiFunction<Envelope, ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory) {
    Envelope envelope = envelope(document, versions);
    Optional<S> spec = envelope.spec().flatMap(view -> readSpec.apply(envelope, view));
    Binder binder = document.binder();
    if (spec.isEmpty() || binder.hasProblems()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        binder.construct(document.node(), "", () -> factory.make(envelope, spec.get())));
  }

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
    return new Envelope(name, namespace, metadata, spec);
  }
}
