package dev.flotilla.summarize;

import dev.flotilla.api.summary.AggregateFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The retractable state of one aggregate in one group of a summary being computed (batch or live):
 * each subject can be added and taken back in O(log n). Counted sorted maps (value to multiplicity)
 * make min, max, distinct and quantiles retractable; sums are exact decimals, so subtracting
 * restores the state exactly.
 */
abstract class AggregateState {
  long nulls;

  static AggregateState of(AggregateFunction function) {
    return switch (function) {
      case Count -> new CountState();
      case Sum, Avg -> new SumState();
      case Min -> new ExtremeState(false);
      case Max -> new ExtremeState(true);
      case CountDistinct -> new DistinctState();
      case P50, P90, P99 -> new QuantileState();
    };
  }

  /** Adds ({@code sign} 1) or takes back ({@code sign} -1) one subject. */
  final void apply(Object subject, int sign) {
    if (subject == Row.FAILED) {
      return;
    }
    if (subject == null) {
      nulls += sign;
    } else {
      value(subject, sign);
    }
  }

  abstract void value(Object subject, int sign);

  abstract Cell cell();

  /** Adds {@code sign} to the multiplicity of {@code key}, dropping it at zero. */
  static <K> void count(TreeMap<K, long[]> counts, K key, int sign) {
    long[] n = counts.get(key);
    if (n == null) {
      counts.put(key, new long[] {sign});
    } else if ((n[0] += sign) == 0) {
      counts.remove(key);
    }
  }

  static final class CountState extends AggregateState {
    long count;

    @Override
    void value(Object subject, int sign) {
      if (Boolean.TRUE.equals(subject)) {
        count += sign;
      }
    }

    @Override
    Cell cell() {
      return new Cell.Count(count, nulls);
    }
  }

  static final class SumState extends AggregateState {
    long n;
    long fractional;
    long exact; // integral subjects are summed here while no overflow happens
    BigDecimal spill = BigDecimal.ZERO; // the rest: fractional subjects and overflowed longs

    @Override
    void value(Object subject, int sign) {
      n += sign;
      if (subject instanceof Long l) {
        long delta = sign > 0 ? l : -l;
        long sum = exact + delta;
        if (l == Long.MIN_VALUE || ((exact ^ sum) & (delta ^ sum)) < 0) {
          spill =
              spill
                  .add(BigDecimal.valueOf(exact))
                  .add(BigDecimal.valueOf(l).multiply(BigDecimal.valueOf(sign)));
          exact = 0;
        } else {
          exact = sum;
        }
      } else {
        fractional += sign;
        BigDecimal d = new BigDecimal((Double) subject);
        spill = sign > 0 ? spill.add(d) : spill.subtract(d);
      }
    }

    @Override
    Cell cell() {
      return new Cell.Sum(n, nulls, spill.add(BigDecimal.valueOf(exact)), fractional);
    }
  }

  static final class ExtremeState extends AggregateState {
    final boolean max;
    final TreeMap<Object, long[]> values = new TreeMap<>(Values.ORDER);
    long n;

    ExtremeState(boolean max) {
      this.max = max;
    }

    @Override
    void value(Object subject, int sign) {
      n += sign;
      count(values, subject, sign);
    }

    @Override
    Cell cell() {
      Object value = values.isEmpty() ? null : max ? values.lastKey() : values.firstKey();
      return new Cell.Extreme(max, n, nulls, value);
    }
  }

  static final class DistinctState extends AggregateState {
    final TreeMap<Object, long[]> values = new TreeMap<>(Values.ORDER);

    @Override
    void value(Object subject, int sign) {
      count(values, subject, sign);
    }

    @Override
    Cell cell() {
      List<Object> kept = new ArrayList<>(Math.min(values.size(), Layout.DISTINCT_CAP));
      for (Object v : values.keySet()) {
        if (kept.size() == Layout.DISTINCT_CAP) {
          break;
        }
        kept.add(v);
      }
      return new Cell.Distinct(nulls, kept, values.size() > Layout.DISTINCT_CAP);
    }
  }

  static final class QuantileState extends AggregateState {
    final TreeMap<Double, long[]> values = new TreeMap<>();

    @Override
    void value(Object subject, int sign) {
      count(values, ((Number) subject).doubleValue(), sign);
    }

    /** Builds the sketch from the exact multiset: O(distinct values), on read only. */
    @Override
    Cell cell() {
      return new Cell.Quantiles(nulls, Sketches.of(values));
    }
  }
}
