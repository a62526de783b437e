package dev.flotilla.expr.internal;

import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.Objects;
import java.util.Set;

/**
 * A condition on one key of the cluster's labels or properties that every cluster must meet for a
 * predicate to be true <em>or to fail</em> on it. A cluster that does not meet it makes the
 * predicate false without an error, so an engine with an index may skip such clusters without
 * changing either the result or the errors it reports. See {@link
 * CompiledExpression#keyConstraints()}.
 *
 * @param map the map read, {@link ClusterMap#LABELS} or {@link ClusterMap#PROPERTIES}
 * @param key the key
 * @param kind how the key's value is constrained
 * @param values the values of {@link Kind#VALUE_IN_OR_ABSENT} and {@link Kind#VALUE_NOT_IN}, else
 *     empty
 */
public record KeyConstraint(ClusterMap map, String key, Kind kind, Set<String> values) {

  /** The shapes of constraint. */
  public enum Kind {
    /**
     * The value is one of {@code values}, or the key is absent (reading an absent key by index is
     * an error, so such clusters must still be evaluated): {@code m['k'] == 'v'}, {@code m.k in
     * ['a', 'b']}.
     */
    VALUE_IN_OR_ABSENT,
    /** The key is absent or its value is none of {@code values}: {@code m['k'] != 'v'}. */
    VALUE_NOT_IN,
    /** The key is present: {@code has(m.k)}, {@code 'k' in m}. */
    PRESENT,
    /** The key is absent: {@code !has(m.k)}, {@code !('k' in m)}. */
    ABSENT
  }

  /** Copies the values. */
  public KeyConstraint {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    values = Set.copyOf(values);
  }

  /** Whether a cluster whose value for the key is {@code value} (null: absent) meets it. */
  public boolean admits(String value) {
    return switch (kind) {
      case VALUE_IN_OR_ABSENT -> value == null || values.contains(value);
      case VALUE_NOT_IN -> value == null || !values.contains(value);
      case PRESENT -> value != null;
      case ABSENT -> value == null;
    };
  }
}
