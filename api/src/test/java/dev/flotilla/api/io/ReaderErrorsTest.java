package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, items 2 to 4: every failure of a reader is a located problem in Flotilla's words; YAML
 * files are read as YAML even in flow style; inputs are bounded by the bytes actually read.
 */
class ReaderErrorsTest {
  @TempDir Path dir;

  private static final String PLACEMENT =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Placement
      metadata: {name: web}
      spec:
        clusterSelectors: [{}]
      """;

  private static ValidationException inventoryError(String source, String text) {
    return assertThrows(ValidationException.class, () -> InventoryReader.read(source, text));
  }

  private static void assertOwnWords(ValidationException e) {
    for (String internal :
        List.of("StreamReadConstraints", "com.fasterxml", "org.yaml", "Exception", "Jackson")) {
      assertFalse(e.getMessage().contains(internal), e.getMessage());
    }
  }

  @Test
  void flowStyleYamlIsYamlNotJson() {
    List<Cluster> clusters =
        InventoryReader.read("fleet.yaml", "{kind: ClusterInventory, clusters: [{name: a}]}");
    assertEquals("a", clusters.get(0).name());
    assertEquals(
        "web",
        PlacementReader.parse(
                "p.yml",
                "{apiVersion: flotilla.dev/v1alpha1, kind: Placement, metadata: {name: web},"
                    + " spec: {clusterSelectors: [{}]}}")
            .value()
            .name());
  }

  @Test
  void stdinIsYamlWhichAlsoReadsJson() {
    InputStream json =
        stream("{\"kind\": \"ClusterInventory\", \"clusters\": [{\"name\": \"a\"}]}");
    assertEquals(1, InventoryReader.read("<stdin>", json).size());
    InputStream flow = stream("{kind: ClusterInventory, clusters: [{name: b}]}");
    assertEquals("b", InventoryReader.read("<stdin>", flow).get(0).name());
  }

  @Test
  void jsonFilesAreStrictJsonWithPositions() {
    ValidationException e = inventoryError("fleet.json", "{\n  kind: \"ClusterInventory\"}");
    assertTrue(e.getMessage().startsWith("fleet.json:2:3: cannot parse: "), e.getMessage());
    assertOwnWords(e);
  }

  @Test
  void yamlSyntaxErrorsGiveProblemAndContext() {
    ValidationException e =
        inventoryError("f.yaml", "kind: ClusterInventory\nclusters: [{name: a\n");
    assertTrue(
        e.getMessage().startsWith("f.yaml:2:19: cannot parse: expected ',' or '}'"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("(while parsing a flow mapping started at 2:12)"), e.getMessage());
    assertOwnWords(e);
  }

  @Test
  void duplicateClusterNamesAcrossDocumentsAreLocated() {
    ValidationException e =
        inventoryError(
            "s.yaml", "kind: Cluster\nname: a\n---\nkind: Cluster\nmetadata: {name: a}\n");
    assertEquals(
        "s.yaml:5:18: [1].metadata.name: Duplicate value: \"a\": the cluster name is already used"
            + " at [0].name (line 2); cluster names must be unique",
        e.getMessage());
  }

  @Test
  void tooDeepNestingIsLocatedInBothFormats() {
    String deep = "[".repeat(100) + "]".repeat(100);
    for (String source : List.of("f.yaml", "f.json")) {
      ValidationException e =
          inventoryError(source, "{\"kind\": \"List\", \"items\": " + deep + "}");
      assertTrue(e.getMessage().contains("nesting deeper than 64 levels"), e.getMessage());
      assertTrue(e.getMessage().startsWith(source + ":1:"), e.getMessage());
      assertOwnWords(e);
    }
  }

  @Test
  void yamlTagsAreRefusedWhereTheyAre() {
    ValidationException binary =
        inventoryError("f.yaml", "kind: ClusterInventory\nclusters:\n- name: !!binary aGVsbG8=\n");
    assertEquals(
        "f.yaml:3:9: cannot parse: YAML tag !!binary is not supported; write the value without a"
            + " tag",
        binary.getMessage());
    ValidationException custom = inventoryError("f.yaml", "kind: !thing ClusterInventory\n");
    assertTrue(
        custom.getMessage().contains("YAML tag !thing is not supported"), custom.getMessage());
    assertEquals(
        "16",
        InventoryReader.read("f.yaml", "kind: Cluster\nname: a\nproperties: {cpu: !!str 16}")
            .get(0)
            .properties()
            .get("cpu"));
  }

  @Test
  void aSecondDocumentInAPolicyIsLocated() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> PlacementReader.parse("p.yaml", PLACEMENT + "---\n" + PLACEMENT));
    assertTrue(
        e.getMessage().startsWith("p.yaml:7:1: a second document: expected one Placement"),
        e.getMessage());
  }

  @Test
  void emptyInputsHaveNoObjects() {
    assertTrue(inventoryError("f.yaml", "").getMessage().startsWith("f.yaml: no objects"));
    assertTrue(inventoryError("f.yaml", "# nothing\n---\n").getMessage().contains("no objects"));
    ValidationException placement =
        assertThrows(ValidationException.class, () -> PlacementReader.parse("p.yaml", "\n"));
    assertTrue(placement.getMessage().startsWith("p.yaml: no objects"), placement.getMessage());
  }

  @Test
  void invalidUtf8IsLocated() throws IOException {
    Path file = dir.resolve("fleet.yaml");
    byte[] head = "kind: ClusterInventory\nclusters:\n- name: a".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    Files.write(file, bytes);
    ValidationException e =
        assertThrows(ValidationException.class, () -> InventoryReader.read(file));
    assertEquals(
        file + ":3:10: invalid UTF-8: byte 0xC3; the input must be UTF-8 text", e.getMessage());
  }

  @Test
  void aDirectoryIsNotAFile() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> InventoryReader.read(dir));
    assertEquals(dir + ": is a directory, not a file", e.getMessage());
    ValidationException any = assertThrows(ValidationException.class, () -> FileContents.read(dir));
    assertEquals(dir + ": is a directory, not a file", any.getMessage());
  }

  @Test
  void theLimitCountsBytesReadNotTheFileSize() {
    String old = System.getProperty(Limits.PROPERTY);
    System.setProperty(Limits.PROPERTY, "1000");
    try {
      InputStream endless =
          new InputStream() {
            @Override
            public int read() {
              return ' ';
            }
          };
      ValidationException e =
          assertThrows(ValidationException.class, () -> InventoryReader.read("<stdin>", endless));
      assertEquals(
          "<stdin>: input larger than the limit of 1000 bytes (flotilla.io.maxBytes)",
          e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(Limits.PROPERTY);
      } else {
        System.setProperty(Limits.PROPERTY, old);
      }
    }
  }

  @Test
  void zeroBytesEndAtTheFirstOne() {
    InputStream zeros =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }
        };
    ValidationException e =
        assertThrows(ValidationException.class, () -> InventoryReader.read("/dev/zero", zeros));
    assertTrue(
        e.getMessage().startsWith("/dev/zero:1:1: cannot parse: control characters"),
        e.getMessage());
  }

  // ---- FileContents: what validate reads.

  @Test
  void fileContentsTellsEveryKind() {
    assertInstanceOf(FileContents.PlacementPolicy.class, contents("p.yaml", PLACEMENT));
    assertInstanceOf(
        FileContents.Inventory.class, contents("f.yaml", "kind: ClusterInventory\nclusters: []\n"));
    assertInstanceOf(
        FileContents.Inventory.class,
        contents(
            "ocm.yaml",
            "apiVersion: v1\nitems:\n- {kind: ManagedCluster, metadata: {name: c1}}\nkind: List\n"));
    FileContents manifests =
        contents("m.json", "[{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}]");
    assertEquals(1, ((FileContents.Manifests) manifests).manifests().size());
    FileContents list =
        contents(
            "m.yaml",
            "apiVersion: v1\nitems:\n- {kind: Deployment, metadata: {name: a}}\n"
                + "- {kind: Service, metadata: {name: a}}\nkind: List\n");
    assertEquals(2, ((FileContents.Manifests) list).manifests().size());
    assertInstanceOf(
        FileContents.StatusReports.class,
        contents("r.yaml", "- {cluster: a, observedAt: \"2026-01-01T00:00:00Z\", object: {}}\n"));
  }

  @Test
  void aMisspelledFlotillaKindListsTheKinds() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> contents("p.yaml", PLACEMENT.replace("kind: Placement", "kind: Placment")));
    assertEquals(
        "p.yaml:2:7: kind: Unsupported value: \"Placment\": supported values: \"Cluster\","
            + " \"ClusterInventory\", \"ClusterObjectMapping\", \"Customization\", \"Placement\","
            + " \"PlacementDecision\", \"StatusSummary\"",
        e.getMessage());
  }

  @Test
  void aLongCommentIsNotAnEmptyFile() {
    String comment = ("# " + "x".repeat(98) + "\n").repeat(11_000);
    // Past the first MiB, the kind is not known: the input is read as an inventory, not as empty.
    assertInstanceOf(FileContents.Inventory.class, contents("p.yaml", comment + PLACEMENT));
    assertInstanceOf(
        FileContents.PlacementPolicy.class,
        contents("p.yaml", comment.substring(0, 1010) + PLACEMENT));
  }

  @Test
  void aListWhoseKindComesLastIsReadAsItIsParsed() {
    String list =
        "apiVersion: v1\nitems:\n- {kind: ManagedCluster, metadata: {name: c1}}\n"
            + "- {kind: ManagedCluster, metadata: {name: c1}}\n"
            + "- {kind: ManagedCluster, metadata: {labels: {a: b}}}\nkind: List\n";
    ValidationException e = inventoryError("ocm.yaml", list);
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems()
            .get(0)
            .toString()
            .startsWith("ocm.yaml:4:43: items[1].metadata.name: Duplicate value"),
        e.getMessage());
    assertEquals(
        "ocm.yaml:5:36: items[2].metadata.name: Required value", e.problems().get(1).toString());
    assertEquals(
        List.of("c1", "c2"),
        InventoryReader.read(
                "ocm.yaml",
                list.replace("c1}}\n- {kind: ManagedCluster, metadata: {labels: {a: b}}}", "c2}}"))
            .stream()
            .map(Cluster::name)
            .toList());
  }

  @Test
  void anEmptyFileHasNoObjects() {
    ValidationException e = assertThrows(ValidationException.class, () -> contents("e.yaml", ""));
    assertTrue(e.getMessage().startsWith("e.yaml: no objects"), e.getMessage());
  }

  private static FileContents contents(String source, String text) {
    return FileContents.read(source, stream(text));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
