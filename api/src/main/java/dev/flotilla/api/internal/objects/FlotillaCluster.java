package dev.flotilla.api.internal.objects;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flotilla's own cluster object ({@code kind: Cluster}, no {@code apiVersion} or {@code
 * flotilla.dev/...}): {@code name} or {@code metadata.name}, {@code labels}, {@code annotations},
 * {@code properties}, {@code taints}. Unlike the peers' objects, unknown fields are problems: this
 * is a format Flotilla owns, and a misspelt field should not pass silently.
 */
final class FlotillaCluster {
  private FlotillaCluster() {}

  static <N> ClusterMapper.Outcome map(ObjectTree<N> tree, N object) {
    Draft<N> draft = new Draft<>(tree, object, false);
    String name = read(draft);
    List<Problem> constructorProblems = new ArrayList<>();
    if (draft.problems.isEmpty() && name != null) {
      Cluster cluster = draft.build(name, constructorProblems);
      if (cluster != null) {
        return new ClusterMapper.Outcome(cluster, "Cluster", name, List.of());
      }
    }
    Draft<N> checking = new Draft<>(tree, object, true);
    name = read(checking);
    if (checking.problems.isEmpty()) {
      for (Problem p : constructorProblems) {
        checking.problems.add(
            new Problem("", tree.line(object), tree.column(object), p.path(), p.message()));
      }
    }
    return new ClusterMapper.Outcome(null, "Cluster", name == null ? "" : name, checking.problems);
  }

  private static <N> String read(Draft<N> draft) {
    ObjectTree<N> tree = draft.tree;
    N root = draft.root;
    draft.optionalString(root, "", "apiVersion");
    draft.optionalString(root, "", "kind");
    String name = draft.optionalString(root, "", "name");
    N nameNode = tree.field(root, "name");
    String namePath = "name";
    map(draft, root, "labels", draft.labels, true);
    map(draft, root, "annotations", draft.annotations, false);
    N metadata = tree.field(root, "metadata");
    if (metadata != null) {
      if (!tree.isObject(metadata)) {
        draft.wrongType(metadata, "metadata", "object");
      } else {
        String metaName = draft.optionalString(metadata, "metadata", "name");
        if (name != null && metaName != null) {
          draft.report(
              metadata,
              "metadata.name",
              "Invalid value: set either name or metadata.name, not both");
        }
        if (name == null && metaName != null) {
          name = metaName;
          nameNode = tree.field(metadata, "name");
          namePath = "metadata.name";
        }
        map(draft, metadata, "metadata.labels", draft.labels, true);
        map(draft, metadata, "metadata.annotations", draft.annotations, false);
        draft.rejectUnknown(metadata, "metadata", "name", "labels", "annotations");
      }
    }
    N properties = tree.field(root, "properties");
    if (properties != null) {
      if (!tree.isObject(properties)) {
        draft.wrongType(properties, "properties", "object");
      } else {
        for (Map.Entry<String, N> entry : tree.fields(properties)) {
          N value = entry.getValue();
          String text = value == null ? null : tree.scalarText(value);
          if (text == null) {
            draft.wrongType(value, "properties[" + entry.getKey() + "]", "string");
          } else {
            draft.property(entry.getKey(), text, properties, "properties");
          }
        }
      }
    }
    N taints = tree.field(root, "taints");
    if (taints != null) {
      if (!tree.isList(taints)) {
        draft.wrongType(taints, "taints", "list");
      } else {
        for (int i = 0; i < tree.size(taints); i++) {
          N item = tree.item(taints, i);
          if (item == null) {
            draft.wrongType(null, "taints[" + i + "]", "object");
          } else {
            draft.taint(item, "taints[" + i + "]", false, true);
          }
        }
      }
    }
    draft.rejectUnknown(
        root,
        "",
        "apiVersion",
        "kind",
        "name",
        "labels",
        "annotations",
        "metadata",
        "properties",
        "taints");
    if (name == null) {
      if (nameNode == null) {
        draft.report(root, "name", "Required value");
      }
      return null;
    }
    if (draft.checkEach) {
      for (String error : LabelRules.dns1123SubdomainErrors(name)) {
        draft.report(nameNode, namePath, "Invalid value: \"" + name + "\": " + error);
      }
    }
    return name;
  }

  private static <N> void map(
      Draft<N> draft, N object, String path, Map<String, String> into, boolean labels) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    N node = draft.tree.field(object, field);
    if (node != null) {
      draft.stringMap(new Draft.Found<>(node, path), into, labels);
    }
  }
}
