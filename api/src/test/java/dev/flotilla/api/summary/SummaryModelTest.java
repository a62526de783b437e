package dev.flotilla.api.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryModelTest {
  @Test
  void durationsFollowGo() {
    assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
    assertEquals(Duration.ofNanos(1_500), Durations.parse("1us500ns"));
    assertEquals(Duration.ofNanos(2_000), Durations.parse("2µs"));
    assertEquals(Duration.ZERO, Durations.parse("0"));
    for (String bad : List.of("", "10", "m", "-1m", "1d", "1.2.3s", "1h 30m", "+5s")) {
      assertThrows(ValidationException.class, () -> Durations.parse(bad), bad);
    }
    assertEquals("1h30m0s", Durations.format(Duration.ofMinutes(90)));
    assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
    assertEquals("10m0s", Durations.format(Duration.ofMinutes(10)));
  }

  @Test
  void statusPathsReadOneValue() {
    Map<String, Object> object =
        Map.of(
            "status",
            Map.of("conditions", List.of(Map.of("type", "Ready"))),
            "metadata",
            Map.of("labels", Map.of("app.kubernetes.io/name", "web")));
    assertEquals(Optional.of("Ready"), StatusPath.parse(".status.conditions[0].type").read(object));
    assertEquals(
        Optional.of("web"),
        StatusPath.parse("{$.metadata.labels['app.kubernetes.io/name']}").read(object));
    assertEquals(Optional.empty(), StatusPath.parse(".status.conditions[3].type").read(object));
    assertEquals(Optional.empty(), StatusPath.parse(".status.missing").read(object));
    for (String bad :
        List.of("", "$", "status", ".a..b", ".a[*]", ".a[?(@.x)]", ".a[0:2]", ".a[")) {
      assertThrows(ValidationException.class, () -> StatusPath.parse(bad), bad);
    }
  }

  @Test
  void specRulesHaveFieldPaths() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                new StatusSummarySpec(
                    Optional.of(" "),
                    List.of(),
                    List.of(new GroupBy("g", "x"), new GroupBy("g", "y")),
                    List.of(),
                    Optional.empty(),
                    Optional.of(Duration.ZERO),
                    StatusSummarySpec.DEFAULT_MAX_BYTES));
    assertEquals(
        List.of("filter", "groupBy[1].name", "staleAfter"),
        e.problems().stream().map(p -> p.path()).toList());
  }

  @Test
  void reportsAreCopiedAndNormalised() {
    java.util.HashMap<String, Object> object = new java.util.HashMap<>();
    object.put("n", 3);
    object.put("d", 4.0);
    object.put("list", new java.util.ArrayList<>(List.of(1, 2.5)));
    StatusReport report = new StatusReport("a", java.time.Instant.EPOCH, object);
    object.put("n", 4);
    assertEquals(3L, report.object().get("n"));
    assertEquals(4L, report.object().get("d"));
    assertEquals(List.of(1L, 2.5), report.object().get("list"));
    assertThrows(UnsupportedOperationException.class, () -> report.object().put("x", 1));
    assertThrows(
        ValidationException.class,
        () -> new StatusReport("a", java.time.Instant.EPOCH, Map.of("x", new Object())));
  }
}
