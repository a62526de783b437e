package dev.flotilla.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times the demo's steps and shows a progress bar for the long ones. The times are printed last, in
 * a table of their own, so everything above them is the same for the same seed.
 */
final class DemoSteps {
  private record Timing(String name, long nanos) {}

  private final Progress progress;
  private final List<Timing> timings = new ArrayList<>();

  DemoSteps(Progress progress) {
    this.progress = progress;
  }

  /** Runs one step whose progress is unknown (a single call into an engine). */
  <T> T run(String name, Supplier<T> body) {
    return run(name, 0, step -> body.get());
  }

  /** Runs one step of {@code total} units; the body reports its progress on the step. */
  <T> T run(String name, long total, Function<Progress.Step, T> body) {
    long start = System.nanoTime();
    try (Progress.Step step = progress.start(name, total)) {
      return body.apply(step);
    } finally {
      timings.add(new Timing(name, System.nanoTime() - start));
    }
  }

  /** Prints every step's time and the total. */
  void print(PrintWriter out) {
    out.printf("%nTime per step%n");
    long total = 0;
    for (Timing timing : timings) {
      out.printf("  %-40s %12s%n", timing.name(), millis(timing.nanos()));
      total += timing.nanos();
    }
    out.printf("  %-40s %12s%n", "total", millis(total));
  }

  private static String millis(long nanos) {
    return String.format("%,.1f ms", nanos / 1e6);
  }
}
