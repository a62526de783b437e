package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.PreviousDecision;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a previous decision, in the format {@code flotilla place -o yaml|json} writes: {@code
 * placement}, {@code namespace} and {@code clusters} (names) are read; the other fields that
 * command writes (counts, scores, groups, waves, errors) are accepted and ignored; any other field
 * is an error.
 */
public final class DecisionReader {
  /** The fields {@code place} writes besides the ones read. */
  static final Set<String> WRITTEN_FIELDS =
      Set.of(
          "selected",
          "eligible",
          "requested",
          "shortfall",
          "nextChange",
          "scores",
          "groups",
          "waves",
          "evaluationErrors",
          "errors");

  private DecisionReader() {}

  /** Reads the decision in {@code file}. */
  public static PreviousDecision read(Path file) {
    return parse(file.toString(), Sources.readText(file)).value();
  }

  /**
   * Reads the single decision in {@code text}.
   *
   * @throws ValidationException listing every problem with file, line, column and field path
   */
  public static Parsed<PreviousDecision> parse(String source, String text) {
    List<Node> documents = SourceReader.readDocuments(source, text);
    Binder binder = new Binder(source);
    if (documents.size() != 1) {
      binder.report(
          Node.Location.UNKNOWN, "", "expected one decision document, found " + documents.size());
      binder.throwIfProblems();
    }
    Node root = documents.get(0);
    Optional<ObjectView> maybe = ObjectView.of(binder, root, "");
    PreviousDecision decision = null;
    if (maybe.isPresent()) {
      ObjectView view = maybe.get();
      String placement = view.requiredString("placement");
      String namespace = view.string("namespace").orElse("default");
      if (!view.has("clusters")) {
        binder.report(root.location(), "clusters", "Required value");
      }
      List<String> clusters = view.stringList("clusters");
      WRITTEN_FIELDS.forEach(view::take);
      view.rejectUnknown();
      if (!binder.hasProblems()) {
        decision =
            binder.construct(root, "", () -> new PreviousDecision(placement, namespace, clusters));
      }
    }
    binder.throwIfProblems();
    return new Parsed<>(decision, new SourceMap(source, root));
  }
}
