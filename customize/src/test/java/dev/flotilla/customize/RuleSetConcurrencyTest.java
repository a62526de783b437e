package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.DEPLOYMENT;
import static dev.flotilla.customize.Fixtures.policy;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One rule set used from several threads at once gives each thread the single-threaded answer. */
class RuleSetConcurrencyTest {
  @Test
  void sharedResultsAreSafeAcrossThreads() throws Exception {
    RuleSet rules =
        RuleSet.compile(
            List.of(
                policy(
                    "c",
                    """
                    rules:
                    - name: all
                      clusterSelector: {}
                      labels: {add: {region: "${cluster.labels[?'region'].orValue('none')}"}}
                      replicas: "${ size(cluster.labels) }"
                      annotations: {add: {cpu: "${cluster.properties[?'cpu'].orValue('?')}"}}
                    """)));
    List<Cluster> clusters = RuleSetProperties.inventory(new Random(5), 300);
    JsonNode deployment = yaml(DEPLOYMENT);
    List<Optional<JsonNode>> expected = new ArrayList<>();
    for (Cluster cluster : clusters) {
      expected.add(rules.applyFresh(cluster, deployment));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Optional<JsonNode>>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<Optional<JsonNode>> out = new ArrayList<>();
                  for (int round = 0; round < 5; round++) {
                    out.clear();
                    for (Cluster cluster : clusters) {
                      out.add(rules.apply(cluster, deployment));
                    }
                  }
                  return out;
                }));
      }
      for (Future<List<Optional<JsonNode>>> future : futures) {
        assertEquals(expected, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
