package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void refusesRegionSpreadWithFieldPath(@TempDir Path dir) throws IOException {
    Path bad =
        FlotillaTest.write(
            dir,
            "bad-policy.yaml",
            """
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata:
              name: nginx
            spec:
              resourceSelectors:
              - {apiVersion: apps/v1, kind: Deployment, name: nginx}
              placement:
                spreadConstraints:
                - {spreadByField: region, maxGroups: 2}
                - {spreadByField: cluster, maxGroups: 3}
            """);
    FlotillaTest.Result result =
        FlotillaTest.run(
            "place",
            "--inventory",
            DIR + "clusters.yaml",
            "--placement",
            bad.toString(),
            "-o",
            "names");
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error:"), result.err());
    assertTrue(
        result.err().contains("spec.placement.spreadConstraints[0].spreadByField"), result.err());
  }
}
