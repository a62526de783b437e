package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.Attention;
import dev.flotilla.api.summary.Durations;
import dev.flotilla.api.summary.FeedbackRule;
import dev.flotilla.api.summary.Field;
import dev.flotilla.api.summary.GroupBy;
import dev.flotilla.api.summary.OrderBy;
import dev.flotilla.api.summary.SortDirection;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code kind: StatusSummary} documents ({@code apiVersion: flotilla.dev/v1alpha1}). Unknown
 * fields, wrong types and invalid values are all reported, each with file, line, column and field
 * path. CEL is not compiled here: the summarize engine compiles it, and {@link Parsed#sourceMap()}
 * places its problems in the file.
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the policies returned are
 * immutable.
 */
public final class StatusSummaryReader {
  private StatusSummaryReader() {}

  /** Reads the single status summary in {@code file}. */
  public static StatusSummary read(Path file) {
    return parse(file).value();
  }

  /** Reads the single status summary in {@code file}, with its source map. */
  public static Parsed<StatusSummary> parse(Path file) {
    return PolicyDocument.parse(
        SourceReader.open(file),
        "StatusSummary",
        StatusSummaryReader::readSpec,
        StatusSummary::new);
  }

  /**
   * Reads the single status summary in {@code text}.
   *
   * @throws ValidationException listing every problem, or when the text holds no summary or several
   */
  public static Parsed<StatusSummary> parse(String source, String text) {
    return PolicyDocument.parse(
        SourceReader.open(source, text),
        "StatusSummary",
        StatusSummaryReader::readSpec,
        StatusSummary::new);
  }

  /**
   * Reads the single status summary in {@code in} (stdin, say), closing it; {@code source} names it
   * in problems and chooses the format ({@code .json} is JSON, anything else YAML).
   *
   * @throws ValidationException listing every problem, or when the input holds no status summary or
   *     several
   */
  public static Parsed<StatusSummary> parse(String source, InputStream in) {
    return PolicyDocument.parse(
        SourceReader.open(source, in),
        "StatusSummary",
        StatusSummaryReader::readSpec,
        StatusSummary::new);
  }

  private static Optional<StatusSummarySpec> readSpec(ObjectView spec) {
    Optional<String> filter = spec.string("filter");
    List<FeedbackRule> feedback = spec.list("feedback", (item, path) -> feedback(spec, item, path));
    List<GroupBy> groupBy = spec.list("groupBy", (item, path) -> groupBy(spec, item, path));
    List<Aggregate> aggregates =
        spec.list("aggregates", (item, path) -> aggregate(spec, item, path));
    Optional<Attention> attention =
        spec.object("attention").flatMap(StatusSummaryReader::attention);
    Optional<Duration> staleAfter =
        spec.take("staleAfter")
            .flatMap(
                node ->
                    spec.asString(node, spec.child("staleAfter"))
                        .flatMap(
                            text ->
                                Optional.ofNullable(
                                    spec.binder()
                                        .construct(
                                            node,
                                            spec.child("staleAfter"),
                                            () -> Durations.parse(text)))));
    long maxBytes = spec.integer("maxBytes").orElse((long) StatusSummarySpec.DEFAULT_MAX_BYTES);
    spec.rejectUnknown();
    // Items that failed were left out of the lists, which can hide a problem but never invent
    // one, so the spec-level rules (unique names, bounds) are still checked and reported.
    int bytes = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, maxBytes));
    return Optional.ofNullable(
        spec.binder()
            .construct(
                spec.node(),
                spec.path(),
                () ->
                    new StatusSummarySpec(
                        filter, feedback, groupBy, aggregates, attention, staleAfter, bytes)));
  }

  private static Optional<FeedbackRule> feedback(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String name = view.requiredString("name");
              String jsonPath = view.requiredString("jsonPath");
              view.rejectUnknown();
              return Optional.ofNullable(
                  view.binder().construct(node, path, () -> FeedbackRule.of(name, jsonPath)));
            });
  }

  private static Optional<GroupBy> groupBy(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String name = view.requiredString("name");
              String expression = view.requiredString("expression");
              view.rejectUnknown();
              return Optional.ofNullable(
                  view.binder().construct(node, path, () -> new GroupBy(name, expression)));
            });
  }

  private static Optional<Aggregate> aggregate(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String name = view.requiredString("name");
              Optional<AggregateFunction> function =
                  view.string("function")
                      .flatMap(
                          text ->
                              Documents.enumValue(view, "function", text, AggregateFunction.class));
              if (!view.has("function")) {
                view.binder().report(node.location(), view.child("function"), "Required value");
              }
              Optional<String> expression = view.string("expression");
              view.rejectUnknown();
              if (function.isEmpty()) {
                return Optional.empty();
              }
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          node, path, () -> new Aggregate(name, function.get(), expression)));
            });
  }

  private static Optional<Attention> attention(ObjectView view) {
    String when = view.requiredString("when");
    List<OrderBy> orderBy =
        view.list(
            "orderBy",
            (item, path) ->
                ObjectView.of(view.binder(), item, path)
                    .flatMap(
                        order -> {
                          String expression = order.requiredString("expression");
                          Optional<SortDirection> direction =
                              order
                                  .string("direction")
                                  .map(
                                      text ->
                                          Documents.enumValue(
                                              order, "direction", text, SortDirection.class))
                                  .orElse(Optional.of(SortDirection.Asc));
                          order.rejectUnknown();
                          if (direction.isEmpty()) {
                            return Optional.empty();
                          }
                          return Optional.ofNullable(
                              order
                                  .binder()
                                  .construct(
                                      item, path, () -> new OrderBy(expression, direction.get())));
                        }));
    long limit = view.integer("limit").orElse((long) Attention.DEFAULT_LIMIT);
    List<Field> fields =
        view.list(
            "fields",
            (item, path) ->
                ObjectView.of(view.binder(), item, path)
                    .flatMap(
                        field -> {
                          String name = field.requiredString("name");
                          String expression = field.requiredString("expression");
                          field.rejectUnknown();
                          return Optional.ofNullable(
                              field
                                  .binder()
                                  .construct(item, path, () -> new Field(name, expression)));
                        }));
    view.rejectUnknown();
    if (view.binder().hasProblems()) {
      return Optional.empty();
    }
    int capped = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit));
    return Optional.ofNullable(
        view.binder()
            .construct(
                view.node(), view.path(), () -> new Attention(when, orderBy, capped, fields)));
  }
}
