package dev.flotilla.summarize;

import dev.flotilla.api.io.StatusSummaryReader;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random reports and expectations for property tests, from one seed. */
final class Scenarios {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final int POOL = 120;

  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: random}
      spec:
        filter: "!has(status.skip)"
        groupBy:
        - {name: g, expression: "status.g"}
        aggregates:
        - {name: n, function: Count}
        - {name: ok, function: Count, expression: "status.ok"}
        - {name: sum, function: Sum, expression: "status.v"}
        - {name: avg, function: Avg, expression: "status.v"}
        - {name: min, function: Min, expression: "status.v"}
        - {name: max, function: Max, expression: "status.s"}
        - {name: distinct, function: CountDistinct, expression: "status.s"}
        - {name: p50, function: P50, expression: "status.v"}
        - {name: p90, function: P90, expression: "status.v"}
        attention:
          when: "status.ok == false"
          orderBy: [{expression: "status.v", direction: Desc}]
          limit: 3
          fields:
          - {name: s, expression: "status.s"}
          - {name: v, expression: "status.v"}
        staleAfter: 60m
      """;

  static final CompiledSummary COMPILED = CompiledSummary.compile(policy(POLICY));

  /** Reports and the expected clusters drawn from one seed. */
  record Scenario(List<StatusReport> reports, Set<String> expected, Random random) {
    SummaryContext context() {
      return SummaryContext.at(NOW).expecting(expected);
    }
  }

  private Scenarios() {}

  static StatusSummary policy(String yaml) {
    return StatusSummaryReader.parse("policy.yaml", yaml).value();
  }

  static String cluster(int i) {
    return String.format("c-%03d", i);
  }

  static Scenario scenario(long seed, int maxReports) {
    Random random = new Random(seed);
    int n = random.nextInt(maxReports + 1);
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      pool.add(i);
    }
    java.util.Collections.shuffle(pool, random);
    List<StatusReport> reports = new ArrayList<>();
    for (int i = 0; i < Math.min(n, POOL); i++) {
      reports.add(report(random, cluster(pool.get(i))));
    }
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < POOL; i++) {
      if (random.nextInt(3) == 0) {
        expected.add(cluster(i));
      }
    }
    return new Scenario(reports, expected, random);
  }

  static StatusReport report(Random random, String cluster) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("kind", "Thing");
    pick(random, object, "g", "a", "b", 1L, 2.5, true, null);
    switch (random.nextInt(7)) {
      case 0, 1, 2 -> object.put("v", (long) random.nextInt(101) - 50);
      case 3 -> object.put("v", random.nextInt(41) / 4.0 - 5);
      case 4 -> object.put("v", null);
      case 5 -> object.put("v", "text");
      default -> {}
    }
    pick(random, object, "s", "alpha", "beta", "gamma", "delta", 7L);
    pick(random, object, "ok", true, false, false, null);
    if (random.nextInt(12) == 0) {
      object.put("skip", true);
    }
    return new StatusReport(cluster, NOW.minusSeconds(60L * random.nextInt(120)), object);
  }

  /** Puts one of {@code values}, or leaves the key out (one chance more). */
  private static void pick(
      Random random, Map<String, Object> object, String key, Object... values) {
    int i = random.nextInt(values.length + 1);
    if (i < values.length) {
      object.put(key, values[i]);
    }
  }
}
