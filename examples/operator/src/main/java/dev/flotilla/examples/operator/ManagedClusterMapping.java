package dev.flotilla.examples.operator;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal mapping of OCM {@code ManagedCluster} objects (name, labels, {@code spec.taints}), used
 * until the standard mappings of {@code dev.flotilla.api.kube.ClusterObjects} are available.
 */
final class ManagedClusterMapping {
  private ManagedClusterMapping() {}

  @SuppressWarnings("unchecked")
  static Cluster toCluster(Map<String, ?> object) {
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    String name = (String) metadata.get("name");
    Map<String, String> labels = (Map<String, String>) metadata.getOrDefault("labels", Map.of());
    List<Taint> taints = new ArrayList<>();
    if (object.get("spec") instanceof Map<?, ?> spec
        && spec.get("taints") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> taint = (Map<String, Object>) list.get(i);
        String effect = String.valueOf(taint.get("effect"));
        try {
          taints.add(
              new Taint(
                  (String) taint.get("key"),
                  (String) taint.getOrDefault("value", ""),
                  TaintEffect.valueOf(effect),
                  java.util.Optional.empty()));
        } catch (ValidationException e) {
          throw e.under("spec.taints[" + i + "]");
        } catch (IllegalArgumentException e) {
          throw ValidationException.at(
              "spec.taints[" + i + "].effect", "Unsupported value: \"" + effect + "\"");
        }
      }
    }
    try {
      return new Cluster(name, labels, Map.of(), Map.of(), taints);
    } catch (ValidationException e) {
      throw e.under("metadata");
    }
  }
}
