package dev.flotilla.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kubernetes' rules for a CRD's {@code openAPIV3Schema}, restated from apiextensions-apiserver so a
 * test can walk Flotilla's CRDs without an API server: {@code pkg/apiserver/schema/validation.go}
 * ({@code ValidateStructural}: types everywhere, value validations free of structure, metadata
 * restricted to name and generateName), {@code schema/complete.go} (every property a value
 * validation names is declared structurally) and {@code pkg/apis/apiextensions/validation/
 * validation.go} ({@code ValidateCustomResourceDefinitionOpenAPISchema}: no additionalProperties
 * beside properties, no $ref, uniqueItems, patternProperties; the fields allowed at the root).
 */
final class StructuralSchema {
  /** The JSON names of apiextensions/v1 {@code JSONSchemaProps} (types_jsonschema.go). */
  static final Set<String> KEYS =
      Set.of(
          "id",
          "$schema",
          "$ref",
          "description",
          "type",
          "format",
          "title",
          "default",
          "maximum",
          "exclusiveMaximum",
          "minimum",
          "exclusiveMinimum",
          "maxLength",
          "minLength",
          "pattern",
          "maxItems",
          "minItems",
          "uniqueItems",
          "multipleOf",
          "enum",
          "maxProperties",
          "minProperties",
          "required",
          "items",
          "allOf",
          "oneOf",
          "anyOf",
          "not",
          "properties",
          "additionalProperties",
          "patternProperties",
          "dependencies",
          "additionalItems",
          "definitions",
          "externalDocs",
          "example",
          "nullable",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-embedded-resource",
          "x-kubernetes-int-or-string",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-list-type",
          "x-kubernetes-map-type",
          "x-kubernetes-validations");

  /** validation.go allowedFieldsAtRootSchema, as JSON names. */
  static final Set<String> ROOT_KEYS =
      Set.of(
          "description",
          "type",
          "format",
          "title",
          "maximum",
          "exclusiveMaximum",
          "minimum",
          "exclusiveMinimum",
          "maxLength",
          "minLength",
          "pattern",
          "maxItems",
          "minItems",
          "uniqueItems",
          "multipleOf",
          "required",
          "items",
          "properties",
          "externalDocs",
          "example",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-validations");

  /** apiextensions/v1 {@code ValidationRule}'s JSON names and its reasons. */
  static final Set<String> RULE_KEYS =
      Set.of("rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf");

  static final Set<String> RULE_REASONS =
      Set.of(
          "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

  static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean");

  /** What a value validation (under anyOf, allOf, oneOf, not) may not hold. */
  private static final Set<String> FORBIDDEN_NESTED =
      Set.of(
          "type",
          "additionalProperties",
          "default",
          "title",
          "description",
          "nullable",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-embedded-resource",
          "x-kubernetes-int-or-string",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-list-type",
          "x-kubernetes-map-type",
          "x-kubernetes-validations");

  private static final Set<String> UNSUPPORTED =
      Set.of("id", "$ref", "definitions", "dependencies", "patternProperties", "additionalItems");

  /** Go's RE2 has no look-around and no back-references; Java has both. */
  private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!<]|\\\\[1-9]");

  private final List<String> problems = new ArrayList<>();

  private StructuralSchema() {}

  /** Every way {@code schema} (an {@code openAPIV3Schema}) breaks the rules; empty when none. */
  static List<String> problems(JsonNode schema) {
    StructuralSchema walker = new StructuralSchema();
    walker.root(schema);
    return walker.problems;
  }

  private void root(JsonNode s) {
    String at = "openAPIV3Schema";
    s.fieldNames()
        .forEachRemaining(
            key -> {
              if (!ROOT_KEYS.contains(key)) {
                problems.add(at + "." + key + ": Forbidden: not allowed at the root");
              }
            });
    if (!s.path("type").asText().equals("object")) {
      problems.add(at + ".type: must be object at the root");
    }
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode p = s.path("properties").path(field);
      if (!p.isMissingNode() && !p.path("type").asText().equals("string")) {
        problems.add(at + ".properties[" + field + "].type: must be string");
      }
    }
    JsonNode metadata = s.path("properties").path("metadata");
    if (!metadata.isMissingNode()) {
      metadata(metadata, at + ".properties[metadata]");
    }
    structural(s, at, true);
  }

