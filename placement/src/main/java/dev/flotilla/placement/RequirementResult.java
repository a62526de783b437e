package dev.flotilla.placement;

/**
 * One requirement of a term evaluated on one cluster.
 *
 * @param requirement a label requirement in Kubernetes' selector syntax ({@code env in (prod)}), a
 *     property requirement ({@code cpu Ge 4}) or a CEL expression's source
 * @param passed whether the cluster satisfies it; a CEL error counts as a failure
 * @param seen the label or property value read, or {@value #MISSING}; for CEL, {@code true}, {@code
 *     false} or the error message
 */
public record RequirementResult(String requirement, boolean passed, String seen) {
  /** What {@link #seen} says when the cluster lacks the label or property. */
  public static final String MISSING = "<missing>";
}
