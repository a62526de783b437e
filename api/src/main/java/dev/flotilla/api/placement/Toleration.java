package dev.flotilla.api.placement;

import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lets a placement use clusters with a matching taint, as Kubernetes and OCM tolerations do: the
 * key matches (an empty key with {@code Exists} matches every key), the value matches ({@code
 * Equal}) or is ignored ({@code Exists}), and the effect matches (absent: every effect).
 *
 * <p>With {@code tolerationSeconds}, the toleration holds only until the taint's {@code timeAdded}
 * plus that many seconds; a taint without {@code timeAdded} starts no clock, so the toleration
 * holds.
 *
 * @param key the taint key, or empty (with {@code Exists}) for every key
 * @param operator {@code Equal} or {@code Exists}
 * @param value the value for {@code Equal}; empty for {@code Exists}
 * @param effect the effect tolerated, or empty for every effect
 * @param tolerationSeconds how long after the taint was added it stays tolerated
 */
public record Toleration(
    String key,
    TolerationOperator operator,
    String value,
    Optional<TaintEffect> effect,
    OptionalLong tolerationSeconds) {

  /** Validates key, value and operator together, as Kubernetes does. */
  public Toleration {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(tolerationSeconds, "tolerationSeconds");
    List<Problem> problems = new ArrayList<>();
    if (!key.isEmpty()) {
      for (String error : LabelRules.qualifiedNameErrors(key)) {
        problems.add(Problem.at("key", "Invalid value: \"" + key + "\": " + error));
      }
    } else if (operator != TolerationOperator.Exists) {
      problems.add(
          Problem.at("operator", "Invalid value: \"" + operator + "\": an empty key needs Exists"));
    }
    if (operator == TolerationOperator.Exists && !value.isEmpty()) {
      problems.add(
          Problem.at("value", "Invalid value: \"" + value + "\": must be empty with Exists"));
    }
    for (String error : LabelRules.labelValueErrors(value)) {
      problems.add(Problem.at("value", "Invalid value: \"" + value + "\": " + error));
    }
    if (tolerationSeconds.isPresent() && tolerationSeconds.getAsLong() < 0) {
      problems.add(
          Problem.at(
              "tolerationSeconds",
              "Invalid value: " + tolerationSeconds.getAsLong() + ": must be at least 0"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** Tolerates every taint with {@code key}, of any value and effect, for ever. */
  public static Toleration exists(String key) {
    return new Toleration(
        key, TolerationOperator.Exists, "", Optional.empty(), OptionalLong.empty());
  }

  /** Tolerates taints {@code key=value} of {@code effect}, for ever. */
  public static Toleration equal(String key, String value, TaintEffect effect) {
    return new Toleration(
        key, TolerationOperator.Equal, value, Optional.of(effect), OptionalLong.empty());
  }

  /** The same toleration, holding {@code seconds} after the taint was added. */
  public Toleration forSeconds(long seconds) {
    return new Toleration(key, operator, value, effect, OptionalLong.of(seconds));
  }

  /** Whether key, value and effect match {@code taint}, whatever the clock says. */
  public boolean matches(Taint taint) {
    if (!key.isEmpty() && !key.equals(taint.key())) {
      return false;
    }
    if (operator == TolerationOperator.Equal && !value.equals(taint.value())) {
      return false;
    }
    return effect.isEmpty() || effect.get() == taint.effect();
  }

  /**
   * When this toleration stops tolerating {@code taint}: empty when it never does (no {@code
   * tolerationSeconds}, or a taint without {@code timeAdded}).
   */
  public Optional<Instant> expiry(Taint taint) {
    if (tolerationSeconds.isEmpty() || taint.timeAdded().isEmpty()) {
      return Optional.empty();
    }
    long seconds = Math.min(tolerationSeconds.getAsLong(), 1L << 40); // Instant's range
    return Optional.of(taint.timeAdded().get().plusSeconds(seconds));
  }

  /** Whether this toleration matches {@code taint} and still holds at {@code now}. */
  public boolean tolerates(Taint taint, Instant now) {
    if (!matches(taint)) {
      return false;
    }
    Optional<Instant> until = expiry(taint);
    return until.isEmpty() || now.isBefore(until.get());
  }
}
