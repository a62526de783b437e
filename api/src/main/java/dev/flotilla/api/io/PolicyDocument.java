package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The envelope every policy file shares (Placement, Customization, StatusSummary): exactly one
 * document, its {@code kind}, {@code metadata.name} and {@code namespace} (default {@code default})
 * and a required {@code spec}, whose reading is the caller's. Every problem of the envelope and of
 * the spec is reported together, in file order.
 */
final class PolicyDocument {
  private PolicyDocument() {}

  /** Builds the policy once its parts are read and valid. */
  @FunctionalInterface
  interface Factory<S, T> {
    T make(String name, String namespace, S spec);
  }

  /**
   * Reads the single {@code kind} document in {@code text}.
   *
   * @throws ValidationException listing every problem, or when the text holds no document or
   *     several
   */
  static <S, T> Parsed<T> parse(
      String source,
      String text,
      String kind,
      Function<ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory) {
    List<Node> documents = SourceReader.readDocuments(source, text);
    Binder binder = new Binder(source);
    if (documents.size() != 1) {
      binder.report(
          Node.Location.UNKNOWN,
          "",
          "expected one " + kind + " document, found " + documents.size());
      binder.throwIfProblems();
    }
    Node root = documents.get(0);
    Optional<T> policy = read(binder, root, kind, readSpec, factory);
    binder.throwIfProblems();
    return new Parsed<>(policy.orElseThrow(), new SourceMap(source, root));
  }

  private static <S, T> Optional<T> read(
      Binder binder,
      Node root,
      String kind,
      Function<ObjectView, Optional<S>> readSpec,
      Factory<S, T> factory) {
    Optional<ObjectView> maybe = ObjectView.of(binder, root, "");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView document = maybe.get();
    Documents.expectKind(document, kind);
    Optional<ObjectView> metadata = document.object("metadata");
    String name = "";
    String namespace = "default";
    if (metadata.isPresent()) {
      name = metadata.get().requiredString("name");
      namespace = metadata.get().string("namespace").orElse("default");
      metadata.get().ignoreRest();
    } else {
      binder.report(root.location(), "metadata", "Required value");
    }
    Optional<ObjectView> specView = document.object("spec");
    if (specView.isEmpty()) {
      binder.report(root.location(), "spec", "Required value");
    }
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
