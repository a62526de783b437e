package dev.flotilla.summarize;

import dev.flotilla.api.summary.StatusReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A summary kept up to date one report at a time: {@link #put} adds or replaces a cluster's report,
 * {@link #remove} takes it back, each in O(log n) besides evaluating the report's expressions once.
 * After any sequence of changes, {@link #snapshot()} equals {@link CompiledSummary#summarize} of
 * the reports held (exactly; quantiles within the sketch's bound). Staleness is judged against the
 * context's clock when a report is put.
 *
 * <p>Not thread-safe: it keeps plain mutable maps and no lock, so every call ({@link #put}, {@link
 * #remove}, {@link #size}, {@link #snapshot}, {@link #result}) must come from one thread at a time,
 * or under a lock of the caller's, readers included. The snapshots and results it hands out are
 * immutable and may be shared with any thread.
 */
public final class LiveSummary {
  private final CompiledSummary compiled;
  private final SummaryContext context;
  private final SummaryState state;
  private final Map<String, Row> rows = new HashMap<>();

  LiveSummary(CompiledSummary compiled, SummaryContext context) {
    this.compiled = compiled;
    this.context = Objects.requireNonNull(context, "context");
    this.state = new SummaryState(compiled.layout(), context.expected());
  }

  /** Adds the report of a cluster, replacing the one it sent before, if any. */
  public void put(StatusReport report) {
    Row row =
        compiled.evaluate(
            Objects.requireNonNull(report, "report"), context, compiled.startBudget(1));
    Row previous = rows.put(report.cluster(), row);
    if (previous != null) {
      state.remove(previous);
    }
    state.add(row);
  }

  /** Removes the report of {@code cluster}; returns false when it had none. */
  public boolean remove(String cluster) {
    Row previous = rows.remove(Objects.requireNonNull(cluster, "cluster"));
    if (previous == null) {
      return false;
    }
    state.remove(previous);
    return true;
  }

  /** How many clusters' reports it holds. */
  public int size() {
    return rows.size();
  }

  /** The current state as an immutable, mergeable partial: O(groups + aggregate state). */
  public Summary snapshot() {
    return state.snapshot();
  }

  /** The current state as a finished, size-bounded result. */
  public SummaryResult result() {
    return snapshot().result();
  }
}
