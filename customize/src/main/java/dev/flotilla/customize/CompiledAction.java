package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link Action} compiled: templates compiled, JSONPaths parsed. Applying edits the document in
 * place and returns the new root (a new one only when a patch replaces the whole document).
 * Immutable and thread-safe.
 *
 * <p>The kind of action is decided once, by {@link #compile}; applying is a virtual call on the
 * record of that kind, never a test of the action's type.
 */
sealed interface CompiledAction {

  /** Applies to {@code document} for the cluster whose templates evaluate in {@code context}. */
  JsonNode apply(JsonNode document, TemplateContext context);

  /** Adds the action's template expressions to {@code out}. */
  void addExpressions(List<CompiledExpression> out);

  /**
   * Compiles {@code action}.
   *
   * @param path the action's field path in its customization, such as {@code spec.rules[0].set[1]}
   * @throws ValidationException naming every template or path that does not compile
   * @throws IllegalArgumentException for {@link Action.Delete}, which is not an edit
   */
  static CompiledAction compile(Action action, String path, ExpressionEnvironment cel) {
    // Java 17 has no pattern switch: this chain is the one place the kind is tested.
    if (action instanceof Action.SetValue set) {
      return SetValue.compile(set, path, cel);
    } else if (action instanceof Action.RemoveValue remove) {
      return new RemoveValue(JsonPathEdit.compile(remove.path(), path));
    } else if (action instanceof Action.MergePatch merge) {
      return new MergePatch(ValueTemplate.compile(merge.patch(), path, cel));
    } else if (action instanceof Action.JsonPatch patch) {
      return JsonPatch.compile(patch, path, cel);
    } else if (action instanceof Action.Image image) {
      return Image.compile(image, path, cel);
    } else if (action instanceof Action.Labels labels) {
      return Metadata.compile(
          Metadata.LABELS, labels.add(), labels.remove(), labels.replace(), path, cel);
    } else if (action instanceof Action.Annotations annotations) {
      return Metadata.compile(
          Metadata.ANNOTATIONS,
          annotations.add(),
          annotations.remove(),
          annotations.replace(),
          path,
          cel);
    } else if (action instanceof Action.ImageComponent image) {
      return ImageComponentEdit.compile(image, path, cel);
    } else if (action instanceof Action.ContainerList list) {
      return ContainerListEdit.compile(list, path, cel);
    } else if (action instanceof Action.EmbeddedPatch embedded) {
      return EmbeddedPatchEdit.compile(embedded, path, cel);
    } else if (action instanceof Action.Env env) {
      return Env.compile(env, path, cel);
    } else if (action instanceof Action.Replicas replicas) {
      return new Replicas(ValueTemplate.compile(replicas.value(), path, cel));
    }
    throw new IllegalArgumentException("not an edit: " + action);
  }

  /** Sets every match of a JSONPath to a value. */
  record SetValue(JsonPathEdit target, ValueTemplate value) implements CompiledAction {
    static SetValue compile(Action.SetValue set, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      JsonPathEdit target = null;
      ValueTemplate value = null;
      try {
        target = JsonPathEdit.compile(set.path(), path + ".path");
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
      try {
        value = ValueTemplate.compile(set.value(), path + ".value", cel);
      } catch (ValidationException e) {
        problems.addAll(e.problems());
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new SetValue(target, value);
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      target.set(document, value.evaluate(context, target.toString()));
      return document;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      value.addExpressions(out);
    }
  }

  /** Removes every match of a JSONPath. */
  record RemoveValue(JsonPathEdit target) implements CompiledAction {
    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      target.remove(document);
      return document;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {}
  }

  /** An RFC 7386 merge patch whose strings may hold templates. */
  record MergePatch(ValueTemplate patch) implements CompiledAction {
    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      return MergePatcher.apply(document, patch.evaluate(context, ""));
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      patch.addExpressions(out);
    }
  }

  /**
   * An RFC 6902 patch, as parallel arrays (one slot per operation; {@code froms[i]} and {@code
   * values[i]} are null where the operation has none). The arrays are never written after
   * compilation. An empty patch changes nothing; a failing operation is named by its index.
   */
  record JsonPatch(Action.Op[] ops, String[] paths, String[] froms, ValueTemplate[] values)
      implements CompiledAction {
    static JsonPatch compile(Action.JsonPatch patch, String path, ExpressionEnvironment cel) {
      int n = patch.operations().size();
      Action.Op[] ops = new Action.Op[n];
      String[] paths = new String[n];
      String[] froms = new String[n];
      ValueTemplate[] values = new ValueTemplate[n];
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Action.PatchOperation operation = patch.operations().get(i);
        ops[i] = operation.op();
        paths[i] = operation.path();
        froms[i] = operation.from().orElse(null);
        Optional<JsonNode> value = operation.value();
        if (value.isPresent()) {
          try {
            values[i] = ValueTemplate.compile(value.get(), path + "[" + i + "].value", cel);
          } catch (ValidationException e) {
            problems.addAll(e.problems());
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new JsonPatch(ops, paths, froms, values);
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      JsonNode result = document;
      for (int i = 0; i < ops.length; i++) {
        JsonNode value = values[i] == null ? null : values[i].evaluate(context, paths[i]);
        try {
          result = JsonPatcher.apply(result, ops[i], paths[i], froms[i], value);
        } catch (ActionFailure failure) {
          throw new ActionFailure(
              failure.target, "operation " + i + " (" + ops[i] + "): " + failure.getMessage());
        }
      }
      return result;
    }

    /**
     * Applies as evanphx/json-patch does to a document it writes back as text: {@code replace}
     * keeps a member where it is (RFC 6902's remove-then-add would move it last).
     */
    JsonNode applyKeepingOrder(JsonNode document, TemplateContext context) {
      JsonNode result = document;
      for (int i = 0; i < ops.length; i++) {
        JsonNode value = values[i] == null ? null : values[i].evaluate(context, paths[i]);
        try {
          result =
              ops[i] == Action.Op.replace
                  ? JsonPatcher.replaceInPlace(result, paths[i], value)
                  : JsonPatcher.apply(result, ops[i], paths[i], froms[i], value);
        } catch (ActionFailure failure) {
          throw new ActionFailure(
              failure.target, "operation " + i + " (" + ops[i] + "): " + failure.getMessage());
        }
      }
      return result;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      for (ValueTemplate value : values) {
        if (value != null) {
          value.addExpressions(out);
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof JsonPatch other
          && Arrays.equals(ops, other.ops)
          && Arrays.equals(paths, other.paths)
          && Arrays.equals(froms, other.froms)
          && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(paths);
    }

    @Override
    public String toString() {
      return "JsonPatch" + Arrays.toString(ops) + Arrays.toString(paths);
    }
  }

  /**
   * Rewrites parts of container image references (of the named or numbered containers, or all of
   * the included lists). A container without an image, an image that is not a reference and a
   * rewritten image that is not one (a repository with upper case, a tag with a '/') are errors
   * naming the container.
   */
  record Image(
      List<String> containers,
      List<Integer> containerIndexes,
      boolean initContainers,
      boolean ephemeralContainers,
      Optional<Template> registry,
      Optional<Template> repository,
      Optional<Template> tag,
      Optional<Template> digest)
      implements CompiledAction {
    static Image compile(Action.Image image, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Image compiled =
          new Image(
              image.containers(),
              image.containerIndexes(),
              image.initContainers(),
              image.ephemeralContainers(),
              part(image.registry(), path + ".registry", cel, problems),
              part(image.repository(), path + ".repository", cel, problems),
              part(image.tag(), path + ".tag", cel, problems),
              part(image.digest(), path + ".digest", cel, problems));
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return compiled;
    }

    private static Optional<Template> part(
        Optional<String> text, String path, ExpressionEnvironment cel, List<Problem> problems) {
      try {
        return text.map(t -> Template.compile(t, path, cel));
      } catch (ValidationException e) {
        problems.addAll(e.problems());
        return Optional.empty();
      }
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      List<PodTemplates.Container> all =
          PodTemplates.containers(document, initContainers, ephemeralContainers);
      String pointer = PodTemplates.podSpecPointer(document);
      for (String name : containers) {
        if (all.stream().noneMatch(c -> c.name().equals(name))) {
          throw new ActionFailure(pointer, "no container named \"" + name + "\"" + lists());
        }
      }
      List<PodTemplates.Container> chosen = new ArrayList<>();
      if (containers.isEmpty() && containerIndexes.isEmpty()) {
        chosen.addAll(all);
      } else {
        List<PodTemplates.Container> regular = PodTemplates.regularContainers(document);
        for (int index : containerIndexes) {
          if (index >= regular.size() || regular.get(index) == null) {
            throw new ActionFailure(
                pointer + "/containers",
                "no container at index " + index + " (the pod has " + regular.size() + ")");
          }
        }
        for (PodTemplates.Container container : all) {
          boolean named = containers.contains(container.name());
          boolean numbered = false;
          for (int index : containerIndexes) {
            numbered |= regular.get(index).pointer().equals(container.pointer());
          }
          if (named || numbered) {
            chosen.add(container);
          }
        }
      }
      Optional<String> newRegistry = render(registry, context, pointer);
      Optional<String> newRepository = render(repository, context, pointer);
      Optional<String> newTag = render(tag, context, pointer);
      Optional<String> newDigest = render(digest, context, pointer);
      for (PodTemplates.Container container : chosen) {
        String at = container.pointer() + "/image";
        JsonNode image = container.node().get("image");
        if (image == null || !image.isTextual()) {
          throw new ActionFailure(
              at, "Required value: container \"" + container.name() + "\" has no image to rewrite");
        }
        ImageReference before = reference(image.textValue(), container, at, "");
        String rewritten = before.with(newRegistry, newRepository, newTag, newDigest).toString();
        reference(rewritten, container, at, "the rewritten image ");
        container.node().put("image", rewritten);
      }
      return document;
    }

    /** Which lists a name was looked for in, for the error. */
    private String lists() {
      if (initContainers && ephemeralContainers) {
        return " in containers, initContainers or ephemeralContainers";
      }
      if (initContainers) {
        return " in containers or initContainers";
      }
      return ephemeralContainers ? " in containers or ephemeralContainers" : " in containers";
    }

    private static ImageReference reference(
        String image, PodTemplates.Container container, String at, String which) {
      try {
        return ImageReference.parse(image);
      } catch (IllegalArgumentException e) {
        throw new ActionFailure(
            at,
            "Invalid value: \""
                + image
                + "\": container \""
                + container.name()
                + "\": "
                + which
                + "is not an image reference: "
                + e.getMessage());
      }
    }

    private static Optional<String> render(
        Optional<Template> part, TemplateContext context, String pointer) {
      return part.map(t -> t.render(context, pointer));
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      for (Optional<Template> part : List.of(registry, repository, tag, digest)) {
        part.ifPresent(t -> t.addExpressions(out));
      }
    }
  }

  /**
   * {@code labels} and {@code annotations}: entries added (values may hold templates; label values
   * are checked after expansion) and keys removed.
   *
   * @param field {@code labels} or {@code annotations}
   */
  record Metadata(
      String field, Map<String, Template> add, List<String> remove, Map<String, Template> replace)
      implements CompiledAction {
    static final String LABELS = "labels";
    static final String ANNOTATIONS = "annotations";

    static Metadata compile(
        String field,
        Map<String, String> add,
        List<String> remove,
        Map<String, String> replace,
        String path,
        ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Map<String, Template> templates = compileTexts(add, path + ".add", cel, problems);
      Map<String, Template> replacing = compileTexts(replace, path + ".replace", cel, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new Metadata(field, templates, remove, replacing);
    }

    /**
     * Adds, then replaces where the key is there, then removes. The map (and {@code metadata}) is
     * created only when something is added, so a removal from a manifest without the map leaves it
     * as it was (as Karmada's label and annotation overriders do).
     */
    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      String pointer = "/metadata/" + field;
      ObjectNode map;
      if (add.isEmpty()) {
        JsonNode metadata = root(document).get("metadata");
        JsonNode existing = metadata == null ? null : metadata.get(field);
        if (existing == null || existing.isNull()) {
          if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new ActionFailure(
                "/metadata", "expected an object, found " + metadata.getNodeType());
          }
          return document;
        }
        if (!(existing instanceof ObjectNode object)) {
          throw new ActionFailure(pointer, "expected an object, found " + existing.getNodeType());
        }
        map = object;
      } else {
        map = objectAt(objectAt(root(document), "metadata", "/metadata"), field, pointer);
      }
      for (Map.Entry<String, Template> entry : add.entrySet()) {
        map.put(entry.getKey(), render(entry, context, pointer));
      }
      for (Map.Entry<String, Template> entry : replace.entrySet()) {
        if (map.has(entry.getKey())) {
          map.put(entry.getKey(), render(entry, context, pointer));
        }
      }
      for (String key : remove) {
        map.remove(key);
      }
      return document;
    }

    private String render(
        Map.Entry<String, Template> entry, TemplateContext context, String pointer) {
      String at = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
      String value = entry.getValue().render(context, at);
      if (field.equals(LABELS)) {
        List<String> errors = LabelRules.labelValueErrors(value);
        if (!errors.isEmpty()) {
          throw new ActionFailure(
              at, "Invalid value: \"" + value + "\": " + String.join("; ", errors));
        }
      }
      return value;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      addAll(add.values(), out);
      addAll(replace.values(), out);
    }
  }

  /**
   * Environment variables set (values may hold templates) and removed, in some or all containers.
   */
  record Env(Optional<String> container, Map<String, Template> set, List<String> remove)
      implements CompiledAction {
    static Env compile(Action.Env env, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Map<String, Template> set = compileTexts(env.set(), path + ".set", cel, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new Env(env.container(), set, env.remove());
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      List<PodTemplates.Container> all = PodTemplates.containers(document, false);
      Map<String, String> values = new LinkedHashMap<>();
      String at = PodTemplates.podSpecPointer(document) + "/containers";
      set.forEach((name, template) -> values.put(name, template.render(context, at)));
      boolean found = false;
      for (PodTemplates.Container c : all) {
        if (container.isPresent() && !container.get().equals(c.name())) {
          continue;
        }
        found = true;
        edit(c, values);
      }
      if (container.isPresent() && !found) {
        throw new ActionFailure(at, "no container named \"" + container.get() + "\"");
      }
      return document;
    }

    private void edit(PodTemplates.Container c, Map<String, String> values) {
      ArrayNode env = arrayAt(c.node(), "env", c.pointer() + "/env");
      for (Map.Entry<String, String> entry : values.entrySet()) {
        ObjectNode variable =
            JsonNodeFactory.instance
                .objectNode()
                .put("name", entry.getKey())
                .put("value", entry.getValue());
        int at = indexOf(env, entry.getKey());
        if (at >= 0) {
          env.set(at, variable);
        } else {
          env.add(variable);
        }
      }
      for (String name : remove) {
        for (int i = env.size() - 1; i >= 0; i--) {
          if (env.get(i).path("name").asText("").equals(name)) {
            env.remove(i);
          }
        }
      }
    }

    private static int indexOf(ArrayNode env, String name) {
      for (int i = 0; i < env.size(); i++) {
        if (env.get(i).path("name").asText("").equals(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      addAll(set.values(), out);
    }
  }

  /** {@code spec.replicas}, which must expand to a non-negative 32-bit integer. */
  record Replicas(ValueTemplate value) implements CompiledAction {
    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      JsonNode replicas = value.evaluate(context, "/spec/replicas");
      if (!replicas.isIntegralNumber() || !replicas.canConvertToInt() || replicas.intValue() < 0) {
        throw new ActionFailure(
            "/spec/replicas",
            "Invalid value: " + replicas + ": replicas must be a non-negative 32-bit integer");
      }
      objectAt(root(document), "spec", "/spec").put("replicas", replicas.intValue());
      return document;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      value.addExpressions(out);
    }
  }

  /** Karmada's image overrider: one part of images edited (see {@link Action.ImageComponent}). */
  record ImageComponentEdit(
      Action.ImagePart component, Action.EditOperator operator, Template value, String path)
      implements CompiledAction {
    static ImageComponentEdit compile(
        Action.ImageComponent image, String path, ExpressionEnvironment cel) {
      return new ImageComponentEdit(
          image.component(),
          image.operator(),
          Template.compile(image.value(), path + ".value", cel),
          image.path().orElse(null));
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      ObjectNode root = root(document);
      if (path != null) {
        WorkloadPaths.Slot slot = WorkloadPaths.predicate(root, path);
        String rendered = value.render(context, path);
        slot.parent().put(slot.key(), edit(slot.image(), rendered, path));
        return document;
      }
      String containers = WorkloadPaths.containersPointer(root);
      if (containers == null) {
        return document;
      }
      JsonNode list = JsonPatcher.get(root, containers);
      if (list == null || list.isNull()) {
        return document;
      }
      if (!list.isArray()) {
        throw new ActionFailure(containers, "expected a list, found " + list.getNodeType());
      }
      String rendered = value.render(context, containers);
      List<String> images = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String at = containers + "/" + i + "/image";
        if (!(list.get(i) instanceof ObjectNode container)) {
          throw new ActionFailure(containers + "/" + i, "a container is not an object");
        }
        JsonNode image = container.get("image");
        if (image != null && !image.isNull() && !image.isTextual()) {
          throw new ActionFailure(at, "expected a string, found " + image.getNodeType());
        }
        images.add(edit(image == null || image.isNull() ? "" : image.textValue(), rendered, at));
      }
      for (int i = 0; i < images.size(); i++) {
        ((ObjectNode) list.get(i)).put("image", images.get(i));
      }
      return document;
    }

    private String edit(String image, String rendered, String at) {
      try {
        return ImageComponents.edit(ImageComponents.parse(image), component, operator, rendered)
            .toString();
      } catch (IllegalArgumentException e) {
        throw new ActionFailure(
            at, "Invalid value: \"" + image + "\": not an image reference: " + e.getMessage());
      }
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      value.addExpressions(out);
    }
  }

  /** Karmada's command and args overriders (see {@link Action.ContainerList}). */
  record ContainerListEdit(
      String field, String container, Action.EditOperator operator, List<Template> values)
      implements CompiledAction {
    static ContainerListEdit compile(
        Action.ContainerList list, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      List<Template> values = new ArrayList<>();
      for (int i = 0; i < list.values().size(); i++) {
        try {
          values.add(Template.compile(list.values().get(i), path + ".values[" + i + "]", cel));
        } catch (ValidationException e) {
          problems.addAll(e.problems());
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new ContainerListEdit(list.field(), list.container(), list.operator(), values);
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      ObjectNode root = root(document);
      String containers = WorkloadPaths.containersPointer(root);
      if (containers == null) {
        return document;
      }
      JsonNode list = WorkloadPaths.nested(root, containers);
      if (list == null || list.isNull()) {
        return document;
      }
      if (!list.isArray()) {
        throw new ActionFailure(containers, "expected a list, found " + list.getNodeType());
      }
      List<String> rendered = new ArrayList<>();
      for (Template value : values) {
        rendered.add(value.render(context, containers));
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof ObjectNode node)) {
          throw new ActionFailure(containers + "/" + i, "a container is not an object");
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || !name.textValue().equals(container)) {
          continue;
        }
        String at = containers + "/" + i + "/" + field;
        JsonNode current = node.get(field);
        List<String> items = new ArrayList<>();
        if (current != null && !current.isNull()) {
          if (!current.isArray()) {
            throw new ActionFailure(at, "expected a list, found " + current.getNodeType());
          }
          for (JsonNode item : current) {
            if (!item.isTextual()) {
              throw new ActionFailure(at, "an item is not a string: " + item);
            }
            items.add(item.textValue());
          }
        }
        if (operator == Action.EditOperator.add) {
          items.addAll(rendered);
        } else {
          items.removeIf(rendered::contains);
        }
        ArrayNode out = node.putArray(field);
        items.forEach(out::add);
      }
      return document;
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      addAll(values, out);
    }
  }

  /** Karmada's field overrider (see {@link Action.EmbeddedPatch}). */
  record EmbeddedPatchEdit(String path, Action.EmbeddedFormat format, JsonPatch patch)
      implements CompiledAction {
    static EmbeddedPatchEdit compile(
        Action.EmbeddedPatch embedded, String path, ExpressionEnvironment cel) {
      return new EmbeddedPatchEdit(
          embedded.path(),
          embedded.format(),
          JsonPatch.compile(new Action.JsonPatch(embedded.operations()), path + ".jsonPatch", cel));
    }

    @Override
    public JsonNode apply(JsonNode document, TemplateContext context) {
      JsonNode field = JsonPatcher.get(document, path);
      if (field == null) {
        throw new ActionFailure(path, "no value at path");
      }
      if (!field.isTextual()) {
        throw new ActionFailure(path, "expected a string, found " + field.getNodeType());
      }
      String text =
          EmbeddedDocuments.patch(
              field.textValue(), format, path, doc -> patch.applyKeepingOrder(doc, context));
      return JsonPatcher.apply(document, Action.Op.replace, path, null, TextNode.valueOf(text));
    }

    @Override
    public void addExpressions(List<CompiledExpression> out) {
      patch.addExpressions(out);
    }
  }

  /** Compiles each text of {@code texts}, collecting every problem. */
  static Map<String, Template> compileTexts(
      Map<String, String> texts, String path, ExpressionEnvironment cel, List<Problem> problems) {
    Map<String, Template> out = new LinkedHashMap<>();
    texts.forEach(
        (key, text) -> {
          try {
            out.put(key, Template.compile(text, path + "[" + key + "]", cel));
          } catch (ValidationException e) {
            problems.addAll(e.problems());
          }
        });
    return out;
  }

  static void addAll(Iterable<Template> templates, List<CompiledExpression> out) {
    for (Template template : templates) {
      template.addExpressions(out);
    }
  }

  static ObjectNode objectAt(ObjectNode parent, String field, String pointer) {
    JsonNode child = parent.get(field);
    if (child == null || child.isNull()) {
      return parent.putObject(field);
    }
    if (child instanceof ObjectNode object) {
      return object;
    }
    throw new ActionFailure(pointer, "expected an object, found " + child.getNodeType());
  }

  private static ArrayNode arrayAt(ObjectNode parent, String field, String pointer) {
    JsonNode child = parent.get(field);
    if (child == null || child.isNull()) {
      return parent.putArray(field);
    }
    if (child instanceof ArrayNode array) {
      return array;
    }
    throw new ActionFailure(pointer, "expected a list, found " + child.getNodeType());
  }

  static ObjectNode root(JsonNode document) {
    if (document instanceof ObjectNode object) {
      return object;
    }
    throw new ActionFailure("", "the manifest is not an object");
  }
}
