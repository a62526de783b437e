package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar ships exactly the files of {@code crds/}, and the class finds and loads them. */
class CustomResourceDefinitionsTest {
  @Test
  void theJarShipsEveryFileOfCrdsAsItIs() {
    List<String> kinds = new ArrayList<>();
    for (Path file : Repository.crdFiles()) {
      String kind = Repository.readCrd(file).path("spec").path("names").path("kind").asText();
      kinds.add(kind);
      assertEquals(
          CustomResourceDefinitions.RESOURCE_DIRECTORY + file.getFileName(),
          CustomResourceDefinitions.resource(kind));
      assertEquals(Repository.read(file), CustomResourceDefinitions.yaml(kind), file.toString());
    }
    List<String> ordered = new ArrayList<>(FlotillaKinds.ALL);
    ordered.retainAll(kinds);
    assertEquals(ordered, CustomResourceDefinitions.kinds());
  }

  @Test
  void treesAreTheDefinitionsAndFreshCopies() {
    JsonNode placement = CustomResourceDefinitions.tree(FlotillaKinds.PLACEMENT);
    assertEquals("CustomResourceDefinition", placement.path("kind").asText());
    assertEquals("placements.flotilla.dev", placement.path("metadata").path("name").asText());
    ((ObjectNode) placement).remove("spec");
    JsonNode again = CustomResourceDefinitions.tree(FlotillaKinds.PLACEMENT);
    assertNotSame(placement, again);
    assertTrue(again.has("spec"));
  }

  @Test
  void namesFollowKubernetesConventions() {
    assertEquals("placements", CustomResourceDefinitions.plural(FlotillaKinds.PLACEMENT));
    assertEquals("customizations", CustomResourceDefinitions.plural(FlotillaKinds.CUSTOMIZATION));
    assertEquals("statussummaries", CustomResourceDefinitions.plural(FlotillaKinds.STATUS_SUMMARY));
    assertEquals(
        "placementdecisions", CustomResourceDefinitions.plural(FlotillaKinds.PLACEMENT_DECISION));
    assertEquals(
        "statussummaries.flotilla.dev",
        CustomResourceDefinitions.name(FlotillaKinds.STATUS_SUMMARY));
  }

  @Test
  void otherKindsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CustomResourceDefinitions.yaml("Cluster"));
    assertTrue(e.getMessage().startsWith("Unsupported value: \"Cluster\""), e.getMessage());
  }
}
