package dev.flotilla.placement;

/**
 * One line of a cluster's score breakdown: a prioritizer (or the {@code PreferNoSelect} penalty),
 * the score it gave in [-100, 100], and its weight; the cluster's total is the sum of {@code weight
 * * score}.
 *
 * @param source what gave the score, such as {@code propertySorter cpu Descending}
 * @param score -100..100
 * @param weight the prioritizer's weight
 */
public record ScoreTerm(String source, int score, int weight) {
  /** {@code weight * score}. */
  public long contribution() {
    return (long) weight * score;
  }
}
