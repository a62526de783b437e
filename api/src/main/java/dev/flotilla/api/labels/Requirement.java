package dev.flotilla.api.labels;

import dev.flotilla.api.Problem;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One condition on a set of labels, as Kubernetes' {@code labels.Requirement}: a key, an {@link
 * Operator} and the operator's values.
 *
 * <p>The constructor checks exactly what {@code labels.NewRequirement} checks and throws {@link
 * InvalidRequirementException} with Kubernetes' wording, listing every problem: the key must be a
 * qualified name ({@code [prefix/]name}); {@code In}/{@code NotIn} need at least one value; {@code
 * =}, {@code ==} and {@code !=} exactly one; {@code Exists}/{@code DoesNotExist} none; {@code
 * Gt}/{@code Lt} exactly one, which must parse as an int64; every value must be a valid label value
 * (so a negative {@code Gt} operand such as {@code -1} is rejected, as in Kubernetes). The empty
 * string is a valid value.
 *
 * <p>The stored {@link #values()} are sorted and de-duplicated, and the list is immutable.
 * (Kubernetes keeps a requirement built in code with its values as given and sorts them only when
 * printing, so {@code x in (a,a)} built in code prints with the duplicate there; here it prints
 * {@code x in (a)}.)
 *
 * @param key the label key
 * @param operator how the key's value relates to {@code values}
 * @param values the operator's values, sorted and without duplicates
 */
public record Requirement(String key, Operator operator, List<String> values) {

  /** Validates as Kubernetes' {@code labels.NewRequirement} and normalizes {@code values}. */
  public Requirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(values);
    List<Problem> problems = problems(key, operator, values);
    if (!problems.isEmpty()) {
      throw new InvalidRequirementException(problems);
    }
    values = values.size() <= 1 ? values : List.copyOf(new TreeSet<>(values));
  }

  /** {@code key in (values...)}. */
  public static Requirement in(String key, String... values) {
    return new Requirement(key, Operator.IN, Arrays.asList(values));
  }

  /** {@code key notin (values...)}. */
  public static Requirement notIn(String key, String... values) {
    return new Requirement(key, Operator.NOT_IN, Arrays.asList(values));
  }

  /** {@code key=value}. */
  public static Requirement equalTo(String key, String value) {
    return new Requirement(key, Operator.EQUALS, List.of(value));
  }

  /** {@code key==value}: matches as {@link #equalTo}, prints with {@code ==}. */
  public static Requirement doubleEqualTo(String key, String value) {
    return new Requirement(key, Operator.DOUBLE_EQUALS, List.of(value));
  }

  /** {@code key!=value}. */
  public static Requirement notEqualTo(String key, String value) {
    return new Requirement(key, Operator.NOT_EQUALS, List.of(value));
  }

  /** {@code key}: the key is present. */
  public static Requirement exists(String key) {
    return new Requirement(key, Operator.EXISTS, List.of());
  }

  /** {@code !key}: the key is absent. */
  public static Requirement doesNotExist(String key) {
    return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
  }

  /** {@code key>operand}; a negative operand is not a valid label value and is rejected. */
  public static Requirement greaterThan(String key, long operand) {
    return new Requirement(key, Operator.GREATER_THAN, List.of(Long.toString(operand)));
  }

  /** {@code key<operand}; a negative operand is not a valid label value and is rejected. */
  public static Requirement lessThan(String key, long operand) {
    return new Requirement(key, Operator.LESS_THAN, List.of(Long.toString(operand)));
  }

  /**
   * Whether {@code labels} satisfies this requirement, exactly as Kubernetes' {@code
   * Requirement.Matches}: {@code In}, {@code =}, {@code ==} and {@code Exists} need the key; {@code
   * NotIn}, {@code !=} and {@code DoesNotExist} hold when the key is missing; {@code Gt} and {@code
   * Lt} read the label's value as an int64 and are false when the key is missing or the value is
   * not an integer. A key mapped to {@code null} counts as missing.
   */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> value != null && hasValue(value);
      case NOT_IN, NOT_EQUALS -> value == null || !hasValue(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GREATER_THAN, LESS_THAN -> {
        if (value == null || !isInt64(value)) {
          yield false;
        }
        long actual = Long.parseLong(value);
        long operand = Long.parseLong(values.get(0));
        yield operator == Operator.GREATER_THAN ? actual > operand : actual < operand;
      }
    };
  }

  /**
   * The requirement as Kubernetes' {@code Requirement.String()} prints it: {@code x}, {@code !x},
   * {@code x in (a,b)}, {@code x notin (a)}, {@code x=a}, {@code x==a}, {@code x!=a}, {@code x>1},
   * {@code x<1}. The empty value prints as nothing: {@code x=}, {@code x in ()}.
   */
  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EQUALS -> key + "=" + values.get(0);
      case DOUBLE_EQUALS -> key + "==" + values.get(0);
      case NOT_EQUALS -> key + "!=" + values.get(0);
      case GREATER_THAN -> key + ">" + values.get(0);
      case LESS_THAN -> key + "<" + values.get(0);
    };
  }

  private boolean hasValue(String value) {
    return Collections.binarySearch(values, value) >= 0;
  }

  // The checks of labels.NewRequirement, in its order, with its paths and wording.
  private static List<Problem> problems(String key, Operator operator, List<String> values) {
    List<Problem> problems = new ArrayList<>(1);
    List<String> keyErrors = LabelRules.qualifiedNameErrors(key);
    if (!keyErrors.isEmpty()) {
      problems.add(Problem.at("key", KubernetesText.invalid(key, String.join("; ", keyErrors))));
    }
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          problems.add(
              Problem.at(
                  "values",
                  KubernetesText.invalid(
                      values, "for 'in', 'notin' operators, values set can't be empty")));
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          problems.add(
              Problem.at(
                  "values",
                  KubernetesText.invalid(
                      values, "exact-match compatibility requires one single value")));
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          problems.add(
              Problem.at(
                  "values",
                  KubernetesText.invalid(
                      values, "values set must be empty for exists and does not exist")));
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          problems.add(
              Problem.at(
                  "values",
                  KubernetesText.invalid(
                      values, "for 'Gt', 'Lt' operators, exactly one value is required")));
        }
        for (int i = 0; i < values.size(); i++) {
          if (!isInt64(values.get(i))) {
            problems.add(
                Problem.at(
                    "values[" + i + "]",
                    KubernetesText.invalid(
                        values.get(i), "for 'Gt', 'Lt' operators, the value must be an integer")));
          }
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueErrors = LabelRules.labelValueErrors(values.get(i));
      if (!valueErrors.isEmpty()) {
        problems.add(
            Problem.at(
                "values[" + i + "][" + key + "]",
                KubernetesText.invalid(values.get(i), String.join("; ", valueErrors))));
      }
    }
    return problems;
  }

  /**
   * Whether {@code s} is what Go's {@code strconv.ParseInt(s, 10, 64)} accepts: an optional sign,
   * then ASCII digits only, within the int64 range. Java's {@code Long.parseLong} alone would also
   * take non-ASCII digits such as {@code "٣"}.
   */
  static boolean isInt64(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException outOfRange) {
      return false;
    }
  }
}
