package dev.flotilla.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version's {@code openAPIV3Schema} of a CustomResourceDefinition, turned into a JSON Schema
 * (draft 4, the JSON Schema OpenAPI 3.0 builds on) that networknt's validator checks, with what the
 * API server adds around the schema:
 *
 * <ul>
 *   <li>{@code nullable: true} adds {@code "null"} to the type (and to an enum); a null where the
 *       schema is not nullable is <em>removed</em> before validation, as the server does
 *       (apiextensions-apiserver {@code schema/defaulting/prunenulls.go}): Flotilla's readers read
 *       an explicit null as an absent field too.
 *   <li>{@code x-kubernetes-int-or-string} becomes {@code type: [integer, string]}, as the server's
 *       {@code validation.ConvertJSONSchemaProps} does.
 *   <li>Unknown fields: the server prunes them silently on a plain create, and rejects them under
 *       field validation {@code Strict}, which {@code kubectl apply} asks for by default. These
 *       tests take the strict side: an object schema without {@code
 *       x-kubernetes-preserve-unknown-fields} gets {@code additionalProperties: false}, so a
 *       document whose fields the CRD does not declare fails here instead of losing the fields on
 *       the way to etcd. Flotilla's readers reject unknown fields in a spec the same way.
 *   <li>{@code metadata} at the root is checked as ObjectMeta (the fields a server returns), plus
 *       the name and generateName restrictions the CRD may add; {@code apiVersion} and {@code kind}
 *       must be the CRD's.
 *   <li>{@code x-kubernetes-list-type: set} becomes {@code uniqueItems}; {@code map} lists are
 *       checked for duplicate keys by {@link #validate}.
 *   <li>{@code format: date-time} becomes an RFC 3339 pattern; other formats are dropped.
 *   <li>{@code x-kubernetes-validations} (CEL) are not evaluated here: Flotilla's CRDs express
 *       their rules with {@code anyOf}/{@code oneOf}/{@code not}, which the validator checks.
 * </ul>
 */
final class KubernetesSchema {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private final String apiVersion;
  private final String kind;
  private final JsonNode openApi;
  private final Schema schema;
  private final ObjectNode converted;

  private KubernetesSchema(String apiVersion, String kind, JsonNode openApi) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.openApi = openApi;
    this.converted = root(openApi);
    this.schema = REGISTRY.getSchema(converted.toString(), InputFormat.JSON);
  }

  /** The schema of the storage version of {@code crd}. */
  static KubernetesSchema of(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    for (JsonNode version : spec.path("versions")) {
      if (version.path("storage").asBoolean()) {
        return new KubernetesSchema(
            spec.path("group").asText() + "/" + version.path("name").asText(),
            spec.path("names").path("kind").asText(),
            version.path("schema").path("openAPIV3Schema"));
      }
    }
    throw new IllegalArgumentException("no storage version in " + crd.path("metadata"));
  }

  String kind() {
    return kind;
  }

  String apiVersion() {
    return apiVersion;
  }

  /** The JSON Schema the validator runs (for messages). */
  JsonNode converted() {
    return converted;
  }

  /** Problems of {@code document} ("path: message"), empty when the server would accept it. */
  List<String> validate(JsonNode document) {
    JsonNode pruned = document.deepCopy();
    pruneNulls(pruned, openApi);
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(pruned.toString(), InputFormat.JSON)) {
      problems.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    listMapKeys(pruned, openApi, "$", problems);
    return problems;
  }

  private ObjectNode root(JsonNode openApi) {
    ObjectNode out = convert(openApi, true);
    ObjectNode properties = (ObjectNode) out.get("properties");
    properties.set(
        "apiVersion", NODES.objectNode().put("type", "string").set("enum", array(apiVersion)));
    properties.set("kind", NODES.objectNode().put("type", "string").set("enum", array(kind)));
    ObjectNode metadata = ObjectMeta.schema();
    JsonNode restriction = properties.get("metadata");
    if (restriction != null) {
      // The CRD may restrict name and generateName only (checked by StructuralSchemaTest).
      ObjectNode restricted = restriction.deepCopy();
      restricted.remove("additionalProperties");
      restricted.remove("type");
      metadata = NODES.objectNode().set("allOf", NODES.arrayNode().add(metadata).add(restricted));
    }
    properties.set("metadata", metadata);
    ArrayNode required =
        out.has("required") ? (ArrayNode) out.get("required") : out.putArray("required");
    required.add("apiVersion").add("kind");
    return out;
  }

  /** {@code structural}: a node outside value validations (anyOf, allOf, oneOf, not). */
  private static ObjectNode convert(JsonNode in, boolean structural) {
    ObjectNode out = NODES.objectNode();
    boolean nullable = in.path("nullable").asBoolean(false);
    boolean preserve = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean intOrString = in.path("x-kubernetes-int-or-string").asBoolean(false);
    Iterator<Map.Entry<String, JsonNode>> fields = in.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      switch (key) {
        case "type" -> {
          if (!intOrString) {
            out.set("type", nullable ? array(value.asText(), "null") : value);
          }
        }
        case "enum" -> {
          ArrayNode values = value.deepCopy();
          if (nullable) {
            values.addNull();
          }
          out.set("enum", values);
        }
        case "format" -> {
          if (value.asText().equals("date-time")) {
            out.put("pattern", DATE_TIME);
          }
        }
        case "properties" -> {
          ObjectNode properties = out.putObject("properties");
          value
              .fields()
              .forEachRemaining(p -> properties.set(p.getKey(), convert(p.getValue(), structural)));
        }
        case "additionalProperties" ->
            out.set("additionalProperties", value.isBoolean() ? value : convert(value, structural));
        case "items" -> out.set("items", convert(value, structural));
        case "allOf", "anyOf", "oneOf" -> {
          ArrayNode list = out.putArray(key);
          value.forEach(item -> list.add(convert(item, false)));
        }
        case "not" -> out.set("not", convert(value, false));
        case "x-kubernetes-list-type" -> {
          if (value.asText().equals("set")) {
            out.put("uniqueItems", true);
          }
        }
        case "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "required",
            "uniqueItems",
            "description",
            "title" ->
            out.set(key, value);
        default -> {
          // nullable, x-kubernetes-* extensions, default, example, externalDocs: no JSON Schema
          // meaning here (see the class comment).
        }
      }
    }
    if (intOrString) {
      out.set("type", nullable ? array("integer", "string", "null") : array("integer", "string"));
    }
    boolean object = in.path("type").asText().equals("object");
    if (structural && object && !preserve && !in.has("additionalProperties")) {
      out.put("additionalProperties", false);
    }
    return out;
  }

  /** Removes nulls the schema does not allow, as the server does before validating. */
  private static void pruneNulls(JsonNode value, JsonNode schema) {
    if (schema == null || schema.isMissingNode()) {
      return;
    }
    if (value instanceof ObjectNode object) {
      List<String> remove = new ArrayList<>();
      object
          .fields()
          .forEachRemaining(
              field -> {
                JsonNode fieldSchema = schema.path("properties").get(field.getKey());
                if (fieldSchema == null && schema.path("additionalProperties").isObject()) {
                  fieldSchema = schema.get("additionalProperties");
                }
                if (fieldSchema == null) {
                  return;
                }
                if (field.getValue().isNull()
                    && !fieldSchema.path("nullable").asBoolean(false)
                    && !fieldSchema.has("default")) {
                  remove.add(field.getKey());
                } else {
                  pruneNulls(field.getValue(), fieldSchema);
                }
              });
      object.remove(remove);
    } else if (value instanceof ArrayNode list) {
      list.forEach(item -> pruneNulls(item, schema.get("items")));
    }
  }

  /** Duplicate keys in {@code x-kubernetes-list-type: map} lists. */
  private static void listMapKeys(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (schema == null || schema.isMissingNode() || value == null) {
      return;
    }
    if (value.isArray()) {
      if (schema.path("x-kubernetes-list-type").asText().equals("map")) {
        Set<List<JsonNode>> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
          List<JsonNode> key = new ArrayList<>();
          for (JsonNode name : schema.path("x-kubernetes-list-map-keys")) {
            key.add(value.get(i).path(name.asText()));
          }
          if (!seen.add(key)) {
            out.add(path + "[" + i + "]: Duplicate value: " + key);
          }
        }
      }
      for (int i = 0; i < value.size(); i++) {
        listMapKeys(value.get(i), schema.get("items"), path + "[" + i + "]", out);
      }
    } else if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              field -> {
                JsonNode fieldSchema = schema.path("properties").get(field.getKey());
                if (fieldSchema == null) {
                  fieldSchema = schema.get("additionalProperties");
                }
                listMapKeys(field.getValue(), fieldSchema, path + "." + field.getKey(), out);
              });
    }
  }

  private static ArrayNode array(String... values) {
    ArrayNode out = NODES.arrayNode();
    for (String value : values) {
      out.add(value);
    }
    return out;
  }
}
