package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each step of a scheduling run, alone, against {@link ReferenceScheduler}: {@link Eligibility}
 * keeps the clusters the reference finds eligible, {@link Scoring} and {@link Candidates} give its
 * scores, {@link Pick} and {@link Spread} its picks, and the spread bound explains a shortfall.
 */
class CandidatesProperties {

  private static Candidates candidates(
      Placement placement, Inventory inventory, SchedulingContext context) {
    PlacementSpec spec = placement.spec();
    int weights = 0;
    for (Prioritizer prioritizer : spec.prioritizers()) {
      weights += Math.abs(prioritizer.weight());
    }
    ClusterSet selected = CompiledPlacement.compile(placement).select(inventory).clusters();
    long seed = Ranking.seed(placement.namespace(), placement.name());
    return Candidates.of(selected, context, spec, seed, 2 * weights + 1);
  }

  @Test
  void eligibilityAndScoresEqualTheReference() {
    qt().withFixedSeed(4050L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(random.nextInt(60));
              Placement placement = random.placement();
              SchedulingContext context = random.context(fleet);
              Inventory inventory = Inventory.of(fleet);
              Candidates c = candidates(placement, inventory, context);
              ReferenceScheduler.Result expected =
                  ReferenceScheduler.schedule(placement, fleet, context);
              Map<String, Long> scores = new TreeMap<>();
              for (int i = 0; i < c.size; i++) {
                scores.put(c.name[i], c.score[i]);
                assertEquals(inventory.nameAt(c.ordinal[i]), c.name[i], "seed " + seed);
                assertEquals(i, c.indexOf(c.ordinal[i]), "indexOf, seed " + seed);
                assertEquals(
                    c.score[i],
                    c.breakdown(i).stream().mapToLong(ScoreTerm::contribution).sum(),
                    "breakdown, seed " + seed);
              }
              assertEquals(new TreeMap<>(expected.scores()), scores, "seed " + seed);
              assertEquals(expected.nextChange().orElse(null), c.nextChange, "seed " + seed);
              int[] sorted = c.ordinal.clone();
              Arrays.sort(sorted);
              assertTrue(Arrays.equals(sorted, c.ordinal), "ordinal order, seed " + seed);
            });
  }

  @Test
  void picksEqualTheReferenceAndTheBoundExplainsTheShortfall() {
    qt().withFixedSeed(4051L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(random.nextInt(60));
              Placement placement = random.placement();
              SchedulingContext context = random.context(fleet);
              Candidates c = candidates(placement, Inventory.of(fleet), context);
              PlacementSpec spec = placement.spec();
              Pick pick = Pick.of(c, spec);
              List<String> names = new ArrayList<>();
              for (int i : pick.picked()) {
                names.add(c.name[i]);
              }
              String context0 = "seed " + seed;
              assertEquals(
                  ReferenceScheduler.schedule(placement, fleet, context).picked(), names, context0);
              assertEquals(
                  !spec.spreadConstraints().isEmpty(), pick.spread().isPresent(), context0);
              List<String> shortfall = Arrangement.shortfall(spec, c, pick);
              int requested = spec.numberOfClusters().orElse(c.size);
              assertEquals(
                  names.size() < requested && spec.numberOfClusters().isPresent(),
                  !shortfall.isEmpty(),
                  context0 + " " + shortfall);
              if (pick.spread().isPresent()) {
                SpreadConstraint constraint = spec.spreadConstraints().get(0);
                Pick.SpreadBound bound = pick.spread().get();
                long lacking =
                    Arrays.stream(c.ordinal)
                        .filter(
                            o ->
                                c.domainColumn(constraint.topologyKey()) == null
                                    || c.domainColumn(constraint.topologyKey()).idAt(o) < 0)
                        .count();
                assertEquals(lacking, bound.missingKey(), context0 + " missing key");
                if (constraint.whenUnsatisfiable() == WhenUnsatisfiable.DoNotSchedule) {
                  assertEquals(bound.limit(), names.size(), context0 + " limit is what was picked");
                } else {
                  assertTrue(names.size() >= bound.limit(), context0 + " anyway picks more");
                }
                constraint
                    .maxDomains()
                    .ifPresent(max -> assertTrue(bound.domains() <= max, context0 + " maxDomains"));
              }
            });
  }

  @Test
  void normaliseSpreadsScoresFromZeroToAHundred() {
    assertEquals(100, Scoring.normalise(8, 2, 8, true));
    assertEquals(0, Scoring.normalise(2, 2, 8, true));
    assertEquals(100, Scoring.normalise(2, 2, 8, false));
    assertEquals(50, Scoring.normalise(5, 2, 8, false));
    assertEquals(100, Scoring.normalise(3, 3, 3, true), "all equal: all best");
    assertEquals(0, Scoring.normalise(Double.NaN, 2, 8, true), "no value: no points");
  }
}
