package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The envelope every policy file shares (Placement, Customization, StatusSummary): exactly one
 * document, its {@code kind}, {@code metadata} (see {@link ObjectMetaReader}: {@code name} and
 * {@code namespace}, default {@code default}, are kept; the rest of a server's ObjectMeta is
 * accepted) and a required {@code spec}, whose reading is the caller's. A {@code status}, as a
 * custom resource read back from a server has, is accepted and ignored. Every problem of the
 * envelope and of the spec is reported together, in file order.
 */
final class PolicyDocument {
  private PolicyDocument() {}

  /** Builds the policy once its parts are read and valid. */
  @FunctionalInterface
  interface Factory<S, T> {
    T make(String name, String namespace, S spec);
  }

  /**
   * Reads the single {@code kind} document of {@code input}, closing it.
   *
   * @throws ValidationException listing every problem, or when the input holds no document or
   *     several
   */
  static <S, T> Parsed<T> parse(
      SourceReader input,
      String kind,
      Function<ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory) {
    return parse(input, kind, readSpec, factory, Map.of());
  }

  /**
   * Reads the single {@code kind} document of {@code input}, or a peer's document of a kind in
   * {@code peers} (see {@link PeerPolicies}) with that peer's reader, closing it.
   *
   * @throws ValidationException listing every problem, or when the input holds no document or
   *     several
   */
  static <S, T> Parsed<T> parse(
      SourceReader input,
      String kind,
      Function<ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory,
      Map<PeerPolicies.GroupKind, PeerPolicies.PeerReader<T>> peers) {
    try (input) {
      Node root = single(input, "one " + kind + " document");
      Binder binder = new Binder(input.source());
      Optional<T> policy = read(binder, root, kind, readSpec, factory, peers);
      binder.throwIfProblems();
      return new Parsed<>(policy.orElseThrow(), new SourceMap(input.source(), root));
    }
  }

  /**
   * The only document of {@code input}; "no objects" when it has none, and the second one's place
   * when it has more.
   */
  static Node single(SourceReader input, String expected) {
    if (!input.nextDocument()) {
      throw new ValidationException(
          new Problem(input.source(), 0, 0, "", "no objects: expected " + expected));
    }
    Node root = input.readDocument(null);
    if (input.nextDocument()) {
      Node.Location at = input.location();
      throw new ValidationException(
          new Problem(
              input.source(),
              at.line(),
              at.column(),
              "",
              "a second document: expected " + expected + " only (remove the \"---\")"));
    }
    return root;
  }

  private static <S, T> Optional<T> read(
      Binder binder,
      Node root,
      String kind,
      Function<ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory,
      Map<PeerPolicies.GroupKind, PeerPolicies.PeerReader<T>> peers) {
    Optional<ObjectView> maybe = ObjectView.of(binder, root, "");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView document = maybe.get();
    Optional<PeerPolicies.PeerReader<T>> peer = PeerPolicies.readerFor(peers, document);
    if (peer.isPresent()) {
      Optional<T> policy = peer.get().read(document, new PeerPolicies.Notes());
      return binder.hasProblems() ? Optional.empty() : policy;
    }
    Documents.expectKind(document, kind);
    Optional<ObjectView> metadata = document.object("metadata");
    String name = "";
    String namespace = "default";
    if (metadata.isPresent()) {
      ObjectMetaReader.Metadata meta = ObjectMetaReader.read(metadata.get());
      name = meta.name();
      namespace = meta.namespace();
    } else {
      binder.report(root.location(), "metadata", "Required value");
    }
    Optional<ObjectView> specView = document.object("spec");
    if (specView.isEmpty()) {
      binder.report(root.location(), "spec", "Required value");
    }
    // A custom resource read back from a server carries the controller's status: not policy.
    document.take("status");
    document.rejectUnknown();
    Optional<S> spec = specView.flatMap(readSpec);
    if (spec.isEmpty() || binder.hasProblems()) {
      return Optional.empty();
    }
    String policyName = name;
    String policyNamespace = namespace;
    return Optional.ofNullable(
        binder.construct(root, "", () -> factory.make(policyName, policyNamespace, spec.get())));
  }
}
