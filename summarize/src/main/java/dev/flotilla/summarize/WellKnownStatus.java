package dev.flotilla.summarize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the CEL variable {@code workload}: the health of a Kubernetes workload read from its
 * reported object, the same way whatever its kind. The keys and their meaning are documented for
 * users on {@link CompiledSummary}; every key is always present, so that an expression never fails
 * on a missing one.
 */
final class WellKnownStatus {
  private static final String[] KEYS = {
    "kind",
    "desired",
    "ready",
    "available",
    "updated",
    "active",
    "succeeded",
    "failed",
    "phase",
    "restarts",
    "conditions",
    "healthy"
  };

  private WellKnownStatus() {}

  /** The {@code workload} map of {@code object}. */
  static Map<String, Object> of(Map<String, Object> object) {
    Object kindValue = object.get("kind");
    String kind = kindValue instanceof String s ? s : null;
    Map<?, ?> spec = map(object.get("spec"));
    Map<?, ?> status = map(object.get("status"));
    Map<String, Object> conditions = conditions(status);
    Long desired = null;
    Long ready = null;
    Long available = null;
    Long updated = null;
    Long active = null;
    Long succeeded = null;
    Long failed = null;
    String phase = null;
    Long restarts = null;
    Boolean healthy = null;
    switch (kind == null ? "" : kind) {
      case "Deployment", "StatefulSet" -> {
        desired = count(spec, "replicas", 1);
        ready = count(status, "readyReplicas", 0);
        available = count(status, "availableReplicas", 0);
        updated = count(status, "updatedReplicas", 0);
        healthy = rolledOut(object, status, desired, ready, available, updated);
      }
      case "DaemonSet" -> {
        desired = count(status, "desiredNumberScheduled", 0);
        ready = count(status, "numberReady", 0);
        available = count(status, "numberAvailable", 0);
        updated = count(status, "updatedNumberScheduled", 0);
        healthy = rolledOut(object, status, desired, ready, available, updated);
      }
      case "Job" -> {
        desired = count(spec, "completions", 1);
        ready = count(status, "ready", 0);
        active = count(status, "active", 0);
        succeeded = count(status, "succeeded", 0);
        failed = count(status, "failed", 0);
        available = succeeded;
        updated = null;
        healthy = "True".equals(conditions.get("Complete"));
      }
      case "Pod" -> {
        List<?> containers = list(spec.get("containers"));
        desired = (long) containers.size();
        long readyContainers = 0;
        long restartCount = 0;
        for (Object item : list(status.get("containerStatuses"))) {
          Map<?, ?> container = map(item);
          if (Boolean.TRUE.equals(container.get("ready"))) {
            readyContainers++;
          }
          if (container.get("restartCount") instanceof Long n) {
            restartCount += n;
          }
        }
        ready = readyContainers;
        available = readyContainers;
        restarts = restartCount;
        phase = status.get("phase") instanceof String p ? p : null;
        healthy = "True".equals(conditions.get("Ready"));
      }
      default -> {
        // An unknown kind: only its conditions are understood.
      }
    }
    return new FixedKeyMap(
        KEYS,
        new Object[] {
          kind,
          desired,
          ready,
          available,
          updated,
          active,
          succeeded,
          failed,
          phase,
          restarts,
          conditions,
          healthy
        });
  }

  private static Boolean rolledOut(
      Map<String, Object> object,
      Map<?, ?> status,
      long desired,
      long ready,
      long available,
      long updated) {
    Map<?, ?> metadata = map(object.get("metadata"));
    boolean observed =
        !(metadata.get("generation") instanceof Long generation)
            || (status.get("observedGeneration") instanceof Long seen && seen >= generation);
    return observed && ready >= desired && available >= desired && updated >= desired;
  }

  private static Map<String, Object> conditions(Map<?, ?> status) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object item : list(status.get("conditions"))) {
      Map<?, ?> condition = map(item);
      if (condition.get("type") instanceof String type) {
        out.put(type, condition.get("status") instanceof String s ? s : null);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static long count(Map<?, ?> map, String field, long absent) {
    return map.get(field) instanceof Long n ? n : absent;
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
