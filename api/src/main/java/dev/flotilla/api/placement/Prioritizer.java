package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.labels.LabelSelector;
import java.util.Objects;
import java.util.Optional;

/**
 * One scoring rule of a placement's {@code prioritizers}. Each gives every eligible cluster a score
 * in [-100, 100]; a cluster's total is the sum of {@code weight * score} over the prioritizers, and
 * higher totals are picked first. Weights lie in [-100, 100], so a negative weight turns a
 * preference into an aversion.
 */
public sealed interface Prioritizer {
  /** Smallest and largest weight. */
  int MAX_WEIGHT = 100;

  /** The weight, -100..100. */
  int weight();

  /** A short description for score breakdowns, such as {@code propertySorter cpu Descending}. */
  String describe();

  /**
   * Scores a quantity property. With the {@link SorterScale#Normalized Normalized} scale (the
   * default) the score is normalised over the eligible clusters: with {@code Descending} the
   * largest value scores 100 and the smallest 0 (linearly between, rounded), with {@code Ascending}
   * the reverse; when every eligible cluster has the same value they all score 100. With the {@link
   * SorterScale#FleetWeighted FleetWeighted} scale see there. Either way a cluster without the
   * property, whose value is not a quantity, or that does not match {@code labelSelector} (when
   * given) scores 0.
   *
   * @param name the property name
   * @param sortOrder which end scores highest
   * @param weight the weight
   * @param labelSelector when present, only clusters matching it are scored (others score 0)
   * @param scale how values become scores
   */
  record PropertySorter(
      String name,
      SortOrder sortOrder,
      int weight,
      Optional<LabelSelector> labelSelector,
      SorterScale scale)
      implements Prioritizer {
    /** Validates the name and weight. */
    public PropertySorter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sortOrder, "sortOrder");
      Objects.requireNonNull(labelSelector, "labelSelector");
      Objects.requireNonNull(scale, "scale");
      for (String error : LabelRules.propertyNameErrors(name)) {
        throw ValidationException.at(
            "propertySorter.name", "Invalid value: \"" + name + "\": " + error);
      }
      checkWeight(weight);
    }

    /** A normalised sorter over every eligible cluster. */
    public PropertySorter(String name, SortOrder sortOrder, int weight) {
      this(name, sortOrder, weight, Optional.empty(), SorterScale.Normalized);
    }

    @Override
    public String describe() {
      return "propertySorter "
          + name
          + " "
          + sortOrder
          + (scale == SorterScale.Normalized ? "" : " " + scale)
          + labelSelector.map(s -> " if " + s).orElse("");
    }
  }

  /** How a {@link PropertySorter} turns property values into scores. */
  enum SorterScale {
    /**
     * Over the eligible clusters: the best value scores 100, the worst 0, linearly between (rounded
     * to the nearest integer); all 100 when every eligible cluster has the same value. The score is
     * then multiplied by the weight like any prioritizer's.
     */
    Normalized,
    /**
     * KubeFleet's preferred property sorters (kubefleet {@code
     * pkg/scheduler/framework/plugins/clusteraffinity/types.go}, {@code interpolateWeightFor}): the
     * range [min, max] is taken over every cluster of the inventory, whether the placement selects
     * it or not; a cluster's score is {@code round(weight * share)}, where {@code share} is {@code
     * (value - min) / (max - min)} for {@code Descending} and {@code 1 - (value - min) / (max -
     * min)} for {@code Ascending}, computed in {@code double} and rounded half away from zero; it
     * is 0 when min equals max. The weight is folded into the score, so the cluster's total gains
     * {@code 100 * score}, as a label preference of the same weight gains {@code 100 * weight}.
     */
    FleetWeighted
  }

  /**
   * Scores 100 for clusters whose labels match the selector, 0 for the others (KubeFleet's weighted
   * preferred terms).
   *
   * @param labelSelector the preferred labels
   * @param weight the weight
   */
  record LabelPreference(LabelSelector labelSelector, int weight) implements Prioritizer {
    /** Validates the weight. */
    public LabelPreference {
      Objects.requireNonNull(labelSelector, "labelSelector");
      checkWeight(weight);
    }

    @Override
    public String describe() {
      return "labelPreference " + labelSelector;
    }
  }

  /**
   * Scores supplied by the caller under {@code name} (like OCM's add-on scores), each with an
   * expiry; a cluster without a current score scores 0.
   *
   * @param name the score's name
   * @param weight the weight
   */
  record Score(String name, int weight) implements Prioritizer {
    /** Validates the name and weight. */
    public Score {
      Objects.requireNonNull(name, "name");
      for (String error : LabelRules.qualifiedNameErrors(name)) {
        throw ValidationException.at("score.name", "Invalid value: \"" + name + "\": " + error);
      }
      checkWeight(weight);
    }

    @Override
    public String describe() {
      return "score " + name;
    }
  }

  /**
   * Scores 100 for clusters the previous decision picked, 0 for the others (OCM's {@code Steady}).
   * Use it with {@link Ordering#ScoreThenName}: under {@link Ordering#Sticky} previously picked
   * clusters rank first anyway.
   *
   * @param weight the weight
   */
  record PreviouslyPicked(int weight) implements Prioritizer {
    /** Validates the weight. */
    public PreviouslyPicked {
      checkWeight(weight);
    }

    @Override
    public String describe() {
      return "previouslyPicked";
    }
  }

  /**
   * Scores a quantity property from -100 to 100 over the eligible clusters that have it (and {@code
   * requires}, when given): with {@code Descending} the largest value scores 100 and the smallest
   * -100, the score being {@code (int) (((v - min) / (max - min) - 0.5) * 2 * 100)} in double
   * arithmetic, truncated toward zero; with {@code Ascending} the reverse. When those clusters all
   * have the same value they all score 100; a cluster without the property, without {@code
   * requires}, or whose value is not a quantity scores 0 and does not count for min and max. This
   * is OCM's ResourceAllocatableCPU/Memory (ocm pkg/placement/plugins/resource), over {@code
   * resources.flotilla.dev/allocatable-cpu} requiring {@code resources.flotilla.dev/capacity-cpu}.
   *
   * @param name the property name
   * @param sortOrder which end scores 100
   * @param requires another property a cluster must have to be scored, or empty
   * @param weight the weight
   */
  record PropertyScale(String name, SortOrder sortOrder, Optional<String> requires, int weight)
      implements Prioritizer {
    /** Validates the names and weight. */
    public PropertyScale {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sortOrder, "sortOrder");
      Objects.requireNonNull(requires, "requires");
      for (String error : LabelRules.propertyNameErrors(name)) {
        throw ValidationException.at(
            "propertyScale.name", "Invalid value: \"" + name + "\": " + error);
      }
      if (requires.isPresent()) {
        for (String error : LabelRules.propertyNameErrors(requires.get())) {
          throw ValidationException.at(
              "propertyScale.requires", "Invalid value: \"" + requires.get() + "\": " + error);
        }
      }
      checkWeight(weight);
    }

    @Override
    public String describe() {
      return "propertyScale " + name + " " + sortOrder;
    }
  }

  /** Which end of a property's range scores 100. */
  enum SortOrder {
    /** The smallest value scores 100. */
    Ascending,
    /** The largest value scores 100. */
    Descending
  }

  private static void checkWeight(int weight) {
    if (weight < -MAX_WEIGHT || weight > MAX_WEIGHT) {
      throw ValidationException.at(
          "weight", "Invalid value: " + weight + ": must be between -100 and 100");
    }
  }
}
