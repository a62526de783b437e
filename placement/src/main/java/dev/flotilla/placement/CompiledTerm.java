package dev.flotilla.placement;

import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import dev.flotilla.expr.internal.ClusterProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One selector term compiled: its indexable conditions (labels, properties), ANDed over the index,
 * then its CEL expressions, run only on the clusters the conditions leave.
 */
final class CompiledTerm {
  /*
   * Evaluation over the index, for maintainers. Each condition resolves to an Operand (a union of
   * postings, maybe complemented). Two strategies:
   *  - candidate iteration, when the most selective positive operand is a few sparse postings
   *    (a site, a serial, a rare value): visit those ordinals and test the other operands on each;
   *  - one word loop per operand otherwise (positives first, smallest first): the first writes
   *    its union into the accumulator, each next one ANDs itself in (Operand.applyTo, Words).
   *    Each is a branch-free counted loop over long[] that C2 vectorizes; a fused loop testing
   *    every operand per word, which this replaced, cost 5-10x more. At most one scratch array,
   *    for an operand that is neither one dense posting nor two.
   * The result goes straight into `out` when it is still empty and nothing is skipped (the first
   * term of a placement without exclusions or scope), else into a term-local array ORed into `out`
   * less `skip`, or filtered by CEL first.
   */
  private final Condition[] conditions;
  private final CompiledExpression[] expressions;

  /** What the expressions read, together: the CEL activation holds just that. */
  private final Dependencies reads;

  /**
   * The first expression's guards, which may drop clusters before CEL runs: a cluster violating one
   * makes the first expression false without error, so the AND stops there. A later expression's
   * guards may not: on a cluster they drop, an earlier expression may still fail, and per-cluster
   * evaluation reports that error.
   */
  private final KeyGuard[] guards;

  /**
   * The other expressions' guards, used only where no expression can fail ({@link
   * #decideByGuards}).
   */
  private final KeyGuard[] laterGuards;

  /** The first guards, then the later ones. */
  private final KeyGuard[] allGuards;

  /**
   * Every expression is a conjunction of key tests, so on a cluster that has every key whose value
   * is read, the guards alone give CEL's answer; CEL runs only where such a key is absent, to
   * report its "no such key" error exactly as per-cluster evaluation does.
   */
  private final boolean decidedByGuards;

  /** A key an expression reads: a label or a property. */
  record Input(boolean label, String key) {
    /** The inputs of {@code reads}, or null when it reads anything but labels and properties. */
    static Input[] of(Dependencies reads) {
      if (reads.readsName() || reads.dynamic() || !reads.annotationKeys().isEmpty()) {
        return null;
      }
      List<Input> out = new ArrayList<>();
      reads.labelKeys().stream().sorted().forEach(k -> out.add(new Input(true, k)));
      reads.propertyNames().stream().sorted().forEach(k -> out.add(new Input(false, k)));
      return out.toArray(new Input[0]);
    }
  }

  /**
   * The keys the expressions read, when they read nothing else (no name, no annotation, no map as a
   * whole): the expressions' outcome on a cluster is then a function of these keys' values, so over
   * the index they run once per combination of values present. Null otherwise.
   */
  private final Input[] inputs;

  /**
   * The first expression as a test the name dictionary answers, or null. It never fails, so it may
   * narrow the candidates before any other expression runs.
   */
  private final NameTest nameTest;

