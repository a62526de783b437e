package dev.flotilla.placement;

import dev.flotilla.expr.CompiledExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CEL once per distinct input: a term's expressions evaluated once per combination of the values of
 * the keys they read, instead of once per cluster.
 */
final class Combinations {
  /*
   * For maintainers. When a term's expressions read only labels and properties by constant name
   * (CompiledTerm.Input: no name, no annotation, no map as a whole), ClusterProjection gives every
   * cluster an activation holding exactly those keys' values, absent keys absent. Two clusters with
   * the same values therefore get equal activations, and CEL, being deterministic, the same outcome:
   * the same result, or the same error with the same message. So we walk the combinations present
   * among the candidates, key by key: for each value of the key (and for "absent"), AND its posting
   * into the candidates left, and descend while that is not empty. At a leaf, one evaluation on a
   * representative (a cluster holding just those values) decides every cluster of the leaf's mask:
   * ORed into `out` when true; when it fails, each cluster of the mask gets the error, reported in
   * ordinal order afterwards, exactly as the per-cluster loop would report them.
   *
   * Cost: one evaluation per combination present, plus a word loop per value tried; worthwhile when
   * the product of the keys' value counts is small against the fleet (LIMIT), else the caller falls
   * back to evaluating each candidate.
   */
  private Combinations() {}

  /** The product of value counts above which the per-cluster loop is used. */
  static int limit(int size) {
    return Math.max(64, size / 16);
  }

  /**
   * Filters {@code candidates} not in {@code out} nor {@code skip} (null for none) through the
   * term's expressions, ORing those that match into {@code out}. Returns false, doing nothing, when
   * the term's inputs do not allow it or have too many combinations.
   */
  static boolean filter(
      CompiledTerm term,
      Inventory inventory,
      long[] candidates,
      long[] out,
      long[] skip,
      CompiledTerm.ErrorSink errors) {
    CompiledTerm.Input[] inputs = term.inputs();
    if (inputs == null) {
      return false;
    }
    ValueColumn[] columns = new ValueColumn[inputs.length];
    long product = 1;
    for (int i = 0; i < inputs.length; i++) {
      columns[i] =
          inputs[i].label()
              ? inventory.labelColumn(inputs[i].key())
              : inventory.propertyColumn(inputs[i].key());
      product *= (columns[i] == null ? 0 : columns[i].valueCount()) + 1L;
      if (product > limit(inventory.size())) {
        return false;
      }
    }
    int words = candidates.length;
    long[] open = new long[words];
    boolean any = false;
    for (int w = 0; w < words; w++) {
      open[w] = candidates[w] & ~(out[w] | Words.at(skip, w));
      any |= open[w] != 0;
    }
    if (any) {
      Walk walk = new Walk(term, inventory, inputs, columns, out, errors);
      if (inputs.length == 1 && columns[0] != null) {
        walk.oneKey(columns[0].derived(term, t -> walk.outcomes(columns[0])), open);
      } else {
        walk.descend(0, open);
      }
      walk.reportFailures();
    }
    return true;
  }

  /**
   * A one-key term's outcome on each value of a column, and the union of the values it holds for:
   * what {@link Walk#lastLevel} computes on every select, kept with the (immutable) column, so a
   * later select over the same column (this snapshot's or any later one's that did not change the
   * key) is one masked OR plus the failing values. The outcome on a cluster lacking the key is
   * computed on first need.
   */
  static final class Outcomes {
    /** By value id; null where no cluster holds the value. */
    final CompiledTerm.Outcome[] byId;

    /** The clusters of the values whose outcome is true. */
    final long[] matched;

    /** Ids of the values whose outcome failed, ascending. */
    final int[] failed;

    volatile CompiledTerm.Outcome absent;

    Outcomes(CompiledTerm.Outcome[] byId, long[] matched, int[] failed) {
      this.byId = byId;
      this.matched = matched;
      this.failed = failed;
    }
  }

