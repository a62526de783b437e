package dev.flotilla.customize;

import java.util.Objects;

/**
 * A rule that could not apply to one manifest for one cluster. The manifest is then not delivered
 * to that cluster (never half-customized); other clusters and manifests are unaffected.
 *
 * @param cluster the cluster's name
 * @param manifest the manifest's index in the input list
 * @param resource the manifest, as {@code apiVersion kind namespace/name}
 * @param customization the customization's name
 * @param rule the rule's name
 * @param field the rule's field path in its customization, such as {@code spec.rules[2]}
 * @param target where in the manifest it failed (a JSON Pointer or JSONPath), or "" for the whole
 *     manifest
 * @param message what went wrong; template failures start with the template's field path
 */
public record CustomizationError(
    String cluster,
    int manifest,
    String resource,
    String customization,
    String rule,
    String field,
    String target,
    String message) {

  /** Checks for nulls. */
  public CustomizationError {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(customization, "customization");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(message, "message");
  }

  CustomizationError withCluster(String name) {
    return new CustomizationError(
        name, manifest, resource, customization, rule, field, target, message);
  }

  CustomizationError withManifest(int index) {
    return new CustomizationError(
        cluster, index, resource, customization, rule, field, target, message);
  }

  /**
   * {@code cluster C: manifest 0 (apps/v1 Deployment shop/web): customization X, rule Y
   * (spec.rules[1]): /spec/replicas: message}.
   */
  @Override
  public String toString() {
    return "cluster "
        + cluster
        + ": manifest "
        + manifest
        + " ("
        + resource
        + "): customization "
        + customization
        + ", rule "
        + rule
        + " ("
        + field
        + "): "
        + (target.isEmpty() ? "" : target + ": ")
        + message;
  }
}
