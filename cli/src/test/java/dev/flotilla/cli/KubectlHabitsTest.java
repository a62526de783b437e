package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 12, item 7: the habits a kubectl user brings. Help on every command, {@code --version},
 * {@code -} for stdin on every file option (once), {@code -o name}, a {@code List} that {@code
 * kubectl apply -f -} takes, a completion script, and counts with the right noun.
 */
class KubectlHabitsTest {
  private static final Path RETAIL = ExamplesTest.root().resolve("examples/retail");
  private static final String BOSTON = "store-us-east-001";
  private static final String KIOSK = "store-eu-west-011";

  @TempDir Path dir;

  @AfterEach
  void restoreStdin() {
    Inputs.setStdin(System.in);
  }

  private static String retail(String file) {
    return RETAIL.resolve(file).toString();
  }

  private static String text(String file) throws IOException {
    return Files.readString(RETAIL.resolve(file));
  }

  private static Result withStdin(String text, String... args) {
    Inputs.setStdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return FlotillaTest.run(args);
  }

  private static Map<String, CommandLine> commands() {
    return new CommandLine(new Flotilla()).getSubcommands();
  }

  @Test
  void everyCommandHasHelpExitingZero() {
    assertTrue(commands().keySet().containsAll(List.of("select", "place", "completion")));
    for (String command : commands().keySet()) {
      for (String help : List.of("-h", "--help")) {
        Result result = FlotillaTest.run(command, help);
        assertEquals(0, result.status(), command + " " + help + ": " + result.err());
        if (!command.equals("help")) {
          assertTrue(result.out().startsWith("Usage: flotilla " + command), result.out());
        }
        assertEquals("", result.err());
      }
    }
    Result top = FlotillaTest.run("--help");
    assertEquals(0, top.status());
    assertTrue(top.out().contains("completion"), top.out());
  }

  @Test
  void versionIsTheProjectVersion() {
    Result result = FlotillaTest.run("--version");
    assertEquals(0, result.status(), result.err());
    assertTrue(
        Pattern.matches("flotilla \\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?\n", result.out()),
        result.out());
    assertEquals("flotilla " + Flotilla.Version.version() + "\n", result.out());
  }

