package dev.flotilla.placement;

import java.util.List;

/**
 * The clusters a placement selects, with the CEL runtime errors met on the way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clusters the selected clusters
 * @param errorCount how many (cluster, expression) evaluations failed; those clusters were not
 *     selected by the failing term
 * @param errors the first {@value #MAX_EXAMPLES} errors, as examples
 */
public record Selection(ClusterSet clusters, int errorCount, List<EvaluationError> errors) {
  /** How many errors are kept as examples. */
  public static final int MAX_EXAMPLES = 10;

  public Selection {
    errors = List.copyOf(errors);
  }
}
