package dev.flotilla.api.customize;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.Objects;

/**
 * A named customization policy ({@code kind: Customization}): how each cluster's copy of selected
 * manifests differs from the original.
 *
 * @param name the policy's name, a DNS-1123 subdomain; it breaks ties between policies of equal
 *     {@link CustomizationSpec#priority()}
 * @param namespace the policy's namespace
 * @param spec what it edits and how
 */
public record Customization(String name, String namespace, CustomizationSpec spec) {

  /** Validates the name. */
  public Customization {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(spec, "spec");
    for (String error : LabelRules.dns1123SubdomainErrors(name)) {
      throw ValidationException.at("metadata.name", "Invalid value: \"" + name + "\": " + error);
    }
  }

  /** A customization in the {@code default} namespace. */
  public static Customization of(String name, CustomizationSpec spec) {
    return new Customization(name, "default", spec);
  }
}
