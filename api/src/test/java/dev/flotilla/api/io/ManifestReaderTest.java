package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  @Test
  void multiDocumentYamlKeepsOrderAndFieldOrder() {
    List<JsonNode> manifests =
        ManifestReader.parse(
            "m.yaml",
            """
            kind: Deployment
            metadata: {name: b}
            spec: {z: 1, a: 2, m: 3}
            ---
            ---
            kind: List
            items:
            - {kind: ConfigMap, metadata: {name: c1}}
            - {kind: ConfigMap, metadata: {name: c2}}
            """);
    assertEquals(3, manifests.size());
    List<String> fields = new ArrayList<>();
    manifests.get(0).get("spec").fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("z", "a", "m"), fields);
    assertEquals("c2", manifests.get(2).at("/metadata/name").asText());
  }

  @Test
  void yamlAndJsonReadAsEqualTrees() {
    JsonNode yaml =
        ManifestReader.parse("m.yaml", "a: 1\nb: 10000000000\nc: 1.5\nd: [true, null, x]\n").get(0);
    JsonNode json =
        ManifestReader.parse(
                "m.json", "{\"a\":1,\"b\":10000000000,\"c\":1.5,\"d\":[true,null,\"x\"]}")
            .get(0);
    assertEquals(yaml, json);
    assertTrue(yaml.get("a").isInt());
    assertEquals(2, ManifestReader.parse("a.json", "[{\"kind\":\"A\"},{\"kind\":\"B\"}]").size());
  }

  @Test
  void nonObjectsAndSyntaxErrorsAreReported() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> ManifestReader.parse("m.yaml", "a: 1\n---\n- x\n"));
    assertEquals(
        "m.yaml:3:1: [1]: wrong type: expected object, got list", e.problems().get(0).toString());
    assertThrows(ValidationException.class, () -> ManifestReader.parse("m.yaml", "a: [1\n"));
    assertThrows(ValidationException.class, () -> ManifestReader.parse("m.yaml", "a: 1\na: 2\n"));
  }

  @Test
  void writerRoundTripsStringsThatLookLikeOtherTypes() {
    JsonNode tree =
        ManifestReader.parse(
                "m.json",
                "{\"a\":\"true\",\"b\":\"123\",\"c\":\"null\",\"d\":\"1.5\",\"e\":\"multi\\nline\","
                    + "\"f\":\"${x}\",\"g\":\"- y\",\"h\":\"\",\"i\":\"0x1F\",\"j\":\"yes\"}")
            .get(0);
    assertEquals(tree, ManifestReader.parse("w.yaml", ManifestWriter.yaml(tree)).get(0));
    assertEquals(tree, ManifestReader.parse("w.json", ManifestWriter.json(tree)).get(0));
  }
}
