package dev.flotilla.api.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: requirements that must all hold, with the semantics, string grammar
 * and canonical printing of {@code k8s.io/apimachinery/pkg/labels}. Immutable and thread-safe.
 *
 * <p>Three kinds of selector exist, as in Kubernetes:
 *
 * <ul>
 *   <li>{@link #everything()}: no requirements, matches every label set ({@link #isEmpty()} is
 *       true). This is what an empty {@code metav1.LabelSelector} ({@code {}}) and the empty string
 *       mean.
 *   <li>{@link #nothing()}: matches no label set. This is what an <em>absent</em> ({@code nil})
 *       {@code metav1.LabelSelector} means; it prints as the empty string, like Kubernetes' {@code
 *       labels.Nothing()}, so its printed form does not round-trip.
 *   <li>any other: the AND of its {@link #requirements()}.
 * </ul>
 *
 * <p>Requirements are kept sorted by key, as Kubernetes' {@code sort.Sort(ByKey)} leaves them:
 * Kubernetes compares keys only, and for the small selectors seen in practice (up to 12
 * requirements, where Go sorts by insertion) requirements with the same key keep the order in which
 * they were written. Flotilla keeps that order for any size (a stable sort), so {@code "x!=a,x"}
 * prints as {@code "x!=a,x"}, as in Kubernetes.
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean matchesNothing;

  private LabelSelector(List<Requirement> requirements, boolean matchesNothing) {
    this.requirements = requirements;
    this.matchesNothing = matchesNothing;
  }

  /** The selector that matches every label set (Kubernetes' {@code labels.Everything()}). */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /**
   * The selector that matches no label set (Kubernetes' {@code labels.Nothing()}, what a nil {@code
   * metav1.LabelSelector} becomes). It has no requirements, is not {@link #isEmpty() empty}, and
   * prints as {@code ""}.
   */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * The AND of {@code requirements}, sorted by key (stably: requirements with the same key keep
   * their order). An empty list gives {@link #everything()}.
   */
  public static LabelSelector of(List<Requirement> requirements) {
    if (requirements.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    return new LabelSelector(List.copyOf(sorted), false);
  }

  /** The AND of {@code requirements}; see {@link #of(List)}. */
  public static LabelSelector of(Requirement... requirements) {
    return of(List.of(requirements));
  }

  /**
   * Parses a selector string with the grammar of Kubernetes' {@code labels.Parse}: comma-separated
   * requirements {@code key}, {@code !key}, {@code key=v}, {@code key==v}, {@code key!=v}, {@code
   * key in (v1,v2)}, {@code key notin (v1)}, {@code key>1}, {@code key<1}; whitespace (space, tab,
   * CR, LF) between tokens; {@code in} and {@code notin} are read as plain words where a key or
   * value is expected ({@code notin=in} is valid); a missing value is the empty value ({@code x=},
   * {@code x in ()}, {@code x in (a,)}). The empty string gives {@link #everything()}.
   *
   * <p>One deliberate difference: Kubernetes' lexer takes a NUL character for the end of the input,
   * so that {@code "\0anything"} parses as the empty selector and matches everything; Flotilla
   * rejects any NUL character instead.
   *
   * @throws SelectorSyntaxException with Kubernetes' message and the 0-based position of the
   *     offending token; never any other exception, whatever the input
   */
  public static LabelSelector parse(String selector) {
    return of(new SelectorParser(selector).parse());
  }

  /** The requirements, sorted by key; empty for {@link #everything()} and {@link #nothing()}. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** Whether every requirement holds for {@code labels}; always false for {@link #nothing()}. */
  public boolean matches(Map<String, String> labels) {
    if (matchesNothing) {
      return false;
    }
    for (int i = 0, n = requirements.size(); i < n; i++) {
      if (!requirements.get(i).matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this selector does not restrict anything, i.e. is {@link #everything()} (Kubernetes'
   * {@code Selector.Empty()}); false for {@link #nothing()}.
   */
  public boolean isEmpty() {
    return !matchesNothing && requirements.isEmpty();
  }

  /**
   * The canonical form, exactly as Kubernetes' {@code Selector.String()}: the requirements in
   * order, joined by {@code ","}, without spaces except around {@code in}/{@code notin}. For a
   * canonical input {@code s}, {@code parse(s).toString()} is {@code s} with its spaces removed.
   */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  /**
   * Equal when both have the same requirements in the same order (and both match nothing or not).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof LabelSelector that
        && matchesNothing == that.matchesNothing
        && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirements, matchesNothing);
  }
}