  private static final class Walk {
    private final CompiledTerm term;
    private final Inventory inventory;
    private final CompiledTerm.Input[] inputs;
    private final ValueColumn[] columns;
    private final long[] out;
    private final CompiledTerm.ErrorSink errors;
    private final String[] values;
    private final List<long[]> failedMasks = new ArrayList<>();
    private final List<CompiledTerm.Outcome> failures = new ArrayList<>();

    Walk(
        CompiledTerm term,
        Inventory inventory,
        CompiledTerm.Input[] inputs,
        ValueColumn[] columns,
        long[] out,
        CompiledTerm.ErrorSink errors) {
      this.term = term;
      this.inventory = inventory;
      this.inputs = inputs;
      this.columns = columns;
      this.out = out;
      this.errors = errors;
      this.values = new String[inputs.length];
    }

    /** The outcome of each value of {@code column}, the term's only key. */
    Outcomes outcomes(ValueColumn column) {
      CompiledTerm.Outcome[] byId = new CompiledTerm.Outcome[column.valueCount()];
      long[] matched = new long[Posting.words(inventory.capacity())];
      int[] failed = new int[byId.length];
      int failures = 0;
      for (int id = 0; id < byId.length; id++) {
        Posting posting = column.postingOf(id);
        if (posting.count() == 0) {
          continue;
        }
        values[0] = column.value(id);
        byId[id] = evaluate();
        if (byId[id].matched()) {
          posting.orInto(matched);
        } else if (byId[id].failed() != null) {
          failed[failures++] = id;
        }
      }
      values[0] = null;
      return new Outcomes(byId, matched, java.util.Arrays.copyOf(failed, failures));
    }

    /** {@link #lastLevel} for a term of one key, from its outcomes. */
    void oneKey(Outcomes outcomes, long[] mask) {
      ValueColumn column = columns[0];
      int n = Math.min(mask.length, outcomes.matched.length);
      for (int w = 0; w < n; w++) {
        out[w] |= outcomes.matched[w] & mask[w];
      }
      for (int id : outcomes.failed) {
        long[] sub = new long[mask.length];
        column.postingOf(id).orInto(sub);
        if (and(sub, mask)) {
          failedMasks.add(sub);
          failures.add(outcomes.byId[id]);
        }
      }
      long[] present = new long[mask.length];
      column.present().orInto(present);
      long any = 0;
      for (int w = 0; w < mask.length; w++) {
        any |= mask[w] & ~present[w];
      }
      if (any == 0) {
        return;
      }
      CompiledTerm.Outcome outcome = outcomes.absent;
      if (outcome == null) {
        values[0] = null;
        outcome = evaluate();
        outcomes.absent = outcome;
      }
      if (outcome.matched() || outcome.failed() != null) {
        long[] absent = new long[mask.length];
        for (int w = 0; w < mask.length; w++) {
          absent[w] = mask[w] & ~present[w];
        }
        record(outcome, absent);
      }
    }

    void descend(int level, long[] mask) {
      if (level == inputs.length) {
        decide(mask);
        return;
      }
      ValueColumn column = columns[level];
      int words = mask.length;
      if (level == inputs.length - 1) {
        lastLevel(column, mask);
        return;
      }
      if (column != null) {
        for (int id = 0; id < column.valueCount(); id++) {
          Posting posting = column.postingOf(id);
          if (posting.count() == 0) {
            continue;
          }
          long[] sub = new long[words];
          posting.orInto(sub);
          if (and(sub, mask)) {
            values[level] = column.value(id);
            descend(level + 1, sub);
          }
        }
      }
      long[] absent = mask.clone();
      if (column != null) {
        long[] present = new long[words];
        column.present().orInto(present);
        for (int w = 0; w < words; w++) {
          absent[w] &= ~present[w];
        }
      }
      if (!isEmpty(absent)) {
        values[level] = null;
        descend(level + 1, absent);
      }
    }

