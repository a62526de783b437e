package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.summary.StatusReport;
import java.io.InputStream;
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
 * Reads a status reports file: a YAML or JSON list of {@code {cluster, observedAt, object}}, or a
 * stream of such documents. {@code observedAt} is an RFC 3339 timestamp; a cluster may report once
 * per file. Every problem is reported with file, line, column and field path ({@code
 * [3].observedAt}).
 *
 * <p>Stateless and thread-safe: every call has a parser of its own, and the reports returned are
 * immutable.
 */
public final class StatusReportReader {
  private StatusReportReader() {}

  /** Reads every report in {@code file}, binding each as it is parsed. */
  public static List<StatusReport> read(Path file) {
    return read(SourceReader.open(file));
  }

  /**
   * Reads every report in {@code text}.
   *
   * @param source the name used in problems; {@code .json} is read as JSON, anything else as YAML
   * @throws ValidationException listing every problem; nothing is returned then
   */
  public static List<StatusReport> parse(String source, String text) {
    return read(SourceReader.open(source, text));
  }

  /**
   * Reads every report in {@code in} (stdin, say), binding each as it is parsed, closing it.
   *
   * @param source the name used in problems; {@code .json} is read as JSON, anything else as YAML
   * @throws ValidationException listing every problem; nothing is returned then
   */
  public static List<StatusReport> read(String source, InputStream in) {
    return read(SourceReader.open(source, in));
  }

  private static List<StatusReport> read(SourceReader input) {
    try (input) {
      Binder binder = new Binder(input.source());
      List<StatusReport> reports = new ArrayList<>();
      Map<String, String> seen = new HashMap<>();
      int documents = 0;
      boolean array = false;
      while (input.nextDocument()) {
        int index = documents++;
        boolean[] streamed = {false};
        Node document =
            input.readDocument(
                (field, before) -> {
                  if (!field.isEmpty() || index > 0) {
                    return null;
                  }
                  streamed[0] = true;
                  return (i, item) -> add(binder, item, "[" + i + "]", reports, seen);
                });
        if (streamed[0]) {
          array = true;
        } else {
          add(binder, document, "[" + index + "]", reports, seen);
        }
      }
      if (documents == 1 && !array) {
        List<Problem> relative = new ArrayList<>();
        for (Problem problem : binder.problems()) {
          String path = problem.path();
          relative.add(
              new Problem(
                  problem.source(),
                  problem.line(),
                  problem.column(),
                  path.equals("[0]") ? "" : path.startsWith("[0].") ? path.substring(4) : path,
                  problem.message()));
        }
        binder.problems().clear();
        binder.problems().addAll(relative);
      }
      binder.throwIfProblems();
      return List.copyOf(reports);
    }
  }

  private static void add(
      Binder binder, Node item, String path, List<StatusReport> out, Map<String, String> seen) {
    Optional<StatusReport> report = report(binder, item, path);
    if (report.isEmpty()) {
      return;
    }
    String first = seen.putIfAbsent(report.get().cluster(), path);
    if (first != null) {
      binder.report(
          item.location(),
          path + ".cluster",
          "Duplicate value: \""
              + report.get().cluster()
              + "\": the cluster already reported at "
              + first
              + "; a cluster reports once");
    }
    out.add(report.get());
  }

  private static Optional<StatusReport> report(Binder binder, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(binder, node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView view = maybe.get();
    String cluster = view.requiredString("cluster");
    String observedText = view.requiredString("observedAt");
    Optional<Node> object = view.take("object");
    if (object.isEmpty()) {
      binder.report(node.location(), view.child("object"), "Required value");
    }
    view.rejectUnknown();
    Instant observedAt = null;
    if (!observedText.isEmpty()) {
      try {
        observedAt = OffsetDateTime.parse(observedText).toInstant();
      } catch (DateTimeParseException e) {
        binder.report(
            view.take("observedAt").map(Node::location).orElse(node.location()),
            view.child("observedAt"),
            "Invalid value: \"" + observedText + "\": an RFC 3339 timestamp is required");
      }
    }
    if (object.isPresent() && !(object.get() instanceof MapNode)) {
      binder.wrongType(object.get(), view.child("object"), "object");
      return Optional.empty();
    }
    if (observedAt == null || object.isEmpty() || cluster.isEmpty()) {
      return Optional.empty();
    }
    Instant at = observedAt;
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) plain(object.get());
    return Optional.ofNullable(
        binder.construct(node, path, () -> new StatusReport(cluster, at, value)));
  }

  /** The node as plain Java values; StatusReport's constructor normalises the numbers. */
  static Object plain(Node node) {
    if (node instanceof MapNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.fields().forEach((key, value) -> out.put(key, plain(value)));
      return out;
    }
    if (node instanceof ListNode list) {
      List<Object> out = new ArrayList<>(list.items().size());
      list.items().forEach(item -> out.add(plain(item)));
      return out;
    }
    return ((ScalarNode) node).value();
  }
}
