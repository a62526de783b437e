package dev.flotilla.api.internal.objects;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.kube.ClusterObjectMapping.TaintSpelling;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object being mapped: the labels, annotations, properties and taints found so far, and the
 * problems.
 *
 * <p>Mapping runs in two passes only when needed. The first pass checks shapes (types, required
 * fields, taint effects) and lets the {@link Cluster} constructor check names and values in one go,
 * the fast path for valid objects. When the constructor rejects the cluster, a second pass ({@code
 * checkEach}) checks each key and value where it is read, so that each problem carries the path in
 * the object ({@code status.clusterClaims[3].name}) rather than the cluster's ({@code properties}).
 *
 * @param <N> the tree's node type
 */
final class Draft<N> {
  final ObjectTree<N> tree;
  final N root;
  final boolean checkEach;
  final List<Problem> problems = new ArrayList<>();
  final Map<String, String> labels = new HashMap<>();
  final Map<String, String> annotations = new HashMap<>();
  final Map<String, String> properties = new HashMap<>();
  final List<Taint> taints = new ArrayList<>();

  Draft(ObjectTree<N> tree, N root, boolean checkEach) {
    this.tree = tree;
    this.root = root;
    this.checkEach = checkEach;
  }

  void report(N at, String path, String message) {
    N where = at != null ? at : root;
    problems.add(new Problem("", tree.line(where), tree.column(where), path, message));
  }

  void wrongType(N at, String path, String expected) {
    report(at, path, "wrong type: expected " + expected + ", got " + tree.kind(at));
  }

  /** The value of {@code path} below {@code from}; null when a step is missing. */
  Found<N> resolve(N from, ObjectPath path) {
    N node = from;
    String at = null; // built only when the path picks list items
    for (int i = 0; i < path.length(); i++) {
      if (!tree.isObject(node)) {
        wrongType(node, pathText(path, i, at), "object");
        return null;
      }
      String field = path.fields().get(i);
      node = tree.field(node, field);
      if (at != null) {
        at = at + "." + field;
      }
      if (node == null) {
        return null;
      }
      String key = path.selectKeys().get(i);
      if (key != null) {
        if (at == null) {
          at = pathText(path, i + 1, null);
        }
        if (!tree.isList(node)) {
          wrongType(node, at, "list");
          return null;
        }
        N picked = null;
        int size = tree.size(node);
        for (int j = 0; j < size && picked == null; j++) {
          N item = tree.item(node, j);
          if (item != null && tree.isObject(item)) {
            N value = tree.field(item, key);
            if (value != null && path.selectValues().get(i).equals(tree.string(value))) {
              picked = item;
              at = at + "[" + j + "]";
            }
          }
        }
        if (picked == null) {
          return null;
        }
        node = picked;
      }
    }
    return new Found<>(node, at != null ? at : path.text());
  }

  /** The deepest object on {@code path} that exists: where to report a missing field. */
  N deepest(N from, ObjectPath path) {
    N node = from;
    for (int i = 0; i < path.length() - 1; i++) {
      N next = tree.isObject(node) ? tree.field(node, path.fields().get(i)) : null;
      if (next == null || !tree.isObject(next)) {
        return node;
      }
      node = next;
    }
    return node;
  }

  // The first `steps` steps of a path with no picked items, as written.
  private static String pathText(ObjectPath path, int steps, String at) {
    if (at != null) {
      return at;
    }
    return steps == 0 ? "" : String.join(".", path.fields().subList(0, steps));
  }

  /** A node and the path it was found at. */
  record Found<N>(N node, String path) {}

  /** Copies a map of strings (labels, annotations) into {@code into}. */
  void stringMap(Found<N> found, Map<String, String> into, boolean labelsRule) {
    N map = found.node();
    if (!tree.isObject(map)) {
      wrongType(map, found.path(), "object");
      return;
    }
    for (Map.Entry<String, N> entry : tree.fields(map)) {
      N value = entry.getValue();
      String text = value == null ? null : tree.string(value);
      if (text == null) {
        if (value != null && !tree.isNull(value)) {
          wrongType(value, found.path() + "[" + entry.getKey() + "]", "string");
        }
        continue;
      }
      if (checkEach) {
        checkKey(
            entry.getKey(), found.path(), value, LabelRules.qualifiedNameErrors(entry.getKey()));
        if (labelsRule) {
          for (String error : LabelRules.labelValueErrors(text)) {
            report(
                value,
                found.path() + "[" + entry.getKey() + "]",
                "Invalid value: \"" + text + "\": " + error);
          }
        }
      }
      into.put(entry.getKey(), text);
    }
  }

  void label(String key, String value, N at, String path) {
    if (checkEach) {
      checkKey(key, path, at, LabelRules.qualifiedNameErrors(key));
      for (String error : LabelRules.labelValueErrors(value)) {
        report(at, path, "Invalid value: \"" + value + "\": " + error);
      }
    }
    labels.put(key, value);
  }

  /** Sets a property; {@code namePath} is where its name was read (the map or the name field). */
  void property(String name, String value, N at, String namePath) {
    if (checkEach) {
      for (String error : LabelRules.propertyNameErrors(name)) {
        report(at, namePath, "Invalid value: \"" + name + "\": " + error);
      }
    }
    properties.put(name, value);
  }

  private void checkKey(String key, String path, N at, List<String> errors) {
    for (String error : errors) {
      report(at, path, "Invalid value: \"" + key + "\": " + error);
    }
  }

