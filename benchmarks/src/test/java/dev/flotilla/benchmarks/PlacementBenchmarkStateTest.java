package dev.flotilla.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.benchmarks.state.FleetState;
import dev.flotilla.benchmarks.state.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each placement benchmark method computes the right answer, so none can measure wrong code. */
class PlacementBenchmarkStateTest {
  private static final int CLUSTERS = 20_000;

  /**
   * Counts at 20,000 clusters, seed 42, 16 labels, computed once and pinned: a change to the
   * generator or the engine shows here before it silently changes what the benchmarks measure.
   * (They fit the generator's skew: prod 85%, bronze 50%, canary 2%, racks 1..48, gold 15%, stores
   * 55%, most clusters on Kubernetes 1.30.x or later.)
   */
  private static final Map<Shape, Integer> EXPECTED =
      Map.of(
          Shape.EQUALITY, 16994,
          Shape.SET, 10083,
          Shape.NOT_IN, 8526,
          Shape.EXISTS_NOT_KEY, 19604,
          Shape.GT, 3338,
          Shape.MIX_CEL, 389,
          Shape.CEL_VERSION, 17211,
          Shape.CEL_NAME_PREFIX, 11156);

  private final PlacementBenchmark benchmark = new PlacementBenchmark();

  @ParameterizedTest
  @EnumSource(Shape.class)
  void indexedScanAndPeerCountTheSameClusters(Shape shape) {
    FleetState state = FleetState.of(shape.paramName(), CLUSTERS, 16);

    int indexed = benchmark.indexed(state);

    assertEquals(indexed, benchmark.scan(state), "scan vs indexed");
    if (shape.hasPeer()) {
      assertEquals(indexed, benchmark.peer(state), "peer vs indexed");
    } else {
      assertThrows(UnsupportedOperationException.class, () -> benchmark.peer(state));
    }
    assertEquals(EXPECTED.get(shape), indexed, "pinned count");
  }

  @Test
  void floorCountsTheProdPosting() {
    FleetState state = FleetState.of(Shape.EQUALITY.paramName(), CLUSTERS, 16);

    assertEquals(EXPECTED.get(Shape.EQUALITY), benchmark.floor(state));
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void paramNamesRoundTrip(Shape shape) {
    assertEquals(shape, Shape.ofParam(shape.paramName()));
  }
}
