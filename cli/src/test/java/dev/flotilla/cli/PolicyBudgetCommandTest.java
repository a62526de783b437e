package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A placement whose CEL cannot fit the policy budget is an input error, not a crash or a hang. */
class PolicyBudgetCommandTest {
  @TempDir Path dir;

  @Test
  void placeRefusesAnExpressionHopelessAtFleetScale() throws IOException {
    StringBuilder inventory = new StringBuilder("kind: ClusterInventory\nclusters:\n");
    for (int i = 0; i < 300; i++) {
      inventory.append("- {name: c").append(i).append(", labels: {env: prod}}\n");
    }
    String all = "x >= 0";
    for (int level = 0; level < 6; level++) {
      all = "[0,1,2,3,4,5,6,7,8,9].all(x, " + all + ")";
    }
    Path fleet = FlotillaTest.write(dir, "fleet.yaml", inventory.toString());
    Path placement =
        FlotillaTest.write(
            dir,
            "p.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: nested}
            spec:
              clusterSelectors:
              - celSelector:
                  expressions: ["%s"]
            """
                .formatted(all));
    FlotillaTest.Result result =
        FlotillaTest.run(
            "place", "--inventory", fleet.toString(), "--placement", placement.toString());
    assertEquals(1, result.status(), result.err());
    assertTrue(result.err().startsWith("error: "), result.err());
    assertTrue(result.err().contains("placement default/nested"), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
  }
}
