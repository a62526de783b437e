package dev.flotilla.placement;

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
import dev.flotilla.api.placement.TolerationOperator;
import dev.flotilla.api.placement.TopologyKey;
import dev.flotilla.api.placement.WhenUnsatisfiable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Random fleets and scheduling specs over small vocabularies (few zones, few cpu values, some
 * taints), so that ties, skewed domains, missing keys and expiring tolerations all happen often.
 * Seeded: a failing seed replays.
 */
final class RandomSchedules {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final List<String> ZONES = List.of("z1", "z2", "z3", "z4");
  static final List<String> TIERS = List.of("gold", "silver", "bronze");
  static final List<String> CPU = List.of("1", "2", "4", "500m", "16", "bogus");
  static final List<String> TAINT_KEYS = List.of("maintenance", "degraded", "retiring");

  private final SplittableRandom random;
  // Draws for later features (tie-break, sorter gates and scales) come from a stream of their own,
  // so the examples the older properties see stay the same.
  private final SplittableRandom extra;

  RandomSchedules(long seed) {
    this.random = new SplittableRandom(seed);
    this.extra = new SplittableRandom(seed * 31 + 7);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  List<Cluster> fleet(int size) {
    List<Cluster> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(cluster("c-" + i));
    }
    return out;
  }

  Cluster cluster(String name) {
    Map<String, String> labels = new HashMap<>();
    // Skewed zones: z1 is common, z4 rare, a few clusters have none.
    int z = random.nextInt(10);
    if (z < 9) {
      labels.put("zone", ZONES.get(z < 4 ? 0 : z < 7 ? 1 : z < 8 ? 2 : 3));
    }
    labels.put("tier", pick(TIERS));
    if (random.nextInt(5) == 0) {
      labels.put("canary", "true");
    }
    Map<String, String> properties = new HashMap<>();
    if (random.nextInt(6) > 0) {
      properties.put("cpu", pick(CPU));
    }
    properties.put("region", pick(List.of("eu", "us")));
    List<Taint> taints = new ArrayList<>();
    if (random.nextInt(6) == 0) {
      TaintEffect effect = pick(List.of(TaintEffect.values()));
      Optional<Instant> added =
          random.nextBoolean()
              ? Optional.of(NOW.minusSeconds(random.nextInt(200)))
              : Optional.empty();
      taints.add(new Taint(pick(TAINT_KEYS), "", effect, added));
    }
    return new Cluster(name, labels, Map.of(), properties, taints);
  }

