package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A compiled term over the index ORs into {@code out} exactly the clusters the reference matches,
 * outside {@code skip}, and meets the CEL errors that testing each cluster alone meets.
 */
class CompiledTermProperties {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();

  @Test
  void indexedEvaluationEqualsTheReferenceOutsideSkip() {
    qt().withFixedSeed(61L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<Cluster> clusters = new ArrayList<>(random.inventory(random.nextInt(400)));
              Inventory inventory = Inventory.of(clusters);
              // Some updates, so that the index has holes, new slots and retyped values.
              for (int step = random.nextInt(20); step > 0 && !clusters.isEmpty(); step--) {
                int i = random.nextInt(clusters.size());
                if (random.nextInt(4) == 0) {
                  inventory = inventory.without(clusters.remove(i).name());
                } else {
                  Cluster changed = random.cluster(clusters.get(i).name());
                  clusters.set(i, changed);
                  inventory = inventory.with(changed);
                }
              }
              ClusterSelectorTerm term = random.term(true);
              CompiledTerm compiled = CompiledTerm.compile(term, "t", CEL);
              int words = Posting.words(inventory.capacity());
              long[] out = new long[words];
              long[] skip = new long[words];
              BitSet before = new BitSet();
              BitSet skipped = new BitSet();
              // Half the runs start fresh (no prior selection, nothing skipped), so that the term
              // writes the selection directly, as a placement's first term does.
              boolean fresh = random.nextInt(2) == 0;
              for (Cluster cluster : fresh ? List.<Cluster>of() : clusters) {
                int ordinal = inventory.ordinal(cluster.name());
                int roll = random.nextInt(6);
                if (roll == 0) {
                  out[ordinal >>> 6] |= 1L << ordinal;
                  before.set(ordinal);
                } else if (roll == 1) {
                  skip[ordinal >>> 6] |= 1L << ordinal;
                  skipped.set(ordinal);
                }
              }
              CompiledPlacement.Errors indexed = new CompiledPlacement.Errors();
              compiled.evaluate(inventory, out, fresh, fresh ? null : skip, indexed);
              CompiledPlacement.Errors alone = new CompiledPlacement.Errors();
              String context = "seed " + seed + " term " + term;
              for (Cluster cluster : clusters) {
                int ordinal = inventory.ordinal(cluster.name());
                boolean in = (out[ordinal >>> 6] & (1L << ordinal)) != 0;
                if (skipped.get(ordinal)) {
                  assertEquals(before.get(ordinal), in, () -> context + " skipped " + cluster);
                  continue;
                }
                boolean matches = ReferenceWithCel.matches(term, cluster);
                assertEquals(before.get(ordinal) || matches, in, () -> context + " " + cluster);
                if (!before.get(ordinal)) {
                  assertEquals(
                      matches,
                      compiled.test(ClusterFacts.of(cluster), alone),
                      () -> context + " test " + cluster);
                }
              }
              assertEquals(alone.count, indexed.count, context + " errors");
              long[] live = inventory.all().words();
              for (int w = 0; w < words; w++) {
                assertEquals(0, out[w] & ~live[w], context + " only live");
              }
            });
  }
}
