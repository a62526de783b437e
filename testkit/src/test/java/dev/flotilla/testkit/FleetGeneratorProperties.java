package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of {@link FleetGenerator} over any seed, size and label count. */
class FleetGeneratorProperties {

  @Test
  void anySeedGivesAValidFleetWhoseClustersCanBeBuiltAlone() {
    qt().withFixedSeed(211L)
        .withExamples(200)
        .forAll(longs().all(), integers().between(0, 300), integers().between(0, 16))
        .checkAssert(
            (seed, size, labels) -> {
              FleetGenerator generator =
                  FleetGenerator.builder()
                      .seed(seed)
                      .clusters(size)
                      .labelsPerCluster(labels)
                      .build();
              List<Cluster> clusters = generator.generate();
              assertEquals(size, clusters.size());
              Set<String> names = new HashSet<>();
              Set<String> serials = new HashSet<>();
              for (int i = 0; i < size; i++) {
                Cluster cluster = clusters.get(i);
                assertEquals(cluster, generator.cluster(i));
                assertTrue(names.add(cluster.name()), cluster.name());
                assertTrue(generator.labelKeys().containsAll(cluster.labels().keySet()));
                int expected =
                    cluster.labels().containsKey(FleetGenerator.LABEL_CANARY) || labels <= 4
                        ? labels
                        : labels - 1;
                assertEquals(expected, cluster.labels().size(), cluster.labels().toString());
                String serial = cluster.labels().get(FleetGenerator.LABEL_SERIAL);
                assertTrue(serial == null || serials.add(serial), serial);
              }
            });
  }

  @Test
  void relabelledClustersStayValidAndDiffer() {
    qt().withFixedSeed(213L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(0, 99), longs().all(), integers().between(1, 16))
        .checkAssert(
            (seed, ordinal, relabelSeed, labels) -> {
              FleetGenerator generator =
                  FleetGenerator.builder()
                      .seed(seed)
                      .clusters(100)
                      .labelsPerCluster(labels)
                      .build();
              Cluster cluster = generator.cluster(ordinal);
              Cluster changed = generator.relabel(cluster, relabelSeed);
              assertTrue(!changed.equals(cluster), cluster.labels().toString());
              Cluster twice = generator.relabel(changed, relabelSeed + 1);
              assertTrue(generator.labelKeys().containsAll(twice.labels().keySet()));
            });
  }
}
