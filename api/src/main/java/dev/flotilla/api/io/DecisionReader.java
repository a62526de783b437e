package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.placement.PreviousDecision;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a previous decision, in either of two forms:
 *
 * <ul>
 *   <li>the format {@code flotilla place -o yaml|json} writes: {@code placement}, {@code namespace}
 *       and {@code clusters} (names) are read; the other fields that command writes (counts,
 *       scores, groups, waves, errors) are accepted and ignored; any other field is an error;
 *   <li>{@code PlacementDecision} objects, as a controller writes them (and {@code place -o
 *       decision|ocm} prints them): Flotilla's pages ({@code flotilla.dev/v1alpha1}) or Open
 *       Cluster Management's ({@code cluster.open-cluster-management.io/v1beta1}), one page or all
 *       pages of one placement, as a YAML stream or a {@code List}. The placement is the page's
 *       {@code flotilla.dev/placement} (or OCM's {@code
 *       cluster.open-cluster-management.io/placement}) label, the namespace the page's, the
 *       clusters those of {@code status.decisions}, page by page. Several Flotilla pages must be
 *       all the pages ({@code 1} to {@code status.pages}), so a decision caught half-written is an
 *       error, never a smaller decision.
 * </ul>
 *
 * <p>A controller holding the pages as objects (from an informer's cache) reads them with {@link
 * #fromObjects(List)} or {@link #fromMaps(List)}.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the decisions returned are
 * immutable.
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
          "errors",
          "replicas",
          "affinityGroup");

  private static final ObjectMapper MAPPER = new ObjectMapper();

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

  /**
   * Reads {@code PlacementDecision} objects (one page or all pages of one placement, or {@code
   * List}s of them), as a Kubernetes client hands them out.
   *
   * @throws ValidationException listing every problem, with paths such as {@code
   *     [1].metadata.labels[flotilla.dev/placement]} (source {@code objects})
   */
  public static PreviousDecision fromObjects(List<? extends JsonNode> objects) {
    List<Node> documents = new ArrayList<>(objects.size());
    for (JsonNode object : objects) {
      documents.add(DecisionPageReader.node(object));
    }
    Binder binder = new Binder("objects");
    PreviousDecision decision = DecisionPageReader.read(binder, documents);
    binder.throwIfProblems();
    return decision;
  }

  /**
   * {@link #fromObjects(List)} for objects held as maps (fabric8's {@code
   * GenericKubernetesResource#getAdditionalProperties()}, client-java's dynamic objects).
   *
   * @throws ValidationException listing every problem
   */
  public static PreviousDecision fromMaps(List<? extends Map<String, ?>> objects) {
    List<JsonNode> trees = new ArrayList<>(objects.size());
    for (Map<String, ?> object : objects) {
      trees.add(MAPPER.valueToTree(object));
    }
    return fromObjects(trees);
  }

  private static Parsed<PreviousDecision> parse(SourceReader input) {
    Node root;
    try (input) {
      if (!input.nextDocument()) {
        root = PolicyDocument.single(input, "one decision document"); // reports "no objects"
      } else {
        root = input.readDocument(null);
        if (DecisionPageReader.isPages(root)) {
          List<Node> documents = new ArrayList<>(List.of(root));
          while (input.nextDocument()) {
            documents.add(input.readDocument(null));
          }
          Binder binder = new Binder(input.source());
          PreviousDecision decision = DecisionPageReader.read(binder, documents);
          binder.throwIfProblems();
          return new Parsed<>(decision, new SourceMap(input.source(), root));
        }
        if (input.nextDocument()) {
          Node.Location at = input.location();
          throw new ValidationException(
              new Problem(
                  input.source(),
                  at.line(),
                  at.column(),
                  "",
                  "a second document: expected one decision document only (remove the \"---\")"));
        }
      }
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
