package dev.flotilla.api;

import dev.flotilla.api.internal.LabelRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A taint on a cluster: placements that do not tolerate it avoid the cluster according to its
 * {@link TaintEffect}. {@code timeAdded} starts the clock of a toleration's {@code
 * tolerationSeconds}; a taint whose {@code timeAdded} lies after the scheduling clock's now does
 * not take effect until then (a deadline, such as KubeFleet's heartbeat timeout, or planned
 * maintenance).
 */
public record Taint(String key, String value, TaintEffect effect, Optional<Instant> timeAdded) {

  /** Validates the key (a qualified name) and the value (a label value). */
  public Taint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(timeAdded, "timeAdded");
    List<Problem> problems = new ArrayList<>();
    for (String error : LabelRules.qualifiedNameErrors(key)) {
      problems.add(Problem.at("key", "Invalid value: \"" + key + "\": " + error));
    }
    for (String error : LabelRules.labelValueErrors(value)) {
      problems.add(Problem.at("value", "Invalid value: \"" + value + "\": " + error));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A taint with no value and no time. */
  public static Taint of(String key, TaintEffect effect) {
    return new Taint(key, "", effect, Optional.empty());
  }
}
