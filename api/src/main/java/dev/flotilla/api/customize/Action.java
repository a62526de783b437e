package dev.flotilla.api.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One edit a {@link Rule} makes to a manifest. Every string value (in a patch, a {@code set} value,
 * an image part, a label, annotation or env value, {@code replicas}) may hold templates {@code ${
 * CEL }} over the variable {@code cluster}; the customize module compiles and expands them.
 *
 * <p>JSON values are {@link JsonNode} trees; each record copies the tree it is given and hands out
 * copies, so a record never shares a mutable tree with its caller.
 */
public sealed interface Action {

  /**
   * An RFC 6902 JSON Patch: the operations apply in order, all or nothing. An empty patch is valid
   * and changes nothing (RFC 6902 section 3).
   *
   * @param operations the operations, possibly none
   */
  record JsonPatch(List<PatchOperation> operations) implements Action {
    /** Copies the list. */
    public JsonPatch {
      operations = List.copyOf(operations);
    }
  }

  /**
   * An RFC 7386 JSON Merge Patch.
   *
   * @param patch the merge patch
   */
  record MergePatch(JsonNode patch) implements Action {
    /** Copies the patch. */
    public MergePatch {
      patch = Objects.requireNonNull(patch, "patch").deepCopy();
    }

    /**
     * A copy of the patch.
     *
     * @return a new tree
     */
    @Override
    public JsonNode patch() {
      return patch.deepCopy();
    }
  }

  /**
   * Sets every match of a JSONPath (Jayway syntax, such as {@code $.spec.template.spec
   * .containers[*].imagePullPolicy}) to {@code value}. A definite path ({@code $.a.b['c']}) whose
   * parent maps are missing creates them; a path that matches nothing else is an error.
   *
   * @param path the JSONPath, starting with {@code $}
   * @param value the value, which may hold templates
   */
  record SetValue(String path, JsonNode value) implements Action {
    /** Copies the value; the path must start with {@code $}. */
    public SetValue {
      requireJsonPath("path", path);
      value = Objects.requireNonNull(value, "value").deepCopy();
    }

    /**
     * A copy of the value.
     *
     * @return a new tree
     */
    @Override
    public JsonNode value() {
      return value.deepCopy();
    }
  }

  /**
   * Removes every match of a JSONPath; matching nothing is an error.
   *
   * @param path the JSONPath, starting with {@code $}
   */
  record RemoveValue(String path) implements Action {
    /** The path must start with {@code $}. */
    public RemoveValue {
      requireJsonPath("", path);
    }
  }

  /**
   * Rewrites container images ({@code [registry/]repository[:tag][@digest]}) part by part: each
   * given part replaces that part of the image; a given {@code tag} drops the digest and a given
   * {@code digest} drops the tag; an empty {@code registry} removes the registry. Images are read
   * by the reference grammar of github.com/distribution/reference, as registries read them: a
   * selected container without an image, or whose image is not a reference before or after the
   * rewrite, is an error naming the container.
   *
   * <p>Which containers: those named in {@code containers} and those at the positions in {@code
   * containerIndexes} (of the pod spec's {@code containers} list, as Karmada's image overrider
   * paths {@code /spec/template/spec/containers/<N>/image} address them); when both are empty,
   * every container. {@code initContainers} (default true: a registry mirror must serve every image
   * the pod pulls) and {@code ephemeralContainers} (default false: they are added to running pods,
   * not templates) say which other lists take part, by name or, when nothing is named, all.
   *
   * @param containers names of the containers to rewrite; a name no included list has is an error
   * @param containerIndexes positions in the pod spec's {@code containers} list; a position past
   *     its end is an error
   * @param initContainers whether {@code initContainers} are rewritten too
   * @param ephemeralContainers whether {@code ephemeralContainers} are rewritten too
   * @param registry such as {@code registry.eu.example.com}
   * @param repository such as {@code team/web}
   * @param tag such as {@code 1.2.3}
   * @param digest such as {@code sha256:...}
   */
  record Image(
      List<String> containers,
      List<Integer> containerIndexes,
      boolean initContainers,
      boolean ephemeralContainers,
      Optional<String> registry,
      Optional<String> repository,
      Optional<String> tag,
      Optional<String> digest)
      implements Action {
    /** Checks that some part is given, not both a tag and a digest, and no negative position. */
    public Image {
      containers = List.copyOf(containers);
      containerIndexes = List.copyOf(containerIndexes);
      for (int i = 0; i < containerIndexes.size(); i++) {
        if (containerIndexes.get(i) < 0) {
          throw ValidationException.at(
              "image.containerIndexes[" + i + "]",
              "Invalid value: " + containerIndexes.get(i) + ": must be greater than or equal to 0");
        }
      }
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(digest, "digest");
      if (registry.isEmpty() && repository.isEmpty() && tag.isEmpty() && digest.isEmpty()) {
        throw ValidationException.at(
            "image", "Required value: set registry, repository, tag or digest");
      }
      if (tag.isPresent() && digest.isPresent()) {
        throw ValidationException.at("image.digest", "Forbidden: set tag or digest, not both");
      }
    }

    /** Containers by name (empty: all), init containers included, ephemeral ones not. */
    public Image(
        List<String> containers,
        Optional<String> registry,
        Optional<String> repository,
        Optional<String> tag,
        Optional<String> digest) {
      this(containers, List.of(), true, false, registry, repository, tag, digest);
    }
  }

