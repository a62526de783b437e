package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code workload} variable for each supported kind, from objects as kubectl prints them. */
class WellKnownStatusTest {
  @Test
  void deploymentRolledOutAndNot() {
    Map<String, Object> healthy =
        WellKnownStatus.of(
            Map.of(
                "kind", "Deployment",
                "metadata", Map.of("generation", 3L),
                "spec", Map.of("replicas", 2L),
                "status",
                    Map.of(
                        "observedGeneration", 3L,
                        "readyReplicas", 2L,
                        "availableReplicas", 2L,
                        "updatedReplicas", 2L,
                        "conditions", List.of(Map.of("type", "Available", "status", "True")))));
    assertEquals(2L, healthy.get("desired"));
    assertEquals(2L, healthy.get("ready"));
    assertEquals(true, healthy.get("healthy"));
    assertEquals(Map.of("Available", "True"), healthy.get("conditions"));
    assertNull(healthy.get("phase"));

    Map<String, Object> stale =
        WellKnownStatus.of(
            Map.of(
                "kind", "Deployment",
                "metadata", Map.of("generation", 4L),
                "spec", Map.of(),
                "status",
                    Map.of(
                        "observedGeneration", 3L,
                        "readyReplicas", 1L,
                        "availableReplicas", 1L,
                        "updatedReplicas", 1L)));
    assertEquals(1L, stale.get("desired"), "spec.replicas defaults to 1");
    assertEquals(false, stale.get("healthy"), "the controller has not seen generation 4");
  }

  @Test
  void statefulSetWithZeroCountsOmitted() {
    Map<String, Object> w =
        WellKnownStatus.of(
            Map.of("kind", "StatefulSet", "spec", Map.of("replicas", 3L), "status", Map.of()));
    assertEquals(3L, w.get("desired"));
    assertEquals(0L, w.get("ready"));
    assertEquals(false, w.get("healthy"));
  }

  @Test
  void daemonSet() {
    Map<String, Object> w =
        WellKnownStatus.of(
            Map.of(
                "kind",
                "DaemonSet",
                "status",
                Map.of(
                    "desiredNumberScheduled", 5L,
                    "numberReady", 5L,
                    "numberAvailable", 4L,
                    "updatedNumberScheduled", 5L)));
    assertEquals(5L, w.get("desired"));
    assertEquals(4L, w.get("available"));
    assertEquals(false, w.get("healthy"));
  }

  @Test
  void job() {
    Map<String, Object> w =
        WellKnownStatus.of(
            Map.of(
                "kind", "Job",
                "spec", Map.of("completions", 3L),
                "status",
                    Map.of(
                        "succeeded", 3L,
                        "failed", 1L,
                        "conditions", List.of(Map.of("type", "Complete", "status", "True")))));
    assertEquals(3L, w.get("desired"));
    assertEquals(3L, w.get("succeeded"));
    assertEquals(1L, w.get("failed"));
    assertEquals(0L, w.get("active"));
    assertEquals(true, w.get("healthy"));
  }

  @Test
  void pod() {
    Map<String, Object> w =
        WellKnownStatus.of(
            Map.of(
                "kind", "Pod",
                "spec", Map.of("containers", List.of(Map.of("name", "a"), Map.of("name", "b"))),
                "status",
                    Map.of(
                        "phase", "Running",
                        "containerStatuses",
                            List.of(
                                Map.of("ready", true, "restartCount", 2L),
                                Map.of("ready", false, "restartCount", 5L)),
                        "conditions", List.of(Map.of("type", "Ready", "status", "False")))));
    assertEquals(2L, w.get("desired"));
    assertEquals(1L, w.get("ready"));
    assertEquals(7L, w.get("restarts"));
    assertEquals("Running", w.get("phase"));
    assertEquals(false, w.get("healthy"));
  }

  @Test
  void unknownKindHasOnlyConditions() {
    Map<String, Object> w =
        WellKnownStatus.of(
            Map.of(
                "kind",
                "Widget",
                "status",
                Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True")))));
    assertEquals("Widget", w.get("kind"));
    assertNull(w.get("desired"));
    assertNull(w.get("healthy"));
    assertEquals(Map.of("Ready", "True"), w.get("conditions"));
    assertEquals(12, w.size(), "the same keys for every kind");
  }
}
