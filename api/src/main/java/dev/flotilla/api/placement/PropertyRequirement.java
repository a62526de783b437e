package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One comparison of a cluster property, such as {@code cpu Ge 16} or {@code kubernetesVersion Lt
 * 1.30.0}. A cluster whose property is missing, or does not parse as the value's kind, never
 * matches, whatever the operator: unlike a label selector's {@code NotIn}, {@code Ne} is false for
 * a missing property, because an unknown fact should not select a cluster.
 */
public record PropertyRequirement(String name, PropertyOperator operator, PropertyValue value) {

  /**
   * Validates the name (a property name, as for clusters) and that ordering operators have an
   * ordered value.
   */
  public PropertyRequirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    for (String error : LabelRules.propertyNameErrors(name)) {
      throw ValidationException.at("name", "Invalid value: \"" + name + "\": " + error);
    }
    if (operator.isOrdering() && !value.isOrdered()) {
      throw ValidationException.at(
          "values",
          "Invalid value: \""
              + value.text()
              + "\": operator "
              + operator
              + " needs a quantity (such as 16 or 64Gi) or a semantic version (such as 1.31.2)");
    }
  }

  /** Parses {@code value} per {@link PropertyValue#parse}. */
  public static PropertyRequirement of(String name, PropertyOperator operator, String value) {
    return new PropertyRequirement(name, operator, PropertyValue.parse(value));
  }

  /** Whether a cluster with these properties satisfies the requirement. */
  public boolean matches(Map<String, String> properties) {
    String clusterValue = properties.get(name);
    return clusterValue != null && matchesValue(clusterValue);
  }

  /** Whether a present property value satisfies the requirement. */
  public boolean matchesValue(String clusterValue) {
    Optional<Integer> comparison = value.compareFrom(clusterValue);
    return comparison.isPresent() && operator.accepts(comparison.get());
  }

  @Override
  public String toString() {
    return name + " " + operator + " " + value.text();
  }
}
