package dev.flotilla.examples.operator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A controller's work queue: keys ({@code namespace/name}) to reconcile, de-duplicated while they
 * wait, handled one at a time on one thread. A reconcile that throws is retried with exponential
 * back-off (up to five minutes), so a failure never becomes a hot loop; a success resets the key's
 * back-off.
 */
final class WorkQueue implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkQueue.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofMinutes(5);

  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "flotilla-operator-worker");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private final Map<String, Duration> backoff = new ConcurrentHashMap<>();
  private final Consumer<String> reconcile;
  private volatile boolean closed;

  WorkQueue(Consumer<String> reconcile) {
    this.reconcile = reconcile;
  }

  /** Reconciles {@code key} soon (once, however often it is added before it runs). */
  void add(String key) {
    addAfter(key, Duration.ZERO);
  }

  /** Reconciles {@code key} after {@code delay}. */
  void addAfter(String key, Duration delay) {
    if (!delay.isZero()) {
      schedule(() -> add(key), delay);
      return;
    }
    if (waiting.add(key)) {
      schedule(() -> run(key), Duration.ZERO);
    }
  }

  private void run(String key) {
    waiting.remove(key);
    try {
      reconcile.accept(key);
      backoff.remove(key);
    } catch (RuntimeException e) {
      if (closed) {
        return; // interrupted by close(): not a failure
      }
      Duration next = backoff.merge(key, FIRST_RETRY, (was, first) -> min(was.multipliedBy(2)));
      LOG.log(System.Logger.Level.WARNING, "reconciling " + key + " failed; retry in " + next, e);
      addAfter(key, next);
    }
  }

  private static Duration min(Duration duration) {
    return duration.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : duration;
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed: nothing more to do
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
  }
}
