package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.customize.Action;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Documents held in a string field, read, patched and written back as Karmada's field overrider
 * does (karmada pkg/util/overridemanager/overridemanager.go applyFieldOverriders, with
 * evanphx/json-patch v5, and sigs.k8s.io/yaml for YAML: see {@link GoYaml}).
 *
 * <p>JSON: evanphx/json-patch keeps every value the patch does not touch as the text it was, and
 * writes the result compact. Flotilla works on a tree, so it first checks that writing the
 * unpatched tree gives the input compacted (true for JSON written by Go, by Jackson or by hand
 * without unusual spellings); when it does not (a number spelled {@code 1E3}, a needless {@code
 * \u0041} escape, a duplicate key), the edit is refused rather than written differently.
 */
final class EmbeddedDocuments {
  private EmbeddedDocuments() {}

  static String patch(
      String text, Action.EmbeddedFormat format, String path, UnaryOperator<JsonNode> edit) {
    return switch (format) {
      case json -> json(text, path, edit);
      case yaml -> GoYaml.patch(text, path, edit);
    };
  }

  private static String json(String text, String path, UnaryOperator<JsonNode> edit) {
    if (text.isEmpty()) {
      return text; // evanphx/json-patch returns an empty document as it is
    }
    JsonNode document;
    try {
      document = GoJson.parse(text);
    } catch (IOException e) {
      throw new ActionFailure(path, "the field does not hold a JSON document");
    }
    if (document.isArray() ? text.charAt(0) != '[' : !document.isObject()) {
      throw new ActionFailure(path, "the field's JSON is not an object or a list starting at '['");
    }
    if (!GoJson.write(document).equals(GoJson.compact(text))) {
      throw new ActionFailure(
          path,
          "the field's JSON spells a value in a way Flotilla does not keep as written (a number"
              + " such as 1E3, an escape such as \\u0041, a duplicate key), so its patched text"
              + " could differ from Karmada's: refused");
    }
    return GoJson.write(edit.apply(document));
  }
}
