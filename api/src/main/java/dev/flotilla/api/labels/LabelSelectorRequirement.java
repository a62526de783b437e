package dev.flotilla.api.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code matchExpressions} in a {@link LabelSelectorSpec}, as written by the user
 * (Kubernetes' {@code metav1.LabelSelectorRequirement}). Nothing is validated here: {@link
 * LabelSelectorSpec#toSelector()} validates the whole selector and reports every problem at once.
 *
 * @param key the label key
 * @param operator as written: {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}, or
 *     Flotilla's {@code Gt} and {@code Lt}
 * @param values the values; an absent list is read as empty
 */
public record LabelSelectorRequirement(String key, String operator, List<String> values) {

  /** Copies {@code values}; an absent key or operator is read as {@code ""}, as Go would. */
  public LabelSelectorRequirement {
    key = Objects.requireNonNullElse(key, "");
    operator = Objects.requireNonNullElse(operator, "");
    values = values == null ? List.of() : copyOf(values);
  }

  /** A requirement with {@code values}. */
  public static LabelSelectorRequirement of(String key, String operator, String... values) {
    return new LabelSelectorRequirement(key, operator, List.of(values));
  }

  // A YAML "- " item is null; Go would decode it as "".
  private static List<String> copyOf(List<String> values) {
    List<String> copy = new ArrayList<>(values.size());
    for (String value : values) {
      copy.add(Objects.requireNonNullElse(value, ""));
    }
    return List.copyOf(copy);
  }
}
