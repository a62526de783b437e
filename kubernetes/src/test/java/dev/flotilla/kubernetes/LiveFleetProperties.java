package dev.flotilla.kubernetes;

import static dev.flotilla.kubernetes.TestObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.DecisionDelta;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.ReferencePlacement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * After any sequence of events, a live fleet holds what a reference built from scratch holds: the
 * inventory of the last version of each object (or its last good one), the selections of the
 * registered placements evaluated from scratch over an inventory rebuilt from scratch (and, for
 * label selectors, by the test kit's reference evaluator), and deltas that are the difference
 * between them.
 */
class LiveFleetProperties {
  private static final List<String> SELECTORS =
      List.of("env=prod", "env in (dev,staging)", "tier!=1", "!tier", "env=prod,tier=2", "");
  private static final ReferencePlacement REFERENCE = ReferencePlacement.withoutCel();

  /** The placements a run registers subsets of: the selectors above, then one with CEL. */
  private static final List<Placement> POOL = pool();

  /** Each placement of the pool compiled once, for the reference evaluations from scratch. */
  private static final Map<Placement, CompiledPlacement> COMPILED = new HashMap<>();

  private static List<Placement> pool() {
    List<Placement> pool = new ArrayList<>();
    for (int i = 0; i < SELECTORS.size(); i++) {
      pool.add(
          new Placement(
              "p" + i,
              "ns",
              PlacementSpec.selecting(ClusterSelectorTerm.labels(SELECTORS.get(i)))));
    }
    pool.add(
        new Placement(
            "cel",
            "ns",
            PlacementSpec.selecting(
                new ClusterSelectorTerm(
                    LabelSelector.everything(),
                    List.of(),
                    List.of("cluster.labels.env.startsWith('p') || cluster.name.endsWith('3')")))));
    return List.copyOf(pool);
  }

  @Test
  void aLiveFleetFollowsItsEventsAsAReferenceRebuiltFromScratch() {
    qt().withFixedSeed(120_2026L)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(seed -> new Run(seed).check());
  }

  /** One random sequence of events, replayed on a live fleet and on the reference model. */
  private static final class Run {
    private final Random random;
    private final long seed;
    private final List<FleetChange> changes = new ArrayList<>();
    private final LiveFleet<Map<String, ?>> fleet;

    // The reference: what was applied, and what is queued.
    private final TreeMap<String, Cluster> applied = new TreeMap<>();
    private final Set<String> problems = new HashSet<>();
    private LinkedHashMap<String, Map<String, ?>> queued = new LinkedHashMap<>();
    private Set<String> keep;
    private List<Placement> registered = List.of();
    private List<Placement> registering;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
      int limit = new int[] {0, 2, 1_000}[random.nextInt(3)];
      this.fleet =
          LiveFleet.forObjects(TestObjects::toCluster)
              .listener(changes::add)
              .problems(p -> {})
              .manualFlush()
              .stepwiseLimit(limit)
              .build();
    }

    void check() {
      int steps = 20 + random.nextInt(60);
      for (int step = 0; step < steps; step++) {
        int choice = random.nextInt(100);
        String name = "c" + random.nextInt(16);
        if (choice < 55) {
          Map<String, ?> object = randomObject(name);
          if (random.nextBoolean()) {
            fleet.added(object);
          } else {
            fleet.updated(object);
          }
          queued.put(name, object);
          if (keep != null) {
            keep.add(name);
          }
        } else if (choice < 70) {
          fleet.deleted(name);
          queued.put(name, null);
          if (keep != null) {
            keep.remove(name);
          }
        } else if (choice < 75) {
          List<Map<String, ?>> all = new ArrayList<>();
          queued = new LinkedHashMap<>();
          keep = new HashSet<>();
          for (int i = 0; i < 16; i++) {
            if (random.nextInt(3) > 0) {
              Map<String, ?> object = randomObject("c" + i);
              all.add(object);
              queued.put("c" + i, object);
              keep.add("c" + i);
            }
          }
          fleet.resync(all);
        } else if (choice < 80) {
          List<Placement> placements = new ArrayList<>();
          for (int i = 0; i < POOL.size(); i++) {
            if (random.nextInt(i < SELECTORS.size() ? 2 : 4) == 0) {
              placements.add(POOL.get(i));
            }
          }
          fleet.placements(placements);
          registering = placements;
        } else {
          flushAndCompare(step);
        }
      }
      flushAndCompare(steps);
    }

    private Map<String, ?> randomObject(String name) {
      Map<String, String> labels = new HashMap<>();
      labels.put("env", List.of("prod", "dev", "staging").get(random.nextInt(3)));
      if (random.nextBoolean()) {
        labels.put("tier", String.valueOf(1 + random.nextInt(2)));
      }
      if (random.nextInt(10) == 0) {
        labels.put("broken", "not a label value!");
      }
      return object(name, labels, random.nextInt(5) == 0 ? "maintenance" : null);
    }

    private void flushAndCompare(int step) {
      String where = "seed " + seed + " step " + step;
      TreeMap<String, Cluster> before = new TreeMap<>(applied);
      Map<String, TreeSet<String>> selectedBefore = selections(registered, before);
      Set<String> problemsBefore = new HashSet<>(problems);
      List<Placement> registeredBefore = registered;
      applyReference();
      int published = changes.size();
      fleet.flush();

      FleetSnapshot snapshot = fleet.snapshot();
      assertEquals(List.copyOf(applied.values()), snapshot.inventory().clusters(), where);
      assertEquals(problems, snapshot.problems().keySet(), where);
      assertEquals(registered, snapshot.placements(), where);
      Map<String, TreeSet<String>> selectedAfter = selections(registered, applied);
      for (Placement placement : registered) {
        assertEquals(
            selectedAfter.get(FleetBatch.key(placement)),
            new TreeSet<>(snapshot.selected(placement.namespace(), placement.name()).names()),
            where + " " + placement.name());
      }

      boolean changed =
          !before.equals(applied)
              || !problemsBefore.equals(problems)
              || registeredBefore != registered;
      assertEquals(changed ? published + 1 : published, changes.size(), where);
      if (!changed) {
        return;
      }
      FleetChange change = changes.get(changes.size() - 1);
      assertTrue(change.after() == snapshot, where);
      List<String> added = new ArrayList<>();
      List<String> updated = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      Set<String> names = new TreeSet<>(before.keySet());
      names.addAll(applied.keySet());
      for (String name : names) {
        if (!before.containsKey(name)) {
          added.add(name);
        } else if (!applied.containsKey(name)) {
          removed.add(name);
        } else if (!before.get(name).equals(applied.get(name))) {
          updated.add(name);
        }
      }
      assertEquals(added, change.added(), where);
      assertEquals(updated, change.updated(), where);
      assertEquals(removed, change.removed(), where);
      assertEquals(expectedDeltas(selectedBefore, selectedAfter), change.deltas(), where);
    }

    /** Applies the queued batch to the reference, the way the specification says. */
    private void applyReference() {
      if (keep != null) {
        Set<String> known = new HashSet<>(applied.keySet());
        known.addAll(problems);
        for (String name : known) {
          if (!keep.contains(name)) {
            queued.put(name, null);
          }
        }
      }
      for (Map.Entry<String, Map<String, ?>> operation : queued.entrySet()) {
        String name = operation.getKey();
        if (operation.getValue() == null) {
          applied.remove(name);
          problems.remove(name);
          continue;
        }
        try {
          applied.put(name, TestObjects.toCluster(operation.getValue()));
          problems.remove(name);
        } catch (ValidationException e) {
          problems.add(name);
        }
      }
      if (registering != null) {
        registered = registering;
      }
      queued = new LinkedHashMap<>();
      keep = null;
      registering = null;
    }

    private static Map<String, TreeSet<String>> selections(
        List<Placement> placements, TreeMap<String, Cluster> clusters) {
      Map<String, TreeSet<String>> out = new HashMap<>();
      Inventory rebuilt = Inventory.of(clusters.values());
      for (Placement placement : placements) {
        CompiledPlacement compiled =
            COMPILED.computeIfAbsent(placement, CompiledPlacement::compile);
        TreeSet<String> selected = new TreeSet<>(compiled.select(rebuilt).clusters().names());
        if (placement.spec().clusterSelectors().get(0).celExpressions().isEmpty()) {
          assertEquals(REFERENCE.select(placement, List.copyOf(clusters.values())), selected);
        }
        out.put(FleetBatch.key(placement), selected);
      }
      return out;
    }

    private static List<DecisionDelta> expectedDeltas(
        Map<String, TreeSet<String>> before, Map<String, TreeSet<String>> after) {
      TreeSet<String> keys = new TreeSet<>(before.keySet());
      keys.addAll(after.keySet());
      List<DecisionDelta> deltas = new ArrayList<>();
      for (String key : keys) {
        TreeSet<String> was = before.getOrDefault(key, new TreeSet<>());
        TreeSet<String> is = after.getOrDefault(key, new TreeSet<>());
        TreeSet<String> in = new TreeSet<>(is);
        in.removeAll(was);
        TreeSet<String> out = new TreeSet<>(was);
        out.removeAll(is);
        if (!in.isEmpty() || !out.isEmpty()) {
          deltas.add(new DecisionDelta(key, List.copyOf(in), List.copyOf(out)));
        }
      }
      return deltas;
    }
  }
}
