package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CEL evaluated once per combination of the values it reads, over the index, selects the clusters
 * and reports the errors (cluster, expression, message, in order) that evaluating each cluster
 * alone does, on random fleets (with holes and updated slots) and random expressions from a small
 * grammar of key reads, conversions that fail, {@code has} and missing keys.
 */
class CombinationsProperties {
  private static final ExpressionEnvironment CEL = ExpressionEnvironment.forClusters();

  @Test
  void oncePerCombinationEqualsOncePerCluster() {
    qt().withFixedSeed(1507L)
        .withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              RandomFleets random = new RandomFleets(seed);
              List<String> cel = new ArrayList<>();
              if (random.nextInt(3) == 0) {
                cel.add(random.pick(NAME_TESTS));
              }
              for (int i = 1 + random.nextInt(2) - cel.size(); i > 0; i--) {
                cel.add(expression(random, 2));
              }
              ClusterSelectorTerm term =
                  new ClusterSelectorTerm(
                      random.nextInt(3) == 0
                          ? LabelSelector.of(List.of(random.requirement()))
                          : LabelSelector.of(List.of()),
                      List.of(),
                      cel);
              CompiledTerm compiled = CompiledTerm.compile(term, "t", CEL);
              List<Cluster> clusters = new ArrayList<>(random.inventory(random.nextInt(300)));
              Inventory inventory = Inventory.of(clusters);
              // Evaluated once before the updates, so that later snapshots share its name index.
              int first = Posting.words(inventory.capacity());
              compiled.evaluate(inventory, new long[first], true, null, new Recorded());
              for (int step = random.nextInt(20); step > 0 && !clusters.isEmpty(); step--) {
                int i = random.nextInt(clusters.size());
                if (random.nextInt(4) == 0) {
                  inventory = inventory.without(clusters.remove(i).name());
                } else if (random.nextInt(3) == 0) {
                  Cluster added = random.cluster("c-" + (300 + step) + "-new");
                  clusters.add(added);
                  inventory = inventory.with(added);
                } else {
                  Cluster changed = random.cluster(clusters.get(i).name());
                  clusters.set(i, changed);
                  inventory = inventory.with(changed);
                }
              }
              int words = Posting.words(inventory.capacity());
              long[] out = new long[words];
              Recorded indexed = new Recorded();
              compiled.evaluate(inventory, out, false, new long[words], indexed);

              long[] expected = new long[words];
              Recorded alone = new Recorded();
              for (int ordinal = 0; ordinal < inventory.capacity(); ordinal++) {
                if (inventory.nameAt(ordinal) != null
                    && compiled.test(ClusterFacts.of(inventory, ordinal), alone)) {
                  expected[ordinal >>> 6] |= 1L << ordinal;
                }
              }
              String context = "seed " + seed + " cel " + cel;
              for (int w = 0; w < words; w++) {
                assertEquals(expected[w], out[w], context + " word " + w);
              }
              assertEquals(alone.errors, indexed.errors, context + " errors");
              // Again on the same snapshot: one-key terms now read their cached outcomes.
              long[] again = new long[words];
              Recorded cached = new Recorded();
              compiled.evaluate(inventory, again, true, null, cached);
              for (int w = 0; w < words; w++) {
                assertEquals(expected[w], again[w], context + " again, word " + w);
              }
              assertEquals(alone.errors, cached.errors, context + " again, errors");
            });
  }

  /** Tests of the name, some answered by the name dictionary, some not. */
  private static final List<String> NAME_TESTS =
      List.of(
          "cluster.name.startsWith('c-1')",
          "cluster.name.startsWith(\"c-\")",
          "cluster.name.startsWith('')",
          "cluster.name.startsWith('d')",
          "cluster.name.endsWith('7')",
          "cluster.name.endsWith('-new')",
          "cluster.name in ['c-1', 'c-22', 'zz', 'c-305-new']",
          "cluster.name in []",
          "cluster.name.matches('^c-1.*')",
          "cluster.name.matches('^c-2[0-9]$')",
          "cluster.name.matches('^c-3|7')",
          "cluster.name.matches('^c-2?1')",
          "cluster.name.matches('c-1')",
          "cluster.name.startsWith('c-1') || cluster.labels.a == 'x'");

  /** A boolean expression over labels a, b, c, n and properties cpu, version, site. */
  private static String expression(RandomFleets random, int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      String left = expression(random, depth - 1);
      String right = expression(random, depth - 1);
      return switch (random.nextInt(3)) {
        case 0 -> "(" + left + " && " + right + ")";
        case 1 -> "(" + left + " || " + right + ")";
        default -> "!(" + left + ")";
      };
    }
    String key = random.pick(RandomFleets.KEYS);
    String value = random.pick(RandomFleets.VALUES);
    return switch (random.nextInt(11)) {
      case 0 -> "cluster.labels." + key + " == '" + value + "'";
      case 1 -> "cluster.labels['" + key + "'] != '" + value + "'";
      case 2 -> "int(cluster.labels." + key + ") > 3"; // errors on non-integers and missing keys
      case 3 -> "has(cluster.labels." + key + ")";
      case 4 -> "'" + key + "' in cluster.labels && cluster.labels." + key + ".startsWith('1')";
      case 5 -> "semver(cluster.properties.version).isGreaterThan(semver('1.30.0'))";
      case 6 -> "quantity(cluster.properties.cpu).isGreaterThan(quantity('1'))";
      case 7 -> "cluster.properties.site.size() > 0 && cluster.labels.b == '" + value + "'";
      case 8 -> "has(cluster.properties.cpu) ? int(cluster.properties.cpu) >= 2 : false";
      case 9 -> "cluster.labels." + key + " in ['x', '5'] || !has(cluster.properties.site)";
      default -> "1 / (size(cluster.labels.?" + key + ".orValue('')) - 1) >= 0";
    };
  }

  /** Every error, in the order reported. */
  private static final class Recorded implements CompiledTerm.ErrorSink {
    final List<String> errors = new ArrayList<>();

    @Override
    public void report(String cluster, CompiledExpression expression, String message) {
      errors.add(cluster + " | " + expression.source() + " | " + message);
    }
  }
}
