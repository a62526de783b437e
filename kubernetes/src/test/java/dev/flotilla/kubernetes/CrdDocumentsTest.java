package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Problem;
import dev.flotilla.kubernetes.Repository.Document;
import dev.flotilla.kubernetes.Repository.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every document of a kind that has a CRD in {@code crds/}, found anywhere in the repository (see
 * {@link Repository#documents()}), validates against its CRD's schema: the examples, the README's
 * YAML, the demo's policies and every test document a reader accepts. A schema must never reject
 * what a reader accepts, or {@code kubectl apply} would refuse a policy Flotilla runs.
 */
class CrdDocumentsTest {
  static Map<String, KubernetesSchema> schemas() {
    Map<String, KubernetesSchema> out = new LinkedHashMap<>();
    for (Path file : Repository.crdFiles()) {
      KubernetesSchema schema = KubernetesSchema.of(Repository.readCrd(file));
      out.put(schema.apiVersion() + " " + schema.kind(), schema);
    }
    return out;
  }

  @Test
  void everyDocumentOfACrdKindValidates() {
    Map<String, KubernetesSchema> schemas = schemas();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> checked = new TreeMap<>();
    for (Document document : Repository.documents()) {
      KubernetesSchema schema = schemas.get(document.apiVersion() + " " + document.kind());
      if (schema == null) {
        continue;
      }
      String kind = document.kind();
      if (Readers.has(kind)) {
        List<Problem> problems = Readers.problems(kind, source(document), document.text());
        if (!problems.isEmpty()) {
          if (document.origin() == Origin.PUBLISHED) {
            failures.add(document.where() + ": the reader rejects it: " + problems);
          }
          continue; // a test's broken input: the reader's business, not the schema's
        }
      } else if (document.origin() == Origin.TEST) {
        continue; // no reader to tell a broken test input from a good one
      }
      List<String> errors = schema.validate(document.tree());
      if (!errors.isEmpty()) {
        failures.add(document.where() + ": " + errors);
      }
      checked.merge(kind + " (" + document.origin() + ")", 1, Integer::sum);
    }
    assertEquals(List.of(), failures, "checked: " + checked);
    for (String kind : Readers.kinds()) {
      for (Origin origin : Origin.values()) {
        assertTrue(
            checked.getOrDefault(kind + " (" + origin + ")", 0) > 0,
            "no " + origin + " " + kind + " found: did discovery break? checked: " + checked);
      }
    }
  }

  private static String source(Document document) {
    return document.where().endsWith(".json") ? document.where() : document.where() + ".yaml";
  }
}