  /** Every option or parameter that reads a file says it takes -, in every command. */
  @Test
  void everyFileOptionSaysItTakesStdin() {
    List<String> checked = new ArrayList<>();
    for (CommandLine command : commands().values()) {
      CommandSpec spec = command.getCommandSpec();
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        boolean file =
            arg.type() == Path.class
                || (arg.type() == List.class && arg.auxiliaryTypes()[0] == Path.class);
        boolean output = spec.name().equals("demo"); // demo --output is a directory it writes
        if (file && !output) {
          String name = spec.name() + " " + arg;
          assertTrue(
              String.join(" ", arg.description()).contains("- for stdin"), name + " mentions -");
          checked.add(name);
        }
      }
    }
    assertTrue(checked.size() >= 12, checked.toString());
  }

  @Test
  void everyFileOptionReadsStdin() throws IOException {
    String fleet = text("fleet.yaml");
    Result select =
        withStdin(fleet, "select", "--inventory", "-", "--selector", "store-size=large,!canary");
    assertEquals(0, select.status(), select.err());
    assertEquals(Files.readString(RETAIL.resolve("expected/select-large.txt")), select.out());

    String[] place = {
      "place", "--inventory", retail("fleet.yaml"), "--placement", retail("pos-placement.yaml")
    };
    String decision =
        withStdin("", append(place, "--now", "2026-11-22T12:00:00Z", "-o", "yaml")).out();
    Result previous = withStdin(decision, append(place, "--previous", "-"));
    assertEquals(0, previous.status(), previous.err());
    assertEquals(Files.readString(RETAIL.resolve("expected/place-names.txt")), previous.out());

    String[] customize = {
      "customize",
      "--inventory",
      retail("fleet.yaml"),
      "--policy",
      retail("pos-customization.yaml"),
      "--policy",
      retail("pos-config-customization.yaml"),
      "--manifests",
      retail("pos-manifests.yaml"),
      "--cluster",
      BOSTON
    };
    String expected = Files.readString(RETAIL.resolve("expected/customize-boston.yaml"));
    for (int i = 2; i < 10; i += 2) {
      String[] args = customize.clone();
      String file = args[i];
      args[i] = "-";
      Result result = withStdin(Files.readString(Path.of(file)), args);
      assertEquals(0, result.status(), String.join(" ", args) + ": " + result.err());
      assertEquals(expected, result.out(), String.join(" ", args));
    }

    String[] summarize = {
      "summarize",
      "--policy",
      retail("pos-status.yaml"),
      "--reports",
      retail("pos-reports.yaml"),
      "--inventory",
      retail("fleet.yaml"),
      "--placement",
      retail("pos-placement.yaml"),
      "--now",
      "2026-11-22T12:00:00Z"
    };
    String summary = Files.readString(RETAIL.resolve("expected/summary.yaml"));
    for (int i = 2; i < 10; i += 2) {
      String[] args = summarize.clone();
      String file = args[i];
      args[i] = "-";
      Result result = withStdin(Files.readString(Path.of(file)), args);
      assertEquals(0, result.status(), String.join(" ", args) + ": " + result.err());
      assertEquals(summary, result.out(), String.join(" ", args));
    }

    Result validate = withStdin(fleet, "validate", "-");
    assertEquals("<stdin>: valid inventory of 40 clusters\n", validate.out(), validate.err());
  }

  private static String[] append(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void stdinTwiceIsAUsageErrorNamingTheOptions() {
    Result twoOptions =
        withStdin("", "place", "--inventory", "-", "--placement", "-", "-o", "names");
    assertEquals(2, twoOptions.status());
    assertTrue(
        twoOptions
            .err()
            .startsWith(
                "error: stdin (-) is given 2 times (--inventory, --placement): it can be read"
                    + " only once"),
        twoOptions.err());
    assertTrue(twoOptions.err().contains("Try 'flotilla place --help'"), twoOptions.err());

    Result repeated =
        withStdin(
            "",
            "customize",
            "--inventory",
            retail("fleet.yaml"),
            "--policy",
            "-",
            "--policy",
            "-",
            "--manifests",
            retail("pos-manifests.yaml"));
    assertEquals(2, repeated.status());
    assertTrue(repeated.err().contains("(--policy, --policy)"), repeated.err());

    Result validate = withStdin("", "validate", "-", retail("fleet.yaml"), "-");
    assertEquals(2, validate.status());
    assertTrue(validate.err().contains("2 times (FILE, FILE)"), validate.err());
    assertEquals("", validate.out(), "nothing is read before the check");

    Result help = FlotillaTest.run("place", "--inventory", "-", "--placement", "-", "--help");
    assertEquals(0, help.status(), "help reads nothing: " + help.err());
  }

  @Test
  void outputNameIsKindSlashName() throws IOException {
    Result select =
        FlotillaTest.run(
            "select",
            "--inventory",
            retail("fleet.yaml"),
            "--selector",
            "store-size=large,!canary",
            "-o",
            "name");
    assertEquals(0, select.status(), select.err());
    StringBuilder expected = new StringBuilder();
    for (String name : Files.readAllLines(RETAIL.resolve("expected/select-large.txt"))) {
      expected.append("cluster.flotilla.dev/").append(name).append('\n');
    }
    assertEquals(expected.toString(), select.out());

    String[] place = {
      "place",
      "--inventory",
      retail("fleet.yaml"),
      "--placement",
      retail("pos-placement.yaml"),
      "--now",
      "2026-11-22T12:00:00Z",
      "-o"
    };
    Result names = FlotillaTest.run(append(place, "names"));
    assertEquals(Files.readString(RETAIL.resolve("expected/place-names.txt")), names.out());
    Result name = FlotillaTest.run(append(place, "name"));
    assertEquals(0, name.status(), name.err());
    assertEquals(names.out().replaceAll("(?m)^(?=.)", "cluster.flotilla.dev/"), name.out());

    String[] customize = {
      "customize",
      "--inventory",
      retail("fleet.yaml"),
      "--policy",
      retail("pos-customization.yaml"),
      "--policy",
      retail("pos-config-customization.yaml"),
      "--manifests",
      retail("pos-manifests.yaml"),
      "-o",
      "name"
    };
    Result boston = FlotillaTest.run(append(customize, "--cluster", BOSTON));
    assertEquals(0, boston.status(), boston.err());
    assertEquals("deployment.apps/pos\nconfigmap/pos-config\n", boston.out());
    Result kiosk = FlotillaTest.run(append(customize, "--cluster", KIOSK));
    assertEquals("", kiosk.out(), "nothing is delivered to kiosks");
    Result fleet = FlotillaTest.run(customize);
    assertEquals(2, fleet.status());
    assertTrue(fleet.err().startsWith("error: -o name needs --cluster"), fleet.err());
  }

  @Test
  void asListPrintsAListKubectlApplies() throws IOException {
    String[] customize = {
      "customize",
      "--inventory",
      retail("fleet.yaml"),
      "--policy",
      retail("pos-customization.yaml"),
      "--policy",
      retail("pos-config-customization.yaml"),
      "--manifests",
      retail("pos-manifests.yaml"),
      "--cluster",
      BOSTON
    };
    JsonNode perCluster =
        ManifestReader.parse("map.yaml", FlotillaTest.run(customize).out()).get(0).get(BOSTON);
    for (String format : List.of("yaml", "json")) {
      Result result = FlotillaTest.run(append(customize, "--as-list", "-o", format));
      assertEquals(0, result.status(), result.err());
      // One document (ManifestReader would take the List apart: read it as plain YAML/JSON).
      JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(result.out());
      assertEquals(List.of("apiVersion", "kind", "items"), fieldNames(list));
      assertEquals("v1", list.get("apiVersion").asText());
      assertEquals("List", list.get("kind").asText());
      assertEquals(perCluster, list.get("items"));
      for (JsonNode item : list.get("items")) {
        assertFalse(item.path("apiVersion").asText().isEmpty(), item.toString());
        assertFalse(item.path("kind").asText().isEmpty(), item.toString());
        assertFalse(item.path("metadata").path("name").asText().isEmpty(), item.toString());
      }
    }
    Result kiosk = FlotillaTest.run(append(customize, "--as-list").clone());
    assertEquals(0, kiosk.status());

    Result fleet = FlotillaTest.run(java.util.Arrays.copyOf(customize, 9));
    assertEquals(0, fleet.status(), fleet.err());
    Result fleetList = FlotillaTest.run(append(java.util.Arrays.copyOf(customize, 9), "--as-list"));
    assertEquals(2, fleetList.status());
    assertTrue(fleetList.err().startsWith("error: --as-list needs --cluster"), fleetList.err());
  }

  @Test
  void asListPrintsNothingWhenARuleFails() throws IOException {
    Path zone =
        FlotillaTest.write(
            dir,
            "zone.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Customization
            metadata: {name: zone}
            spec:
              rules:
              - name: missing-label
                clusterSelector: {}
                labels: {add: {x: "${cluster.labels['no-such-label']}"}}
            """);
    String[] args = {
      "customize",
      "--inventory",
      retail("fleet.yaml"),
      "--policy",
      zone.toString(),
      "--manifests",
      retail("pos-manifests.yaml"),
      "--cluster",
      BOSTON
    };
    Result map = FlotillaTest.run(args);
    assertEquals(1, map.status());
    assertFalse(map.out().isEmpty(), "the map shows what did work");
    Result list = FlotillaTest.run(append(args, "--as-list"));
    assertEquals(1, list.status());
    assertEquals("", list.out(), "a partial List would be applied as if whole");
    assertTrue(list.err().startsWith("error: cluster " + BOSTON), list.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void completionScriptCoversCommandsAndOptions() {
    for (String shell : List.of("bash", "zsh")) {
      Result result = FlotillaTest.run("completion", shell);
      assertEquals(0, result.status(), result.err());
      String script = result.out();
      assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 80));
      assertTrue(script.contains("complete -F _complete_flotilla"), "registers the function");
      for (String word : List.of("select", "place", "customize", "--inventory", "--as-list")) {
        assertTrue(script.contains(word), word);
      }
    }
    Result fish = FlotillaTest.run("completion", "fish");
    assertEquals(2, fish.status());
    assertTrue(fish.err().startsWith("error: "), fish.err());
  }

  @Test
  void countsTakeTheRightNoun() throws IOException {
    assertEquals("1 cluster", Count.of(1, "cluster"));
    assertEquals("0 clusters", Count.of(0, "cluster"));
    assertEquals("100,000 clusters", Count.of(100_000, "cluster"));
    assertEquals("1 hardware class", Count.of(1, "hardware class", "hardware classes"));

    Path one =
        FlotillaTest.write(dir, "one.yaml", "kind: ClusterInventory\nclusters: [{name: a}]\n");
    Result validate = FlotillaTest.run("validate", one.toString());
    assertEquals(one + ": valid inventory of 1 cluster\n", validate.out());
    Result explain =
        FlotillaTest.run(
            "explain", "--inventory", one.toString(), "--placement", retail("pos-placement.yaml"));
    assertEquals(0, explain.status(), explain.err());
    assertTrue(
        explain.out().startsWith("placement point-of-sale: 0 of 1 cluster selected"),
        explain.out());

    Result demo = FlotillaTest.run("demo", "--clusters", "1", "--seed", "3");
    assertEquals(0, demo.status(), demo.err());
    assertTrue(demo.out().startsWith("Flotilla demo: 1 generated cluster, seed 3"), demo.out());
    Pattern wrong =
        Pattern.compile(
            "(^|[^0-9.,])1 (clusters|generated clusters|regions|zones|sites|hardware classes"
                + "|tainted clusters|manifests|rules|distinct outputs|groups|waves|reports"
                + "|CEL evaluation errors)\\b");
    for (String line : (demo.out() + explain.out()).split("\n")) {
      assertFalse(wrong.matcher(line).find(), line);
    }
  }
}
