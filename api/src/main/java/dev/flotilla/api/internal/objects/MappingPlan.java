package dev.flotilla.api.internal.objects;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.kube.ClusterObjectMapping;
import dev.flotilla.api.kube.ClusterObjectMapping.ConditionStatus;
import dev.flotilla.api.kube.ClusterObjectMapping.Rule;
import dev.flotilla.api.kube.ClusterObjectMapping.TaintSpelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link ClusterObjectMapping} with its paths parsed, ready to map objects of its kind. Immutable
 * and thread-safe: per-object state lives in a {@link Draft}.
 */
final class MappingPlan {
  private final ObjectPath name;
  private final List<Rule> rules;
  private final List<ObjectPath> paths;

  private MappingPlan(ObjectPath name, List<Rule> rules, List<ObjectPath> paths) {
    this.name = name;
    this.rules = rules;
    this.paths = paths;
  }

  static MappingPlan compile(ClusterObjectMapping mapping) {
    List<ObjectPath> paths = new ArrayList<>();
    for (Rule rule : mapping.rules()) {
      paths.add(ObjectPath.parse(rule.path()).path().orElseThrow());
    }
    return new MappingPlan(
        ObjectPath.parse(mapping.namePath()).path().orElseThrow(), mapping.rules(), paths);
  }

  <N> ClusterMapper.Outcome map(ObjectTree<N> tree, N object, String kind) {
    Draft<N> draft = new Draft<>(tree, object, false);
    String objectName = run(draft);
    List<Problem> constructorProblems = new ArrayList<>();
    if (draft.problems.isEmpty() && objectName != null) {
      Cluster cluster = draft.build(objectName, constructorProblems);
      if (cluster != null) {
        return new ClusterMapper.Outcome(cluster, kind, objectName, List.of());
      }
    }
    // Rare: run again checking each key and value where it is read, so that every problem is
    // found at once and each has its path in the object.
    Draft<N> checking = new Draft<>(tree, object, true);
    objectName = run(checking);
    List<Problem> problems = checking.problems;
    if (problems.isEmpty()) {
      for (Problem p : constructorProblems) {
        problems.add(
            new Problem("", tree.line(object), tree.column(object), p.path(), p.message()));
      }
    }
    return new ClusterMapper.Outcome(null, kind, objectName == null ? "" : objectName, problems);
  }

