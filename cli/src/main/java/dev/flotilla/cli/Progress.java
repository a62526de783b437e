package dev.flotilla.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for the demo's long steps. It appears only on a terminal
 * ({@code System.console()} present and no {@code CI} variable), and only once a step has run for a
 * second, so quick steps, tests and pipes never see it. A step with a known size shows a filled bar
 * and a percentage; one without (a single call into an engine) shows a moving block and the elapsed
 * time. The line is erased when the step ends, so the tables printed on stdout stay clean.
 */
final class Progress implements AutoCloseable {
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final ScheduledExecutorService ticker;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.ticker =
        enabled
            ? Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "flotilla-progress");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /** A progress bar on {@code err} when the process runs on a terminal outside CI; else silent. */
  static Progress onTerminal(PrintWriter err) {
    return new Progress(err, System.console() != null && System.getenv("CI") == null);
  }

  /** A progress bar that never draws. */
  static Progress silent() {
    return new Progress(null, false);
  }

  /** Starts a step of {@code total} units ({@code 0}: unknown). */
  Step start(String name, long total) {
    return new Step(name, total);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }

  /** One running step; {@link #advance} is cheap enough for a per-cluster loop. */
  final class Step implements AutoCloseable {
    private final String name;
    private final long total;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final ScheduledFuture<?> tick;
    private boolean drawn;
    private boolean closed;

    private Step(String name, long total) {
      this.name = name;
      this.total = total;
      this.tick =
          ticker == null
              ? null
              : ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Records {@code units} more done. */
    void advance(long units) {
      done.addAndGet(units);
    }

    private synchronized void draw() {
      long elapsed = System.nanoTime() - started;
      if (closed || elapsed < SHOW_AFTER_NANOS) {
        return;
      }
      StringBuilder bar = new StringBuilder("\r[");
      if (total > 0) {
        long filled = Math.min(WIDTH, done.get() * WIDTH / total);
        bar.append("#".repeat((int) filled)).append(" ".repeat(WIDTH - (int) filled));
        bar.append(String.format("] %3d%% ", Math.min(100, done.get() * 100 / total)));
      } else {
        int at = (int) (((elapsed - SHOW_AFTER_NANOS) / 200_000_000L) % (WIDTH - 3));
        bar.append(" ".repeat(at)).append("###").append(" ".repeat(WIDTH - 3 - at)).append("] ");
      }
      bar.append(String.format("%-28s %5.1f s", name, elapsed / 1e9));
      err.print(bar);
      err.flush();
      drawn = true;
    }

    /** Ends the step and erases the bar if one was drawn. */
    @Override
    public void close() {
      if (tick == null) {
        return;
      }
      tick.cancel(false);
      synchronized (this) {
        closed = true;
        if (drawn) {
          err.print("\r" + " ".repeat(WIDTH + 48) + "\r");
          err.flush();
        }
      }
    }
  }
}
