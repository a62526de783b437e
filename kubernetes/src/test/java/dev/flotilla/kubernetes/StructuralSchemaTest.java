package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every CRD file in {@code crds/} is a definition Kubernetes would accept: a structural schema
 * ({@link StructuralSchema}, restated from apiextensions-apiserver), names and versions as
 * apiextensions' {@code ValidateCustomResourceDefinition} wants them, a status subresource, and
 * printer columns of the allowed types whose paths exist in the schema. Covers files other
 * engineers add (PlacementDecision) without a change here.
 */
class StructuralSchemaTest {
  private static final Set<String> COLUMN_TYPES =
      Set.of("integer", "number", "string", "boolean", "date");
  private static final Set<String> COLUMN_FORMATS =
      Set.of("int32", "int64", "float", "double", "byte", "date", "date-time", "password");

  @Test
  void everyCrdFileIsADefinitionKubernetesAccepts() {
    List<Path> files = Repository.crdFiles();
    assertTrue(files.size() >= 3, "crds/: " + files);
    List<String> problems = new ArrayList<>();
    Set<String> kinds = new HashSet<>();
    for (Path file : files) {
      JsonNode crd = Repository.readCrd(file);
      String at = file.getFileName().toString();
      problems.addAll(definitionProblems(at, crd));
      kinds.add(crd.path("spec").path("names").path("kind").asText());
    }
    assertEquals(List.of(), problems);
    assertTrue(
        kinds.containsAll(
            List.of(
                FlotillaKinds.PLACEMENT,
                FlotillaKinds.CUSTOMIZATION,
                FlotillaKinds.STATUS_SUMMARY)),
        "kinds: " + kinds);
  }

  static List<String> definitionProblems(String at, JsonNode crd) {
    List<String> problems = new ArrayList<>();
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String kind = names.path("kind").asText();
    expect(problems, at, "apiVersion", "apiextensions.k8s.io/v1", crd.path("apiVersion").asText());
    expect(problems, at, "kind", "CustomResourceDefinition", crd.path("kind").asText());
    expect(problems, at, "spec.group", FlotillaKinds.GROUP, spec.path("group").asText());
    if (!FlotillaKinds.ALL.contains(kind)) {
      problems.add(
          at
              + ": spec.names.kind: Unsupported value: \""
              + kind
              + "\": supported values: "
              + FlotillaKinds.ALL);
      return problems;
    }
    String plural = CustomResourceDefinitions.plural(kind);
    expect(problems, at, "spec.names.plural", plural, names.path("plural").asText());
    expect(
        problems,
        at,
        "spec.names.singular",
        kind.toLowerCase(Locale.ROOT),
        names.path("singular").asText());
    expect(problems, at, "spec.names.listKind", kind + "List", names.path("listKind").asText());
    expect(
        problems,
        at,
        "metadata.name",
        CustomResourceDefinitions.name(kind),
        crd.path("metadata").path("name").asText());
    expect(problems, at, "file name", FlotillaKinds.GROUP + "_" + plural + ".yaml", at);
    expect(problems, at, "spec.scope", "Namespaced", spec.path("scope").asText());
    int storage = 0;
    boolean served = false;
    for (JsonNode version : spec.path("versions")) {
      String v = "spec.versions[" + version.path("name").asText() + "]";
      storage += version.path("storage").asBoolean() ? 1 : 0;
      if (version.path("name").asText().equals(FlotillaKinds.VERSION)) {
        served = version.path("served").asBoolean() && version.path("storage").asBoolean();
      }
      if (!version.path("subresources").has("status")) {
        problems.add(at + ": " + v + ".subresources.status: Required value");
      }
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      for (String problem : StructuralSchema.problems(schema)) {
        problems.add(at + ": " + v + ".schema." + problem);
      }
      for (JsonNode column : version.path("additionalPrinterColumns")) {
        problems.addAll(columnProblems(at + ": " + v, column, schema));
      }
    }
    if (storage != 1) {
      problems.add(
          at
              + ": spec.versions: must have exactly one version marked as storage version, got "
              + storage);
    }
    if (!served) {
      problems.add(at + ": spec.versions: " + FlotillaKinds.VERSION + " must be served and stored");
    }
    return problems;
  }

