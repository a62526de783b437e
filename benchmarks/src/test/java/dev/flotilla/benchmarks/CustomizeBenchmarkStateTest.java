package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.benchmarks.state.CustomizeState;
import dev.flotilla.customize.CustomizationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customize benchmark's methods compute the right answer, so none can measure wrong code. */
class CustomizeBenchmarkStateTest {
  private static final int CLUSTERS = 5_000;

  @Test
  void dedupEqualsNaiveAndCountsArePinned() {
    CustomizeState state = CustomizeState.of(CLUSTERS);
    CustomizeBenchmark benchmark = new CustomizeBenchmark();
    CustomizationResult result = benchmark.dedup(state);
    int deleted = 0;
    for (Cluster cluster : state.fleet) {
      List<JsonNode> expected =
          state.uncached.apply(cluster, state.deployment).map(List::of).orElse(List.of());
      assertEquals(expected, result.manifests(cluster.name()), cluster.name());
      if (expected.isEmpty()) {
        deleted++;
      }
    }
    assertEquals(List.of(), result.errors());
    assertEquals(CLUSTERS - deleted, benchmark.naive(state));
    // Pinned at 5,000 clusters, seed 42: a change to the generator or the engine shows here
    // before it silently changes what the benchmark measures.
    assertEquals(627, deleted, "clusters whose Deployment is deleted (arm-gateway)");
    assertEquals(630, result.distinctOutputs(), "distinct outputs computed");
    assertTrue(result.distinctOutputs() < CLUSTERS / 4, "de-duplication shares outputs");
    JsonNode one = benchmark.applyOne(state);
    JsonNode fresh = benchmark.applyOneFresh(state);
    assertEquals("Deployment", one.get("kind").asText());
    assertEquals(result.manifests(state.kept[0].name()).get(0), one);
    assertEquals(result.manifests(state.kept[1].name()).get(0), fresh);
  }
}
