package dev.flotilla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times the demo's steps and shows a progress bar for the long ones. The times are printed last, in
 * a table of their own, so everything above them is the same for the same seed.
 *
 * <p>With the system property {@code flotilla.demo.profile=true}, each step also shows the CPU time
 * and the bytes allocated by the thread that ran it, and the collections and their accumulated time
 * (all threads) during the step: the figures that say where a cold run's time goes. The management
 * beans are only touched then, so a plain run loads none of their classes.
 */
final class DemoSteps {
  private record Timing(String name, long nanos, Meter.Reading reading) {}

  private final Progress progress;
  private final Meter meter;
  private final List<Timing> timings = new ArrayList<>();
  private final List<Background> background = new ArrayList<>();

  DemoSteps(Progress progress) {
    this.progress = progress;
    this.meter = Boolean.getBoolean("flotilla.demo.profile") ? new Meter() : null;
  }

  /** Runs one step whose progress is unknown (a single call into an engine). */
  <T> T run(String name, Supplier<T> body) {
    return run(name, 0, step -> body.get());
  }

  /** Runs one step of {@code total} units; the body reports its progress on the step. */
  <T> T run(String name, long total, Function<Progress.Step, T> body) {
    Meter.Reading before = meter == null ? null : meter.read();
    long start = System.nanoTime();
    try (Progress.Step step = progress.start(name, total)) {
      return body.apply(step);
    } finally {
      long nanos = System.nanoTime() - start;
      timings.add(new Timing(name, nanos, meter == null ? null : meter.read().minus(before)));
    }
  }

  /**
   * Starts a step on a daemon thread of its own, for work a later step needs (building the CEL
   * environments while the fleet is generated). Its time is printed first, marked {@code
   * (background)}, and left out of the total, which it overlaps. A failure is ignored: the step
   * that needs the work does it again and reports what goes wrong.
   */
  void background(String name, Runnable body) {
    Background step = new Background(name);
    Thread thread =
        new Thread(
            () -> {
              Meter.Reading before = meter == null ? null : meter.read();
              long start = System.nanoTime();
              try {
                body.run();
              } catch (RuntimeException | Error e) {
                // see above: the foreground step repeats the work
              } finally {
                step.timing =
                    new Timing(
                        name + " (background)",
                        System.nanoTime() - start,
                        meter == null ? null : meter.read().minus(before));
              }
            },
            "flotilla-" + name.replace(' ', '-'));
    thread.setDaemon(true);
    step.thread = thread;
    background.add(step);
    thread.start();
  }

  /** A background step: its thread, and its timing once done. */
  private static final class Background {
    final String name;
    Thread thread;
    volatile Timing timing;

    Background(String name) {
      this.name = name;
    }
  }

  /** Prints every step's time and the total. */
  void print(PrintWriter out) {
    out.printf("%nTime per step%n");
    for (Background step : background) {
      try {
        step.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Timing timing = step.timing;
      if (timing != null) {
        out.printf("  %-40s %12s", timing.name(), millis(timing.nanos()));
        if (timing.reading() != null) {
          out.print(timing.reading().columns());
        }
        out.println();
      }
    }
    long total = 0;
    Meter.Reading sum = new Meter.Reading(0, 0, 0, 0);
    for (Timing timing : timings) {
      out.printf("  %-40s %12s", timing.name(), millis(timing.nanos()));
      if (timing.reading() != null) {
        out.print(timing.reading().columns());
        sum = sum.plus(timing.reading());
      }
      out.println();
      total += timing.nanos();
    }
    out.printf("  %-40s %12s", "total", millis(total));
    if (meter != null) {
      out.print(sum.columns());
    }
    out.println();
    if (meter != null) {
      out.printf(
          "  (profile: CPU and allocation of the step's thread; collections of the whole JVM)%n");
      Meter.printThreads(out);
    }
  }

  private static String millis(long nanos) {
    return String.format("%,.1f ms", nanos / 1e6);
  }

  /** The thread's CPU time and allocation, and the JVM's collections, for the profile columns. */
  private static final class Meter {
    record Reading(long cpuNanos, long allocated, long collections, long collectionMillis) {
      Reading minus(Reading o) {
        return new Reading(
            cpuNanos - o.cpuNanos,
            allocated - o.allocated,
            collections - o.collections,
            collectionMillis - o.collectionMillis);
      }

      Reading plus(Reading o) {
        return new Reading(
            cpuNanos + o.cpuNanos,
            allocated + o.allocated,
            collections + o.collections,
            collectionMillis + o.collectionMillis);
      }

      String columns() {
        return String.format(
            "  cpu %10s  alloc %,8.1f MB  gc %3d (%,.0f ms)",
            millis(cpuNanos), allocated / 1e6, collections, (double) collectionMillis);
      }
    }

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors =
        ManagementFactory.getGarbageCollectorMXBeans();

    /**
     * The CPU time of every thread of the process so far, by kind (compiler, collector, the demo's
     * own, other), from {@code /proc/self/task} where there is one: the JVM's own threads are
     * invisible to the management beans, and on a cold start they use most of the CPU.
     */
    static void printThreads(PrintWriter out) {
      Path tasks = Path.of("/proc/self/task");
      if (!Files.isDirectory(tasks)) {
        return;
      }
      long ticksPerSecond = 100; // USER_HZ on Linux
      Map<String, Long> byKind = new TreeMap<>();
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
        for (Path task : dir) {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          byKind.merge(kind(name), ticks, Long::sum);
        }
      } catch (IOException | RuntimeException e) {
        return;
      }
      out.printf("  CPU by thread kind:");
      byKind.forEach(
          (kind, ticks) ->
              out.printf(" %s %s;", kind, millis(ticks * 1_000_000_000L / ticksPerSecond)));
      out.println();
    }

    private static String kind(String thread) {
      if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
        return "JIT";
      }
      if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
        return "GC";
      }
      if (thread.equals("java") || thread.equals("main") || thread.startsWith("flotilla")) {
        return "demo";
      }
      return "other";
    }

    Reading read() {
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean gc : collectors) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      return new Reading(
          threads.getCurrentThreadCpuTime(),
          threads.getCurrentThreadAllocatedBytes(),
          count,
          millis);
    }
  }
}
