package dev.flotilla.benchmarks;

import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.benchmarks.state.CompileState;
import dev.flotilla.customize.RuleSet;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.summarize.CompiledSummary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compiling 10,000 policies of each kind with the public API ({@link CompileState} says what they
 * hold and how many of their CEL expressions are distinct): {@code compile10k} (placements), {@code
 * customize10k} (one rule set of 10,000 customizations), {@code summarize10k} (10,000 status
 * summaries). Each has a baseline in the same run: the {@code ...Uninterned} twin runs in a fork
 * with {@code -Dflotilla.cel.internedExpressions=0}, so every expression is parsed, checked and
 * planned again, as every compile did before expressions were interned. {@code
 * PlacementCompileBenchmarkStateTest} checks that what is compiled here selects what a fresh
 * compile selects. Times are per call (10,000 policies).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PlacementCompileBenchmark {
  private static final String UNINTERNED = "-Dflotilla.cel.internedExpressions=0";

  /** 10,000 placements, a third with CEL. */
  @Benchmark
  public void compile10k(CompileState state, Blackhole out) {
    compilePlacements(state, out);
  }

  /** {@code compile10k} with interning off: the baseline. */
  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xms1g", "-Xmx1g", UNINTERNED})
  public void compile10kUninterned(CompileState state, Blackhole out) {
    compilePlacements(state, out);
  }

  /** 10,000 customizations, a third with a template, in one rule set. */
  @Benchmark
  public RuleSet customize10k(CompileState state) {
    return RuleSet.compile(state.customizations);
  }

  /** {@code customize10k} with interning off: the baseline. */
  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xms1g", "-Xmx1g", UNINTERNED})
  public RuleSet customize10kUninterned(CompileState state) {
    return RuleSet.compile(state.customizations);
  }

  /** 10,000 status summaries, three expressions each. */
  @Benchmark
  public void summarize10k(CompileState state, Blackhole out) {
    compileSummaries(state, out);
  }

  /** {@code summarize10k} with interning off: the baseline. */
  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend = {"-Xms1g", "-Xmx1g", UNINTERNED})
  public void summarize10kUninterned(CompileState state, Blackhole out) {
    compileSummaries(state, out);
  }

  static void compilePlacements(CompileState state, Blackhole out) {
    for (Placement placement : state.placements) {
      out.consume(CompiledPlacement.compile(placement));
    }
  }

  static void compileSummaries(CompileState state, Blackhole out) {
    for (StatusSummary summary : state.summaries) {
      out.consume(CompiledSummary.compile(summary));
    }
  }
}