  /**
   * A taint object. Flotilla and OCM spell effects NoSelect, PreferNoSelect, NoSelectIfNew; with
   * {@code kubernetes} (Karmada, KubeFleet), NoSchedule and NoExecute become NoSelect and
   * PreferNoSchedule becomes PreferNoSelect. With {@code strict}, unknown fields are problems.
   */
  void taint(N node, String path, boolean kubernetes, boolean strict) {
    taint(node, path, kubernetes ? TaintSpelling.Kubernetes : TaintSpelling.Flotilla, strict);
  }

  /** Go's zero time, what a null {@code metav1.Time} reads as. */
  static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * A taint object spelled as {@code spelling} says; OCM's spelling reads a missing {@code
   * timeAdded} as Go's zero time.
   */
  void taint(N node, String path, TaintSpelling spelling, boolean strict) {
    boolean kubernetes =
        spelling != TaintSpelling.Flotilla && spelling != TaintSpelling.OpenClusterManagement;
    boolean zeroTime = spelling == TaintSpelling.OpenClusterManagement;
    if (!tree.isObject(node)) {
      wrongType(node, path, "object");
      return;
    }
    int before = problems.size();
    String key = requiredString(node, path, "key");
    String value = optionalString(node, path, "value");
    TaintEffect effect = null;
    N effectNode = tree.field(node, "effect");
    if (effectNode == null) {
      report(node, child(path, "effect"), "Required value");
    } else {
      String text = tree.string(effectNode);
      if (text == null) {
        wrongType(effectNode, child(path, "effect"), "string");
      } else {
        effect = effect(text, spelling);
        if (effect == null) {
          report(
              effectNode,
              child(path, "effect"),
              "Unsupported value: \""
                  + text
                  + "\": supported values: "
                  + (kubernetes
                      ? "\"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\""
                      : "\"NoSelect\", \"NoSelectIfNew\", \"PreferNoSelect\""));
        }
      }
    }
    Optional<Instant> timeAdded = Optional.empty();
    String time = optionalString(node, path, "timeAdded");
    if (time != null) {
      try {
        timeAdded = Optional.of(OffsetDateTime.parse(time).toInstant());
      } catch (DateTimeParseException e) {
        report(
            tree.field(node, "timeAdded"),
            child(path, "timeAdded"),
            "Invalid value: \""
                + time
                + "\": must be an RFC 3339 time such as 2026-01-02T15:04:05Z");
      }
    }
    if (zeroTime && timeAdded.isEmpty()) {
      timeAdded = Optional.of(GO_ZERO_TIME);
    }
    if (strict) {
      rejectUnknown(node, path, "key", "value", "effect", "timeAdded");
    }
    if (problems.size() > before || key == null || effect == null) {
      return;
    }
    try {
      taints.add(new Taint(key, value == null ? "" : value, effect, timeAdded));
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        N at = tree.field(node, p.path());
        report(at != null ? at : node, child(path, p.path()), p.message());
      }
    }
  }

  private static TaintEffect effect(String text, TaintSpelling spelling) {
    boolean karmada = spelling == TaintSpelling.Karmada;
    if (spelling != TaintSpelling.Flotilla && spelling != TaintSpelling.OpenClusterManagement) {
      switch (text) {
        case "NoSchedule" -> {
          return karmada ? TaintEffect.NoSelectIfNew : TaintEffect.NoSelect;
        }
        case "NoExecute" -> {
          return TaintEffect.NoSelect;
        }
        case "PreferNoSchedule" -> {
          return TaintEffect.PreferNoSelect;
        }
        default -> {
          return null;
        }
      }
    }
    for (TaintEffect effect : TaintEffect.values()) {
      if (effect.name().equals(text)) {
        return effect;
      }
    }
    return null;
  }

  /** A string field that must be there; reports and returns null otherwise. */
  String requiredString(N object, String path, String field) {
    N node = tree.field(object, field);
    if (node == null) {
      report(object, child(path, field), "Required value");
      return null;
    }
    String text = tree.string(node);
    if (text == null) {
      wrongType(node, child(path, field), "string");
    }
    return text;
  }

  /** A string field, null when missing; reports a wrong type. */
  String optionalString(N object, String path, String field) {
    N node = tree.field(object, field);
    if (node == null) {
      return null;
    }
    String text = tree.string(node);
    if (text == null) {
      wrongType(node, child(path, field), "string");
    }
    return text;
  }

  /** Reports each field of {@code object} not in {@code known}. */
  void rejectUnknown(N object, String path, String... known) {
    for (Map.Entry<String, N> entry : tree.fields(object)) {
      boolean found = false;
      for (String k : known) {
        found |= k.equals(entry.getKey());
      }
      if (!found) {
        int[] at = tree.keyLocation(object, entry.getKey());
        problems.add(new Problem("", at[0], at[1], child(path, entry.getKey()), "unknown field"));
      }
    }
  }

  static String child(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * The cluster, or null after reporting why not. Constructor problems have the cluster's paths;
   * the caller runs a checking pass to place them in the object.
   */
  Cluster build(String name, List<Problem> constructorProblems) {
    try {
      return new Cluster(name, labels, annotations, properties, taints);
    } catch (ValidationException e) {
      constructorProblems.addAll(e.problems());
      return null;
    }
  }
}
