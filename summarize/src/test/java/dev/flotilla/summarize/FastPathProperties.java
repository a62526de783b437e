package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment.ResultType;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whenever the fast path gives a value, CEL gives the same value and no error. */
class FastPathProperties {
  private static final long SEED = 20260301L;
  private static final String[] STEPS = {".a", ".b", ".c", "['a']", "['b']", "[0]", "[1]"};
  private static final String[] LITERALS = {"'x'", "'y'", "1", "0", "true", "false", "null"};

  @Test
  void fastPathAgreesWithCel() {
    AtomicInteger fast = new AtomicInteger();
    // The grammar is small, so sources repeat: each distinct one is compiled once.
    Map<String, Optional<CompiledExpression>> compiled = new HashMap<>();
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              String source = expression(random);
              Optional<CompiledExpression> maybe =
                  compiled.computeIfAbsent(source, FastPathProperties::compile);
              if (maybe.isEmpty()) {
                return; // not valid CEL: never reaches the fast path
              }
              CompiledExpression cel = maybe.get();
              FastPath path = FastPath.compile(source);
              assertNotNull(path, source);
              @SuppressWarnings("unchecked")
              Map<String, Object> status = (Map<String, Object>) map(random, 0);
              Map<String, Object> raw = new HashMap<>();
              raw.put("status", status);
              raw.put(
                  "cluster",
                  Map.of(
                      "name",
                      "c",
                      "labels",
                      Map.of(),
                      "annotations",
                      Map.of(),
                      "properties",
                      Map.of()));
              raw.put("report", Map.of("observedAt", Scenarios.NOW));
              raw.put("workload", Map.of());
              raw.put("feedback", Map.of());
              Column.Variables variables = new Column.Variables(raw);
              Object celValue;
              boolean celFailed = false;
              try {
                celValue = Values.any(cel.evaluate(variables.cel()));
              } catch (ExpressionEvaluationException e) {
                celValue = null;
                celFailed = true;
              } catch (Values.Invalid e) {
                return;
              }
              Object fastValue = path.evaluate(raw);
              if (fastValue != FastPath.FALLBACK) {
                fast.incrementAndGet();
                assertFalse(celFailed, source + " on " + status);
                try {
                  assertEquals(celValue, Values.any(fastValue), source + " on " + status);
                } catch (Values.Invalid e) {
                  throw new AssertionError(e);
                }
              }
            });
    assertTrue(fast.get() > 200, "the fast path was taken " + fast.get() + " times");
  }

  private static Optional<CompiledExpression> compile(String source) {
    try {
      return Optional.of(CompiledSummary.ENVIRONMENT.compile(source, "f", ResultType.ANY));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  @Test
  void onlyTheSimpleShapesAreTaken() {
    assertNotNull(FastPath.compile("status.kind == 'Deployment'"));
    assertNotNull(FastPath.compile("!workload.healthy"));
    assertNotNull(FastPath.compile("cluster.labels['topology.kubernetes.io/region']"));
    assertNotNull(FastPath.compile("status.spec.template.spec.containers[0].image"));
    assertNull(FastPath.compile("status.a + 1"));
    assertNull(FastPath.compile("has(status.a)"));
    assertNull(FastPath.compile("status.a == 1.5"));
    assertNull(FastPath.compile("status.a == 'it\\'s'"));
    assertNull(FastPath.compile("report.observedAt"));
    assertNull(FastPath.compile("!status.a == true"));
  }

  static String expression(Random random) {
    StringBuilder out = new StringBuilder();
    int shape = random.nextInt(4);
    if (shape == 1) {
      out.append('!');
    }
    out.append("status");
    int steps = random.nextInt(4);
    for (int i = 0; i < steps; i++) {
      out.append(STEPS[random.nextInt(STEPS.length)]);
    }
    if (shape >= 2) {
      out.append(shape == 2 ? " == " : " != ").append(LITERALS[random.nextInt(LITERALS.length)]);
    }
    return out.toString();
  }

  static Object map(Random random, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : new String[] {"a", "b", "c"}) {
      if (random.nextInt(4) > 0) {
        out.put(key, value(random, depth + 1));
      }
    }
    return out;
  }

  static Object value(Random random, int depth) {
    int kind = random.nextInt(depth > 2 ? 6 : 8);
    return switch (kind) {
      case 0 -> (long) random.nextInt(3);
      case 1 -> random.nextInt(3) / 2.0;
      case 2 -> random.nextBoolean() ? "x" : "y";
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> 1.5;
      case 6 -> map(random, depth);
      default -> {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
    };
  }
}
