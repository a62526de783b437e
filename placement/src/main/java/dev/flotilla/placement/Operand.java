package dev.flotilla.placement;

import java.util.List;

/**
 * One requirement resolved against an inventory snapshot: the clusters satisfying it are {@code
 * OR(include) AND NOT OR(exclude)}, complemented when {@code negated}. {@code NotIn} is the
 * complement of its values' union; {@code Gt} over many values is written as "has the key, and not
 * one of the few values outside the range", whichever needs fewer postings.
 */
final class Operand {
  final Posting[] include;
  final Posting[] exclude;
  final boolean negated;

  /** Upper bound of the number of clusters satisfying the operand (for ordering the AND). */
  final int estimate;

  Operand(List<Posting> include, List<Posting> exclude, boolean negated, int capacity) {
    this.include = include.toArray(new Posting[0]);
    this.exclude = exclude.toArray(new Posting[0]);
    this.negated = negated;
    int included = 0;
    for (Posting p : this.include) {
      included += p.count();
    }
    this.estimate = negated ? capacity : included;
  }

  static Operand of(List<Posting> include, boolean negated, int capacity) {
    return new Operand(include, List.of(), negated, capacity);
  }

  /** True when no cluster can satisfy the operand. */
  boolean isEmpty() {
    return !negated && estimate == 0;
  }

  boolean contains(int ordinal) {
    boolean in = false;
    for (Posting p : include) {
      if (p.contains(ordinal)) {
        in = true;
        break;
      }
    }
    if (in) {
      for (Posting p : exclude) {
        if (p.contains(ordinal)) {
          in = false;
          break;
        }
      }
    }
    return in != negated;
  }

  /** True when the operand can drive candidate iteration: positive, all sparse, and small. */
  boolean isSparseDriver(int capacity) {
    if (negated || exclude.length > 0 || estimate > capacity / Posting.DENSE_FRACTION) {
      return false;
    }
    for (Posting p : include) {
      if (!(p instanceof Posting.Sparse)) {
        return false;
      }
    }
    return true;
  }
}
