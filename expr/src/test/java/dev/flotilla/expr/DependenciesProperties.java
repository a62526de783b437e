package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The dependency analysis is conservative: changing any input outside the reported dependencies
 * never changes an expression's outcome (its value, or the kind of error it raises).
 *
 * <p>Expressions, clusters and changes are all decoded from one list of integers (a "tape"), so
 * QuickTheories shrinks a failure to a short expression and a small change.
 */
class DependenciesProperties {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();
  private static final String[] MAPS = {"labels", "annotations", "properties"};
  private static final String[] KEYS = {"a", "b", "c"};
  private static final String[] VALUES = {"v1", "v2"};

  @Test
  void changesOutsideTheDependenciesNeverChangeTheOutcome() {
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger dependent = new AtomicInteger();
    qt().withFixedSeed(20_241_122L)
        .withExamples(2_000)
        .forAll(lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 80))
        .checkAssert(
            ints -> {
              Tape tape = new Tape(ints);
              String expression = expression(tape, 3);
              Cluster before = cluster(tape);
              CompiledExpression compiled = ENV.compile(expression, "spec.x");
              Dependencies deps = compiled.dependencies();
              Cluster after = mutate(tape, before, deps);
              if (after.equals(before)) {
                return;
              }
              applied.incrementAndGet();
              assertFalse(
                  deps.affectedBy(before, after),
                  () -> "affectedBy disagrees with the mutation for " + expression);
              assertEquals(
                  outcome(compiled, before),
                  outcome(compiled, after),
                  () ->
                      expression + "\n deps " + deps + "\n before " + before + "\n after " + after);
            });
    // The property must have been exercised, with and without dependencies.
    assertTrue(applied.get() > 500, "mutations applied: " + applied.get());
    qt().withFixedSeed(7L)
        .withExamples(500)
        .forAll(lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 80))
        .checkAssert(
            ints -> {
              Dependencies deps = ENV.compile(expression(new Tape(ints), 3), "x").dependencies();
              if (!deps.dynamic() && !deps.equals(Dependencies.none())) {
                dependent.incrementAndGet();
              }
            });
    assertTrue(dependent.get() > 50, "precise (non-dynamic) analyses: " + dependent.get());
  }

  @Test
  void changesInsideTheDependenciesAreReportedByAffectedBy() {
    qt().withFixedSeed(99L)
        .withExamples(1_000)
        .forAll(lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 80))
        .checkAssert(
            ints -> {
              Tape tape = new Tape(ints);
              CompiledExpression compiled = ENV.compile(expression(tape, 3), "spec.x");
              Cluster before = cluster(tape);
              Cluster after = cluster(tape);
              if (!Objects.equals(outcome(compiled, before), outcome(compiled, after))) {
                assertTrue(compiled.dependencies().affectedBy(before, after));
              }
            });
  }

  @Test
  void theProjectedActivationGivesTheWholeClustersOutcome() {
    AtomicInteger narrowed = new AtomicInteger();
    qt().withFixedSeed(31L)
        .withExamples(2_000)
        .forAll(lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 80))
        .checkAssert(
            ints -> {
              Tape tape = new Tape(ints);
              String expression = expression(tape, 3);
              Cluster cluster = cluster(tape);
              CompiledExpression compiled = ENV.compile(expression, "spec.x");
              Map<String, Object> projected = ClusterVariables.of(cluster, compiled.dependencies());
              if (compiled.dependencies().wholeMaps().size() < MAPS.length) {
                narrowed.incrementAndGet();
              }
              assertEquals(
                  outcome(compiled, ClusterVariables.of(cluster)),
                  outcome(compiled, projected),
                  () -> expression + "\n cluster " + cluster + "\n projected " + projected);
            });
    assertTrue(narrowed.get() > 500, "projections that dropped a map: " + narrowed.get());
  }

  private static Object outcome(CompiledExpression expression, Cluster cluster) {
    return outcome(expression, ClusterVariables.of(cluster));
  }

  private static Object outcome(CompiledExpression expression, Map<String, Object> variables) {
    try {
      return expression.evaluate(variables);
    } catch (ExpressionEvaluationException e) {
      return "error: " + e.kind();
    }
  }

  static String expression(Tape tape, int depth) {
    if (depth == 0 || tape.next(3) == 0) {
      return atom(tape);
    }
    return switch (tape.next(4)) {
      case 0 -> "(" + expression(tape, depth - 1) + " && " + expression(tape, depth - 1) + ")";
      case 1 -> "(" + expression(tape, depth - 1) + " || " + expression(tape, depth - 1) + ")";
      case 2 -> "!(" + expression(tape, depth - 1) + ")";
      default ->
          "("
              + expression(tape, depth - 1)
              + " ? "
              + expression(tape, depth - 1)
              + " : "
              + expression(tape, depth - 1)
              + ")";
    };
  }

  private static String atom(Tape tape) {
    String m = "cluster." + MAPS[tape.next(MAPS.length)];
    String k = KEYS[tape.next(KEYS.length)];
    String v = VALUES[tape.next(VALUES.length)];
    return switch (tape.next(18)) {
      case 0 -> m + "['" + k + "'] == '" + v + "'";
      case 1 -> m + "." + k + " == '" + v + "'";
      case 2 -> "'" + k + "' in " + m;
      case 3 -> "has(" + m + "." + k + ")";
      case 4 -> m + "[?'" + k + "'].orValue('" + v + "') == '" + v + "'";
      case 5 -> m + ".?" + k + ".hasValue()";
      case 6 -> m + ".exists(k, k == '" + k + "')";
      case 7 -> "size(" + m + ") > 1";
      case 8 -> "cluster.name == 'c1'";
      case 9 -> m + ".all(k, v, v != '" + v + "')";
      case 10 -> m + "[?('" + k + "' + '')].hasValue()";
      case 11 -> "cel.bind(m, " + m + ", '" + k + "' in m)";
      case 12 -> "[" + m + "].exists(m, '" + k + "' in m)";
      case 13 -> m + ".filter(k, k.startsWith('" + k + "')).size() == 1";
      case 14 -> m + "." + k + ".startsWith('v1')";
      case 15 -> m + " == {'" + k + "': '" + v + "'}";
      case 16 -> m + "[cluster.name == 'c1' ? '" + k + "' : 'b'] == '" + v + "'";
      default -> m + ".map(k, " + m + "[k]).exists(x, x == '" + v + "')";
    };
  }

  static Cluster cluster(Tape tape) {
    List<Map<String, String>> maps = new ArrayList<>();
    for (int i = 0; i < MAPS.length; i++) {
      Map<String, String> map = new HashMap<>();
      for (String key : KEYS) {
        int choice = tape.next(3);
        if (choice > 0) {
          map.put(key, VALUES[choice - 1]);
        }
      }
      maps.add(map);
    }
    String name = tape.next(2) == 0 ? "c1" : "c2";
    return new Cluster(name, maps.get(0), maps.get(1), maps.get(2), List.of());
  }

  /** Changes a few inputs the expression does not depend on. */
  private static Cluster mutate(Tape tape, Cluster cluster, Dependencies deps) {
    String name = cluster.name();
    List<Map<String, String>> maps =
        new ArrayList<>(
            List.of(
                new HashMap<>(cluster.labels()),
                new HashMap<>(cluster.annotations()),
                new HashMap<>(cluster.properties())));
    int changes = 1 + tape.next(3);
    for (int i = 0; i < changes; i++) {
      int target = tape.next(4);
      if (target == 3) {
        if (!deps.readsName()) {
          name = name.equals("c1") ? "c2" : "c1";
        }
        continue;
      }
      ClusterMap map = ClusterMap.values()[target];
      String key = KEYS[tape.next(KEYS.length)];
      if (deps.wholeMaps().contains(map) || keys(deps, map).contains(key)) {
        continue;
      }
      int choice = tape.next(3);
      if (choice == 0) {
        maps.get(target).remove(key);
      } else {
        maps.get(target).put(key, VALUES[choice - 1]);
      }
    }
    return new Cluster(name, maps.get(0), maps.get(1), maps.get(2), List.of());
  }

  private static java.util.Set<String> keys(Dependencies deps, ClusterMap map) {
    return switch (map) {
      case LABELS -> deps.labelKeys();
      case ANNOTATIONS -> deps.annotationKeys();
      case PROPERTIES -> deps.propertyNames();
    };
  }

  /** Reads choices from a list of integers; zeros once it runs out. */
  static final class Tape {
    private final List<Integer> values;
    private int position;

    Tape(List<Integer> values) {
      this.values = values;
    }

    int next(int bound) {
      if (position >= values.size()) {
        return 0;
      }
      return values.get(position++) % bound;
    }
  }
}
