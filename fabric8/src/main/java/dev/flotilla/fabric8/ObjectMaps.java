package dev.flotilla.fabric8;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fabric8 {@link GenericKubernetesResource} seen as the map a Kubernetes object is in JSON
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code status}, ...), which is
 * what Flotilla's object mappings read. Nothing is serialized: {@code spec}, {@code status} and the
 * other top-level fields are the maps fabric8 already holds in {@link
 * GenericKubernetesResource#getAdditionalProperties()}, and {@code metadata} is a small map built
 * from {@link ObjectMeta}'s fields. Thread-safe (stateless).
 */
public final class ObjectMaps {
  private ObjectMaps() {}

  /**
   * {@code resource} as an unmodifiable map. The nested maps are shared with the resource, not
   * copied: do not change the resource while the map is in use (informer caches never do).
   */
  public static Map<String, Object> asMap(GenericKubernetesResource resource) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (resource.getApiVersion() != null) {
      out.put("apiVersion", resource.getApiVersion());
    }
    if (resource.getKind() != null) {
      out.put("kind", resource.getKind());
    }
    if (resource.getMetadata() != null) {
      out.put("metadata", metadata(resource.getMetadata()));
    }
    for (Map.Entry<String, Object> entry : resource.getAdditionalProperties().entrySet()) {
      out.putIfAbsent(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The fields of {@code metadata} a mapping may read, as JSON names them; absent ones left out.
   */
  static Map<String, Object> metadata(ObjectMeta metadata) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "name", metadata.getName());
    put(out, "namespace", metadata.getNamespace());
    put(out, "uid", metadata.getUid());
    put(out, "resourceVersion", metadata.getResourceVersion());
    put(out, "generation", metadata.getGeneration());
    put(out, "creationTimestamp", metadata.getCreationTimestamp());
    put(out, "deletionTimestamp", metadata.getDeletionTimestamp());
    put(out, "labels", metadata.getLabels());
    put(out, "annotations", metadata.getAnnotations());
    if (metadata.getOwnerReferences() != null && !metadata.getOwnerReferences().isEmpty()) {
      List<Map<String, Object>> owners = new ArrayList<>();
      for (OwnerReference owner : metadata.getOwnerReferences()) {
        Map<String, Object> reference = new LinkedHashMap<>();
        put(reference, "apiVersion", owner.getApiVersion());
        put(reference, "kind", owner.getKind());
        put(reference, "name", owner.getName());
        put(reference, "uid", owner.getUid());
        put(reference, "controller", owner.getController());
        owners.add(reference);
      }
      out.put("ownerReferences", owners);
    }
    return out;
  }

  /** Puts {@code value} unless it is null or empty, as fabric8 leaves empty fields out of JSON. */
  private static void put(Map<String, Object> out, String key, Object value) {
    if (value != null
        && !(value instanceof Map<?, ?> map && map.isEmpty())
        && !(value instanceof List<?> list && list.isEmpty())) {
      out.put(key, value);
    }
  }
}
