package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.SortDirection;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusSummaryReaderTest {
  static List<String> problems(String yaml) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> StatusSummaryReader.parse("s.yaml", yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEveryField() {
    StatusSummary summary =
        StatusSummaryReader.parse(
                "s.yaml",
                """
                apiVersion: flotilla.dev/v1alpha1
                kind: StatusSummary
                metadata: {name: web, namespace: shop}
                spec:
                  filter: "status.kind == 'Deployment'"
                  feedback:
                  - {name: ready, jsonPath: ".status.readyReplicas"}
                  groupBy:
                  - {name: region, expression: "cluster.labels.region"}
                  aggregates:
                  - {name: n, function: Count}
                  - {name: p90, function: P90, expression: "feedback.ready"}
                  attention:
                    when: "!workload.healthy"
                    orderBy: [{expression: "workload.ready", direction: Desc}, {expression: "x"}]
                    limit: 20
                    fields: [{name: ready, expression: "workload.ready"}]
                  staleAfter: 1h30m
                  maxBytes: 100000
                """)
            .value();
    assertEquals("shop", summary.namespace());
    StatusSummarySpec spec = summary.spec();
    assertEquals(Optional.of("status.kind == 'Deployment'"), spec.filter());
    assertEquals(List.of("status", "readyReplicas"), spec.feedback().get(0).jsonPath().steps());
    assertEquals(AggregateFunction.P90, spec.aggregates().get(1).function());
    assertEquals(Optional.empty(), spec.aggregates().get(0).expression());
    assertEquals(SortDirection.Desc, spec.attention().orElseThrow().orderBy().get(0).direction());
    assertEquals(SortDirection.Asc, spec.attention().orElseThrow().orderBy().get(1).direction());
    assertEquals(20, spec.attention().orElseThrow().limit());
    assertEquals(Optional.of(Duration.ofMinutes(90)), spec.staleAfter());
    assertEquals(100000, spec.maxBytes());
  }

  @Test
  void defaults() {
    StatusSummarySpec spec =
        StatusSummaryReader.parse(
                "s.yaml",
                """
                apiVersion: flotilla.dev/v1alpha1
                kind: StatusSummary
                metadata: {name: web}
                spec:
                  aggregates: [{name: n, function: Count}]
                  attention: {when: "true"}
                """)
            .value()
            .spec();
    assertEquals(StatusSummarySpec.DEFAULT_MAX_BYTES, spec.maxBytes());
    assertEquals(10, spec.attention().orElseThrow().limit());
    assertEquals(Optional.empty(), spec.staleAfter());
  }

  @Test
  void everyProblemIsReportedWithLineAndPath() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              groupBy:
              - {name: "bad name", expression: "x"}
              aggregates:
              - {name: n, function: Median, expression: "x"}
              - {name: s, function: Sum}
              - {name: n, function: Count}
              attention: {when: "true", limit: 5000, colour: red}
              staleAfter: soon
              maxBytes: 10
              feedback:
              - {name: f, jsonPath: ".items[*].name"}
            """);
    assertEquals(
        List.of(
            "s.yaml:6:12: spec.groupBy[0].name: Invalid value: \"bad name\": a name must be 1 to 63"
                + " letters, digits, '_' or '-', starting with a letter or '_'",
            "s.yaml:8:5: spec.aggregates[0].function: Unsupported value: \"Median\": supported"
                + " values: \"Avg\", \"Count\", \"CountDistinct\", \"Max\", \"Min\", \"P50\","
                + " \"P90\", \"P99\", \"Sum\"",
            "s.yaml:9:5: spec.aggregates[1].expression: Required value: Sum needs an expression",
            "s.yaml:11:42: spec.attention.colour: unknown field",
            "s.yaml:12:15: spec.staleAfter: Invalid value: \"soon\": a duration is a number with a"
                + " unit (ns, us, ms, s, m, h), such as 10m or 1h30m",
            "s.yaml:13:13: spec.maxBytes: Invalid value: 10: must be between 16384 and 67108864",
            "s.yaml:15:25: spec.feedback[0].jsonPath: Invalid value: \".items[*].name\": unsupported"
                + " index \"[*]\": use [N] or ['name'] (one value)"),
        problems);
  }

  @Test
  void specLevelRulesAfterFieldsAreRead() {
    List<String> problems =
        problems(
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: StatusSummary
            metadata: {name: web}
            spec:
              aggregates:
              - {name: n, function: Count}
              - {name: n, function: Count}
              attention: {when: "true", limit: 5000}
              maxBytes: 10
            """);
    assertEquals(
        List.of(
            "s.yaml:7:12: spec.aggregates[1].name: Duplicate value: \"n\"",
            "s.yaml:8:36: spec.attention.limit: Invalid value: 5000: must be between 0 and 1000",
            "s.yaml:9:13: spec.maxBytes: Invalid value: 10: must be between 16384 and 67108864"),
        problems);
  }
}
