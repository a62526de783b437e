package dev.flotilla.api.labels;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A label selector in its structured form, Kubernetes' {@code metav1.LabelSelector}: {@code
 * matchLabels} and {@code matchExpressions}, ANDed. Build a {@link LabelSelector} from it with
 * {@link #toSelector()}.
 *
 * <p>An empty spec ({@code {}}) selects everything. An <em>absent</em> spec selects nothing in
 * Kubernetes; Flotilla represents absence as {@code Optional.empty()}, see {@link
 * #toSelector(Optional)}.
 *
 * <p><b>Flotilla extension:</b> besides Kubernetes' {@code In}, {@code NotIn}, {@code Exists} and
 * {@code DoesNotExist}, {@code matchExpressions} accept {@code Gt} and {@code Lt}, as node affinity
 * does: exactly one value, an int64 that is also a valid label value (so not negative), compared
 * with the label's value read as an int64.
 *
 * @param matchLabels each entry {@code k: v} requires label {@code k} to equal {@code v} (it
 *     becomes {@code k=v}, Kubernetes' {@code selection.Equals}); kept sorted by key
 * @param matchExpressions the other requirements
 */
public record LabelSelectorSpec(
    Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {

  private static final String SUPPORTED_OPERATORS =
      "supported values: \"DoesNotExist\", \"Exists\", \"Gt\", \"In\", \"Lt\", \"NotIn\"";

  /** Copies both collections; absent ones are read as empty, a null label value as {@code ""}. */
  public LabelSelectorSpec {
    SortedMap<String, String> labels = new TreeMap<>();
    if (matchLabels != null) {
      matchLabels.forEach(
          (k, v) -> labels.put(Objects.requireNonNull(k, "matchLabels key"), v == null ? "" : v));
    }
    matchLabels = Collections.unmodifiableSortedMap(labels);
    matchExpressions =
        matchExpressions == null
            ? List.of()
            : List.copyOf(matchExpressions); // rejects null items: there is no such Go value
  }

  /** The empty spec {@code {}}, which selects everything. */
  public static LabelSelectorSpec empty() {
    return new LabelSelectorSpec(Map.of(), List.of());
  }

  /**
   * The selector this spec describes, validated as Kubernetes' {@code ValidateLabelSelector} and
   * converted as {@code metav1.LabelSelectorAsSelector}: {@code matchLabels} become {@code k=v}
   * ({@link Operator#EQUALS}), expressions their operator; an empty spec gives {@link
   * LabelSelector#everything()}.
   *
   * @throws ValidationException listing every problem, with paths relative to this selector ({@code
   *     matchLabels}, {@code matchExpressions[0].operator}, {@code matchExpressions[1].values},
   *     {@code matchExpressions[1].values[0]}, {@code matchExpressions[2].key}) and Kubernetes'
   *     wording, e.g. {@code Unsupported value: "in": supported values: ...}, {@code Required
   *     value: must be specified when `operator` is 'In' or 'NotIn'}, {@code Forbidden: may not be
   *     specified when `operator` is 'Exists' or 'DoesNotExist'}
   */
  public LabelSelector toSelector() {
    List<Problem> problems = problems();
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    if (matchLabels.isEmpty() && matchExpressions.isEmpty()) {
      return LabelSelector.everything();
    }
    List<Requirement> requirements = new ArrayList<>();
    matchLabels.forEach((k, v) -> requirements.add(Requirement.equalTo(k, v)));
    for (LabelSelectorRequirement expression : matchExpressions) {
      requirements.add(
          new Requirement(expression.key(), operator(expression.operator()), expression.values()));
    }
    return LabelSelector.of(requirements);
  }

  /**
   * The selector for a spec that may be absent: {@link LabelSelector#nothing()} when it is, as
   * Kubernetes treats a nil {@code metav1.LabelSelector}; otherwise {@link #toSelector()}.
   */
  public static LabelSelector toSelector(Optional<LabelSelectorSpec> spec) {
    return spec.map(LabelSelectorSpec::toSelector).orElse(LabelSelector.nothing());
  }

  // ValidateLabelSelector (newest form, values checked too) plus the Gt/Lt checks of node affinity.
  private List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    matchLabels.forEach(
        (k, v) -> {
          for (String error : LabelRules.qualifiedNameErrors(k)) {
            problems.add(Problem.at("matchLabels", KubernetesText.invalid(k, error)));
          }
          for (String error : LabelRules.labelValueErrors(v)) {
            problems.add(Problem.at("matchLabels", KubernetesText.invalid(v, error)));
          }
        });
    for (int i = 0; i < matchExpressions.size(); i++) {
      problems.addAll(problems(matchExpressions.get(i), "matchExpressions[" + i + "]"));
    }
    return problems;
  }

  private static List<Problem> problems(LabelSelectorRequirement expression, String path) {
    List<Problem> problems = new ArrayList<>();
    List<String> values = expression.values();
    switch (expression.operator()) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          problems.add(
              Problem.at(
                  path + ".values",
                  "Required value: must be specified when `operator` is 'In' or 'NotIn'"));
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          problems.add(
              Problem.at(
                  path + ".values",
                  "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
      }
      case "Gt", "Lt" -> {
        if (values.size() != 1) {
          problems.add(
              Problem.at(
                  path + ".values",
                  "Required value: must be specified single value when `operator` is 'Lt' or"
                      + " 'Gt'"));
        } else if (!Requirement.isInt64(values.get(0))) {
          problems.add(
              Problem.at(
                  path + ".values[0]",
                  KubernetesText.invalid(
                      values.get(0), "for 'Gt', 'Lt' operators, the value must be an integer")));
        }
      }
      default ->
          problems.add(
              Problem.at(
                  path + ".operator",
                  "Unsupported value: "
                      + KubernetesText.quote(expression.operator())
                      + ": "
                      + SUPPORTED_OPERATORS));
    }
    for (String error : LabelRules.qualifiedNameErrors(expression.key())) {
      problems.add(Problem.at(path + ".key", KubernetesText.invalid(expression.key(), error)));
    }
    for (int j = 0; j < values.size(); j++) {
      for (String error : LabelRules.labelValueErrors(values.get(j))) {
        problems.add(
            Problem.at(path + ".values[" + j + "]", KubernetesText.invalid(values.get(j), error)));
      }
    }
    return problems;
  }

  private static Operator operator(String name) {
    return switch (name) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      case "Gt" -> Operator.GREATER_THAN;
      case "Lt" -> Operator.LESS_THAN;
      default -> throw new IllegalStateException("validated operator: " + name);
    };
  }
}
