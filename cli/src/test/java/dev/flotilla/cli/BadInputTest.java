package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, given a broken file, prints one {@code error:} line per problem naming the file,
 * the line and column, and the field path, and exits 1; never a stack trace.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String GOOD_INVENTORY =
      """
      kind: ClusterInventory
      clusters:
      - {name: store-a, labels: {env: prod}}
      - {name: store-b, labels: {env: dev}}
      """;

  private static final String GOOD_PLACEMENT =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Placement
      metadata: {name: web}
      spec:
        clusterSelectors:
        - labelSelector: {matchLabels: {env: prod}}
      """;

  /** A broken placement, and the location and field path its error must name. */
  static Stream<Arguments> brokenPlacements() {
    return Stream.of(
        Arguments.of("bad YAML", "kind: Placement\nmetadata: {name: web\nspec: {}\n", "3:", ""),
        Arguments.of(
            "unknown field",
            GOOD_PLACEMENT + "  numberOfClustres: 3\n",
            "7:3:",
            "spec.numberOfClustres: unknown field"),
        Arguments.of(
            "wrong type",
            GOOD_PLACEMENT.replace("- labelSelector", "- labelSelector: 3\n  - labelSelector"),
            "6:20:",
            "spec.clusterSelectors[0].labelSelector"),
        Arguments.of(
            "bad selector",
            GOOD_PLACEMENT.replace(
                "{matchLabels: {env: prod}}",
                "{matchExpressions: [{key: env, operator: Has, values: [a]}]}"),
            "6:",
            "spec.clusterSelectors[0].labelSelector.matchExpressions[0].operator"),
        Arguments.of(
            "bad CEL",
            GOOD_PLACEMENT + "    celSelector: {expressions: [\"cluster.lables.env == 'x'\"]}\n",
            "7:",
            "spec.clusterSelectors[0].celSelector.expressions[0]"));
  }

  static Stream<Arguments> commandsAndBrokenPlacements() {
    return brokenPlacements()
        .flatMap(
            broken ->
                Stream.of("place", "explain", "validate")
                    .map(
                        command -> {
                          Object[] a = broken.get();
                          return Arguments.of(command, a[0], a[1], a[2], a[3]);
                        }));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("commandsAndBrokenPlacements")
  void brokenPlacementIsOneErrorLinePerProblemWithFileLineAndPath(
      String command, String what, String text, String location, String path) throws IOException {
    Path inventory = write("fleet.yaml", GOOD_INVENTORY);
    Path placement = write("placement.yaml", text);
    List<String> args =
        command.equals("validate")
            ? List.of("validate", placement.toString())
            : List.of(
                command, "--inventory", inventory.toString(), "--placement", placement.toString());
    Result result = FlotillaTest.run(args.toArray(new String[0]));
    assertEquals(1, result.status(), result.err());
    assertNoStackTrace(result);
    String[] lines = result.err().split("\n");
    for (String line : lines) {
      assertTrue(
          Pattern.compile("^error: " + Pattern.quote(placement.toString()) + ":\\d+:\\d+: .+")
              .matcher(line)
              .matches(),
          line);
    }
    assertTrue(lines[0].startsWith("error: " + placement + ":" + location), lines[0]);
    assertTrue(lines[0].contains(path), lines[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void brokenInventoryNamesFileLineAndPath(String command) throws IOException {
    Path inventory =
        write("fleet.yaml", GOOD_INVENTORY.replace("{env: dev}", "{env: dev, 'a b': x}"));
    Path placement = write("placement.yaml", GOOD_PLACEMENT);
    Result result = FlotillaTest.run(argsFor(command, inventory, placement));
    assertEquals(1, result.status(), result.err());
    assertNoStackTrace(result);
    assertTrue(result.err().startsWith("error: " + inventory + ":4:"), result.err());
    assertTrue(result.err().contains("clusters[1].labels"), result.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void missingFileIsNamed(String command) throws IOException {
    Path placement = write("placement.yaml", GOOD_PLACEMENT);
    Path missing = dir.resolve("missing.yaml");
    Result result = FlotillaTest.run(argsFor(command, missing, placement));
    assertEquals(1, result.status(), result.err());
    assertNoStackTrace(result);
    assertTrue(result.err().startsWith("error: " + missing + ": no such file"), result.err());
  }

  static Stream<String> commands() {
    return Stream.of("select", "place", "explain", "validate");
  }

  private static String[] argsFor(String command, Path inventory, Path placement) {
    return switch (command) {
      case "select" ->
          new String[] {"select", "--inventory", inventory.toString(), "--selector", "env"};
      case "validate" -> new String[] {"validate", inventory.toString()};
      default ->
          new String[] {
            command, "--inventory", inventory.toString(), "--placement", placement.toString()
          };
    };
  }

  private static void assertNoStackTrace(Result result) {
    assertFalse(result.err().contains("\tat "), result.err());
    assertFalse(result.err().contains("Exception"), result.err());
  }

  private Path write(String name, String text) throws IOException {
    return FlotillaTest.write(dir, name, text);
  }

  private static final String GOOD_CUSTOMIZATION =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: Customization
      metadata: {name: web-edge}
      spec:
        rules:
        - name: prod-replicas
          clusterSelector: {labelSelector: {matchLabels: {env: prod}}}
          replicas: 3
      """;

  private static final String MANIFESTS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec: {replicas: 1}
      """;

  private static final String GOOD_SUMMARY =
      """
      apiVersion: flotilla.dev/v1alpha1
      kind: StatusSummary
      metadata: {name: web-status}
      spec:
        aggregates:
        - {name: clusters, function: Count}
      """;

  private static final String REPORTS =
      """
      - cluster: store-a
        observedAt: "2026-11-22T00:00:00Z"
        object: {kind: Deployment, status: {readyReplicas: 1}}
      """;

  /** A broken policy for {@code command}, and the location and field path its error must name. */
  static Stream<Arguments> brokenPolicies() {
    return Stream.of(
        Arguments.of("customize", "bad YAML", "kind: Customization\nspec: [\n", "2:", ""),
        Arguments.of(
            "customize",
            "unknown field",
            GOOD_CUSTOMIZATION.replace("replicas: 3", "replicas: 3\n    replica: 4"),
            "9:5:",
            "spec.rules[0].replica: unknown field"),
        Arguments.of(
            "customize",
            "wrong type",
            GOOD_CUSTOMIZATION.replace("- name: prod-replicas", "- name: [prod]"),
            "6:11:",
            "spec.rules[0].name"),
        Arguments.of(
            "customize",
            "bad selector",
            GOOD_CUSTOMIZATION.replace("{matchLabels: {env: prod}}", "{matchLabels: {'a b': x}}"),
            "7:",
            "spec.rules[0].clusterSelector.labelSelector.matchLabels"),
        Arguments.of(
            "customize",
            "bad CEL",
            GOOD_CUSTOMIZATION.replace("replicas: 3", "replicas: \"${cluster.lables.n}\""),
            "8:",
            "spec.rules[0].replicas"),
        Arguments.of("summarize", "bad YAML", "kind: StatusSummary\nspec: {\n", "2:", ""),
        Arguments.of(
            "summarize",
            "unknown field",
            GOOD_SUMMARY + "  limits: 3\n",
            "7:3:",
            "spec.limits: unknown field"),
        Arguments.of(
            "summarize",
            "wrong type",
            GOOD_SUMMARY.replace("function: Count}", "function: Count}\n  maxBytes: lots"),
            "7:13:",
            "spec.maxBytes"),
        Arguments.of(
            "summarize",
            "bad CEL",
            GOOD_SUMMARY + "  filter: \"status.kind ==\"\n",
            "7:",
            "spec.filter"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenPolicies")
  void brokenCustomizationOrSummaryIsOneErrorLinePerProblemWithFileLineAndPath(
      String command, String what, String text, String location, String path) throws IOException {
    Path inventory = write("fleet.yaml", GOOD_INVENTORY);
    Path policy = write("policy.yaml", text);
    String[] args =
        command.equals("customize")
            ? new String[] {
              "customize",
              "--inventory",
              inventory.toString(),
              "--policy",
              policy.toString(),
              "--manifests",
              write("manifests.yaml", MANIFESTS).toString()
            }
            : new String[] {
              "summarize",
              "--policy",
              policy.toString(),
              "--reports",
              write("reports.yaml", REPORTS).toString()
            };
    for (String[] run : List.of(args, new String[] {"validate", policy.toString()})) {
      Result result = FlotillaTest.run(run);
      assertEquals(1, result.status(), run[0] + ": " + result.err());
      assertNoStackTrace(result);
      String[] lines = result.err().split("\n");
      for (String line : lines) {
        assertTrue(
            Pattern.compile("^error: " + Pattern.quote(policy.toString()) + ":\\d+:\\d+: .+")
                .matcher(line)
                .matches(),
            run[0] + ": " + line);
      }
      assertTrue(
          lines[0].startsWith("error: " + policy + ":" + location), run[0] + ": " + lines[0]);
      assertTrue(lines[0].contains(path), run[0] + ": " + lines[0]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputsOfCustomizeAndSummarize")
  void missingInputOfCustomizeAndSummarizeIsNamed(String command, int missingArgument)
      throws IOException {
    String[] args =
        command.equals("customize")
            ? new String[] {
              "customize",
              "--inventory",
              write("fleet.yaml", GOOD_INVENTORY).toString(),
              "--policy",
              write("policy.yaml", GOOD_CUSTOMIZATION).toString(),
              "--manifests",
              write("manifests.yaml", MANIFESTS).toString()
            }
            : new String[] {
              "summarize",
              "--policy",
              write("policy.yaml", GOOD_SUMMARY).toString(),
              "--reports",
              write("reports.yaml", REPORTS).toString()
            };
    assertEquals(0, FlotillaTest.run(args).status(), "the good files are good");
    Path missing = dir.resolve("missing.yaml");
    args[missingArgument] = missing.toString();
    Result result = FlotillaTest.run(args);
    assertEquals(1, result.status(), result.err());
    assertNoStackTrace(result);
    assertTrue(result.err().startsWith("error: " + missing + ": no such file"), result.err());
  }

  static Stream<Arguments> inputsOfCustomizeAndSummarize() {
    return Stream.of(
        Arguments.of("customize", 2),
        Arguments.of("customize", 4),
        Arguments.of("customize", 6),
        Arguments.of("summarize", 2),
        Arguments.of("summarize", 4));
  }
}