  private CompiledTerm(Condition[] conditions, CompiledExpression[] expressions) {
    this.conditions = conditions;
    this.expressions = expressions;
    this.reads =
        Dependencies.union(
            Arrays.stream(expressions).map(CompiledExpression::dependencies).toList());
    this.guards =
        expressions.length == 0 ? new KeyGuard[0] : KeyGuard.of(Arrays.copyOf(expressions, 1));
    this.laterGuards =
        expressions.length < 2
            ? new KeyGuard[0]
            : KeyGuard.of(Arrays.copyOfRange(expressions, 1, expressions.length));
    this.allGuards = Arrays.copyOf(guards, guards.length + laterGuards.length);
    System.arraycopy(laterGuards, 0, allGuards, guards.length, laterGuards.length);
    this.decidedByGuards =
        expressions.length > 0
            && Arrays.stream(expressions).noneMatch(e -> e.keyConstraints().isEmpty());
    this.inputs = expressions.length == 0 ? null : Input.of(reads);
    this.nameTest = expressions.length == 0 ? null : NameTest.of(expressions[0].source());
  }

  /** Compiles {@code term}; CEL problems are reported under {@code path}. */
  static CompiledTerm compile(ClusterSelectorTerm term, String path, ExpressionEnvironment cel) {
    List<Condition> conditions = new ArrayList<>();
    for (Requirement requirement : term.labelSelector().requirements()) {
      conditions.add(Condition.Label.of(requirement));
    }
    for (PropertyRequirement requirement : term.propertyRequirements()) {
      conditions.add(new Condition.Property(requirement));
    }
    CompiledExpression[] expressions = new CompiledExpression[term.celExpressions().size()];
    List<dev.flotilla.api.Problem> problems = new ArrayList<>();
    for (int i = 0; i < expressions.length; i++) {
      String at = path + ".celSelector.expressions[" + i + "]";
      try {
        expressions[i] = cel.compileBoolean(term.celExpressions().get(i), at);
      } catch (dev.flotilla.api.ValidationException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new dev.flotilla.api.ValidationException(problems);
    }
    return new CompiledTerm(conditions.toArray(new Condition[0]), expressions);
  }

  Condition[] conditions() {
    return conditions;
  }

  boolean hasExpressions() {
    return expressions.length > 0;
  }

  CompiledExpression[] expressions() {
    return expressions;
  }

  /** The CEL activation for one cluster, holding only what the expressions read. */
  Map<String, Object> celVariables(ClusterFacts cluster) {
    return ClusterProjection.of(cluster.name(), cluster, reads);
  }

  /** Whether one cluster satisfies the term; a CEL error counts as "no" and is reported. */
  boolean test(ClusterFacts cluster, ErrorSink errors) {
    for (Condition condition : conditions) {
      if (!condition.test(cluster)) {
        return false;
      }
    }
    return expressions.length == 0 || testExpressions(cluster, errors);
  }

  private boolean testExpressions(ClusterFacts cluster, ErrorSink errors) {
    Outcome outcome = outcome(celVariables(cluster), errors);
    if (outcome.failed != null) {
      errors.report(cluster.name(), outcome.failed, outcome.message);
    }
    return outcome.matched;
  }

  /** The expressions ANDed on one activation, stopping at the first false or failing one. */
  private Outcome outcome(Map<String, Object> variables, ErrorSink errors) {
    for (CompiledExpression expression : expressions) {
      try {
        if (!expression.test(variables, errors.budget())) {
          return Outcome.FALSE;
        }
      } catch (ExpressionEvaluationException e) {
        if (e.kind() == ExpressionEvaluationException.Kind.POLICY_BUDGET) {
          throw e; // the whole selection stops: no cluster's answer is trustworthy any more
        }
        return new Outcome(false, expression, e.getMessage());
      }
    }
    return Outcome.TRUE;
  }

  /** The expressions' result on one activation: matched, or failed with a message, or neither. */
  record Outcome(boolean matched, CompiledExpression failed, String message) {
    static final Outcome TRUE = new Outcome(true, null, null);
    static final Outcome FALSE = new Outcome(false, null, null);
  }

  /**
   * ORs the clusters of {@code inventory} satisfying the term, less those of {@code skip}, into
   * {@code out}. CEL runs only on candidates not already in {@code out} nor in {@code skip}
   * (excluded or out of scope), so its errors are counted exactly as the per-cluster path counts
   * them.
   *
   * @param fresh whether {@code out} is still all zero, so that the term may write it directly
   * @param skip the clusters never to add, or null for none
   */
  void evaluate(Inventory inventory, long[] out, boolean fresh, long[] skip, ErrorSink errors) {
    // Where every cluster has every key the expressions read, no expression can fail and the
    // guards alone are CEL's answer: the term is then index operands only.
    boolean indexAlone =
        expressions.length == 0
            || (decidedByGuards && nameTest == null && everyKeyReadIsPresent(inventory));
    Operand[] operands = resolve(inventory, indexAlone && expressions.length > 0);
    if (operands == null) {
      return; // an operand no cluster satisfies
    }
    boolean direct = fresh && skip == null && indexAlone;
    long[] target = direct ? out : new long[out.length];
    intersect(inventory, operands, target);
    if (indexAlone) {
      if (!direct) {
        Words.orAndNot(out, target, skip);
      }
      return;
    }
    if (nameTest != null) {
      long[] named = nameTest.resolve(inventory);
      if (nameTest.exact() && expressions.length == 1) {
        Words.and(target, named);
        Words.orAndNot(out, target, skip);
        return;
      }
      Words.and(target, named);
    }
    if (decidedByGuards) {
      decideByGuards(inventory, target, out, skip, errors);
    } else if (!Combinations.filter(this, inventory, target, out, skip, errors)) {
      filterWithExpressions(inventory, target, out, skip, errors);
    }
  }

  /**
   * The conditions and first guards (and the later ones, when asked) resolved against {@code
   * inventory}, positives before negatives and smaller first (the accumulator then shrinks
   * fastest); null when one of them is empty.
   */
  private Operand[] resolve(Inventory inventory, boolean withLaterGuards) {
    int first = conditions.length + guards.length;
    Operand[] operands = new Operand[first + (withLaterGuards ? laterGuards.length : 0)];
    for (int i = 0; i < operands.length; i++) {
      operands[i] =
          i < conditions.length
              ? conditions[i].resolve(inventory)
              : i < first
                  ? guards[i - conditions.length].resolve(inventory)
                  : laterGuards[i - first].resolve(inventory);
      if (operands[i].isEmpty()) {
        return null;
      }
    }
    // Insertion sort: a term has a handful of operands, and this runs on every selection.
    for (int i = 1; i < operands.length; i++) {
      Operand o = operands[i];
      int j = i - 1;
      while (j >= 0 && before(o, operands[j])) {
        operands[j + 1] = operands[j];
        j--;
      }
      operands[j + 1] = o;
    }
    return operands;
  }

  private static boolean before(Operand a, Operand b) {
    return a.negated != b.negated ? !a.negated : a.estimate < b.estimate;
  }

  /**
   * Writes the live clusters satisfying every operand into {@code target}, which is all zero on
   * entry: by candidate iteration when the first operand is a few sparse postings, else one word
   * loop per operand.
   */
  private static void intersect(Inventory inventory, Operand[] operands, long[] target) {
    int words = target.length;
    if (operands.length > 0 && operands[0].isSparseDriver(inventory.capacity())) {
      iterateCandidates(inventory, operands, target);
      return;
    }
    long[] live = dense(inventory.live(), words);
    if (operands.length == 0) {
      Words.copy(target, live);
      return;
    }
    long[] scratch = null;
    for (int i = 0; i < operands.length; i++) {
      if (scratch == null && operands[i].needsScratch(i == 0)) {
        scratch = new long[words];
      }
      operands[i].applyTo(target, i == 0, live, scratch);
    }
  }

  Input[] inputs() {
    return inputs;
  }

  /**
   * The expressions' outcome on the activation of {@code facts}; an error is returned, not
   * reported.
   */
  Outcome outcome(ClusterFacts facts, ErrorSink errors) {
    return outcome(celVariables(facts), errors);
  }

  private static void iterateCandidates(Inventory inventory, Operand[] operands, long[] target) {
    Posting live = inventory.live();
    for (Posting posting : operands[0].include) {
      for (int ordinal : ((Posting.Sparse) posting).ordinals) {
        if (!live.contains(ordinal)) {
          continue;
        }
        boolean all = true;
        for (int i = 1; i < operands.length && all; i++) {
          all = operands[i].contains(ordinal);
        }
        if (all) {
          target[ordinal >>> 6] |= 1L << ordinal;
        }
      }
    }
  }

  private static long[] dense(Posting posting, int words) {
    if (posting instanceof Posting.Dense dense) {
      return dense.words.length >= words ? dense.words : Arrays.copyOf(dense.words, words);
    }
    long[] out = new long[words];
    posting.orInto(out);
    return out;
  }

  private void filterWithExpressions(
      Inventory inventory, long[] candidates, long[] out, long[] skip, ErrorSink errors) {
    for (int w = 0; w < candidates.length; w++) {
      long word = candidates[w];
      while (word != 0) {
        int ordinal = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (((out[w] | Words.at(skip, w)) & (1L << ordinal)) == 0
            && testExpressions(ClusterFacts.of(inventory, ordinal), errors)) {
          out[w] |= 1L << ordinal;
        }
      }
    }
  }

  private void decideByGuards(
      Inventory inventory, long[] candidates, long[] out, long[] skip, ErrorSink errors) {
    int words = candidates.length;
    long[] sure = withEveryKeyRead(inventory, words);
    // Where every key read is present no expression fails: the later guards decide the rest.
    long[] later = null;
    if (laterGuards.length > 0) {
      Operand[] operands = new Operand[laterGuards.length];
      for (int i = 0; i < operands.length; i++) {
        operands[i] = laterGuards[i].resolve(inventory);
      }
      later = new long[words];
      intersect(inventory, operands, later);
    }
    for (int w = 0; w < words; w++) {
      long open = candidates[w] & ~(out[w] | Words.at(skip, w));
      long withKeys = sure == null ? open : open & sure[w];
      out[w] |= later == null ? withKeys : withKeys & later[w];
      long word = open & ~withKeys;
      while (word != 0) {
        int ordinal = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (testExpressions(ClusterFacts.of(inventory, ordinal), errors)) {
          out[w] |= 1L << ordinal;
        }
      }
    }
  }

  /** True when every live cluster has every key whose value the expressions read. */
  private boolean everyKeyReadIsPresent(Inventory inventory) {
    for (KeyGuard guard : allGuards) {
      if (guard.readsValue()) {
        Posting present = guard.present(inventory);
        if (present == null || present.count() != inventory.size()) {
          return false; // postings hold live slots only: equal counts mean every live cluster
        }
      }
    }
    return true;
  }

  /**
   * The clusters having every key whose value the expressions read (a word-wise AND of those keys'
   * postings), or null when that is every live cluster.
   */
  private long[] withEveryKeyRead(Inventory inventory, int words) {
    long[] sure = null;
    for (KeyGuard guard : allGuards) {
      if (!guard.readsValue()) {
        continue;
      }
      Posting present = guard.present(inventory);
      if (present == null) {
        return new long[words]; // no cluster has the key: CEL decides (and fails) everywhere
      }
      if (present.count() == inventory.size()) {
        continue;
      }
      long[] bits = dense(present, words);
      if (sure == null) {
        sure = Arrays.copyOf(bits, words);
      } else {
        Words.and(sure, bits);
      }
    }
    return sure;
  }

  /** Where CEL runtime errors go: counted, with a few examples kept. */
  interface ErrorSink {
    void report(String cluster, CompiledExpression expression, String message);

    /** The budget of the selection in progress, or null for none (one-cluster tests). */
    default PolicyBudget.Run budget() {
      return null;
    }
  }
}
