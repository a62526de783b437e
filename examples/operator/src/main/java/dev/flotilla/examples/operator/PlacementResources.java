package dev.flotilla.examples.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.kubernetes.FlotillaKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Placement custom resources: the kind, reading one as a {@link Placement}, its status. */
final class PlacementResources {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Flotilla's Placement, as the generic client addresses it. */
  static final ResourceDefinitionContext PLACEMENTS =
      new ResourceDefinitionContext.Builder()
          .withGroup(FlotillaKinds.GROUP)
          .withVersion(FlotillaKinds.VERSION)
          .withKind(FlotillaKinds.PLACEMENT)
          .withPlural("placements")
          .withNamespaced(true)
          .build();

  /** Flotilla's PlacementDecision. */
  static final ResourceDefinitionContext DECISIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup(FlotillaKinds.GROUP)
          .withVersion(FlotillaKinds.VERSION)
          .withKind(FlotillaKinds.PLACEMENT_DECISION)
          .withPlural("placementdecisions")
          .withNamespaced(true)
          .build();

  private PlacementResources() {}

  /**
   * Reads a Placement resource as the policy it holds.
   *
   * @throws ValidationException naming every field that is wrong
   */
  static Placement read(GenericKubernetesResource resource) {
    // The readers take a resource as a server returns it (status, server-set metadata) but read
    // text: a Placement is small, and this is once per change of its spec.
    String text;
    try {
      text = JSON.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw ValidationException.at("", "cannot read the resource: " + e.getOriginalMessage());
    }
    return PlacementReader.parse(key(resource) + ".json", text).value();
  }

  /** {@code namespace/name}. */
  static String key(GenericKubernetesResource resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  /** Problems as a condition message: {@code path: message}, separated by {@code "; "}. */
  static String message(List<Problem> problems) {
    return problems.stream()
        .map(p -> p.path().isEmpty() ? p.message() : p.path() + ": " + p.message())
        .collect(Collectors.joining("; "));
  }

  /** One status condition, as Kubernetes' {@code metav1.Condition}. */
  record Condition(String type, boolean status, String reason, String message) {
    Map<String, Object> toMap(Long generation, String transitionTime) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", type);
      out.put("status", status ? "True" : "False");
      out.put("reason", reason);
      out.put("message", message);
      if (generation != null) {
        out.put("observedGeneration", generation);
      }
      out.put("lastTransitionTime", transitionTime);
      return out;
    }
  }

  /**
   * The status for {@code conditions}, keeping a condition's {@code lastTransitionTime} from {@code
   * previous} when its status did not change (so an unchanged status is written never).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> status(
      GenericKubernetesResource resource,
      List<Condition> conditions,
      Map<String, Object> extra,
      Instant now) {
    Long generation = resource.getMetadata().getGeneration();
    Map<String, Map<String, Object>> before = new LinkedHashMap<>();
    if (resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status
        && status.get("conditions") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> condition) {
          before.put(String.valueOf(condition.get("type")), (Map<String, Object>) condition);
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Condition condition : conditions) {
      Map<String, Object> old = before.get(condition.type());
      String time =
          old != null && (condition.status() ? "True" : "False").equals(old.get("status"))
              ? String.valueOf(old.get("lastTransitionTime"))
              : now.truncatedTo(ChronoUnit.SECONDS).toString(); // metav1.Time's precision
      out.add(condition.toMap(generation, time));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    if (generation != null) {
      status.put("observedGeneration", generation);
    }
    status.putAll(extra);
    status.put("conditions", out);
    return status;
  }
}