  private void metadata(JsonNode m, String at) {
    m.fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.equals("type") && !key.equals("properties")) {
                problems.add(
                    at
                        + "."
                        + key
                        + ": must not specify anything other than name and generateName");
              }
            });
    if (m.has("type") && !m.path("type").asText().equals("object")) {
      problems.add(at + ".type: must be object");
    }
    m.path("properties")
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.equals("name") && !key.equals("generateName")) {
                problems.add(
                    at
                        + ".properties["
                        + key
                        + "]: must not specify anything other than name and generateName");
              }
            });
  }

  /** A node outside value validations. */
  private void structural(JsonNode s, String at, boolean root) {
    common(s, at);
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    String type = s.path("type").asText("");
    if (type.isEmpty() && !intOrString && !preserve) {
      problems.add(at + ".type: Required value: must not be empty for specified object fields");
    } else if (!type.isEmpty() && !TYPES.contains(type)) {
      problems.add(at + ".type: Unsupported value: \"" + type + "\"");
    }
    if (intOrString && preserve) {
      problems.add(
          at
              + ".x-kubernetes-preserve-unknown-fields: must be false if x-kubernetes-int-or-string is true");
    }
    if (s.has("x-kubernetes-preserve-unknown-fields") && !preserve) {
      problems.add(at + ".x-kubernetes-preserve-unknown-fields: must be true or undefined");
    }
    if (type.equals("array") && !s.has("items")) {
      problems.add(at + ".items: Required value: must be specified");
    }
    if (s.has("items") && !s.get("items").isObject()) {
      problems.add(at + ".items: Forbidden: items must be a schema object and not an array");
    }
    if (s.has("additionalProperties")) {
      JsonNode additional = s.get("additionalProperties");
      if (root) {
        problems.add(at + ".additionalProperties: Forbidden: must not be used at the root");
      }
      if (s.has("properties")
          && s.get("properties").size() > 0
          && !(additional.isBoolean() && additional.asBoolean())) {
        problems.add(
            at
                + ".additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive");
      }
      if (additional.isObject()) {
        structural(additional, at + ".additionalProperties", false);
      }
    }
    listType(s, at);
    s.path("properties")
        .fields()
        .forEachRemaining(
            p -> structural(p.getValue(), at + ".properties[" + p.getKey() + "]", false));
    if (s.has("items") && s.get("items").isObject()) {
      structural(s.get("items"), at + ".items", false);
    }
    // validation.go isIntOrStringAnyOfPattern and isIntOrStringAllOfPattern: by shape alone.
    boolean intOrStringAnyOf = isIntOrStringAnyOf(s.path("anyOf"));
    boolean intOrStringAllOf = isIntOrStringAnyOf(s.path("allOf").path(0).path("anyOf"));
    valueValidations(s, s, at, intOrStringAnyOf, intOrStringAllOf);
  }

  /** The anyOf/allOf/oneOf/not of {@code v}, checked against the structural node {@code s}. */
  private void valueValidations(
      JsonNode v, JsonNode s, String at, boolean skipAnyOf, boolean skipFirstAllOfAnyOf) {
    if (!skipAnyOf) {
      each(v.path("anyOf"), (item, i) -> nested(item, s, at + ".anyOf[" + i + "]", false));
    }
    each(
        v.path("allOf"),
        (item, i) -> nested(item, s, at + ".allOf[" + i + "]", skipFirstAllOfAnyOf && i == 0));
    each(v.path("oneOf"), (item, i) -> nested(item, s, at + ".oneOf[" + i + "]", false));
    if (v.has("not")) {
      nested(v.get("not"), s, at + ".not", false);
    }
  }

  /** A value validation {@code v} applying to the structural node {@code s} (null if none). */
  private void nested(JsonNode v, JsonNode s, String at, boolean skipAnyOf) {
    if (s == null || s.isMissingNode()) {
      problems.add(
          at
              + ": Required value: because it is defined in a value validation, it must be specified structurally");
      return;
    }
    common(v, at);
    v.fieldNames()
        .forEachRemaining(
            key -> {
              if (FORBIDDEN_NESTED.contains(key)) {
                problems.add(at + "." + key + ": Forbidden: must be empty to be structural");
              }
            });
    if (v.path("properties").has("metadata")) {
      problems.add(
          at + ".properties[metadata]: Forbidden: must not be specified in a nested context");
    }
    v.path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              JsonNode declared = s.path("properties").get(p.getKey());
              if (declared == null) {
                problems.add(
                    at
                        + ".properties["
                        + p.getKey()
                        + "]: Required value: not declared in the structural schema");
              } else {
                nested(p.getValue(), declared, at + ".properties[" + p.getKey() + "]", false);
              }
            });
    if (v.has("items")) {
      nested(v.get("items"), s.get("items"), at + ".items", false);
    }
    valueValidations(v, s, at, skipAnyOf, false);
  }

  /** Rules of every node, structural or not. */
  private void common(JsonNode s, String at) {
    if (!s.isObject()) {
      problems.add(at + ": must be a schema object");
      return;
    }
    validationRules(s.path("x-kubernetes-validations"), at + ".x-kubernetes-validations");
    Iterator<String> keys = s.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        problems.add(at + "." + key + ": unknown field");
      } else if (UNSUPPORTED.contains(key)) {
        problems.add(at + "." + key + ": Forbidden: " + key + " is not supported");
      }
    }
    if (s.path("type").asText().equals("null")) {
      problems.add(
          at + ".type: Forbidden: type cannot be set to null, use nullable as an alternative");
    }
    if (s.path("uniqueItems").asBoolean(false)) {
      problems.add(at + ".uniqueItems: Forbidden: uniqueItems cannot be set to true");
    }
    if (s.has("pattern")) {
      String pattern = s.get("pattern").asText();
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.add(at + ".pattern: must be a valid regular expression: " + e.getMessage());
      }
      if (NOT_RE2.matcher(pattern).find()) {
        problems.add(at + ".pattern: uses look-around or back-references, which Go's RE2 lacks");
      }
    }
  }

  /**
   * The shape of CEL rules (apiextensions/v1 {@code ValidationRule}); the rules themselves are not
   * compiled or evaluated by these tests.
   */
  private void validationRules(JsonNode rules, String at) {
    if (rules.isMissingNode()) {
      return;
    }
    if (!rules.isArray()) {
      problems.add(at + ": must be a list");
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String where = at + "[" + i + "]";
      if (rule.path("rule").asText("").isBlank()) {
        problems.add(where + ".rule: Required value");
      }
      rule.fieldNames()
          .forEachRemaining(
              key -> {
                if (!RULE_KEYS.contains(key)) {
                  problems.add(where + "." + key + ": unknown field");
                }
              });
      if (rule.has("reason") && !RULE_REASONS.contains(rule.path("reason").asText())) {
        problems.add(where + ".reason: Unsupported value: " + rule.get("reason"));
      }
    }
  }

  private void listType(JsonNode s, String at) {
    if (!s.has("x-kubernetes-list-type")) {
      if (s.has("x-kubernetes-list-map-keys")) {
        problems.add(
            at
                + ".x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty");
      }
      return;
    }
    String listType = s.get("x-kubernetes-list-type").asText();
    if (!s.path("type").asText().equals("array")) {
      problems.add(at + ".type: must be array if x-kubernetes-list-type is specified");
    }
    switch (listType) {
      case "atomic", "set" -> {}
      case "map" -> {
        JsonNode items = s.path("items");
        if (!items.path("type").asText().equals("object")) {
          problems.add(
              at + ".items.type: must be object if parent array's x-kubernetes-list-type is map");
        }
        if (s.path("x-kubernetes-list-map-keys").isEmpty()) {
          problems.add(
              at
                  + ".x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map");
        }
        for (JsonNode key : s.path("x-kubernetes-list-map-keys")) {
          boolean required = false;
          for (JsonNode r : items.path("required")) {
            required |= r.asText().equals(key.asText());
          }
          if (!required) {
            problems.add(
                at
                    + ".items.properties["
                    + key.asText()
                    + "]: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property");
          }
        }
      }
      default ->
          problems.add(at + ".x-kubernetes-list-type: Unsupported value: \"" + listType + "\"");
    }
  }

  private static boolean isIntOrStringAnyOf(JsonNode anyOf) {
    return anyOf.size() == 2
        && anyOf.get(0).size() == 1
        && anyOf.get(0).path("type").asText().equals("integer")
        && anyOf.get(1).size() == 1
        && anyOf.get(1).path("type").asText().equals("string");
  }

  private interface Indexed {
    void accept(JsonNode item, int index);
  }

  private static void each(JsonNode list, Indexed action) {
    for (int i = 0; i < list.size(); i++) {
      action.accept(list.get(i), i);
    }
  }
}
