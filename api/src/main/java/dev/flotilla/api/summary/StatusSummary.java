package dev.flotilla.api.summary;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.Objects;

/** A named status summary policy ({@code kind: StatusSummary}). */
public record StatusSummary(String name, String namespace, StatusSummarySpec spec) {
  public StatusSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(spec, "spec");
    for (String error : LabelRules.dns1123SubdomainErrors(name)) {
      throw ValidationException.at("metadata.name", "Invalid value: \"" + name + "\": " + error);
    }
  }

  /** A summary in the {@code default} namespace. */
  public static StatusSummary of(String name, StatusSummarySpec spec) {
    return new StatusSummary(name, "default", spec);
  }
}
