package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import dev.flotilla.api.placement.TopologyKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Cluster cluster(String name, String zone, String cpu, Taint... taints) {
    return new Cluster(name, Map.of("zone", zone), Map.of(), Map.of("cpu", cpu), List.of(taints));
  }

  private static PlacementDecision schedule(PlacementSpec spec, List<Cluster> fleet) {
    return schedule(spec, fleet, SchedulingContext.at(NOW));
  }

  private static PlacementDecision schedule(
      PlacementSpec spec, List<Cluster> fleet, SchedulingContext context) {
    return Scheduler.of(CompiledPlacement.compile(Placement.of("web", spec)))
        .schedule(Inventory.of(fleet), context);
  }

  private static final PlacementSpec ALL = PlacementSpec.selecting(ClusterSelectorTerm.all());

  @Test
  void withoutSchedulingFieldsEveryEligibleClusterIsPickedInOneGroupAndOneWave() {
    List<Cluster> fleet = List.of(cluster("a", "z1", "1"), cluster("b", "z2", "2"));
    PlacementDecision decision = schedule(ALL, fleet);
    assertEquals(List.of("a", "b"), decision.names().stream().sorted().toList());
    assertEquals(1, decision.groups().size());
    assertEquals("", decision.groups().get(0).groupName());
    assertEquals(1, decision.waves().size());
    assertTrue(decision.shortfall().isEmpty());
    assertEquals(Optional.empty(), decision.nextChange());
  }

  @Test
  void propertySorterPicksTheLargestAndNormalisesOverTheEligibleSet() {
    List<Cluster> fleet =
        List.of(cluster("a", "z1", "2"), cluster("b", "z1", "16"), cluster("c", "z1", "9"));
    PlacementSpec spec =
        ALL.withNumberOfClusters(2)
            .withPrioritizers(
                List.of(
                    new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 3)));
    PlacementDecision decision = schedule(spec, fleet);
    assertEquals(List.of("b", "c"), decision.names());
    ScheduledCluster c = decision.clusters().get(1);
    assertEquals(List.of(new ScoreTerm("propertySorter cpu Descending", 50, 3)), c.breakdown());
    assertEquals(150, c.score());
  }

  @Test
  void untoleratedTaints() {
    Taint noSelect = Taint.of("maintenance", TaintEffect.NoSelect);
    Taint prefer = Taint.of("degraded", TaintEffect.PreferNoSelect);
    Taint ifNew = Taint.of("retiring", TaintEffect.NoSelectIfNew);
    List<Cluster> fleet =
        List.of(
            cluster("a", "z1", "1", noSelect),
            cluster("b", "z1", "64", prefer),
            cluster("c", "z1", "1", ifNew),
            cluster("d", "z1", "2"));
    PlacementSpec spec =
        ALL.withPrioritizers(
            List.of(new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 1)));
    PlacementDecision first = schedule(spec, fleet);
    assertEquals(List.of("d", "b"), first.names(), "b is penalised below d despite its cpu");
    assertEquals(-100 * 3 + 100, first.clusters().get(1).score());
    PlacementDecision kept =
        schedule(spec, fleet, SchedulingContext.at(NOW).withPrevious(List.of("c", "a")));
    assertEquals(List.of("c", "d", "b"), kept.names(), "NoSelectIfNew keeps what was picked");
    assertTrue(kept.clusters().get(0).kept());
  }

  @Test
  void tolerationSecondsExpireAndTheDecisionSaysWhen() {
    Taint maintenance =
        new Taint("maintenance", "", TaintEffect.NoSelect, Optional.of(NOW.minusSeconds(60)));
    List<Cluster> fleet = List.of(cluster("a", "z1", "1", maintenance), cluster("b", "z1", "1"));
    PlacementSpec spec =
        ALL.withTolerations(List.of(Toleration.exists("maintenance").forSeconds(300)));
    PlacementDecision now = schedule(spec, fleet);
    assertEquals(2, now.names().size());
    assertEquals(Optional.of(NOW.plusSeconds(240)), now.nextChange());
    PlacementDecision later = schedule(spec, fleet, SchedulingContext.at(NOW.plusSeconds(240)));
    assertEquals(List.of("b"), later.names());
    assertEquals(Optional.empty(), later.nextChange());
  }

  @Test
  void explainSaysUntilWhenATaintIsToleratedAndSinceWhenNoLonger() {
    Taint maintenance =
        new Taint("maintenance", "", TaintEffect.NoSelect, Optional.of(NOW.minusSeconds(60)));
    List<Cluster> fleet = List.of(cluster("a", "z1", "1", maintenance), cluster("b", "z1", "1"));
    PlacementSpec spec =
        ALL.withTolerations(List.of(Toleration.exists("maintenance").forSeconds(300)));
    Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(Placement.of("web", spec)));
    Selection selection = scheduler.placement().select(Inventory.of(fleet));
    ClusterScheduling now = scheduler.explain(selection, "a", SchedulingContext.at(NOW));
    assertTrue(now.picked());
    assertEquals("taints tolerated until " + NOW.plusSeconds(240), now.reason());
    ClusterScheduling later =
        scheduler.explain(selection, "a", SchedulingContext.at(NOW.plusSeconds(240)));
    assertFalse(later.eligible());
    assertEquals(
        "taint maintenance:NoSelect no longer tolerated since " + NOW.plusSeconds(240),
        later.reason());
    assertEquals("", scheduler.explain(selection, "b", SchedulingContext.at(NOW)).reason());
  }

  @Test
  void suppliedScoresCountUntilTheyExpire() {
    List<Cluster> fleet = List.of(cluster("a", "z1", "1"), cluster("b", "z1", "1"));
    PlacementSpec spec =
        ALL.withNumberOfClusters(1).withPrioritizers(List.of(new Prioritizer.Score("latency", 2)));
    ClusterScores scores =
        ClusterScores.builder()
            .put("latency", "a", -50, NOW.plusSeconds(10))
            .put("latency", "b", 40, NOW.plusSeconds(20))
            .build();
    PlacementDecision decision =
        schedule(spec, fleet, SchedulingContext.at(NOW).withScores(scores));
    assertEquals(List.of("b"), decision.names());
    assertEquals(80, decision.clusters().get(0).score());
    assertEquals(Optional.of(NOW.plusSeconds(10)), decision.nextChange());
    PlacementDecision expired =
        schedule(spec, fleet, SchedulingContext.at(NOW.plusSeconds(30)).withScores(scores));
    assertEquals(0, expired.clusters().get(0).score());
    assertThrows(
        dev.flotilla.api.ValidationException.class,
        () -> ClusterScores.builder().put("latency", "a", 101, NOW));
  }

  @Test
  void spreadKeepsTheSkewAndExplainsAShortfall() {
    List<Cluster> fleet = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fleet.add(cluster("big-" + i, "z1", "16"));
    }
    fleet.add(cluster("small-0", "z2", "1"));
    PlacementSpec spec =
        ALL.withNumberOfClusters(6)
            .withPrioritizers(
                List.of(new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 1)))
            .withSpreadConstraints(List.of(SpreadConstraint.of(TopologyKey.label("zone"), 1)));
    PlacementDecision decision = schedule(spec, fleet);
    assertEquals(3, decision.names().size(), "z2 has one cluster: z1 may have two");
    assertTrue(decision.names().contains("small-0"));
    assertEquals(1, decision.shortfall().size());
    assertTrue(decision.shortfall().get(0).contains("at most 3 clusters over 2 domains"));
  }

  @Test
  void belowMinDomainsEachDomainGetsAtMostMaxSkewAndMaxDomainsKeepsTheBest() {
    List<Cluster> fleet = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fleet.add(cluster("a-" + i, "z1", "16"));
      fleet.add(cluster("b-" + i, "z2", "8"));
      fleet.add(cluster("c-" + i, "z3", "1"));
    }
    List<Prioritizer> byCpu =
        List.of(new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 1));
    TopologyKey zone = TopologyKey.label("zone");
    PlacementSpec minDomains =
        ALL.withNumberOfClusters(10)
            .withPrioritizers(byCpu)
            .withSpreadConstraints(
                List.of(
                    new SpreadConstraint(
                        zone,
                        2,
                        java.util.OptionalInt.of(4),
                        java.util.OptionalInt.empty(),
                        dev.flotilla.api.placement.WhenUnsatisfiable.DoNotSchedule)));
    assertEquals(6, schedule(minDomains, fleet).names().size(), "3 domains < 4: 2 each");
    PlacementSpec maxDomains =
        ALL.withNumberOfClusters(10)
            .withPrioritizers(byCpu)
            .withSpreadConstraints(
                List.of(
                    new SpreadConstraint(
                        zone,
                        1,
                        java.util.OptionalInt.empty(),
                        java.util.OptionalInt.of(2),
                        dev.flotilla.api.placement.WhenUnsatisfiable.DoNotSchedule)));
    PlacementDecision two = schedule(maxDomains, fleet);
    assertEquals(10, two.names().size());
    assertTrue(two.names().stream().noneMatch(n -> n.startsWith("c-")), "z3 ranks last");
    PlacementSpec anyway =
        ALL.withNumberOfClusters(10)
            .withPrioritizers(byCpu)
            .withSpreadConstraints(
                List.of(
                    new SpreadConstraint(
                        zone,
                        Integer.MAX_VALUE,
                        java.util.OptionalInt.of(5),
                        java.util.OptionalInt.empty(),
                        dev.flotilla.api.placement.WhenUnsatisfiable.ScheduleAnyway)));
    assertEquals(10, schedule(anyway, fleet).names().size(), "a huge maxSkew does not overflow");
  }

  @Test
  void spreadWithAPreviousDecisionKeepsItWhenALowerLevelWouldAlsoDo() {
    // A has 2 clusters, B and C 10; B ranks first. N = 9, maxSkew 2: level 2 gives A2 B4 C3.
    List<Cluster> fleet = new ArrayList<>();
    fleet.add(cluster("a-0", "A", "1"));
    fleet.add(cluster("a-1", "A", "1"));
    for (int i = 0; i < 10; i++) {
      fleet.add(cluster("b-" + i, "B", "16"));
      fleet.add(cluster("c-" + i, "C", "8"));
    }
    PlacementSpec spec =
        ALL.withNumberOfClusters(9)
            .withPrioritizers(
                List.of(new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 1)))
            .withSpreadConstraints(List.of(SpreadConstraint.of(TopologyKey.label("zone"), 2)));
    PlacementDecision first = schedule(spec, fleet);
    assertEquals(List.of(2L, 4L, 3L), zoneCounts(first));
    // A third A cluster makes level 1 possible (A3 B3 C3): without the previous decision B loses
    // one; with it, nothing moves.
    fleet.add(cluster("a-2", "A", "1"));
    assertEquals(List.of(3L, 3L, 3L), zoneCounts(schedule(spec, fleet)));
    PlacementDecision steady =
        schedule(spec, fleet, SchedulingContext.at(NOW).withPrevious(first.names()));
    assertEquals(
        first.names().stream().sorted().toList(), steady.names().stream().sorted().toList());
  }

  private static List<Long> zoneCounts(PlacementDecision decision) {
    return List.of("a-", "b-", "c-").stream()
        .map(p -> decision.names().stream().filter(n -> n.startsWith(p)).count())
        .toList();
  }

  @Test
  void decisionGroupsChunkInOrderAndPagesHoldAtMostAHundred() {
    List<Cluster> fleet = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      fleet.add(
          new Cluster(
              "c-" + i,
              Map.of("ring", i < 5 ? "canary" : "main", "zone", "z" + (i % 5)),
              Map.of(),
              Map.of(),
              List.of()));
    }
    PlacementSpec spec =
        ALL.withDecisionGroups(
                List.of(DecisionGroup.of("canary", "ring=canary", IntOrPercent.count(2))))
            .withRollout(
                new RolloutStrategy(
                    List.of("canary"),
                    Optional.of(IntOrPercent.percentage(10)),
                    Optional.of(TopologyKey.label("zone")),
                    Optional.of(IntOrPercent.percentage(20))));
    PlacementDecision decision = schedule(spec, fleet);
    List<PlacementDecision.Group> groups = decision.groups();
    assertEquals(
        List.of("canary", "canary", "canary", ""),
        groups.stream().map(g -> g.groupName()).toList());
    assertEquals(List.of(2, 2, 1, 245), groups.stream().map(g -> g.clusters().size()).toList());
    assertEquals(
        List.of(2, 2, 1, 100, 100, 45),
        decision.pages().stream().map(p -> p.clusters().size()).toList());
    // Canary waves first: 5 canaries, one per zone, all in one wave (10% of 250 = 25 per wave).
    assertEquals("canary", decision.waves().get(0).canaryGroup());
    assertEquals(5, decision.waves().get(0).clusters().size());
    // Then 245 clusters, 49 per zone: per-domain limit 20% of 50 = 10, so 10 per zone per wave.
    assertEquals(25, decision.waves().get(1).clusters().size());
    assertThrows(IllegalArgumentException.class, () -> decision.pages(101));
  }

  @Test
  void explainShowsTheBreakdownOfPickedAndUnpickedClusters() {
    List<Cluster> fleet =
        List.of(
            cluster("a", "z1", "2"),
            cluster("b", "z1", "16"),
            cluster("c", "z1", "1", Taint.of("maintenance", TaintEffect.NoSelect)));
    PlacementSpec spec =
        ALL.withNumberOfClusters(1)
            .withPrioritizers(
                List.of(
                    new Prioritizer.PropertySorter("cpu", Prioritizer.SortOrder.Descending, 1),
                    new Prioritizer.LabelPreference(LabelSelector.parse("zone=z1"), -1)));
    Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(Placement.of("web", spec)));
    Inventory inventory = Inventory.of(fleet);
    Selection selection = scheduler.placement().select(inventory);
    ClusterScheduling a = scheduler.explain(selection, "a", SchedulingContext.at(NOW));
    assertFalse(a.picked());
    assertEquals(-100, a.score());
    assertEquals(2, a.breakdown().size());
    ClusterScheduling c = scheduler.explain(selection, "c", SchedulingContext.at(NOW));
    assertFalse(c.eligible());
    assertEquals("taint maintenance:NoSelect not tolerated", c.reason());
    assertTrue(scheduler.explain(selection, "b", SchedulingContext.at(NOW)).picked());
    assertThrows(
        IllegalArgumentException.class,
        () -> scheduler.explain(selection, "zzz", SchedulingContext.at(NOW)));
  }

  @Test
  void sameInputsSameDecision() {
    RandomSchedules random = new RandomSchedules(7);
    List<Cluster> fleet = random.fleet(300);
    Placement placement = random.placement();
    SchedulingContext context = random.context(fleet);
    Scheduler scheduler = Scheduler.of(CompiledPlacement.compile(placement));
    List<Cluster> reversed = new ArrayList<>(fleet);
    java.util.Collections.reverse(reversed);
    assertEquals(
        scheduler.schedule(Inventory.of(fleet), context),
        scheduler.schedule(Inventory.of(reversed), context),
        "the inventory's order does not matter");
  }
}
