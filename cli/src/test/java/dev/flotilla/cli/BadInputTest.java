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
}
