package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code flotilla place} on the Karmada example (examples/peers/karmada). */
class KarmadaPlaceCommandTest {
  private static final String DIR = "../examples/peers/karmada/";

  @Test
  void placesThePropagationPolicyAsKarmada() {
    // member3: NoExecute taint, tolerated for NoSchedule only; member4: Ready False (not-ready).
    FlotillaTest.Result names =
        FlotillaTest.run(
            "place",
            "--inventory",
            DIR + "clusters.yaml",
            "--placement",
            DIR + "propagationpolicy.yaml",
            "--replicas",
            "12",
            "-o",
            "names");
    assertEquals(0, names.status(), names.err());
    assertEquals("member1\nmember2\n", names.out());
    FlotillaTest.Result yaml =
        FlotillaTest.run(
            "place",
            "--inventory",
            DIR + "clusters.yaml",
            "--placement",
            DIR + "propagationpolicy.yaml",
            "--replicas",
            "12",
            "-o",
            "yaml");
    assertEquals(0, yaml.status(), yaml.err());
    // Webster's method over available replicas 6 and 8 (division_algorithm.go).
    assertTrue(yaml.out().contains("replicas:\n  member1: 5\n  member2: 7\n"), yaml.out());
  }

  @Test
  void refusesRegionSpreadWithFieldPath() {
    FlotillaTest.Result result =
        FlotillaTest.run(
            "place",
            "--inventory",
            DIR + "clusters.yaml",
            "--placement",
            DIR + "bad-policy.yaml",
            "-o",
            "names");
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error:"), result.err());
    assertTrue(
        result.err().contains("spec.placement.spreadConstraints[0].spreadByField"), result.err());
  }
}
