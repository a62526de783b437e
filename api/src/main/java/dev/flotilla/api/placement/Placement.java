package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.Objects;

/**
 * A named placement policy ({@code kind: Placement}): which clusters a workload goes to. The
 * namespace binds it to the cluster sets it may use.
 */
public record Placement(String name, String namespace, PlacementSpec spec) {

  /** Validates the name (a DNS-1123 subdomain) and requires every part. */
  public Placement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(spec, "spec");
    for (String error : LabelRules.dns1123SubdomainErrors(name)) {
      throw ValidationException.at("metadata.name", "Invalid value: \"" + name + "\": " + error);
    }
  }

  /** A placement in the {@code default} namespace. */
  public static Placement of(String name, PlacementSpec spec) {
    return new Placement(name, "default", spec);
  }
}
