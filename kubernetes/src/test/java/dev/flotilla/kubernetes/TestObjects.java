package dev.flotilla.kubernetes;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cluster objects as maps, and a small mapping of them, for tests that need no real kind. */
final class TestObjects {
  private TestObjects() {}

  /** An object named {@code name} with {@code labels}, and a taint key when not null. */
  static Map<String, ?> object(String name, Map<String, String> labels, String taint) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("labels", labels);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "test.flotilla.dev/v1");
    object.put("kind", "TestCluster");
    object.put("metadata", metadata);
    if (taint != null) {
      object.put("spec", Map.of("taints", List.of(Map.of("key", taint))));
    }
    return object;
  }

  static Map<String, ?> object(String name, Map<String, String> labels) {
    return object(name, labels, null);
  }

  /** Labels from metadata.labels, taints from spec.taints[].key; bad labels are rejected. */
  @SuppressWarnings("unchecked")
  static Cluster toCluster(Map<String, ?> object) {
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    String name = (String) metadata.get("name");
    Map<String, String> labels = (Map<String, String>) metadata.getOrDefault("labels", Map.of());
    List<Taint> taints = new ArrayList<>();
    Object spec = object.get("spec");
    if (spec instanceof Map<?, ?> map && map.get("taints") instanceof List<?> list) {
      for (Object taint : list) {
        taints.add(Taint.of((String) ((Map<String, ?>) taint).get("key"), TaintEffect.NoSelect));
      }
    }
    try {
      return new Cluster(name, labels, Map.of(), Map.of(), taints);
    } catch (ValidationException e) {
      throw e.under("metadata");
    }
  }
}
