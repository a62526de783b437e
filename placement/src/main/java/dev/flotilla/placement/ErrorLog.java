package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * The CEL runtime errors of one placement over one snapshot: how many (cluster, expression)
 * evaluations failed, and up to {@link Selection#MAX_EXAMPLES} of them as examples. Immutable;
 * {@link #replace} accounts for one cluster evaluated again after it changed.
 *
 * @param count failed evaluations, over every cluster
 * @param examples some of them; after replacements, possibly fewer than {@code min(count,
 *     MAX_EXAMPLES)}, since a dropped example is not replaced by one of the clusters not evaluated
 */
record ErrorLog(int count, List<EvaluationError> examples) {
  static final ErrorLog NONE = new ErrorLog(0, List.of());

  ErrorLog {
    examples = List.copyOf(examples);
  }

  /**
   * This log with {@code cluster}'s errors, {@code before} of them, replaced by {@code after}'s
   * (the same cluster evaluated again, every error of it).
   */
  ErrorLog replace(String cluster, int before, CompiledPlacement.Errors after) {
    if (before == 0 && after.count == 0) {
      return this;
    }
    List<EvaluationError> kept = new ArrayList<>(Selection.MAX_EXAMPLES);
    for (EvaluationError error : examples) {
      if (!error.cluster().equals(cluster)) {
        kept.add(error);
      }
    }
    for (EvaluationError error : after.examples) {
      if (kept.size() < Selection.MAX_EXAMPLES) {
        kept.add(error);
      }
    }
    int total = count - before + after.count;
    return total == 0 ? NONE : new ErrorLog(total, kept);
  }
}
