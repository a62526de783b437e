package dev.flotilla.summarize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedViewIterator;

/**
 * The mergeable state of one aggregate in one group. Every cell counts its null subjects; {@link
 * #merge} is associative and commutative, exactly for every kind but {@link Quantiles} (see there).
 */
sealed interface Cell {
  /** Null subjects skipped. */
  long nulls();

  Cell merge(Cell other);

  /** Count: how many subjects were {@code true} (or reports, without an expression). */
  record Count(long count, long nulls) implements Cell {
    @Override
    public Cell merge(Cell other) {
      Count o = (Count) other;
      return new Count(count + o.count, nulls + o.nulls);
    }
  }

  /**
   * Sum and Avg: the exact sum of the subjects as a decimal (a double converts to a decimal
   * exactly, so sums do not depend on the order of addition), how many there were, and how many of
   * them were not integers (then the result is a double).
   */
  record Sum(long n, long nulls, BigDecimal sum, long fractional) implements Cell {
    public Sum {
      sum = sum.signum() == 0 ? BigDecimal.ZERO : sum.stripTrailingZeros();
    }

    @Override
    public Cell merge(Cell other) {
      Sum o = (Sum) other;
      return new Sum(n + o.n, nulls + o.nulls, sum.add(o.sum), fractional + o.fractional);
    }
  }

  /** Min or Max: the extreme subject, null when there was none. */
  record Extreme(boolean max, long n, long nulls, Object value) implements Cell {
    @Override
    public Cell merge(Cell other) {
      Extreme o = (Extreme) other;
      Object best;
      if (value == null || o.value == null) {
        best = value == null ? o.value : value;
      } else {
        int c = Values.compare(value, o.value);
        best = (max ? c >= 0 : c <= 0) ? value : o.value;
      }
      return new Extreme(max, n + o.n, nulls + o.nulls, best);
    }
  }

  /**
   * CountDistinct: the smallest {@link Layout#DISTINCT_CAP} distinct subjects in {@link
   * Values#ORDER}, and whether there were more. Both are functions of the set of all subjects, so
   * merging is exact: the smallest cap of a union is the smallest cap of the smallest caps.
   */
  record Distinct(long nulls, List<Object> values, boolean overflow) implements Cell {
    public Distinct {
      values = List.copyOf(values);
    }

    @Override
    public Cell merge(Cell other) {
      Distinct o = (Distinct) other;
      TreeSet<Object> union = new TreeSet<>(Values.ORDER);
      union.addAll(values);
      union.addAll(o.values);
      boolean more = overflow || o.overflow || union.size() > Layout.DISTINCT_CAP;
      List<Object> kept = new ArrayList<>(Math.min(union.size(), Layout.DISTINCT_CAP));
      for (Object v : union) {
        if (kept.size() == Layout.DISTINCT_CAP) {
          break;
        }
        kept.add(v);
      }
      return new Distinct(nulls + o.nulls, kept, more);
    }
  }

  /**
   * P50, P90, P99: a KLL sketch of the subjects (Apache DataSketches, k = {@link Layout#SKETCH_K}).
   * Up to k values the sketch holds them all and quantiles are exact; beyond, a quantile's rank is
   * within the sketch's normalized rank error (about 1.33% at 99% confidence) and merging is
   * randomized (with coins seeded by {@link Sketches}, so the same merges in the same order give
   * the same sketch), so two merge orders agree within that bound rather than exactly. Equality
   * compares the retained values with their weights.
   */
  record Quantiles(long nulls, KllDoublesSketch sketch) implements Cell {
    @Override
    public Cell merge(Cell other) {
      Quantiles o = (Quantiles) other;
      KllDoublesSketch merged = Sketches.empty();
      Sketches.merge(merged, sketch);
      Sketches.merge(merged, o.sketch);
      return new Quantiles(nulls + o.nulls, merged);
    }

    long n() {
      return sketch.getN();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Quantiles o
          && nulls == o.nulls
          && sketch.getN() == o.sketch.getN()
          && Arrays.equals(retained(sketch), retained(o.sketch));
    }

    @Override
    public int hashCode() {
      return Long.hashCode(sketch.getN()) * 31 + Long.hashCode(nulls);
    }

    /** Retained values and their weights, sorted: what a sketch answers queries from. */
    private static double[] retained(KllDoublesSketch sketch) {
      if (sketch.isEmpty()) {
        return new double[0];
      }
      List<double[]> pairs = new ArrayList<>();
      DoublesSortedViewIterator it = sketch.getSortedView().iterator();
      while (it.next()) {
        pairs.add(new double[] {it.getQuantile(), it.getWeight()});
      }
      double[] out = new double[pairs.size() * 2];
      for (int i = 0; i < pairs.size(); i++) {
        out[2 * i] = pairs.get(i)[0];
        out[2 * i + 1] = pairs.get(i)[1];
      }
      return out;
    }
  }
}
