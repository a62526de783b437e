package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduler's invariants, and agreement with the reference, on random fleets and specs. */
class SchedulerProperties {

  @Test
  void fastPathEqualsTheReference() {
    qt().withFixedSeed(4040L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(random.nextInt(60));
              Placement placement = random.placement();
              if (random.nextInt(3) == 0) {
                // OCM's and KubeFleet's orders (the stickiness properties hold for Sticky only).
                Ordering peer =
                    random.nextBoolean()
                        ? Ordering.ScoreThenName
                        : Ordering.ScoreThenNameDescending;
                placement =
                    new Placement(
                        placement.name(),
                        placement.namespace(),
                        placement.spec().withOrdering(peer));
              }
              SchedulingContext context = random.context(fleet);
              PlacementDecision fast =
                  Scheduler.of(CompiledPlacement.compile(placement))
                      .schedule(Inventory.of(fleet), context);
              ReferenceScheduler.Result slow =
                  ReferenceScheduler.schedule(placement, fleet, context);
              assertEquals(slow.eligible(), fast.eligible(), "eligible");
              assertEquals(slow.picked(), fast.names(), "picked, in order");
              for (ScheduledCluster c : fast.clusters()) {
                assertEquals(slow.scores().get(c.name()), c.score(), "score of " + c.name());
                long sum = c.breakdown().stream().mapToLong(ScoreTerm::contribution).sum();
                assertEquals(c.score(), sum, "breakdown sums to the score");
              }
              assertEquals(
                  slow.groups(),
                  fast.groups().stream().map(PlacementDecision.Group::clusters).toList(),
                  "groups");
              assertEquals(
                  slow.groupNames(),
                  fast.groups().stream().map(PlacementDecision.Group::groupName).toList());
              assertEquals(
                  slow.waves(),
                  fast.waves().stream().map(PlacementDecision.Wave::clusters).toList(),
                  "waves");
              assertEquals(slow.nextChange(), fast.nextChange(), "nextChange");
            });
  }

  @Test
  void picksAtMostNAndEveryPickIsInExactlyOneGroupAndOneWaveWithinItsLimits() {
    qt().withFixedSeed(4041L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(random.nextInt(80));
              Placement placement = random.placement();
              PlacementDecision decision =
                  Scheduler.of(CompiledPlacement.compile(placement))
                      .schedule(Inventory.of(fleet), random.context(fleet));
              PlacementSpec spec = placement.spec();
              int n = decision.clusters().size();
              spec.numberOfClusters().ifPresent(wanted -> assertTrue(n <= wanted, "at most N"));
              assertEquals(n, new HashSet<>(decision.names()).size(), "no duplicates");
              assertEquals(decision.names().stream().sorted().toList(), sortedMembers(decision));
              List<String> inWaves = new ArrayList<>();
              Map<String, Cluster> byName = new HashMap<>();
              fleet.forEach(c -> byName.put(c.name(), c));
              RolloutStrategy rollout = spec.rollout().orElse(RolloutStrategy.allAtOnce());
              Map<String, Integer> domainSize = new HashMap<>();
              for (String name : decision.names()) {
                domainSize.merge(
                    ReferenceScheduler.rolloutDomain(rollout, byName.get(name)), 1, Integer::sum);
              }
              for (PlacementDecision.Wave wave : decision.waves()) {
                inWaves.addAll(wave.clusters());
                assertTrue(!wave.clusters().isEmpty(), "no empty wave");
                rollout
                    .maxConcurrency()
                    .ifPresent(max -> assertTrue(wave.clusters().size() <= max.resolve(n)));
                Map<String, Integer> perDomain = new HashMap<>();
                for (String name : wave.clusters()) {
                  String d = ReferenceScheduler.rolloutDomain(rollout, byName.get(name));
                  int count = perDomain.merge(d, 1, Integer::sum);
                  rollout
                      .maxUnavailablePerDomain()
                      .ifPresent(
                          max ->
                              assertTrue(
                                  count <= max.resolve(domainSize.get(d)),
                                  "per-domain limit in wave " + wave.index()));
                }
              }
              assertEquals(decision.names().stream().sorted().toList(), sorted(inWaves));
              for (int k = 0; k < n; k++) {
                ScheduledCluster c = decision.clusters().get(k);
                assertTrue(decision.groups().get(c.group()).clusters().contains(c.name()));
                assertTrue(decision.waves().get(c.wave()).clusters().contains(c.name()));
              }
              for (PlacementDecision.Page page : decision.pages(7)) {
                assertTrue(page.clusters().size() <= 7 && !page.clusters().isEmpty());
              }
            });
  }

  @Test
  void spreadPicksTheMostAnyChoiceCouldWithinMaxSkew() {
    qt().withFixedSeed(4042L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(random.nextInt(40));
              int skew = 1 + random.nextInt(3);
              int wanted = random.nextInt(30);
              WhenUnsatisfiable when =
                  random.nextBoolean()
                      ? WhenUnsatisfiable.DoNotSchedule
                      : WhenUnsatisfiable.ScheduleAnyway;
              SpreadConstraint constraint =
                  new SpreadConstraint(
                      TopologyKey.label("zone"),
                      skew,
                      OptionalInt.empty(),
                      OptionalInt.empty(),
                      when);
              Placement placement =
                  Placement.of(
                      "spread",
                      PlacementSpec.selecting(random.selector())
                          .withNumberOfClusters(wanted)
                          .withPrioritizers(
                              List.of(
                                  new Prioritizer.PropertySorter(
                                      "cpu", Prioritizer.SortOrder.Descending, 1)))
                          .withSpreadConstraints(List.of(constraint)));
              PlacementDecision decision =
                  Scheduler.of(CompiledPlacement.compile(placement))
                      .schedule(Inventory.of(fleet), SchedulingContext.at(RandomSchedules.NOW));
              // Domain sizes over the eligible clusters (no tolerations: untainted or
              // PreferNoSelect).
              CompiledPlacement compiled = CompiledPlacement.compile(placement);
              Map<String, Integer> available = new HashMap<>();
              Set<String> eligible = new HashSet<>();
              for (Cluster c : fleet) {
                boolean excluded =
                    c.taints().stream()
                        .anyMatch(t -> t.effect() != dev.flotilla.api.TaintEffect.PreferNoSelect);
                if (compiled.matches(c) && !excluded) {
                  eligible.add(c.name());
                  String zone = c.labels().get("zone");
                  if (zone != null) {
                    available.merge(zone, 1, Integer::sum);
                  }
                }
              }
              int best = bruteForceMost(new ArrayList<>(available.values()), skew, wanted);
              Map<String, Integer> counts = new HashMap<>();
              available.keySet().forEach(z -> counts.put(z, 0));
              Map<String, Cluster> byName = new HashMap<>();
              fleet.forEach(c -> byName.put(c.name(), c));
              int withZone = 0;
              for (String name : decision.names()) {
                assertTrue(eligible.contains(name));
                String zone = byName.get(name).labels().get("zone");
                if (zone != null) {
                  counts.merge(zone, 1, Integer::sum);
                  withZone++;
                }
              }
              int skewSeen =
                  counts.isEmpty()
                      ? 0
                      : counts.values().stream().mapToInt(i -> i).max().getAsInt()
                          - counts.values().stream().mapToInt(i -> i).min().getAsInt();
              if (when == WhenUnsatisfiable.DoNotSchedule) {
                assertEquals(best, decision.names().size(), "as many as any choice could");
                assertTrue(skewSeen <= skew, "skew " + skewSeen + " > " + skew);
              } else {
                assertEquals(
                    Math.min(wanted, eligible.size()), decision.names().size(), "anyway: N");
                if (best == wanted && withZone == wanted) {
                  assertTrue(skewSeen <= skew, "satisfiable, so within the skew");
                }
              }
            });
  }

  /** The largest total of counts c_d <= available_d with max - min <= skew and total <= wanted. */
  private static int bruteForceMost(List<Integer> available, int skew, int wanted) {
    int[] best = {0};
    enumerate(available, 0, new int[available.size()], skew, wanted, best);
    return best[0];
  }

  private static void enumerate(
      List<Integer> available, int at, int[] counts, int skew, int wanted, int[] best) {
    if (at == counts.length) {
      int sum = 0;
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int c : counts) {
        sum += c;
        min = Math.min(min, c);
        max = Math.max(max, c);
      }
      if ((counts.length == 0 || max - min <= skew) && sum <= wanted) {
        best[0] = Math.max(best[0], sum);
      }
      return;
    }
    for (int c = 0; c <= available.get(at); c++) {
      counts[at] = c;
      enumerate(available, at + 1, counts, skew, wanted, best);
    }
  }

  @Test
  void addingOrRemovingOneClusterChangesAtMostOneOtherDecision() {
    qt().withFixedSeed(4043L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(1 + random.nextInt(60));
              Placement drawn = random.placement();
              boolean withPrevious = random.nextBoolean();
              // Without a previous decision, only scores that do not depend on the eligible set
              // (normalised property sorters rescale everyone when the range moves).
              List<Prioritizer> prioritizers =
                  withPrevious
                      ? drawn.spec().prioritizers()
                      : drawn.spec().prioritizers().stream()
                          .filter(p -> !(p instanceof Prioritizer.PropertySorter))
                          .toList();
              Placement placement =
                  Placement.of(
                      drawn.name(),
                      drawn
                          .spec()
                          .withPrioritizers(prioritizers)
                          .withSpreadConstraints(List.of())
                          .withNumberOfClusters(random.nextInt(30)));
              Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(placement));
              SchedulingContext context = random.context(fleet).withPrevious(Set.of());
              Inventory before = Inventory.of(fleet);
              PlacementDecision first = scheduler.schedule(before, context);
              SchedulingContext again =
                  withPrevious ? context.withPrevious(first.names()) : context;
              String changed;
              Inventory after;
              if (random.nextBoolean()) {
                Cluster added = random.cluster("added");
                changed = added.name();
                after = before.with(added);
              } else {
                changed = random.pick(fleet).name();
                after = before.without(changed);
              }
              PlacementDecision second = scheduler.schedule(after, again);
              Set<String> difference = new HashSet<>(first.names());
              difference.addAll(second.names());
              Set<String> both = new HashSet<>(first.names());
              both.retainAll(second.names());
              difference.removeAll(both);
              difference.remove(changed);
              assertTrue(difference.size() <= 1, "changed besides " + changed + ": " + difference);
            });
  }

  @Test
  void withAPreviousDecisionSpreadKeepsItWhenAClusterJoinsAnExistingDomain() {
    qt().withFixedSeed(4044L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomSchedules random = new RandomSchedules(seed);
              List<Cluster> fleet = random.fleet(1 + random.nextInt(60));
              Placement drawn = random.placement();
              SpreadConstraint spread =
                  new SpreadConstraint(
                      TopologyKey.label("zone"),
                      1 + random.nextInt(3),
                      OptionalInt.empty(),
                      OptionalInt.empty(),
                      WhenUnsatisfiable.DoNotSchedule);
              Placement placement =
                  Placement.of(
                      drawn.name(),
                      drawn
                          .spec()
                          .withSpreadConstraints(List.of(spread))
                          // Often close to what the skew allows, where the level can move.
                          .withNumberOfClusters(random.nextInt(fleet.size() + 1)));
              Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(placement));
              SchedulingContext context = random.context(fleet).withPrevious(Set.of());
              Inventory before = Inventory.of(fleet);
              PlacementDecision first = scheduler.schedule(before, context);
              Cluster added = random.cluster("added");
              Set<String> zones = new HashSet<>();
              fleet.forEach(c -> zones.add(c.labels().get("zone")));
              if (!first.shortfall().isEmpty() || !zones.contains(added.labels().get("zone"))) {
                return; // a new domain may force moves: the skew is over the domains in play
              }
              PlacementDecision second =
                  scheduler.schedule(before.with(added), context.withPrevious(first.names()));
              assertEquals(
                  new HashSet<>(first.names()),
                  new HashSet<>(second.names()),
                  "a satisfied decision stays put");
            });
  }

  private static List<String> sortedMembers(PlacementDecision decision) {
    List<String> out = new ArrayList<>();
    decision.groups().forEach(g -> out.addAll(g.clusters()));
    return sorted(out);
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }
}
