package dev.flotilla.placement;

import dev.flotilla.api.ValidationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores supplied by the caller (like OCM's add-on placement scores), read by {@code score}
 * prioritizers: per score name and cluster, a value in [-100, 100] valid until an expiry. An
 * expired or missing score counts as 0. Immutable.
 *
 * <pre>{@code
 * ClusterScores scores = ClusterScores.builder()
 *     .put("latency", "store-17", 80, now.plus(Duration.ofMinutes(10)))
 *     .build();
 * }</pre>
 */
public final class ClusterScores {
  private static final ClusterScores EMPTY = new ClusterScores(Map.of());

  /**
   * One supplied score.
   *
   * @param value -100..100
   * @param expires the first instant it no longer counts
   */
  public record Entry(int value, Instant expires) {
    /** Validates the range. */
    public Entry {
      Objects.requireNonNull(expires, "expires");
      if (value < -100 || value > 100) {
        throw ValidationException.at(
            "value", "Invalid value: " + value + ": must be between -100 and 100");
      }
    }

    /** Whether it still counts at {@code now}. */
    public boolean validAt(Instant now) {
      return now.isBefore(expires);
    }
  }

  private final Map<String, Map<String, Entry>> byName;

  private ClusterScores(Map<String, Map<String, Entry>> byName) {
    this.byName = byName;
  }

  /** No scores. */
  public static ClusterScores empty() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The score {@code name} of {@code cluster}, whether expired or not. */
  public Optional<Entry> get(String name, String cluster) {
    Map<String, Entry> scores = byName.get(name);
    return scores == null ? Optional.empty() : Optional.ofNullable(scores.get(cluster));
  }

  Map<String, Entry> named(String name) {
    return byName.getOrDefault(name, Map.of());
  }

  /** Collects scores; a later {@code put} for the same name and cluster replaces the earlier. */
  public static final class Builder {
    private final Map<String, Map<String, Entry>> byName = new HashMap<>();

    private Builder() {}

    /**
     * Adds a score.
     *
     * @throws ValidationException when {@code value} is outside [-100, 100]
     */
    public Builder put(String name, String cluster, int value, Instant expires) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cluster, "cluster");
      byName.computeIfAbsent(name, n -> new HashMap<>()).put(cluster, new Entry(value, expires));
      return this;
    }

    /** The scores collected so far. */
    public ClusterScores build() {
      Map<String, Map<String, Entry>> copy = new HashMap<>();
      byName.forEach((name, scores) -> copy.put(name, Map.copyOf(scores)));
      return new ClusterScores(Map.copyOf(copy));
    }
  }
}
