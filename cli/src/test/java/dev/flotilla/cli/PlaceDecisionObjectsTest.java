package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code place -o decision|ocm}: PlacementDecision objects, read back by {@code --previous}. */
class PlaceDecisionObjectsTest {
  @TempDir Path dir;

  private static List<JsonNode> documents(String yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    List<JsonNode> out = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      mapper.readValues(parser, JsonNode.class).forEachRemaining(out::add);
    }
    return out;
  }

  private Path[] files() throws IOException {
    StringBuilder fleet = new StringBuilder("kind: ClusterInventory\nclusters:\n");
    for (int i = 0; i < 250; i++) {
      fleet.append(
          String.format(
              "- {name: store-%03d, labels: {ring: %s}}%n", i, i % 50 == 0 ? "canary" : "main"));
    }
    Path inventory = FlotillaTest.write(dir, "fleet.yaml", fleet.toString());
    Path placement =
        FlotillaTest.write(
            dir,
            "web.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Placement
            metadata: {name: web, namespace: edge}
            spec:
              clusterSelectors: [{}]
              numberOfClusters: 230
              decisionGroups:
              - {groupName: canary, clusterSelector: {matchLabels: {ring: canary}}}
            """);
    return new Path[] {inventory, placement};
  }

  @Test
  void decisionPrintsFlotillaPagesThatPreviousReadsBack() throws IOException {
    Path[] f = files();
    Result result =
        run(
            "place",
            "--inventory",
            f[0].toString(),
            "--placement",
            f[1].toString(),
            "-o",
            "decision",
            "--placement-uid",
            "0b9f-uid");
    assertEquals(0, result.status(), result.err());
    List<JsonNode> pages = documents(result.out());
    assertEquals(1, pages.size());
    JsonNode page = pages.get(0);
    assertEquals("flotilla.dev/v1alpha1", page.get("apiVersion").textValue());
    assertEquals("web-decision-1", page.at("/metadata/name").textValue());
    assertEquals("edge", page.at("/metadata/namespace").textValue());
    assertEquals("0b9f-uid", page.at("/metadata/ownerReferences/0/uid").textValue());
    assertEquals(230, page.at("/status/selected").intValue());
    assertEquals(230, page.at("/status/decisions").size());

    Path previous = FlotillaTest.write(dir, "previous.yaml", result.out());
    Result names =
        run(
            "place",
            "--inventory",
            f[0].toString(),
            "--placement",
            f[1].toString(),
            "--previous",
            previous.toString());
    assertEquals(0, names.status(), names.err());
    Result again = run("place", "--inventory", f[0].toString(), "--placement", f[1].toString());
    assertEquals(again.out(), names.out());
  }

  @Test
  void ocmPrintsOcmPagesPerGroupOfAtMostAHundred() throws IOException {
    Path[] f = files();
    Result result =
        run("place", "--inventory", f[0].toString(), "--placement", f[1].toString(), "-o", "ocm");
    assertEquals(0, result.status(), result.err());
    List<JsonNode> pages = documents(result.out());
    // 5 canaries in group 0 (one page), 225 others in group 1 (three pages).
    assertEquals(4, pages.size());
    int total = 0;
    for (int i = 0; i < pages.size(); i++) {
      ObjectNode page = (ObjectNode) pages.get(i);
      assertEquals(
          "cluster.open-cluster-management.io/v1beta1", page.get("apiVersion").textValue());
      assertEquals("web-decision-" + (i + 1), page.at("/metadata/name").textValue());
      assertEquals(
          i == 0 ? "canary" : "",
          page.at("/metadata/labels/cluster.open-cluster-management.io~1decision-group-name")
              .textValue());
      assertTrue(page.at("/status/decisions").size() <= 100);
      total += page.at("/status/decisions").size();
    }
    assertEquals(230, total);
    assertTrue(result.out().startsWith("---\n"), "a YAML stream kubectl apply -f - reads");
  }

  @Test
  void validateReadsDecisionPagesOfEitherKindAndClusterObjectMappings() throws IOException {
    Path[] f = files();
    String[] place = {"place", "--inventory", f[0].toString(), "--placement", f[1].toString()};
    Path flotilla = FlotillaTest.write(dir, "flotilla-pages.yaml", placeAs(place, "decision"));
    Path ocm = FlotillaTest.write(dir, "ocm-pages.yaml", placeAs(place, "ocm"));
    Path mapping =
        FlotillaTest.write(
            dir,
            "sites-mapping.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: ClusterObjectMapping
            metadata: {name: sites}
            spec:
              apiVersion: edge.example.com/*
              kind: Site
              rules:
              - property: {name: location, path: spec.city}
            """);
    Result result = run("validate", flotilla.toString(), ocm.toString(), mapping.toString());
    assertEquals(0, result.status(), result.err());
    assertEquals(
        flotilla
            + ": valid PlacementDecision of web: 230 clusters\n"
            + ocm
            + ": valid PlacementDecision of web: 230 clusters\n"
            + mapping
            + ": valid ClusterObjectMapping: 1 mapping\n",
        result.out());

    Path broken =
        FlotillaTest.write(
            dir,
            "broken-pages.yaml",
            Files.readString(flotilla).replace("clusterName: store-001", "clusterName: Store_1"));
    Result invalid = run("validate", broken.toString());
    assertEquals(1, invalid.status());
    assertTrue(invalid.err().startsWith("error: "), invalid.err());
    assertTrue(invalid.err().contains("Store_1"), invalid.err());
  }

  private static String placeAs(String[] place, String output) {
    String[] args = Arrays.copyOf(place, place.length + 2);
    args[place.length] = "-o";
    args[place.length + 1] = output;
    Result result = run(args);
    assertEquals(0, result.status(), result.err());
    return result.out();
  }
}