  /**
   * Adds (or overwrites), replaces and removes {@code metadata.labels}, in that order; added and
   * replacing values must be label values. {@code metadata.labels} is created only when something
   * is added; removing or replacing a key the manifest does not have changes nothing.
   *
   * @param add labels to set, in order; values may hold templates
   * @param remove label keys to remove
   * @param replace labels whose value is set only where the manifest already has the key (Karmada's
   *     {@code labelsOverrider} operator {@code replace}); values may hold templates
   */
  record Labels(Map<String, String> add, List<String> remove, Map<String, String> replace)
      implements Action {
    /** Copies, keeping order, and checks the keys. */
    public Labels {
      add = Ordered.copy(add);
      remove = List.copyOf(remove);
      replace = Ordered.copy(replace);
      checkKeys("labels", add, remove);
      checkKeys("labels", replace, "replace");
    }

    /** Adds and removes; replaces nothing. */
    public Labels(Map<String, String> add, List<String> remove) {
      this(add, remove, Map.of());
    }
  }

  /**
   * Adds (or overwrites), replaces and removes {@code metadata.annotations}, in that order. {@code
   * metadata.annotations} is created only when something is added; removing or replacing a key the
   * manifest does not have changes nothing.
   *
   * @param add annotations to set, in order; values may hold templates
   * @param remove annotation keys to remove
   * @param replace annotations whose value is set only where the manifest already has the key;
   *     values may hold templates
   */
  record Annotations(Map<String, String> add, List<String> remove, Map<String, String> replace)
      implements Action {
    /** Copies, keeping order, and checks the keys. */
    public Annotations {
      add = Ordered.copy(add);
      remove = List.copyOf(remove);
      replace = Ordered.copy(replace);
      checkKeys("annotations", add, remove);
      checkKeys("annotations", replace, "replace");
    }

    /** Adds and removes; replaces nothing. */
    public Annotations(Map<String, String> add, List<String> remove) {
      this(add, remove, Map.of());
    }
  }

  /**
   * Sets and removes environment variables of containers (not init containers). A set variable
   * keeps its place when present (its {@code valueFrom} dropped) and is appended otherwise.
   *
   * @param container the container's name; empty means every container
   * @param set variables to set, in order
   * @param remove names of variables to remove
   */
  record Env(Optional<String> container, Map<String, String> set, List<String> remove)
      implements Action {
    /** Copies, keeping order; something must be set or removed. */
    public Env {
      Objects.requireNonNull(container, "container");
      set = Ordered.copy(set);
      remove = List.copyOf(remove);
      if (set.isEmpty() && remove.isEmpty()) {
        throw ValidationException.at("set", "Required value: set or remove a variable");
      }
    }
  }

  /**
   * Sets {@code spec.replicas}: an integer, or a string that is one template evaluating to an
   * integer.
   *
   * @param value an integer or a template
   */
  record Replicas(JsonNode value) implements Action {
    /** Accepts an integer or a string. */
    public Replicas {
      Objects.requireNonNull(value, "value");
      if (!(value.isIntegralNumber() || value.isTextual())) {
        throw ValidationException.at(
            "replicas", "wrong type: expected integer or template, got " + typeName(value));
      }
      value = value.deepCopy();
    }

    /**
     * A copy of the value.
     *
     * @return a new tree
     */
    @Override
    public JsonNode value() {
      return value.deepCopy();
    }
  }

  /** A part of an image reference that {@link ImageComponent} edits. */
  enum ImagePart {
    /** The registry (host and port), such as {@code registry.k8s.io} */
    Registry,
    /** The repository without the registry, such as {@code team/web} */
    Repository,
    /** The tag, or the digest when there is no tag */
    Tag
  }

  /** How an edit changes what it edits. */
  enum EditOperator {
    /** appends (to a text or a list) */
    add,
    /** clears (a text) or deletes the matching items (of a list) */
    remove,
    /** sets */
    replace
  }

