package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@link ManifestWriter} writes as YAML reads back as the same strings in a YAML 1.1 reader
 * (SnakeYAML's default resolver, as PyYAML and Go's yaml.v2), keys and values alike.
 */
class ManifestWriterProperties {
  private static final long SEED = 0x5EED_0009L;

  /** Strings YAML 1.1 readers take for other types when written plain. */
  static final List<String> TRICKY =
      List.of(
          "12:30",
          "1:20:30",
          "2026-01-01",
          "2026-01-01T10:00:00Z",
          "2001-12-14 21:59:43.10 -5",
          "=",
          "<<",
          "yes",
          "Yes",
          "YES",
          "yEs",
          "no",
          "NO",
          "on",
          "On",
          "off",
          "OFF",
          "y",
          "Y",
          "n",
          "N",
          "true",
          "False",
          "null",
          "Null",
          "NULL",
          "~",
          "",
          "0x1F",
          "0o17",
          "017",
          "0b101",
          "1_000",
          "1,000",
          ".inf",
          "-.inf",
          "+.INF",
          ".nan",
          ".NaN",
          "1e3",
          "1E3",
          "1e+3",
          "+1",
          "-1",
          ".5",
          "5.",
          "1.5",
          "0",
          "00",
          "-0",
          "+12:30",
          "190:20:30.15",
          "!tag",
          "&anchor",
          "*alias",
          "- item",
          "? key",
          "key: value",
          "#comment",
          "a #b",
          "@at",
          "`tick",
          "%percent",
          "|",
          ">",
          "'",
          "\"",
          "{a: b}",
          "[a]",
          " lead",
          "trail ",
          "tab\there",
          "line\nbreak",
          "\u00e9t\u00e9",
          "\u0001ctrl",
          "x",
          "store-a",
          "v1.2.3");

  private static final Gen<String> STRINGS =
      Generate.oneOf(
          Generate.pick(TRICKY),
          strings().basicLatinAlphabet().ofLengthBetween(0, 8),
          strings().betweenCodePoints('+', ':').ofLengthBetween(1, 8),
          Generate.pick(TRICKY)
              .zip(Generate.pick(TRICKY), (a, b) -> a + b)
              .map(s -> s.length() > 20 ? s.substring(0, 20) : s));

  private static Object readYaml11(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @Test
  void everyStringReadsBackAsTheSameStringInYaml11() {
    qt().withFixedSeed(SEED)
        .withExamples(3000)
        .forAll(STRINGS, STRINGS)
        .checkAssert(
            (key, value) -> {
              ObjectNode tree = JsonNodeFactory.instance.objectNode();
              tree.put(key, value);
              tree.putArray("list").add(value);
              String yaml = ManifestWriter.yaml(tree);
              Object read = readYaml11(yaml);
              assertTrue(read instanceof Map, yaml);
              Map<?, ?> map = (Map<?, ?>) read;
              assertTrue(map.containsKey(key), () -> "key " + key + " in " + yaml);
              assertEquals(value, map.get(key), yaml);
              assertEquals(List.of(value), map.get("list"), yaml);
            });
  }

  @Test
  void trickyStringsAreQuoted() {
    for (String text : List.of("12:30", "2026-01-01", "=", "yes", "N", "0x1F", "0o17", "1_000")) {
      ObjectNode tree = JsonNodeFactory.instance.objectNode().put("v", text);
      String yaml = ManifestWriter.yaml(tree);
      assertTrue(yaml.startsWith("v: \"") || yaml.startsWith("v: '"), yaml);
    }
    assertEquals(
        "v: store-a\n",
        ManifestWriter.yaml(JsonNodeFactory.instance.objectNode().put("v", "store-a")));
  }

  @Test
  void flotillaReadsBackWhatItWrites() {
    qt().withFixedSeed(SEED)
        .withExamples(1000)
        .forAll(STRINGS)
        .checkAssert(
            value -> {
              ObjectNode tree = JsonNodeFactory.instance.objectNode();
              tree.put("kind", "ConfigMap");
              tree.putObject("data").put("v", value);
              String yaml = ManifestWriter.yaml(tree);
              assertEquals(List.of(tree), ManifestReader.parse("m.yaml", yaml), yaml);
            });
  }
}
