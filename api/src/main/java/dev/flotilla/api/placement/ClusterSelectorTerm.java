package dev.flotilla.api.placement;

import dev.flotilla.api.labels.LabelSelector;
import java.util.List;
import java.util.Objects;

/**
 * One term of a placement's {@code clusterSelectors}: a cluster matches when it satisfies the label
 * selector, every property requirement and every CEL expression (variable {@code cluster}). An
 * empty term matches every cluster.
 *
 * <p>In a term, an absent {@code labelSelector} and an empty one ({@code {}}) mean the same: no
 * constraint. Kubernetes distinguishes a nil selector (nothing) from an empty one (everything);
 * Flotilla exposes that difference only where a selector stands alone, such as a customization
 * rule's {@code clusterSelector}.
 */
public record ClusterSelectorTerm(
    LabelSelector labelSelector,
    List<PropertyRequirement> propertyRequirements,
    List<String> celExpressions) {

  /** Validates the term and copies its lists. */
  public ClusterSelectorTerm {
    Objects.requireNonNull(labelSelector, "labelSelector");
    propertyRequirements = List.copyOf(propertyRequirements);
    celExpressions = List.copyOf(celExpressions);
  }

  /** The term {@code {}}: every cluster. */
  public static ClusterSelectorTerm all() {
    return new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of());
  }

  /** A term with a label selector only. */
  public static ClusterSelectorTerm labels(LabelSelector selector) {
    return new ClusterSelectorTerm(selector, List.of(), List.of());
  }

  /** A term with a label selector in Kubernetes' string form, such as {@code env=prod,!canary}. */
  public static ClusterSelectorTerm labels(String selector) {
    return labels(LabelSelector.parse(selector));
  }

  /** True when the term has no constraint at all. */
  public boolean isEmpty() {
    return labelSelector.isEmpty() && propertyRequirements.isEmpty() && celExpressions.isEmpty();
  }
}