  private static List<String> columnProblems(String at, JsonNode column, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    String name = column.path("name").asText();
    String where = at + ".additionalPrinterColumns[" + name + "]";
    if (name.isEmpty()) {
      problems.add(where + ".name: Required value");
    }
    if (!COLUMN_TYPES.contains(column.path("type").asText())) {
      problems.add(where + ".type: must be one of " + COLUMN_TYPES);
    }
    if (column.has("format") && !COLUMN_FORMATS.contains(column.path("format").asText())) {
      problems.add(where + ".format: must be one of " + COLUMN_FORMATS);
    }
    String path = column.path("jsonPath").asText();
    if (!path.startsWith(".")) {
      problems.add(where + ".jsonPath: must be a simple json path starting with .");
      return problems;
    }
    // The column must show something the schema declares (metadata is ObjectMeta's).
    JsonNode node = schema;
    for (String step : path.substring(1).replaceAll("\\[[^]]*]", "").split("\\.")) {
      if (node.path("type").asText().equals("array")) {
        node = node.path("items");
      }
      if (step.equals("metadata") && node == schema) {
        return problems;
      }
      node = node.path("properties").path(step);
      if (node.isMissingNode()) {
        problems.add(where + ".jsonPath: " + path + ": no field " + step + " in the schema");
        return problems;
      }
    }
    return problems;
  }

  private static void expect(
      List<String> problems, String at, String field, String want, String got) {
    if (!want.equals(got)) {
      problems.add(at + ": " + field + ": want \"" + want + "\", got \"" + got + "\"");
    }
  }

  /** The walker finds each rule broken, so a clean result above means something. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a field without a type | {type: object, properties: {spec: {type: object, properties: {a: {description: x}}}}} | properties[a].type
          an array without items | {type: object, properties: {spec: {type: array}}} | items
          properties and additionalProperties | {type: object, properties: {spec: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}}} | mutual exclusive
          additionalProperties at the root | {type: object, additionalProperties: {type: string}} | additionalProperties
          anyOf at the root | {type: object, anyOf: [{required: [spec]}], properties: {spec: {type: object}}} | anyOf: Forbidden
          a type inside anyOf | {type: object, properties: {spec: {type: object, properties: {a: {type: string}}, anyOf: [{type: object}]}}} | anyOf[0].type
          a description inside oneOf | {type: object, properties: {spec: {type: object, properties: {a: {type: string}}, oneOf: [{description: x}]}}} | oneOf[0].description
          an undeclared property in a value validation | {type: object, properties: {spec: {type: object, properties: {a: {type: string}}, anyOf: [{required: [a], properties: {b: {minLength: 1}}}]}}} | properties[b]: Required
          metadata restricting labels | {type: object, properties: {metadata: {type: object, properties: {labels: {type: object}}}}} | properties[labels]
          a kind that is no string | {type: object, properties: {kind: {type: integer}}} | properties[kind].type
          a typo in a keyword | {type: object, properties: {spec: {type: object, requried: [a]}}} | requried: unknown field
          type null | {type: object, properties: {spec: {type: 'null'}}} | type cannot be set to null
          uniqueItems | {type: object, properties: {spec: {type: array, items: {type: string}, uniqueItems: true}}} | uniqueItems
          a $ref | {type: object, properties: {spec: {$ref: '#/x'}}} | $ref
          int-or-string preserving unknown fields | {type: object, properties: {spec: {x-kubernetes-int-or-string: true, x-kubernetes-preserve-unknown-fields: true}}} | must be false if x-kubernetes-int-or-string
          a look-ahead pattern | {type: object, properties: {spec: {type: string, pattern: '^(?!x)'}}} | RE2
          a CEL rule without rule | {type: object, properties: {spec: {type: object, x-kubernetes-validations: [{message: m}]}}} | rule: Required value
          a CEL rule with an unknown reason | {type: object, properties: {spec: {type: object, x-kubernetes-validations: [{rule: 'true', reason: Bad}]}}} | reason: Unsupported
          a list map whose key is optional | {type: object, properties: {spec: {type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [k], items: {type: object, properties: {k: {type: string}}}}}} | x-kubernetes-list-map-keys, so it must
          """)
  void brokenSchemasAreFound(String what, String schema, String expected) throws IOException {
    List<String> problems = StructuralSchema.problems(Repository.YAML.readTree(schema));
    assertFalse(problems.isEmpty(), what);
    assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), what + ": " + problems);
  }

  @Test
  void theIntOrStringPatternsAreStructural() throws IOException {
    // validation.go: anyOf [integer, string] (or as allOf[0].anyOf) is the one place a type may
    // appear in a value validation.
    String anyOf =
        "{type: object, properties: {spec: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}}}";
    String allOf =
        "{type: object, properties: {spec: {x-kubernetes-int-or-string: true, allOf: [{anyOf: [{type: integer}, {type: string}]}, {pattern: '^a'}]}}}";
    assertEquals(List.of(), StructuralSchema.problems(Repository.YAML.readTree(anyOf)));
    assertEquals(List.of(), StructuralSchema.problems(Repository.YAML.readTree(allOf)));
  }
}
