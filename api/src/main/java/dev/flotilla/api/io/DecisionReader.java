package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.PreviousDecision;
import java.io.InputStream;
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
    return parse(SourceReader.open(file)).value();
  }

  /**
   * Reads the single decision in {@code text}.
   *
   * @throws ValidationException listing every problem with file, line, column and field path
   */
  public static Parsed<PreviousDecision> parse(String source, String text) {
    return parse(SourceReader.open(source, text));
  }

  /**
   * Reads the single decision in {@code in} (stdin, say), closing it; {@code source} names it in
   * problems and chooses the format ({@code .json} is JSON, anything else YAML).
   *
   * @throws ValidationException listing every problem with file, line, column and field path
   */
  public static Parsed<PreviousDecision> parse(String source, InputStream in) {
    return parse(SourceReader.open(source, in));
  }

  private static Parsed<PreviousDecision> parse(SourceReader input) {
    Node root;
    try (input) {
      root = PolicyDocument.single(input, "one decision document");
    }
    String source = input.source();
    Binder binder = new Binder(source);
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
