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

  /**
   * Writes the clusters satisfying this operand into {@code acc} when {@code first}, or ANDs them
   * into it otherwise. {@code live} holds the live slots (a negated operand is relative to them);
   * {@code scratch} is a words-long array this may overwrite, or null when none is needed yet
   * ({@link #needsScratch} says when it is).
   */
  void applyTo(long[] acc, boolean first, long[] live, long[] scratch) {
    if (first && !negated) {
      unionInto(acc); // postings hold live slots only: no AND with live needed
      removeExcluded(acc);
      return;
    }
    if (first) {
      Words.copy(acc, live);
    }
    if (!negated) {
      if (include.length == 1 && include[0] instanceof Posting.Dense only) {
        Words.and(acc, only.words);
      } else if (include.length == 2
          && include[0] instanceof Posting.Dense a
          && include[1] instanceof Posting.Dense b) {
        Words.andEither(acc, a.words, b.words);
      } else {
        unionInto(scratch);
        Words.and(acc, scratch);
      }
      removeExcluded(acc);
    } else if (exclude.length == 0) {
      for (Posting posting : include) {
        clear(acc, posting);
      }
    } else {
      unionInto(scratch);
      removeExcluded(scratch);
      Words.andNot(acc, scratch);
    }
  }

  /** Whether {@link #applyTo} needs a scratch array. */
  boolean needsScratch(boolean first) {
    if (first && !negated) {
      return false;
    }
    if (negated) {
      return exclude.length > 0;
    }
    return !(include.length == 1 && include[0] instanceof Posting.Dense)
        && !(include.length == 2
            && include[0] instanceof Posting.Dense
            && include[1] instanceof Posting.Dense);
  }

  /** {@code dst = OR(include)}, the dense postings two at a time, then the sparse ones. */
  private void unionInto(long[] dst) {
    long[] pending = null;
    boolean written = false;
    for (Posting posting : include) {
      if (!(posting instanceof Posting.Dense dense)) {
        continue;
      }
      if (pending == null) {
        pending = dense.words;
        continue;
      }
      if (written) {
        Words.orBoth(dst, pending, dense.words);
      } else {
        Words.or(dst, pending, dense.words);
        written = true;
      }
      pending = null;
    }
    if (pending != null) {
      if (written) {
        Words.or(dst, pending);
      } else {
        Words.copy(dst, pending);
        written = true;
      }
    }
    if (!written) {
      java.util.Arrays.fill(dst, 0L);
    }
    for (Posting posting : include) {
      if (posting instanceof Posting.Sparse) {
        posting.orInto(dst);
      }
    }
  }

  private void removeExcluded(long[] dst) {
    for (Posting posting : exclude) {
      clear(dst, posting);
    }
  }

  private static void clear(long[] dst, Posting posting) {
    if (posting instanceof Posting.Dense dense) {
      Words.andNot(dst, dense.words);
    } else {
      for (int ordinal : ((Posting.Sparse) posting).ordinals) {
        if (ordinal >>> 6 < dst.length) {
          dst[ordinal >>> 6] &= ~(1L << ordinal);
        }
      }
    }
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