  /** Runs every rule; returns the name, or null when it is missing or not a string. */
  private <N> String run(Draft<N> draft) {
    ObjectTree<N> tree = draft.tree;
    String objectName = null;
    Draft.Found<N> nameNode = draft.resolve(draft.root, name);
    if (nameNode == null) {
      draft.report(draft.deepest(draft.root, name), name.text(), "Required value");
    } else {
      objectName = tree.string(nameNode.node());
      if (objectName == null) {
        draft.wrongType(nameNode.node(), nameNode.path(), "string");
      } else if (draft.checkEach) {
        for (String error : LabelRules.dns1123SubdomainErrors(objectName)) {
          draft.report(
              nameNode.node(), nameNode.path(), "Invalid value: \"" + objectName + "\": " + error);
        }
      }
    }
    List<Taint> derived = new ArrayList<>(0);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Draft.Found<N> found = draft.resolve(draft.root, paths.get(i));
      if (rule instanceof ClusterObjectMapping.KubeFleetEligibility) {
        derived.addAll(FleetEligibility.taints(draft, found));
        continue;
      }
      if (rule instanceof ClusterObjectMapping.ConditionTaint taint) {
        if (found == null) {
          // No conditions list at all: a hand-written object, or one whose status was never
          // reported. The hub's own controller writes its taint into the object in that case.
          continue;
        }
        ConditionStatus status = conditionStatus(draft, found, taint.type());
        if (taint.statuses().contains(status)) {
          derived.add(Taint.of(taint.key(), taint.effect()));
        }
        continue;
      }
      if (found == null) {
        continue;
      }
      apply(draft, rule, found);
    }
    // Derived taints come after the object's own, and only when the object lacks them.
    for (Taint taint : derived) {
      boolean present = false;
      for (Taint own : draft.taints) {
        present |= own.key().equals(taint.key()) && own.effect() == taint.effect();
      }
      if (!present) {
        draft.taints.add(taint);
      }
    }
    return objectName;
  }

  private static <N> void apply(Draft<N> draft, Rule rule, Draft.Found<N> found) {
    ObjectTree<N> tree = draft.tree;
    N node = found.node();
    String path = found.path();
    if (rule instanceof ClusterObjectMapping.Labels) {
      draft.stringMap(found, draft.labels, true);
    } else if (rule instanceof ClusterObjectMapping.Annotations) {
      draft.stringMap(found, draft.annotations, false);
    } else if (rule instanceof ClusterObjectMapping.Label label) {
      String text = tree.string(node);
      if (text == null) {
        draft.wrongType(node, path, "string");
      } else {
        draft.label(label.key(), text, node, path);
      }
    } else if (rule instanceof ClusterObjectMapping.Properties properties) {
      propertyMap(draft, properties, found);
    } else if (rule instanceof ClusterObjectMapping.PropertyList list) {
      propertyList(draft, list, found);
    } else if (rule instanceof ClusterObjectMapping.ApiEnablements apis) {
      apiEnablements(draft, apis, found);
    } else if (rule instanceof ClusterObjectMapping.Property property) {
      String text = scalarOrList(draft, found);
      if (text != null) {
        draft.property(property.name(), text, node, path);
      }
    } else if (rule instanceof ClusterObjectMapping.Taints taints) {
      if (!tree.isList(node)) {
        draft.wrongType(node, path, "list");
        return;
      }
      TaintSpelling spelling = taints.spelling();
      int size = tree.size(node);
      for (int i = 0; i < size; i++) {
        N item = tree.item(node, i);
        if (item != null && !tree.isNull(item)) {
          draft.taint(item, path + "[" + i + "]", spelling, false);
        }
      }
    } else if (rule instanceof ClusterObjectMapping.Condition condition) {
      ConditionStatus status = conditionStatus(draft, found, condition.type());
      if (status != ConditionStatus.Absent) {
        draft.property(
            ClusterObjectMapping.CONDITION_PREFIX + condition.type(), status.name(), node, path);
      }
    }
  }

  private static <N> void propertyMap(
      Draft<N> draft, ClusterObjectMapping.Properties rule, Draft.Found<N> found) {
    ObjectTree<N> tree = draft.tree;
    if (!tree.isObject(found.node())) {
      draft.wrongType(found.node(), found.path(), "object");
      return;
    }
    boolean objects = !rule.valueField().isEmpty();
    for (Map.Entry<String, N> entry : tree.fields(found.node())) {
      N value = entry.getValue();
      if (value == null || tree.isNull(value)) {
        continue;
      }
      String entryPath = found.path() + "[" + entry.getKey() + "]";
      N scalar = value;
      String scalarPath = entryPath;
      if (objects) {
        if (!tree.isObject(value)) {
          draft.wrongType(value, entryPath, "object");
          continue;
        }
        scalar = tree.field(value, rule.valueField());
        scalarPath = entryPath + "." + rule.valueField();
        if (scalar == null) {
          draft.report(value, scalarPath, "Required value");
          continue;
        }
      }
      String text = tree.scalarText(scalar);
      if (text == null) {
        draft.wrongType(scalar, scalarPath, "string");
        continue;
      }
      draft.property(rule.namePrefix() + entry.getKey(), text, value, entryPath);
      if (!rule.alsoPrefix().isEmpty()) {
        draft.property(rule.alsoPrefix() + entry.getKey(), text, value, entryPath);
      }
    }
  }

  private static <N> void apiEnablements(
      Draft<N> draft, ClusterObjectMapping.ApiEnablements rule, Draft.Found<N> found) {
    ObjectTree<N> tree = draft.tree;
    if (!tree.isList(found.node())) {
      draft.wrongType(found.node(), found.path(), "list");
      return;
    }
    int size = tree.size(found.node());
    for (int i = 0; i < size; i++) {
      N item = tree.item(found.node(), i);
      String itemPath = found.path() + "[" + i + "]";
      if (item == null || !tree.isObject(item)) {
        draft.wrongType(item, itemPath, "object");
        continue;
      }
      String groupVersion = draft.requiredString(item, itemPath, "groupVersion");
      N resources = tree.field(item, "resources");
      StringBuilder kinds = new StringBuilder();
      if (resources != null && tree.isList(resources)) {
        int count = tree.size(resources);
        for (int k = 0; k < count; k++) {
          N resource = tree.item(resources, k);
          N kind =
              resource == null || !tree.isObject(resource) ? null : tree.field(resource, "kind");
          String text = kind == null ? null : tree.string(kind);
          if (text == null) {
            draft.wrongType(
                resource, Draft.child(itemPath + ".resources[" + k + "]", "kind"), "string");
            continue;
          }
          kinds.append(kinds.length() > 0 ? "," : "").append(text);
        }
      } else if (resources != null && !tree.isNull(resources)) {
        draft.wrongType(resources, Draft.child(itemPath, "resources"), "list");
      }
      if (groupVersion != null && kinds.length() > 0) {
        draft.property(
            rule.namePrefix() + groupVersion,
            kinds.toString(),
            tree.field(item, "groupVersion"),
            Draft.child(itemPath, "groupVersion"));
      }
    }
  }

  private static <N> void propertyList(
      Draft<N> draft, ClusterObjectMapping.PropertyList rule, Draft.Found<N> found) {
    ObjectTree<N> tree = draft.tree;
    if (!tree.isList(found.node())) {
      draft.wrongType(found.node(), found.path(), "list");
      return;
    }
    int size = tree.size(found.node());
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < size; i++) {
      N item = tree.item(found.node(), i);
      String itemPath = found.path() + "[" + i + "]";
      if (item == null || !tree.isObject(item)) {
        draft.wrongType(item, itemPath, "object");
        continue;
      }
      String name = draft.requiredString(item, itemPath, rule.nameField());
      N valueNode = tree.field(item, rule.valueField());
      String value = null;
      if (valueNode == null) {
        draft.report(item, Draft.child(itemPath, rule.valueField()), "Required value");
      } else {
        value = tree.scalarText(valueNode);
        if (value == null) {
          draft.wrongType(valueNode, Draft.child(itemPath, rule.valueField()), "string");
        }
      }
      if (name != null && value != null) {
        N nameNode = tree.field(item, rule.nameField());
        draft.property(name, value, nameNode, Draft.child(itemPath, rule.nameField()));
        names.append(names.length() > 0 ? "," : "").append(name);
      }
    }
    if (!rule.namesProperty().isEmpty() && names.length() > 0) {
      draft.property(rule.namesProperty(), names.toString(), found.node(), found.path());
    }
  }

  /** A scalar as text, or a list of scalars joined with commas; null after a problem. */
  private static <N> String scalarOrList(Draft<N> draft, Draft.Found<N> found) {
    ObjectTree<N> tree = draft.tree;
    N node = found.node();
    if (tree.isList(node)) {
      StringBuilder out = new StringBuilder();
      int size = tree.size(node);
      if (size == 0) {
        return null; // nothing to say, like a missing field
      }
      for (int i = 0; i < size; i++) {
        N item = tree.item(node, i);
        String text = item == null ? null : tree.scalarText(item);
        if (text == null) {
          draft.wrongType(item, found.path() + "[" + i + "]", "string");
          return null;
        }
        out.append(i > 0 ? "," : "").append(text);
      }
      return out.toString();
    }
    String text = tree.scalarText(node);
    if (text == null) {
      draft.wrongType(node, found.path(), "string");
    }
    return text;
  }

  /** The status of the condition of {@code type} in the conditions list found, or Absent. */
  private static <N> ConditionStatus conditionStatus(
      Draft<N> draft, Draft.Found<N> found, String type) {
    if (found == null) {
      return ConditionStatus.Absent;
    }
    ObjectTree<N> tree = draft.tree;
    N list = found.node();
    if (!tree.isList(list)) {
      draft.wrongType(list, found.path(), "list");
      return ConditionStatus.Absent;
    }
    int size = tree.size(list);
    for (int i = 0; i < size; i++) {
      N item = tree.item(list, i);
      if (item == null || !tree.isObject(item)) {
        continue;
      }
      N typeNode = tree.field(item, "type");
      if (typeNode == null || !type.equals(tree.string(typeNode))) {
        continue;
      }
      String path = found.path() + "[" + i + "]";
      String status = draft.requiredString(item, path, "status");
      if (status == null) {
        return ConditionStatus.Absent;
      }
      return switch (status) {
        case "True" -> ConditionStatus.True;
        case "False" -> ConditionStatus.False;
        case "Unknown" -> ConditionStatus.Unknown;
        default -> {
          draft.report(
              tree.field(item, "status"),
              path + ".status",
              "Unsupported value: \""
                  + status
                  + "\": supported values: \"False\", \"True\", \"Unknown\"");
          yield ConditionStatus.Absent;
        }
      };
    }
    return ConditionStatus.Absent;
  }
}
