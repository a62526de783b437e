package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.summarize.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine against the reference, and the algebra of partials: merge laws, partition equivalence,
 * JSON round trips, live updates equal to recomputation, input order irrelevant. Groups stay below
 * the sketch's k, where quantiles are exact, so every comparison is exact.
 */
class SummaryProperties {
  private static final CompiledSummary COMPILED = Scenarios.COMPILED;
  private static final long SEED = 20260301L;

  /**
   * Up to 48 reports over seven group values (one of them null) and 120 clusters: every group sees
   * several reports, nulls, failures, stale and attention items, at half the cost of 80.
   */
  private static final int MAX_REPORTS = 48;

  @Test
  void summaryEqualsTheReference() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, MAX_REPORTS);
              assertEquals(
                  ReferenceSummary.of(COMPILED, s.reports(), s.context()),
                  COMPILED.summarize(s.reports(), s.context()).result());
            });
  }

  @Test
  void shuffledInputGivesTheSameSummary() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, MAX_REPORTS);
              List<StatusReport> shuffled = new ArrayList<>(s.reports());
              Collections.shuffle(shuffled, s.random());
              Summary a = COMPILED.summarize(s.reports(), s.context());
              Summary b = COMPILED.summarize(shuffled, s.context());
              assertEquals(a, b);
              assertEquals(a.result().toJson(), b.result().toJson());
            });
  }

  @Test
  void mergingThePartsOfAnyPartitionGivesTheWhole() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, MAX_REPORTS);
              List<Summary> parts = parts(s, 1 + s.random().nextInt(5));
              Collections.shuffle(parts, s.random());
              Summary merged = Summary.empty();
              for (Summary part : parts) {
                merged = merged.merge(part);
              }
              assertEquals(COMPILED.summarize(s.reports(), s.context()), merged);
              assertEquals(merged, Summary.mergeAll(parts));
            });
  }

  @Test
  void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, MAX_REPORTS);
              List<Summary> p = parts(s, 3);
              Summary a = p.get(0);
              Summary b = p.get(1);
              Summary c = p.get(2);
              assertEquals(a.merge(b), b.merge(a));
              assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
              assertEquals(a, a.merge(Summary.empty()));
              assertEquals(a, Summary.empty().merge(a));
            });
  }

  @Test
  void jsonRoundTripGivesAnEqualPartial() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, MAX_REPORTS);
              List<Summary> p = parts(s, 2);
              Summary whole = p.get(0).merge(p.get(1));
              assertEquals(whole, Summary.fromJson(whole.toJson()));
              assertEquals(p.get(0), Summary.fromJson(p.get(0).toJson()));
              Summary viaJson =
                  Summary.fromJson(p.get(0).toJson()).merge(Summary.fromJson(p.get(1).toJson()));
              assertEquals(whole, viaJson);
            });
    assertEquals(Summary.empty(), Summary.fromJson(Summary.empty().toJson()));
  }

  @Test
  void liveUpdatesEqualRecomputation() {
    qt().withFixedSeed(SEED)
        .withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Scenario s = Scenarios.scenario(seed, 40);
              Random random = s.random();
              LiveSummary live = COMPILED.live(s.context());
              Map<String, StatusReport> current = new HashMap<>();
              int steps = random.nextInt(120);
              for (int i = 0; i < steps; i++) {
                String cluster = Scenarios.cluster(random.nextInt(50));
                if (random.nextInt(4) == 0) {
                  assertEquals(current.remove(cluster) != null, live.remove(cluster));
                } else {
                  StatusReport report = Scenarios.report(random, cluster);
                  live.put(report);
                  current.put(cluster, report);
                }
                if (random.nextInt(10) == 0) {
                  assertEquals(COMPILED.summarize(current.values(), s.context()), live.snapshot());
                }
              }
              assertEquals(current.size(), live.size());
              assertEquals(COMPILED.summarize(current.values(), s.context()), live.snapshot());
            });
  }

  /** Splits the reports, and the expected clusters, into {@code k} parts by a random assignment. */
  private static List<Summary> parts(Scenario s, int k) {
    Random random = s.random();
    Map<String, Integer> partOf = new HashMap<>();
    List<List<StatusReport>> reports = new ArrayList<>();
    List<Set<String>> expected = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      reports.add(new ArrayList<>());
      expected.add(new HashSet<>());
    }
    for (StatusReport r : s.reports()) {
      int part = random.nextInt(k);
      partOf.put(r.cluster(), part);
      reports.get(part).add(r);
    }
    for (String cluster : s.expected()) {
      expected.get(partOf.computeIfAbsent(cluster, c -> random.nextInt(k))).add(cluster);
    }
    List<Summary> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(
          COMPILED.summarize(
              reports.get(i), SummaryContext.at(Scenarios.NOW).expecting(expected.get(i))));
    }
    assertTrue(out.size() == k);
    return out;
  }
}
