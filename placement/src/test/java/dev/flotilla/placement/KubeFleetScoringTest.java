package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The FleetWeighted property sorter scores as KubeFleet's interpolateWeightFor: cases from
 * kubefleet pkg/scheduler/framework/plugins/clusteraffinity/types_test.go TestInterpolateWeightFor
 * (a node count of 4 between 2 and 7, and the bounds), and Go's math.Round on halves (away from
 * zero, for negative weights too).
 */
class KubeFleetScoringTest {
  private static final boolean DESCENDING = true;
  private static final boolean ASCENDING = false;

  @Test
  void interpolateWeightForCases() {
    assertEquals(3, Scoring.fleetWeighted(4, 2, 7, DESCENDING, 7), "descending, round up");
    assertEquals(3, Scoring.fleetWeighted(4, 2, 7, DESCENDING, 8), "descending, round down");
    assertEquals(5, Scoring.fleetWeighted(4, 2, 7, ASCENDING, 8), "ascending, round up");
    assertEquals(4, Scoring.fleetWeighted(4, 2, 7, ASCENDING, 7), "ascending, round down");
    assertEquals(100, Scoring.fleetWeighted(4, 4, 8, ASCENDING, 100), "ascending, left bound");
    assertEquals(0, Scoring.fleetWeighted(4, 2, 4, ASCENDING, 100), "ascending, right bound");
    assertEquals(100, Scoring.fleetWeighted(4, 2, 4, DESCENDING, 100), "descending, right bound");
    assertEquals(0, Scoring.fleetWeighted(4, 4, 4, DESCENDING, 100), "min value == max value");
    assertEquals(0, Scoring.fleetWeighted(Double.NaN, 2, 7, DESCENDING, 100), "no value");
  }

  @Test
  void halvesRoundAwayFromZeroAsGoDoes() {
    assertEquals(3, Scoring.fleetWeighted(1, 0, 2, DESCENDING, 5)); // 2.5
    assertEquals(-3, Scoring.fleetWeighted(1, 0, 2, DESCENDING, -5)); // -2.5
    assertEquals(1, Scoring.fleetWeighted(1, 0, 2, ASCENDING, 1)); // 0.5
    assertEquals(-1, Scoring.fleetWeighted(1, 0, 2, ASCENDING, -1)); // -0.5
    assertEquals(0.0, Scoring.roundHalfAwayFromZero(0.49999999999999994));
    assertEquals(-0.0, Scoring.roundHalfAwayFromZero(-0.49999999999999994));
  }
}
