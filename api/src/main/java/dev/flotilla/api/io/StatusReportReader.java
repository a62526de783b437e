package dev.flotilla.api.io;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.summary.StatusReport;
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
 */
public final class StatusReportReader {
  private StatusReportReader() {}

  /** Reads every report in {@code file}. */
  public static List<StatusReport> read(Path file) {
    return parse(file.toString(), Sources.readText(file));
  }

  /**
   * Reads every report in {@code text}.
   *
   * @throws ValidationException listing every problem; nothing is returned then
   */
  public static List<StatusReport> parse(String source, String text) {
    List<Node> documents = SourceReader.readDocuments(source, text);
    Binder binder = new Binder(source);
    List<Node> items = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (documents.size() == 1 && documents.get(0) instanceof ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        items.add(list.items().get(i));
        paths.add("[" + i + "]");
      }
    } else {
      for (int i = 0; i < documents.size(); i++) {
        items.add(documents.get(i));
        paths.add(documents.size() == 1 ? "" : "[" + i + "]");
      }
    }
    List<StatusReport> reports = new ArrayList<>(items.size());
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = paths.get(i);
      Optional<StatusReport> report = report(binder, items.get(i), path);
      if (report.isPresent()) {
        String first = seen.putIfAbsent(report.get().cluster(), path);
        if (first != null) {
          binder.report(
              items.get(i).location(),
              path.isEmpty() ? "cluster" : path + ".cluster",
              "Duplicate value: \""
                  + report.get().cluster()
                  + "\": the cluster already reported at "
                  + first
                  + "; a cluster reports once");
        }
        reports.add(report.get());
      }
    }
    binder.throwIfProblems();
    return List.copyOf(reports);
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