  /**
   * Edits one part of container images as Karmada's {@code imageOverrider} does. An image is read
   * as {@code [registry/]repository[:tag][@digest]} by the grammar of distribution/reference,
   * without a default registry; the registry is the name's first component when it holds a '.' or a
   * ':' or is {@code localhost}; an image with both a tag and a digest keeps only its tag. Then
   * {@code add} appends {@code value} to the part, {@code replace} sets it and {@code remove}
   * clears it. A new {@code Tag} text becomes the tag when it is one ({@code [\w][\w.-]{0,127}}),
   * the digest when it is a digest, and changes nothing otherwise. The image written back is not
   * checked again.
   *
   * <p>Which images: with {@code path}, the string at that pointer (a list in the path is followed
   * by an index); without, the image of every container (not init containers) of a {@code Pod}
   * ({@code /spec/containers}) or of the pod template of a {@code ReplicaSet}, {@code Deployment},
   * {@code DaemonSet}, {@code StatefulSet} or {@code Job} ({@code /spec/template/spec/containers});
   * manifests of other kinds are left as they are. An image that is missing or not a reference is
   * an error.
   *
   * @param component the part edited
   * @param operator add, remove or replace
   * @param value the text added or set (ignored by remove); may hold templates
   * @param path a JSON Pointer without escapes to the image string, or empty for the containers
   */
  record ImageComponent(
      ImagePart component, EditOperator operator, String value, Optional<String> path)
      implements Action {
    /** Checks the path. */
    public ImageComponent {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(path, "path");
      path.ifPresent(
          p -> {
            if (!p.startsWith("/") || p.contains("~") || p.contains("//") || p.endsWith("/")) {
              throw ValidationException.at(
                  "path",
                  "Invalid value: \""
                      + p
                      + "\": a JSON Pointer that starts with '/', has no empty segment and no"
                      + " '~' escape");
            }
          });
    }
  }

  /**
   * Edits the {@code command} or {@code args} list of named containers as Karmada's {@code
   * commandOverrider} and {@code argsOverrider} do, in a {@code Pod} ({@code /spec/containers}) or
   * the pod template of a {@code ReplicaSet}, {@code Deployment}, {@code DaemonSet}, {@code
   * StatefulSet} or {@code Job}; manifests of other kinds and pods without such a container are
   * left as they are. {@code add} appends the values; {@code remove} deletes every item equal to
   * one of them. A container without the list gets one (empty after {@code remove}). The list's
   * items must be strings.
   *
   * @param field {@code command} or {@code args}
   * @param container the container's name (every container of that name is edited)
   * @param operator add or remove
   * @param values the values; may hold templates
   */
  record ContainerList(String field, String container, EditOperator operator, List<String> values)
      implements Action {
    /** Checks the field and the operator. */
    public ContainerList {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      if (!field.equals("command") && !field.equals("args")) {
        throw ValidationException.at(
            "field",
            "Unsupported value: \"" + field + "\": supported values: \"command\", \"args\"");
      }
      if (operator == EditOperator.replace) {
        throw ValidationException.at(
            "operator", "Unsupported value: \"replace\": supported values: \"add\", \"remove\"");
      }
    }
  }

  /** The format of a document held in a string field. */
  enum EmbeddedFormat {
    /** JSON, written back compact as Go's encoding/json writes it */
    json,
    /**
     * YAML, read with YAML 1.1 types and written back as sigs.k8s.io/yaml writes it (go-yaml v2:
     * keys sorted, block style); documents of words, integers, booleans and nulls only
     */
    yaml
  }

  /**
   * Patches a JSON or YAML document held in a string field of the manifest (a ConfigMap's {@code
   * data} entry, say), as Karmada's {@code fieldOverrider} does: the string at {@code path} is read
   * in {@code format}, the RFC 6902 operations apply to it in order ({@code replace} keeps a member
   * in its place), and the result is written back to the field as text in the same format: for
   * JSON, compact, with every value the patch did not touch spelled as it was. A missing field, one
   * that is not a string or not a document of that format, and a failing operation are errors.
   *
   * @param path a JSON Pointer to the string field
   * @param format the document's format
   * @param operations the operations, applied to the embedded document
   */
  record EmbeddedPatch(String path, EmbeddedFormat format, List<PatchOperation> operations)
      implements Action {
    /** Copies the operations and checks the pointer. */
    public EmbeddedPatch {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
      operations = List.copyOf(operations);
      pointerProblem("path", path)
          .ifPresent(
              p -> {
                throw new ValidationException(List.of(p));
              });
      if (operations.isEmpty()) {
        throw ValidationException.at("jsonPatch", "Required value: at least one operation");
      }
    }
  }

  /** Do not deliver the manifest to the clusters the rule selects. */
  record Delete() implements Action {}

  /** The operations of RFC 6902. */
  enum Op {
    /** {@code add} */
    add,
    /** {@code remove} */
    remove,
    /** {@code replace} */
    replace,
    /** {@code move} */
    move,
    /** {@code copy} */
    copy,
    /** {@code test} */
    test
  }