  Placement placement() {
    PlacementSpec spec = PlacementSpec.selecting(selector());
    List<Toleration> tolerations = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Optional<TaintEffect> effect =
          random.nextBoolean()
              ? Optional.empty()
              : Optional.of(pick(List.of(TaintEffect.values())));
      OptionalLong seconds =
          random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(random.nextInt(300));
      tolerations.add(
          new Toleration(pick(TAINT_KEYS), TolerationOperator.Exists, "", effect, seconds));
    }
    spec = spec.withTolerations(tolerations);
    if (random.nextInt(5) > 0) {
      spec = spec.withNumberOfClusters(random.nextInt(25));
    }
    List<Prioritizer> prioritizers = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      int weight = random.nextInt(7) - 2;
      prioritizers.add(
          switch (random.nextInt(5)) {
            case 0 ->
                new Prioritizer.PropertySorter(
                    "cpu",
                    pick(List.of(Prioritizer.SortOrder.values())),
                    weight,
                    extra.nextInt(3) == 0
                        ? Optional.of(
                            LabelSelector.parse("tier!=" + TIERS.get(extra.nextInt(TIERS.size()))))
                        : Optional.empty(),
                    extra.nextBoolean()
                        ? Prioritizer.SorterScale.FleetWeighted
                        : Prioritizer.SorterScale.Normalized);
            case 3 -> new Prioritizer.PreviouslyPicked(weight);
            case 4 ->
                new Prioritizer.PropertyScale(
                    "cpu",
                    pick(List.of(Prioritizer.SortOrder.values())),
                    random.nextBoolean() ? Optional.empty() : Optional.of("region"),
                    weight);
            case 1 ->
                new Prioritizer.LabelPreference(LabelSelector.parse("tier=" + pick(TIERS)), weight);
            default -> new Prioritizer.Score("latency", weight);
          });
    }
    spec = spec.withPrioritizers(prioritizers);
    if (random.nextBoolean()) {
      spec = spec.withSpreadConstraints(List.of(spread()));
    }
    if (random.nextBoolean()) {
      spec =
          spec.withDecisionGroups(
              List.of(
                  new DecisionGroup(
                      "canaries",
                      LabelSelector.parse("canary=true"),
                      Optional.of(IntOrPercent.count(1 + random.nextInt(3)))),
                  new DecisionGroup(
                      "gold",
                      LabelSelector.parse("tier=gold"),
                      random.nextBoolean()
                          ? Optional.empty()
                          : Optional.of(IntOrPercent.percentage(1 + random.nextInt(60))))));
      if (random.nextBoolean()) {
        spec = spec.withRollout(rollout(List.of("canaries")));
      }
    } else if (random.nextBoolean()) {
      spec = spec.withRollout(rollout(List.of()));
    }
    if (extra.nextInt(3) == 0) {
      // OCM's grouping: one chunk size for every group, sorted by name (drawn from `extra` so the
      // other draws stay as they were).
      spec =
          spec.withDecisionGroups(
                  spec.decisionGroups().stream()
                      .map(
                          g ->
                              new DecisionGroup(
                                  g.groupName(), g.clusterSelector(), Optional.empty()))
                      .toList())
              .withClustersPerDecisionGroup(
                  Optional.of(
                      extra.nextBoolean()
                          ? IntOrPercent.count(1 + extra.nextInt(5))
                          : IntOrPercent.percentage(1 + extra.nextInt(100))));
    }
    return Placement.of("p" + random.nextInt(3), spec);
  }

  ClusterSelectorTerm selector() {
    return switch (random.nextInt(3)) {
      case 0 -> ClusterSelectorTerm.labels("tier!=bronze");
      default -> ClusterSelectorTerm.all();
    };
  }

  SpreadConstraint spread() {
    TopologyKey key =
        random.nextInt(4) == 0 ? TopologyKey.property("region") : TopologyKey.label("zone");
    OptionalInt min =
        random.nextInt(3) == 0 ? OptionalInt.of(1 + random.nextInt(5)) : OptionalInt.empty();
    OptionalInt max =
        random.nextInt(3) == 0
            ? OptionalInt.of(Math.max(min.orElse(1), 1 + random.nextInt(4)))
            : OptionalInt.empty();
    return new SpreadConstraint(
        key,
        1 + random.nextInt(3),
        min,
        max,
        random.nextBoolean() ? WhenUnsatisfiable.DoNotSchedule : WhenUnsatisfiable.ScheduleAnyway);
  }

  RolloutStrategy rollout(List<String> canaries) {
    Optional<IntOrPercent> concurrency =
        random.nextBoolean()
            ? Optional.of(IntOrPercent.count(1 + random.nextInt(6)))
            : random.nextBoolean()
                ? Optional.of(IntOrPercent.percentage(1 + random.nextInt(100)))
                : Optional.empty();
    boolean perDomain = random.nextBoolean();
    return new RolloutStrategy(
        canaries,
        concurrency,
        perDomain ? Optional.of(TopologyKey.label("zone")) : Optional.empty(),
        perDomain
            ? Optional.of(
                random.nextBoolean()
                    ? IntOrPercent.count(1 + random.nextInt(3))
                    : IntOrPercent.percentage(1 + random.nextInt(100)))
            : Optional.empty());
  }

  /** A context at {@link #NOW} (or up to 300 s later), some previous picks, some scores. */
  SchedulingContext context(List<Cluster> fleet) {
    Instant now = NOW.plusSeconds(random.nextInt(300));
    Set<String> previous = new TreeSet<>();
    if (random.nextBoolean()) {
      for (int i = random.nextInt(10); i > 0 && !fleet.isEmpty(); i--) {
        previous.add(pick(fleet).name());
      }
    }
    ClusterScores.Builder scores = ClusterScores.builder();
    for (Cluster cluster : fleet) {
      if (random.nextInt(3) == 0) {
        scores.put(
            "latency",
            cluster.name(),
            random.nextInt(201) - 100,
            NOW.plusSeconds(random.nextInt(400)));
      }
    }
    return SchedulingContext.at(now).withPrevious(previous).withScores(scores.build());
  }
}
