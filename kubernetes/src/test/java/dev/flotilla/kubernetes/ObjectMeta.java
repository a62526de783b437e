package dev.flotilla.kubernetes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of {@code metav1.ObjectMeta} as an API server accepts and returns it (fields and
 * types from k8s.io/apimachinery {@code pkg/apis/meta/v1/types.go}); unknown fields are errors, as
 * under field validation Strict. The server's own checks of the values (name syntax, label syntax,
 * immutable fields) are not repeated: Flotilla's readers and the CRD's name pattern cover the ones
 * Flotilla relies on.
 */
final class ObjectMeta {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ObjectMeta() {}

  static ObjectNode schema() {
    ObjectNode meta = object();
    ObjectNode p = (ObjectNode) meta.get("properties");
    for (String name :
        new String[] {"name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"}) {
      p.set(name, type("string"));
    }
    p.set("generation", type("integer"));
    // kubectl create --dry-run -o yaml writes creationTimestamp: null.
    p.set(
        "creationTimestamp",
        NODES.objectNode().set("type", NODES.arrayNode().add("string").add("null")));
    p.set("deletionTimestamp", type("string"));
    p.set("deletionGracePeriodSeconds", type("integer"));
    p.set("labels", stringMap());
    p.set("annotations", stringMap());
    p.set("finalizers", list(type("string")));
    ObjectNode owner = object();
    ObjectNode o = (ObjectNode) owner.get("properties");
    o.set("apiVersion", type("string"));
    o.set("kind", type("string"));
    o.set("name", type("string"));
    o.set("uid", type("string"));
    o.set("controller", type("boolean"));
    o.set("blockOwnerDeletion", type("boolean"));
    owner.putArray("required").add("apiVersion").add("kind").add("name").add("uid");
    p.set("ownerReferences", list(owner));
    ObjectNode managed = object();
    ObjectNode m = (ObjectNode) managed.get("properties");
    for (String name :
        new String[] {"manager", "operation", "apiVersion", "time", "fieldsType", "subresource"}) {
      m.set(name, type("string"));
    }
    m.set("fieldsV1", type("object"));
    p.set("managedFields", list(managed));
    return meta;
  }

  private static ObjectNode object() {
    ObjectNode out = type("object");
    out.putObject("properties");
    out.put("additionalProperties", false);
    return out;
  }

  private static ObjectNode stringMap() {
    ObjectNode out = type("object");
    out.set("additionalProperties", type("string"));
    return out;
  }

  private static ObjectNode list(ObjectNode items) {
    ObjectNode out = type("array");
    out.set("items", items);
    return out;
  }

  private static ObjectNode type(String type) {
    return NODES.objectNode().put("type", type);
  }
}
