package dev.flotilla.summarize;

/*
 * Maintainer notes. Merging many partials at once (a root hub and its 1,000 children) with the
 * pairwise Summary.merge would copy every group and build a new sketch per step. Here each group
 * gets one mutable cell builder: counts and decimal sums add in place, one KLL sketch per group
 * absorbs every child's sketch, distinct values go into one TreeSet trimmed to the cap as it
 * grows. The result equals the pairwise fold (exactly for every cell but quantiles, which agree
 * within the sketch's bound).
 */

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.datasketches.kll.KllDoublesSketch;

final class MergeAll {
  private MergeAll() {}

  static Summary of(Collection<Summary> partials) {
    Layout layout = null;
    for (Summary s : partials) {
      if (s.layout != null) {
        if (layout == null) {
          layout = s.layout;
        } else if (!layout.equals(s.layout)) {
          throw new IllegalArgumentException(
              "cannot merge summaries of different policies: " + layout + " and " + s.layout);
        }
      }
    }
    if (layout == null) {
      return Summary.empty();
    }
    // Hash lookups while merging (keys are canonical, so equal keys hash alike); sorted once.
    Map<List<Object>, Builder[]> groups = new HashMap<>();
    Map<List<Object>, long[]> counts = new HashMap<>();
    List<AttentionItem> items = new ArrayList<>();
    long reports = 0;
    long matched = 0;
    long attentionTotal = 0;
    Summary.Capped stale = new Summary.Capped(0, List.of());
    Summary.Capped missing = new Summary.Capped(0, List.of());
    Map<String, Summary.ErrorColumn> errors = new TreeMap<>();
    for (Summary s : partials) {
      if (s.layout == null) {
        continue;
      }
      reports += s.reports;
      matched += s.matched;
      attentionTotal += s.attentionTotal;
      items.addAll(s.attention);
      stale = stale.merge(s.stale);
      missing = missing.merge(s.missing);
      s.errors.forEach((column, e) -> errors.merge(column, e, Summary.ErrorColumn::merge));
      for (Summary.GroupState g : s.groups) {
        Builder[] builders = groups.get(g.key());
        if (builders == null) {
          builders = new Builder[g.cells().size()];
          for (int i = 0; i < builders.length; i++) {
            builders[i] = builder(g.cells().get(i));
          }
          groups.put(g.key(), builders);
          counts.put(g.key(), new long[1]);
        }
        counts.get(g.key())[0] += g.count();
        for (int i = 0; i < builders.length; i++) {
          builders[i].add(g.cells().get(i));
        }
      }
    }
    List<List<Object>> keys = new ArrayList<>(groups.keySet());
    keys.sort(Values.KEY_ORDER);
    List<Summary.GroupState> states = new ArrayList<>(groups.size());
    for (List<Object> key : keys) {
      Builder[] builders = groups.get(key);
      List<Cell> cells = new ArrayList<>(builders.length);
      for (Builder b : builders) {
        cells.add(b.build());
      }
      states.add(new Summary.GroupState(key, counts.get(key)[0], cells));
    }
    items.sort(layout.itemOrder());
    return new Summary(
        layout,
        reports,
        matched,
        states,
        attentionTotal,
        items.subList(0, Math.min(layout.limit(), items.size())),
        stale,
        missing,
        errors);
  }

  private static Builder builder(Cell kind) {
    if (kind instanceof Cell.Count) {
      return new CountBuilder();
    }
    if (kind instanceof Cell.Sum) {
      return new SumBuilder();
    }
    if (kind instanceof Cell.Extreme e) {
      return new ExtremeBuilder(e.max());
    }
    if (kind instanceof Cell.Distinct) {
      return new DistinctBuilder();
    }
    return new QuantileBuilder();
  }

  private abstract static class Builder {
    long nulls;

    abstract void add(Cell cell);

    abstract Cell build();
  }

  private static final class CountBuilder extends Builder {
    long count;

    @Override
    void add(Cell cell) {
      Cell.Count c = (Cell.Count) cell;
      count += c.count();
      nulls += c.nulls();
    }

    @Override
    Cell build() {
      return new Cell.Count(count, nulls);
    }
  }

  private static final class SumBuilder extends Builder {
    long n;
    long fractional;
    BigDecimal sum = BigDecimal.ZERO;

    @Override
    void add(Cell cell) {
      Cell.Sum c = (Cell.Sum) cell;
      n += c.n();
      nulls += c.nulls();
      fractional += c.fractional();
      sum = sum.add(c.sum());
    }

    @Override
    Cell build() {
      return new Cell.Sum(n, nulls, sum, fractional);
    }
  }

  private static final class ExtremeBuilder extends Builder {
    final boolean max;
    long n;
    Object value;

    ExtremeBuilder(boolean max) {
      this.max = max;
    }

    @Override
    void add(Cell cell) {
      Cell.Extreme c = (Cell.Extreme) cell;
      n += c.n();
      nulls += c.nulls();
      if (c.value() != null) {
        if (value == null) {
          value = c.value();
        } else {
          int cmp = Values.compare(c.value(), value);
          if (max ? cmp > 0 : cmp < 0) {
            value = c.value();
          }
        }
      }
    }

    @Override
    Cell build() {
      return new Cell.Extreme(max, n, nulls, value);
    }
  }

  private static final class DistinctBuilder extends Builder {
    final TreeSet<Object> values = new TreeSet<>(Values.ORDER);
    boolean overflow;

    @Override
    void add(Cell cell) {
      Cell.Distinct c = (Cell.Distinct) cell;
      nulls += c.nulls();
      overflow |= c.overflow();
      for (Object v : c.values()) {
        values.add(v);
        if (values.size() > Layout.DISTINCT_CAP) {
          values.pollLast();
          overflow = true;
        }
      }
    }

    @Override
    Cell build() {
      return new Cell.Distinct(nulls, new ArrayList<>(values), overflow);
    }
  }

  private static final class QuantileBuilder extends Builder {
    final KllDoublesSketch sketch = Sketches.empty();

    @Override
    void add(Cell cell) {
      Cell.Quantiles c = (Cell.Quantiles) cell;
      nulls += c.nulls();
      Sketches.merge(sketch, c.sketch());
    }

    @Override
    Cell build() {
      return new Cell.Quantiles(nulls, sketch);
    }
  }
}
