package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What divides a fleet into domains (areas) for spreading and rollouts: a label key such as {@code
 * topology.kubernetes.io/zone}, or a property, written {@code property:NAME} (such as {@code
 * property:location}). A colon cannot appear in a label key, so the two spellings never collide.
 *
 * @param property true for a property, false for a label
 * @param name the label key, or the property name (the rule of cluster property names)
 */
public record TopologyKey(boolean property, String name) {
  /** The prefix that marks a property in the written form. */
  public static final String PROPERTY_PREFIX = "property:";

  /** Validates the name as a label key or a property name. */
  public TopologyKey {
    Objects.requireNonNull(name, "name");
    List<String> errors =
        property ? LabelRules.propertyNameErrors(name) : LabelRules.qualifiedNameErrors(name);
    for (String error : errors) {
      String written = property ? PROPERTY_PREFIX + name : name;
      throw ValidationException.at("", "Invalid value: \"" + written + "\": " + error);
    }
  }

  /** A label key. */
  public static TopologyKey label(String key) {
    return new TopologyKey(false, key);
  }

  /** A property name. */
  public static TopologyKey property(String name) {
    return new TopologyKey(true, name);
  }

  /** Reads {@code property:NAME} as a property and anything else as a label key. */
  public static TopologyKey parse(String text) {
    return text.startsWith(PROPERTY_PREFIX)
        ? property(text.substring(PROPERTY_PREFIX.length()))
        : label(text);
  }

  /** The domain of a cluster with these labels and properties; empty when it lacks the key. */
  public Optional<String> domainOf(Map<String, String> labels, Map<String, String> properties) {
    return Optional.ofNullable(property ? properties.get(name) : labels.get(name));
  }

  /** The written form: the label key, or {@code property:NAME}. */
  @Override
  public String toString() {
    return property ? PROPERTY_PREFIX + name : name;
  }
}
