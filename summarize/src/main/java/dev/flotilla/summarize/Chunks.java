package dev.flotilla.summarize;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Computes {@code chunk(0) .. chunk(n - 1)} on an executor and the calling thread, and returns the
 * results in chunk order whoever computed them.
 */
final class Chunks {
  /*
   * For maintainers. Work sharing rather than one future per chunk: the caller and up to n - 1
   * helper tasks take chunk numbers from one counter until none is left. The caller waits only for
   * chunks a helper has taken, and a helper takes a chunk only once it runs, so a helper that never
   * starts (a saturated executor, or the caller's own single thread) costs nothing but time: the
   * caller computes its share. Results land in an array by chunk number, so the merge order never
   * depends on scheduling.
   */
  private Chunks() {}

  static <T> List<T> run(int n, IntFunction<T> chunk, Executor executor) {
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int c = next.getAndIncrement(); c < n; c = next.getAndIncrement()) {
            try {
              results[c] = chunk.apply(c);
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              done.countDown();
            }
          }
        };
    try {
      for (int helper = 1; helper < n && next.get() < n; helper++) {
        executor.execute(worker);
      }
    } catch (RejectedExecutionException e) {
      // A shut-down or saturated executor: the caller computes what no helper took.
    }
    worker.run();
    awaitUninterruptibly(done);
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
