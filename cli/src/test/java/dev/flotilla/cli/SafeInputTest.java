package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 ("safe to embed"), the command line's part: stdin, bounded and special inputs, usage
 * errors, {@code validate} on every kind, {@code --scope}.
 */
class SafeInputTest {
  @TempDir Path dir;

  private static final String FLEET =
      """
      kind: ClusterInventory
      clusters:
      - {name: store-a, labels: {env: prod, tenant: acme}}
      - {name: store-b, labels: {env: prod, tenant: other}}
      - {name: store-c, labels: {env: dev, tenant: acme}}
      """;

  private static final String PLACEMENT =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Placement
      metadata: {name: web}
      spec:
        clusterSelectors:
        - labelSelector: {matchLabels: {env: prod}}
      """;

  @AfterEach
  void restoreStdin() {
    Inputs.setStdin(System.in);
  }

  private Path write(String name, String text) throws IOException {
    return FlotillaTest.write(dir, name, text);
  }

  private static Result withStdin(String text, String... args) {
    Inputs.setStdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return FlotillaTest.run(args);
  }

  private static void assertErrorLines(Result result) {
    assertFalse(result.err().isEmpty());
    for (String line : result.err().split("\n")) {
      assertTrue(line.startsWith("error: ") || line.startsWith("Try '"), result.err());
    }
    assertFalse(result.err().contains("\tat "), result.err());
    assertFalse(result.err().contains("internal error"), result.err());
  }

  @Test
  void stdinIsDash() throws IOException {
    Result result =
        withStdin(
            "{kind: ClusterInventory, clusters: [{name: a, labels: {env: prod}}]}",
            "select",
            "--inventory",
            "-",
            "--selector",
            "env=prod");
    assertEquals(0, result.status(), result.err());
    assertEquals("a\n", result.out());
    Result placed =
        withStdin(
            PLACEMENT,
            "place",
            "--inventory",
            write("f.yaml", FLEET).toString(),
            "--placement",
            "-");
    assertEquals("store-a\nstore-b\n", placed.out(), placed.err());
  }

  @Test
  void stdinProblemsAreNamedStdin() {
    Result result = withStdin("kind: ClusterInventory\nclusters: [{name: a}\n", "validate", "-");
    assertEquals(1, result.status());
    assertTrue(
        result.err().startsWith("error: <stdin>:2:20: cannot parse: expected ',' or ']'"),
        result.err());
    assertErrorLines(result);
  }

  @Test
  void devZeroEndsWithAnErrorLine() {
    Path zero = Path.of("/dev/zero");
    if (!Files.exists(zero)) {
      return;
    }
    Result result = FlotillaTest.run("validate", "/dev/zero");
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: /dev/zero:"), result.err());
    assertErrorLines(result);
  }

  @Test
  void aDirectoryIsNotAFile() {
    Result result = FlotillaTest.run("validate", dir.toString());
    assertEquals(1, result.status());
    assertEquals("error: " + dir + ": is a directory, not a file\n", result.err());
  }

  @Test
  void anInputTooLargeForTheHeapIsAnErrorLine() {
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                Inputs.read(
                    Path.of("huge.yaml"),
                    file -> {
                      throw new OutOfMemoryError("Java heap space");
                    },
                    (name, in) -> null));
    assertTrue(e.getMessage().startsWith("huge.yaml: too large to read in "), e.getMessage());
  }

  @Test
  void emptyFilesHaveNoObjects() throws IOException {
    Path empty = write("empty.yaml", "");
    Path placement = write("p.yaml", PLACEMENT);
    for (List<String> args :
        List.of(
            List.of("validate", empty.toString()),
            List.of("select", "--inventory", empty.toString(), "--selector", "a"),
            List.of("place", "--inventory", empty.toString(), "--placement", placement.toString()),
            List.of(
                "place",
                "--inventory",
                write("f.yaml", FLEET).toString(),
                "--placement",
                empty.toString()))) {
      Result result = FlotillaTest.run(args.toArray(new String[0]));
      assertEquals(1, result.status(), args.toString());
      assertTrue(result.err().startsWith("error: " + empty + ": no objects"), result.err());
    }
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    Path fleet = write("f.yaml", FLEET);
    Path placement = write("p.yaml", PLACEMENT);
    Result now =
        FlotillaTest.run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--now",
            "yesterday");
    assertEquals(2, now.status(), now.err());
    assertTrue(
        now.err()
            .startsWith(
                "error: --now: Invalid value: \"yesterday\": must be an RFC 3339 time such as"
                    + " 2026-01-02T15:04:05Z\n"),
        now.err());
    assertErrorLines(now);
    Result unknown = FlotillaTest.run("validate", "--strict", fleet.toString());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().startsWith("error: Unknown option: '--strict'"), unknown.err());
    assertErrorLines(unknown);
    Result summarize =
        FlotillaTest.run(
            "summarize",
            "--policy",
            placement.toString(),
            "--reports",
            placement.toString(),
            "--now",
            "noon");
    assertEquals(2, summarize.status(), summarize.err());
  }

  @Test
  void validateReadsAListOfManifestsAsManifests() throws IOException {
    Path list =
        write(
            "list.yaml",
            """
            apiVersion: v1
            items:
            - {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}}
            - {apiVersion: v1, kind: Service, metadata: {name: web}}
            kind: List
            """);
    Path array = write("array.json", "[{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}]");
    Result result = FlotillaTest.run("validate", list.toString(), array.toString());
    assertEquals(0, result.status(), result.err());
    assertEquals(
        list + ": valid manifests: 2 objects\n" + array + ": valid manifests: 1 object\n",
        result.out());
  }

  @Test
  void validateNamesTheSupportedKindsOfAMisspelledOne() throws IOException {
    Path file = write("c.yaml", PLACEMENT.replace("kind: Placement", "kind: Customisation"));
    Result result = FlotillaTest.run("validate", file.toString());
    assertEquals(1, result.status());
    assertEquals(
        "error: "
            + file
            + ":2:7: kind: Unsupported value: \"Customisation\": supported values: \"Cluster\","
            + " \"ClusterInventory\", \"ClusterObjectMapping\", \"Customization\", \"Placement\","
            + " \"PlacementDecision\", \"StatusSummary\"\n",
        result.err());
  }

  @Test
  void scopeLimitsWhatSelectPlaceAndExplainMaySelect() throws IOException {
    Path fleet = write("f.yaml", FLEET);
    Path placement = write("p.yaml", PLACEMENT);
    Result select =
        FlotillaTest.run(
            "select",
            "--inventory",
            fleet.toString(),
            "--selector",
            "env",
            "--scope",
            "tenant=acme");
    assertEquals("store-a\nstore-c\n", select.out(), select.err());
    Result place =
        FlotillaTest.run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--scope",
            "tenant=acme");
    assertEquals("store-a\n", place.out(), place.err());
    Result union =
        FlotillaTest.run(
            "place",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--scope",
            "tenant=acme",
            "--scope",
            "tenant=other");
    assertEquals("store-a\nstore-b\n", union.out(), union.err());
    Result explain =
        FlotillaTest.run(
            "explain",
            "--inventory",
            fleet.toString(),
            "--placement",
            placement.toString(),
            "--scope",
            "tenant=acme");
    assertTrue(explain.out().startsWith("placement web: 1 of 3 clusters selected"), explain.out());
    Result bad =
        FlotillaTest.run(
            "select",
            "--inventory",
            fleet.toString(),
            "--selector",
            "env",
            "--scope",
            "tenant in (");
    assertEquals(1, bad.status());
    assertTrue(bad.err().startsWith("error: --scope: "), bad.err());
    Result help = FlotillaTest.run("place", "--help");
    assertTrue(help.out().contains("--scope=SELECTOR"), help.out());
  }
}
