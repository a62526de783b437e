package dev.flotilla.benchmarks;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.benchmarks.state.FleetState;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.ExpressionLimits;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.Selection;
import dev.flotilla.testkit.FleetGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hostile expressions of issue 11, as placements over 1 and 100,000 clusters: for each, how it
 * ends, the wall time and the peak heap. Also the wall-clock guard's overrun: evaluations stopped
 * by a time limit, and how far past the limit they ran.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.flotilla.benchmarks.HostileExpressions
 * </pre>
 *
 * Not a JMH benchmark: each case is a single run whose outcome (a typed error, promptly, within the
 * heap) is the point, not its speed.
 */
public final class HostileExpressions {
  private HostileExpressions() {}

  private static final String NESTED_PARENS = "(".repeat(8000) + "a" + ")".repeat(8000);

  private static final Map<String, String> CASES = new java.util.LinkedHashMap<>();

  static {
    CASES.put(
        "replace bomb",
        "cel.bind(x, lists.range(1000).map(i, 'a').join(''),"
            + " cel.bind(s, x.replace('a', x), s.replace('a', s))).size() > 0");
    CASES.put(
        "8,000 nested groups from an annotation",
        "has(cluster.annotations.p) && cluster.name.matches(cluster.annotations.p)");
    CASES.put("nested repetition literal", "cluster.name.matches('((a{1000}){1000}){1000}')");
    CASES.put(
        "5 nested .all over 10 elements",
        "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c,"
            + " [0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, a + b + c + d + e >="
            + " 0)))))");
    CASES.put(
        "2,200 concatenated templates (as CEL)",
        "lists.range(2200).map(i, cluster.name + cluster.name).join('').size() > 0");
  }

  public static void main(String[] args) {
    for (int clusters : new int[] {1, 100_000}) {
      Inventory fleet = fleet(clusters);
      System.out.printf("%n== %,d clusters%n", clusters);
      for (Map.Entry<String, String> c : CASES.entrySet()) {
        measure(c.getKey(), () -> outcome(c.getValue(), fleet));
      }
    }
    System.out.printf("%n== wall-clock guard (limit 1 s, no cost limit)%n");
    ExpressionEnvironment timed =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .limits(
                new ExpressionLimits(
                    10_000,
                    100,
                    10_000,
                    Integer.MAX_VALUE,
                    1_000,
                    Long.MAX_VALUE,
                    Duration.ofSeconds(1)))
            .build();
    Map<String, Object> vars =
        dev.flotilla.expr.ClusterVariables.of(
            new Cluster("c1", Map.of(), Map.of("big", "a".repeat(100_000)), Map.of(), List.of()));
    for (String slow :
        List.of(
            "lists.range(100000).all(i, lists.range(100000).all(j, i + j >= 0))",
            "lists.range(1000000).all(i, !cluster.annotations.big.matches('a+b'))",
            "lists.range(1000000).all(i, cluster.annotations.big.replace('a', 'bb').size() > 0)",
            "lists.range(1000000).all(i, cluster.annotations.big.split('').size() > 0)")) {
      var compiled = timed.compileBoolean(slow, "x");
      long start = System.nanoTime();
      String end;
      try {
        end = "completed (" + compiled.test(vars) + ")";
      } catch (ExpressionEvaluationException e) {
        end = e.kind().toString();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "  %-90s %s after %.3f s (overrun %.1f%%)%n", slow, end, seconds, (seconds - 1) * 100);
    }
  }

  private static Inventory fleet(int clusters) {
    List<Cluster> generated =
        new ArrayList<>(
            FleetGenerator.builder().seed(FleetState.SEED).clusters(clusters).build().generate());
    Cluster first = generated.get(0);
    Map<String, String> annotations = new HashMap<>(first.annotations());
    annotations.put("p", NESTED_PARENS);
    generated.set(
        0,
        new Cluster(first.name(), first.labels(), annotations, first.properties(), first.taints()));
    return Inventory.of(generated);
  }

  private static String outcome(String expression, Inventory fleet) {
    try {
      CompiledPlacement placement =
          CompiledPlacement.compile(
              Placement.of(
                  "hostile",
                  PlacementSpec.selecting(
                      new ClusterSelectorTerm(
                          LabelSelector.everything(), List.of(), List.of(expression)))));
      Selection selection = placement.select(fleet);
      return "selected "
          + selection.clusters().size()
          + ", "
          + selection.errorCount()
          + " cluster errors"
          + (selection.errors().isEmpty() ? "" : " (" + selection.errors().get(0).message() + ")");
    } catch (ValidationException e) {
      return "rejected at compile: " + e.getMessage();
    } catch (ExpressionEvaluationException e) {
      return "stopped: " + e.getMessage();
    }
  }

  private static void measure(String name, Supplier<String> run) {
    System.gc();
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        heap.add(pool);
      }
    }
    long start = System.nanoTime();
    String outcome = run.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : heap) {
      peak += pool.getPeakUsage().getUsed();
    }
    String shown = outcome.length() > 160 ? outcome.substring(0, 160) + "..." : outcome;
    System.out.printf("  %-40s %7.3f s  peak heap %,6d MB  %s%n", name, seconds, peak >> 20, shown);
  }
}
