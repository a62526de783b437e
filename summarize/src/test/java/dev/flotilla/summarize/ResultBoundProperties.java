package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.flotilla.api.summary.StatusReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JSON form of a result never exceeds maxBytes; cutting keeps every count. */
class ResultBoundProperties {
  static final String POLICY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: big}
      spec:
        groupBy:
        - {name: cluster, expression: "cluster.name"}
        - {name: text, expression: "status.text"}
        aggregates:
        - {name: n, function: Count}
        - {name: longest, function: Max, expression: "status.text"}
        - {name: broken, function: Sum, expression: "status.missing"}
        attention:
          when: "true"
          limit: 1000
          fields:
          - {name: text, expression: "status.text"}
        staleAfter: 1m
        maxBytes: 16384
      """;

  static final CompiledSummary COMPILED = CompiledSummary.compile(Scenarios.policy(POLICY));

  /**
   * Up to 600 clusters with texts of up to 500 two-byte characters: results from a few hundred
   * bytes to about 2 MB, so every cut (none, error examples, cluster examples, attention items,
   * groups) happens, which the test checks, at a tenth of the serializing that 3,000 clusters and
   * 2,000 characters cost.
   */
  @Test
  void serializedResultStaysWithinMaxBytes() {
    AtomicInteger fits = new AtomicInteger();
    AtomicInteger itemsCut = new AtomicInteger();
    AtomicInteger groupsCut = new AtomicInteger();
    qt().withFixedSeed(20260301L)
        .withExamples(60)
        .forAll(integers().between(0, 600), integers().between(0, 500), integers().all())
        .checkAssert(
            (n, textLength, seed) -> {
              Random random = new Random(seed);
              List<StatusReport> reports = new ArrayList<>();
              Set<String> expected = new TreeSet<>();
              for (int i = 0; i < n; i++) {
                String name = "cluster-" + i;
                String text = "é".repeat(random.nextInt(textLength + 1)) + i;
                reports.add(
                    new StatusReport(
                        name,
                        Scenarios.NOW.minusSeconds(random.nextInt(200)),
                        Map.of("text", text)));
                expected.add("silent-" + i);
              }
              Summary summary =
                  COMPILED.summarize(reports, SummaryContext.at(Scenarios.NOW).expecting(expected));
              SummaryResult full = summary.fullResult();
              SummaryResult bounded = summary.result();
              int bytes = bounded.toJson().getBytes(StandardCharsets.UTF_8).length;
              assertTrue(bytes <= 16384, bytes + " bytes");
              assertEquals(full.reports(), bounded.reports());
              assertEquals(full.groupCount(), bounded.groupCount());
              assertEquals(full.attention().total(), bounded.attention().total());
              assertEquals(full.stale().count(), bounded.stale().count());
              assertEquals(full.missing().count(), bounded.missing().count());
              assertEquals(full.errors().keySet(), bounded.errors().keySet());
              full.errors()
                  .forEach((c, e) -> assertEquals(e.count(), bounded.errors().get(c).count()));
              assertEquals(bounded.sizeLimited(), !full.equals(bounded));
              // What is kept is a prefix of what there was.
              assertEquals(full.groups().subList(0, bounded.groups().size()), bounded.groups());
              assertEquals(
                  full.attention().items().subList(0, bounded.attention().items().size()),
                  bounded.attention().items());
              if (!bounded.sizeLimited()) {
                fits.incrementAndGet();
              } else if (bounded.groups().size() < full.groups().size()) {
                groupsCut.incrementAndGet();
              } else if (bounded.attention().items().size() < full.attention().items().size()) {
                itemsCut.incrementAndGet();
              }
            });
    assertTrue(fits.get() > 0, "some results fit whole");
    assertTrue(itemsCut.get() > 0, "some results lose attention items only");
    assertTrue(groupsCut.get() > 0, "some results lose groups");
  }
}
