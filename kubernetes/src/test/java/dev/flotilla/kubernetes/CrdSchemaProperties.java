package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated policies, mostly valid and sometimes broken in one of many ways, compared between the
 * reader and the CRD's schema. The schema must never reject what a reader accepts (or {@code
 * kubectl apply} would refuse a policy Flotilla runs); for label selectors, where the schema states
 * every rule the readers apply, the two must agree exactly.
 */
class CrdSchemaProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, KubernetesSchema> SCHEMAS = CrdDocumentsTest.schemas();

  /** Leaves the field out. */
  private static final JsonNode ABSENT = NODES.missingNode();

  private static final int RARE_PERCENT = 4;

  /**
   * YAML flow values; "-" is an absent field. Values after "|" are the rare ones (broken, mostly),
   * picked one time in {@value #RARE_PERCENT}: rare enough that whole documents are often valid.
   */
  private static Gen<JsonNode> pick(String... yaml) {
    List<JsonNode> common = new ArrayList<>();
    List<JsonNode> rare = new ArrayList<>();
    List<JsonNode> into = common;
    for (String value : yaml) {
      if (value.equals("|")) {
        into = rare;
      } else {
        into.add(value.equals("-") ? ABSENT : parse(value));
      }
    }
    Gen<JsonNode> out = arbitrary().pick(common);
    return rare.isEmpty() ? out : out.mix(arbitrary().pick(rare), RARE_PERCENT);
  }

  private static JsonNode parse(String yaml) {
    try {
      return Repository.YAML.readTree("v: " + yaml).get("v");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Gen<JsonNode> object(Map<String, Gen<JsonNode>> fields) {
    Gen<JsonNode> out = Generate.constant(NODES.objectNode());
    for (Map.Entry<String, Gen<JsonNode>> field : fields.entrySet()) {
      out =
          out.zip(
              field.getValue(),
              (o, v) -> {
                ObjectNode copy = (ObjectNode) o.deepCopy();
                if (!v.isMissingNode()) {
                  copy.set(field.getKey(), v);
                }
                return copy;
              });
    }
    return out;
  }

  private static Gen<JsonNode> list(Gen<JsonNode> item, int min, int max) {
    return lists()
        .of(item)
        .ofSizeBetween(min, max)
        .map(
            items -> {
              ArrayNode out = NODES.arrayNode();
              items.forEach(out::add);
              return (JsonNode) out;
            });
  }

  private static Gen<JsonNode> optional(Gen<JsonNode> value) {
    return value.mix(Generate.constant(ABSENT), 50);
  }

  private static Map<String, Gen<JsonNode>> fields(Object... pairs) {
    Map<String, Gen<JsonNode>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Gen<JsonNode> gen = (Gen<JsonNode>) pairs[i + 1];
      out.put((String) pairs[i], gen);
    }
    return out;
  }

  static Gen<JsonNode> labelSelector() {
    Gen<JsonNode> expression =
        object(
            fields(
                "key",
                pick(
                    "env",
                    "topology.kubernetes.io/zone",
                    "a.b-c_d",
                    "|",
                    "-bad",
                    "Ex.com/x",
                    "'a b'",
                    "-"),
                "operator",
                pick("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "|", "in", "Equals", "-"),
                "values",
                pick(
                    "[prod]",
                    "[prod, edge]",
                    "[]",
                    "['5']",
                    "['-5']",
                    "['+7']",
                    "[ten]",
                    "['1', '2']",
                    "['']",
                    "-",
                    "|",
                    "['b c']",
                    "[" + "v".repeat(64) + "]",
                    "prod")));
    return object(
        fields(
            "matchLabels",
            pick("{env: prod}", "{env: ''}", "{a/b: c}", "-", "|", "{env: 'x y'}", "{env: 1}"),
            "matchExpressions",
            optional(list(expression, 0, 2))));
  }

  @Test
  void labelSelectorsAgreeExactly() {
    KubernetesSchema schema =
        SCHEMAS.get(FlotillaKinds.API_VERSION + " " + FlotillaKinds.PLACEMENT);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withFixedSeed(20261128L)
        .withExamples(1000)
        .forAll(labelSelector())
        .checkAssert(
            selector -> {
              ObjectNode document = placement();
              ((ObjectNode) document.get("spec"))
                  .putArray("clusterSelectors")
                  .addObject()
                  .set("labelSelector", selector);
              boolean reader = readerAccepts(FlotillaKinds.PLACEMENT, document);
              List<String> errors = schema.validate(document);
              assertEquals(reader, errors.isEmpty(), document + ": schema says " + errors);
              (reader ? accepted : rejected).incrementAndGet();
            });
    assertTrue(
        accepted.get() > 100 && rejected.get() > 100,
        accepted + " accepted, " + rejected + " rejected");
  }

  @Test
  void aPlacementTheReaderAcceptsValidates() {
    Gen<JsonNode> toleration =
        object(
            fields(
                "key", pick("degraded", "|", "''", "'a b'", "-"),
                "operator", pick("Exists", "|", "Equal", "In", "-"),
                "value", pick("-", "|", "yes", "''", "'x y'"),
                "effect",
                    pick("-", "NoSelect", "PreferNoSelect", "NoSelectIfNew", "|", "NoSchedule"),
                "tolerationSeconds", pick("-", "60", "|", "-1", "'60'")));
    Gen<JsonNode> intOrPercent =
        pick(
            "-",
            "1",
            "10",
            "'10'",
            "25%",
            "100%",
            "007",
            "|",
            "0",
            "0%",
            "150%",
            "ten",
            "2.5%",
            "1234567890",
            "true");
    Gen<JsonNode> prioritizer =
        object(
            fields(
                "weight", pick("-", "1", "-100", "100", "|", "101"),
                "propertySorter",
                    pick(
                        "{name: cpu, sortOrder: Descending}",
                        "|",
                        "-",
                        "{name: cpu}",
                        "{name: cpu, sortOrder: Up}"),
                "labelPreference", pick("-", "|", "{matchLabels: {tier: gold}}"),
                "score", pick("-", "|", "{name: latency}", "{}")));
    Gen<JsonNode> spread =
        object(
            fields(
                "topologyKey", pick("zone", "property:region", "|", "-"),
                "maxSkew", pick("-", "1", "2", "|", "0"),
                "minDomains", pick("-", "2", "|", "0"),
                "maxDomains", pick("-", "3", "|", "1"),
                "whenUnsatisfiable", pick("-", "DoNotSchedule", "ScheduleAnyway", "|", "Never")));
    Gen<JsonNode> group =
        object(
            fields(
                "groupName", pick("canary", "|", "rest", "Canary_1", "-"),
                "clusterSelector", pick("{}", "{matchLabels: {canary: 'true'}}", "|", "-"),
                "clustersPerGroup", intOrPercent));
    Gen<JsonNode> rollout =
        object(
            fields(
                "canaryGroups", pick("-", "[canary]", "|", "[nope]"),
                "maxConcurrency", intOrPercent,
                "topologyKey", pick("-", "zone"),
                "maxUnavailablePerDomain", pick("-", "2", "50%")));
    Gen<JsonNode> spec =
        object(
            fields(
                "clusterSelectors", pick("[{}]", "|", "[]", "-"),
                "clusterNames", pick("-", "[store-1]", "|", "[Store_1]"),
                "numberOfClusters", pick("-", "0", "3", "|", "-1", "'3'", "3000000000"),
                "tolerations", optional(list(toleration, 1, 2)),
                "prioritizers", optional(list(prioritizer, 1, 2)),
                "spreadConstraints", optional(list(spread, 1, 2)),
                "decisionGroups", optional(list(group, 1, 2)),
                "rollout", optional(rollout)));
    soundness(FlotillaKinds.PLACEMENT, spec, 1500);
  }

  @Test
  void aStatusSummaryTheReaderAcceptsValidates() {
    Gen<JsonNode> named =
        object(
            fields(
                "name", pick("ready", "_x", "a-b", "|", "1a", "'a b'", "-"),
                "expression", pick("status.ready", "|", "'  '", "-")));
    Gen<JsonNode> aggregate =
        object(
            fields(
                "name", pick("n", "count", "|", "9x", "-"),
                "function", pick("Count", "Sum", "Avg", "P90", "CountDistinct", "|", "Median", "-"),
                "expression", pick("status.ready", "-", "|", "''")));
    Gen<JsonNode> spec =
        object(
            fields(
                "filter",
                pick("-", "'true'", "|", "42"),
                "groupBy",
                optional(list(named, 0, 12)),
                "aggregates",
                optional(list(aggregate, 0, 2)),
                "attention",
                optional(
                    object(
                        fields(
                            "when", pick("'true'", "|", "-"),
                            "limit", pick("-", "0", "10", "1000", "|", "1001", "-1"),
                            "orderBy",
                                pick(
                                    "-",
                                    "[{expression: x}]",
                                    "[{expression: x, direction: Desc}]",
                                    "|",
                                    "[{expression: x, direction: Up}]"),
                            "fields", optional(list(named, 0, 2))))),
                "staleAfter",
                pick("-", "15m", "1h30m", "1.5s", "500ms", "|", "10", "0s", "15 minutes"),
                "maxBytes",
                pick("-", "16384", "67108864", "|", "100", "67108865")));
    soundness(FlotillaKinds.STATUS_SUMMARY, spec, 1000);
  }

  @Test
  void aCustomizationTheReaderAcceptsValidates() {
    Gen<JsonNode> rule =
        object(
            fields(
                "name",
                pick("r", "|", "-"),
                "clusterSelector",
                pick("-", "{}", "{labelSelector: {matchLabels: {env: prod}}}"),
                "image",
                pick("-", "{tag: v2}", "|", "{tag: v2, digest: 'sha256:0'}", "{containers: [app]}"),
                "replicas",
                pick("-", "3", "'${ cluster.labels.size }'", "|", "true"),
                "set",
                pick(
                    "-",
                    "[{path: $.a, value: 1}]",
                    "[{path: $.a, value: null}]",
                    "|",
                    "[{path: a, value: 1}]",
                    "[{path: $.a}]"),
                "jsonPatch",
                pick(
                    "-",
                    "[{op: add, path: /a, value: 1}]",
                    "[{op: add, path: /a, value: null, extra: 1}]",
                    "[]",
                    "|",
                    "[{op: move, path: /a}]",
                    "[{op: remove, path: a}]"),
                "env",
                pick("-", "-", "[{set: {A: b}}]", "[]", "|", "[{container: app}]"),
                "remove",
                pick("-", "-", "[]", "[$.a]", "|", "[a]"),
                "mergePatch",
                pick("-", "{a: {b: null}}", "[1]", "3"),
                "delete",
                pick("-", "true", "false")));
    Gen<JsonNode> spec =
        object(
            fields(
                "priority", pick("-", "5", "|", "high", "3000000000"),
                "rules", optional(list(rule, 0, 2))));
    soundness(FlotillaKinds.CUSTOMIZATION, spec, 1000);
  }

  /** Whatever the reader accepts, the schema accepts; both outcomes occur often enough. */
  private static void soundness(String kind, Gen<JsonNode> spec, int examples) {
    KubernetesSchema schema = SCHEMAS.get(FlotillaKinds.API_VERSION + " " + kind);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withFixedSeed(20261128L)
        .withExamples(examples)
        .forAll(spec)
        .checkAssert(
            s -> {
              ObjectNode document = header(kind);
              document.set("spec", s);
              if (readerAccepts(kind, document)) {
                accepted.incrementAndGet();
                List<String> errors = schema.validate(document);
                assertEquals(List.of(), errors, document.toString());
              } else {
                rejected.incrementAndGet();
              }
            });
    assertTrue(
        accepted.get() > examples / 20 && rejected.get() > examples / 20,
        kind + ": " + accepted + " accepted, " + rejected + " rejected");
  }

  private static ObjectNode placement() {
    ObjectNode document = header(FlotillaKinds.PLACEMENT);
    document.putObject("spec");
    return document;
  }

  private static ObjectNode header(String kind) {
    ObjectNode document = NODES.objectNode();
    document.put("apiVersion", FlotillaKinds.API_VERSION).put("kind", kind);
    document.putObject("metadata").put("name", "p").put("namespace", "ns");
    return document;
  }

  private static boolean readerAccepts(String kind, JsonNode document) {
    return Readers.problems(kind, "generated.json", document.toString()).isEmpty();
  }
}
