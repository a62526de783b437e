package dev.flotilla.api.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.labels.LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which manifests a customization edits. Every field is optional: an empty string (or {@link
 * LabelSelector#everything()}) means "any". A manifest matches when every given field equals the
 * manifest's ({@code apiVersion}, {@code kind}, {@code metadata.namespace}, {@code metadata.name})
 * and its {@code metadata.labels} match the label selector.
 *
 * @param apiVersion such as {@code apps/v1}, or "" for any
 * @param kind such as {@code Deployment}, or "" for any
 * @param namespace or "" for any
 * @param name or "" for any
 * @param labelSelector over the manifest's labels
 */
public record ResourceSelector(
    String apiVersion, String kind, String namespace, String name, LabelSelector labelSelector) {

  /** Checks for nulls. */
  public ResourceSelector {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labelSelector, "labelSelector");
  }

  /** Selects manifests of one kind (any apiVersion, namespace and name). */
  public static ResourceSelector kind(String kind) {
    return new ResourceSelector("", kind, "", "", LabelSelector.everything());
  }

  /** Whether {@code manifest} is selected. */
  public boolean matches(JsonNode manifest) {
    return field(apiVersion, manifest.path("apiVersion"))
        && field(kind, manifest.path("kind"))
        && field(namespace, manifest.path("metadata").path("namespace"))
        && field(name, manifest.path("metadata").path("name"))
        && (labelSelector.isEmpty() || labelSelector.matches(labels(manifest)));
  }

  private static boolean field(String wanted, JsonNode actual) {
    return wanted.isEmpty() || (actual.isTextual() && actual.textValue().equals(wanted));
  }

  private static Map<String, String> labels(JsonNode manifest) {
    Map<String, String> out = new LinkedHashMap<>();
    manifest
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
              }
            });
    return out;
  }
}
