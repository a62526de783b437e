package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.summary.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportReaderTest {
  @Test
  void readsAListWithIntegralNumbersAsLongs() {
    List<StatusReport> reports =
        StatusReportReader.parse(
            "r.yaml",
            """
            - cluster: store-a
              observedAt: "2026-03-01T12:00:00+01:00"
              object: {status: {ready: 3, ratio: 0.5, whole: 2.0, big: 12345678901234567890, n: null}}
            """);
    StatusReport report = reports.get(0);
    assertEquals(Instant.parse("2026-03-01T11:00:00Z"), report.observedAt());
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) report.object().get("status");
    assertEquals(3L, status.get("ready"));
    assertEquals(0.5, status.get("ratio"));
    assertEquals(2L, status.get("whole"));
    assertEquals(1.2345678901234567e19, status.get("big"));
    assertEquals(true, status.containsKey("n"));
  }

  @Test
  void readsAJsonListAndAStreamOfDocuments() {
    assertEquals(
        2,
        StatusReportReader.parse(
                "r.json",
                "[{\"cluster\":\"a\",\"observedAt\":\"2026-03-01T12:00:00Z\",\"object\":{}},"
                    + "{\"cluster\":\"b\",\"observedAt\":\"2026-03-01T12:00:00Z\",\"object\":{}}]")
            .size());
    assertEquals(
        2,
        StatusReportReader.parse(
                "r.yaml",
                """
                cluster: a
                observedAt: 2026-03-01T12:00:00Z
                object: {}
                ---
                cluster: b
                observedAt: 2026-03-01T12:00:00Z
                object: {}
                """)
            .size());
  }

  @Test
  void problemsHaveLinesAndPaths() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                StatusReportReader.parse(
                    "r.yaml",
                    """
                    - {cluster: a, observedAt: "2026-03-01T12:00:00Z", object: {}}
                    - {cluster: a, observedAt: "2026-03-01T12:00:00Z", object: {}}
                    - {cluster: Bad_Name, observedAt: "2026-03-01T12:00:00Z", object: {}}
                    - {cluster: c, observedAt: "noon", object: []}
                    - {cluster: d, object: {}, extra: 1}
                    """));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    assertEquals(
        List.of(
            "r.yaml:2:3: [1].cluster: Duplicate value: \"a\": the cluster already reported at [0];"
                + " a cluster reports once",
            "r.yaml:3:13: [2].cluster: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"
                + " must consist of lower case alphanumeric characters, '-' or '.', and must start"
                + " and end with an alphanumeric character (e.g. 'example.com', regex used for"
                + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "r.yaml:4:28: [3].observedAt: Invalid value: \"noon\": an RFC 3339 timestamp is"
                + " required",
            "r.yaml:4:44: [3].object: wrong type: expected object, got list",
            "r.yaml:5:3: [4].observedAt: Required value",
            "r.yaml:5:28: [4].extra: unknown field"),
        problems);
  }
}