    /**
     * The last key: evaluate each value first, then OR a true value's posting, masked, straight
     * into {@code out}; only a failing value's clusters are materialized (for its errors).
     */
    private void lastLevel(ValueColumn column, long[] mask) {
      int level = inputs.length - 1;
      if (column != null) {
        for (int id = 0; id < column.valueCount(); id++) {
          Posting posting = column.postingOf(id);
          if (posting.count() == 0) {
            continue;
          }
          values[level] = column.value(id);
          CompiledTerm.Outcome outcome = evaluate();
          if (outcome.matched()) {
            orMasked(posting, mask, out);
          } else if (outcome.failed() != null) {
            long[] sub = new long[mask.length];
            posting.orInto(sub);
            if (and(sub, mask)) {
              failedMasks.add(sub);
              failures.add(outcome);
            }
          }
        }
      }
      values[level] = null;
      long[] present = new long[mask.length];
      if (column != null) {
        column.present().orInto(present);
      }
      long any = 0;
      for (int w = 0; w < mask.length; w++) {
        any |= mask[w] & ~present[w];
      }
      if (any == 0) {
        return;
      }
      CompiledTerm.Outcome outcome = evaluate();
      if (outcome.matched() || outcome.failed() != null) {
        long[] absent = new long[mask.length];
        for (int w = 0; w < mask.length; w++) {
          absent[w] = mask[w] & ~present[w];
        }
        record(outcome, absent);
      }
    }

    /** {@code out |= posting & mask}. */
    private static void orMasked(Posting posting, long[] mask, long[] out) {
      if (posting instanceof Posting.Dense dense) {
        long[] bits = dense.words;
        int n = Math.min(bits.length, mask.length);
        for (int w = 0; w < n; w++) {
          out[w] |= bits[w] & mask[w];
        }
      } else {
        for (int ordinal : ((Posting.Sparse) posting).ordinals) {
          if (ordinal < mask.length << 6 && (mask[ordinal >>> 6] & (1L << ordinal)) != 0) {
            out[ordinal >>> 6] |= 1L << ordinal;
          }
        }
      }
    }

    /** {@code sub &= mask} over mask's length; whether anything is left. */
    private static boolean and(long[] sub, long[] mask) {
      long any = 0;
      for (int w = 0; w < mask.length; w++) {
        sub[w] &= mask[w];
        any |= sub[w];
      }
      return any != 0;
    }

    private static boolean isEmpty(long[] words) {
      for (long word : words) {
        if (word != 0) {
          return false;
        }
      }
      return true;
    }

    private void decide(long[] mask) {
      record(evaluate(), mask);
    }

    private void record(CompiledTerm.Outcome outcome, long[] mask) {
      if (outcome.matched()) {
        for (int w = 0; w < mask.length; w++) {
          out[w] |= mask[w];
        }
      } else if (outcome.failed() != null) {
        failedMasks.add(mask);
        failures.add(outcome);
      }
    }

    /** The outcome on a representative holding the current {@link #values}. */
    private CompiledTerm.Outcome evaluate() {
      Map<String, String> labels = new HashMap<>();
      Map<String, String> properties = new HashMap<>();
      for (int i = 0; i < inputs.length; i++) {
        if (values[i] != null) {
          (inputs[i].label() ? labels : properties).put(inputs[i].key(), values[i]);
        }
      }
      // The name is not read (Input.of): any string will do.
      return term.outcome(ClusterFacts.of("", labels, properties, Map.of()), errors);
    }

    /** Each failing cluster's error, in ordinal order as the per-cluster loop reports them. */
    void reportFailures() {
      if (failures.isEmpty()) {
        return;
      }
      int words = failedMasks.get(0).length;
      for (int w = 0; w < words; w++) {
        long word = 0;
        for (long[] mask : failedMasks) {
          word |= mask[w];
        }
        while (word != 0) {
          int bit = Long.numberOfTrailingZeros(word);
          word &= word - 1;
          for (int f = 0; f < failedMasks.size(); f++) {
            if ((failedMasks.get(f)[w] & (1L << bit)) != 0) {
              CompiledTerm.Outcome failure = failures.get(f);
              report((w << 6) + bit, failure.failed(), failure.message());
              break;
            }
          }
        }
      }
    }

    private void report(int ordinal, CompiledExpression expression, String message) {
      errors.report(inventory.nameAt(ordinal), expression, message);
    }
  }
}
