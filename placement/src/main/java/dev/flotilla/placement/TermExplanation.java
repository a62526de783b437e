package dev.flotilla.placement;

import java.util.List;

/**
 * One selector term evaluated on one cluster.
 *
 * @param index the term's position in {@code spec.clusterSelectors}
 * @param matched whether every requirement passed
 * @param requirements label requirements, then property requirements, then CEL expressions, in the
 *     order the term lists them
 */
public record TermExplanation(int index, boolean matched, List<RequirementResult> requirements) {
  public TermExplanation {
    requirements = List.copyOf(requirements);
  }

  /** The first requirement that failed, if any. */
  public java.util.Optional<RequirementResult> firstFailure() {
    return requirements.stream().filter(r -> !r.passed()).findFirst();
  }
}