  /**
   * One RFC 6902 operation.
   *
   * <p>As RFC 6902 section 4 requires, a member the operation does not define is ignored: a {@code
   * from} given to an operation other than {@code move} and {@code copy}, or a {@code value} given
   * to {@code remove}, {@code move} or {@code copy}, is dropped (the record holds it as empty).
   *
   * @param op the operation
   * @param path a JSON Pointer (RFC 6901)
   * @param from the source pointer of {@code move} and {@code copy}
   * @param value the value of {@code add}, {@code replace} and {@code test} (JSON {@code null} is a
   *     present value)
   */
  record PatchOperation(Op op, String path, Optional<String> from, Optional<JsonNode> value) {
    /** Checks the pointers and the members the operation needs; drops those it does not define. */
    public PatchOperation {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(value, "value");
      boolean needsFrom = op == Op.move || op == Op.copy;
      boolean needsValue = op == Op.add || op == Op.replace || op == Op.test;
      from = needsFrom ? from : Optional.empty();
      value = needsValue ? value.map(JsonNode::deepCopy) : Optional.empty();
      List<Problem> problems = new ArrayList<>();
      pointerProblem("path", path).ifPresent(problems::add);
      if (needsFrom && from.isEmpty()) {
        problems.add(Problem.at("from", "Required value: " + op + " needs from"));
      }
      from.flatMap(f -> pointerProblem("from", f)).ifPresent(problems::add);
      if (needsValue && value.isEmpty()) {
        problems.add(Problem.at("value", "Required value: " + op + " needs a value"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
    }

    /**
     * A copy of the value.
     *
     * @return a new tree, or empty for operations without a value
     */
    @Override
    public Optional<JsonNode> value() {
      return value.map(JsonNode::deepCopy);
    }

    /**
     * {@code add}, {@code replace} or {@code test} with a value.
     *
     * @param op the operation
     * @param path the target pointer
     * @param value the value
     * @return the operation
     */
    public static PatchOperation of(Op op, String path, JsonNode value) {
      return new PatchOperation(op, path, Optional.empty(), Optional.of(value));
    }

    /**
     * {@code remove}.
     *
     * @param path the target pointer
     * @return the operation
     */
    public static PatchOperation remove(String path) {
      return new PatchOperation(Op.remove, path, Optional.empty(), Optional.empty());
    }

    /**
     * {@code move} or {@code copy}.
     *
     * @param op {@link Op#move} or {@link Op#copy}
     * @param from the source pointer
     * @param path the target pointer
     * @return the operation
     */
    public static PatchOperation from(Op op, String from, String path) {
      return new PatchOperation(op, path, Optional.of(from), Optional.empty());
    }
  }

  private static Optional<Problem> pointerProblem(String field, String pointer) {
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return Optional.of(
          Problem.at(
              field,
              "Invalid value: \"" + pointer + "\": a JSON Pointer is empty or starts with '/'"));
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~'
          && (i + 1 >= pointer.length()
              || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
        return Optional.of(
            Problem.at(
                field, "Invalid value: \"" + pointer + "\": '~' must be followed by '0' or '1'"));
      }
    }
    return Optional.empty();
  }

  private static void requireJsonPath(String field, String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("$")) {
      throw ValidationException.at(
          field, "Invalid value: \"" + path + "\": a JSONPath starts with '$'");
    }
  }

  private static void checkKeys(String field, Map<String, String> add, List<String> remove) {
    List<Problem> problems = new ArrayList<>();
    for (String key : add.keySet()) {
      for (String error : LabelRules.qualifiedNameErrors(key)) {
        problems.add(
            Problem.at(field + ".add[" + key + "]", "Invalid value: \"" + key + "\": " + error));
      }
    }
    for (int i = 0; i < remove.size(); i++) {
      for (String error : LabelRules.qualifiedNameErrors(remove.get(i))) {
        problems.add(
            Problem.at(
                field + ".remove[" + i + "]",
                "Invalid value: \"" + remove.get(i) + "\": " + error));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static void checkKeys(String field, Map<String, String> keys, String part) {
    List<Problem> problems = new ArrayList<>();
    for (String key : keys.keySet()) {
      for (String error : LabelRules.qualifiedNameErrors(key)) {
        problems.add(
            Problem.at(
                field + "." + part + "[" + key + "]", "Invalid value: \"" + key + "\": " + error));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static String typeName(JsonNode value) {
    JsonNodeType type = value.getNodeType();
    return switch (type) {
      case OBJECT -> "object";
      case ARRAY -> "list";
      case BOOLEAN -> "boolean";
      case NUMBER -> "number";
      case NULL, MISSING -> "null";
      default -> "string";
    };
  }
}
