package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link Action} compiled: templates compiled, JSONPaths parsed. Applying edits the document in
 * place and returns the new root (a new one only when a patch replaces the whole document).
 * Immutable and thread-safe.
 */
abstract class CompiledAction {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Applies to {@code document} for the cluster whose CEL variables are {@code variables}. */
  abstract JsonNode apply(JsonNode document, Bindings variables);

  /** Adds the action's template expressions. */
  abstract void addExpressions(List<CompiledExpression> out);

  /**
   * Compiles {@code action}.
   *
   * @param path the action's field path in its customization, such as {@code spec.rules[0].set[1]}
   * @throws ValidationException naming every template or path that does not compile
   */
  static CompiledAction compile(Action action, String path, ExpressionEnvironment cel) {
    if (action instanceof Action.SetValue set) {
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
    if (action instanceof Action.RemoveValue remove) {
      return new RemoveValue(JsonPathEdit.compile(remove.path(), path));
    }
    if (action instanceof Action.MergePatch merge) {
      return new MergePatch(ValueTemplate.compile(merge.patch(), path, cel));
    }
    if (action instanceof Action.JsonPatch patch) {
      return JsonPatch.compile(patch, path, cel);
    }
    if (action instanceof Action.Image image) {
      return Image.compile(image, path, cel);
    }
    if (action instanceof Action.Labels labels) {
      return Metadata.compile("labels", labels.add(), labels.remove(), path, cel);
    }
    if (action instanceof Action.Annotations annotations) {
      return Metadata.compile("annotations", annotations.add(), annotations.remove(), path, cel);
    }
    if (action instanceof Action.Env env) {
      return Env.compile(env, path, cel);
    }
    if (action instanceof Action.Replicas replicas) {
      return new Replicas(ValueTemplate.compile(replicas.value(), path, cel));
    }
    throw new IllegalArgumentException("not an edit: " + action);
  }

  /** Compiles each text of {@code texts}, collecting every problem. */
  private static Map<String, Template> compileTexts(
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

  private static void addAll(Iterable<Template> templates, List<CompiledExpression> out) {
    for (Template template : templates) {
      template.addExpressions(out);
    }
  }

  private static ObjectNode objectAt(ObjectNode parent, String field, String pointer) {
    JsonNode child = parent.get(field);
    if (child == null || child.isNull()) {
      return parent.putObject(field);
    }
    if (child instanceof ObjectNode object) {
      return object;
    }
    throw new ActionFailure(pointer, "expected an object, found " + child.getNodeType());
  }

  private static ObjectNode root(JsonNode document) {
    if (document instanceof ObjectNode object) {
      return object;
    }
    throw new ActionFailure("", "the manifest is not an object");
  }

  private static final class SetValue extends CompiledAction {
    private final JsonPathEdit target;
    private final ValueTemplate value;

    SetValue(JsonPathEdit target, ValueTemplate value) {
      this.target = target;
      this.value = value;
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      target.set(document, value.evaluate(variables, targetName()));
      return document;
    }

    private String targetName() {
      return target.toString();
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      value.addExpressions(out);
    }
  }

  private static final class RemoveValue extends CompiledAction {
    private final JsonPathEdit target;

    RemoveValue(JsonPathEdit target) {
      this.target = target;
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      target.remove(document);
      return document;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {}
  }

  private static final class MergePatch extends CompiledAction {
    private final ValueTemplate patch;

    MergePatch(ValueTemplate patch) {
      this.patch = patch;
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      return MergePatcher.apply(document, patch.evaluate(variables, ""));
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      patch.addExpressions(out);
    }
  }

  private static final class JsonPatch extends CompiledAction {
    private final Action.Op[] ops;
    private final String[] paths;
    private final String[] froms;
    private final ValueTemplate[] values;

    private JsonPatch(Action.Op[] ops, String[] paths, String[] froms, ValueTemplate[] values) {
      this.ops = ops;
      this.paths = paths;
      this.froms = froms;
      this.values = values;
    }

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
    JsonNode apply(JsonNode document, Bindings variables) {
      JsonNode result = document;
      for (int i = 0; i < ops.length; i++) {
        JsonNode value = values[i] == null ? null : values[i].evaluate(variables, paths[i]);
        result = JsonPatcher.apply(result, ops[i], paths[i], froms[i], value);
      }
      return result;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      for (ValueTemplate value : values) {
        if (value != null) {
          value.addExpressions(out);
        }
      }
    }
  }

  private static final class Image extends CompiledAction {
    private final List<String> containers;
    private final Optional<Template> registry;
    private final Optional<Template> repository;
    private final Optional<Template> tag;
    private final Optional<Template> digest;

    private Image(
        List<String> containers,
        Optional<Template> registry,
        Optional<Template> repository,
        Optional<Template> tag,
        Optional<Template> digest) {
      this.containers = containers;
      this.registry = registry;
      this.repository = repository;
      this.tag = tag;
      this.digest = digest;
    }

    static Image compile(Action.Image image, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Image compiled =
          new Image(
              image.containers(),
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
    JsonNode apply(JsonNode document, Bindings variables) {
      List<PodTemplates.Container> all = PodTemplates.containers(document, true);
      for (String name : containers) {
        if (all.stream().noneMatch(c -> c.name().equals(name))) {
          throw new ActionFailure(
              PodTemplates.podSpecPointer(document), "no container named \"" + name + "\"");
        }
      }
      String pointer = PodTemplates.podSpecPointer(document);
      Optional<String> newRegistry = render(registry, variables, pointer);
      Optional<String> newRepository = render(repository, variables, pointer);
      Optional<String> newTag = render(tag, variables, pointer);
      Optional<String> newDigest = render(digest, variables, pointer);
      for (PodTemplates.Container container : all) {
        if (!containers.isEmpty() && !containers.contains(container.name())) {
          continue;
        }
        ImageReference rewritten =
            ImageReference.parse(container.node().path("image").asText(""))
                .with(newRegistry, newRepository, newTag, newDigest);
        container.node().put("image", rewritten.toString());
      }
      return document;
    }

    private static Optional<String> render(
        Optional<Template> part, Bindings variables, String pointer) {
      return part.map(t -> t.render(variables, pointer));
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      for (Optional<Template> part : List.of(registry, repository, tag, digest)) {
        part.ifPresent(t -> t.addExpressions(out));
      }
    }
  }

  /** {@code labels} and {@code annotations}. */
  private static final class Metadata extends CompiledAction {
    private final String field;
    private final Map<String, Template> add;
    private final List<String> remove;

    private Metadata(String field, Map<String, Template> add, List<String> remove) {
      this.field = field;
      this.add = add;
      this.remove = remove;
    }

    static Metadata compile(
        String field,
        Map<String, String> add,
        List<String> remove,
        String path,
        ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Map<String, Template> templates = compileTexts(add, path + ".add", cel, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new Metadata(field, templates, remove);
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      ObjectNode metadata = objectAt(root(document), "metadata", "/metadata");
      String pointer = "/metadata/" + field;
      ObjectNode map = objectAt(metadata, field, pointer);
      for (Map.Entry<String, Template> entry : add.entrySet()) {
        String at = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
        String value = entry.getValue().render(variables, at);
        if (field.equals("labels")) {
          List<String> errors = LabelRules.labelValueErrors(value);
          if (!errors.isEmpty()) {
            throw new ActionFailure(
                at, "Invalid value: \"" + value + "\": " + String.join("; ", errors));
          }
        }
        map.put(entry.getKey(), value);
      }
      for (String key : remove) {
        map.remove(key);
      }
      return document;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      addAll(add.values(), out);
    }
  }

  private static final class Env extends CompiledAction {
    private final Optional<String> container;
    private final Map<String, Template> set;
    private final List<String> remove;

    private Env(Optional<String> container, Map<String, Template> set, List<String> remove) {
      this.container = container;
      this.set = set;
      this.remove = remove;
    }

    static Env compile(Action.Env env, String path, ExpressionEnvironment cel) {
      List<Problem> problems = new ArrayList<>();
      Map<String, Template> set = compileTexts(env.set(), path + ".set", cel, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new Env(env.container(), set, env.remove());
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      List<PodTemplates.Container> all = PodTemplates.containers(document, false);
      Map<String, String> values = new LinkedHashMap<>();
      String at = PodTemplates.podSpecPointer(document) + "/containers";
      set.forEach((name, template) -> values.put(name, template.render(variables, at)));
      boolean found = false;
      for (PodTemplates.Container c : all) {
        if (container.isPresent() && !container.get().equals(c.name())) {
          continue;
        }
        found = true;
        edit(c, values);
      }
      if (container.isPresent() && !found) {
        throw new ActionFailure(
            PodTemplates.podSpecPointer(document) + "/containers",
            "no container named \"" + container.get() + "\"");
      }
      return document;
    }

    private void edit(PodTemplates.Container c, Map<String, String> values) {
      String pointer = c.pointer() + "/env";
      JsonNode existing = c.node().get("env");
      ArrayNode env;
      if (existing == null || existing.isNull()) {
        env = c.node().putArray("env");
      } else if (existing instanceof ArrayNode array) {
        env = array;
      } else {
        throw new ActionFailure(pointer, "expected a list, found " + existing.getNodeType());
      }
      for (Map.Entry<String, String> entry : values.entrySet()) {
        ObjectNode variable =
            JSON.objectNode().put("name", entry.getKey()).put("value", entry.getValue());
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
    void addExpressions(List<CompiledExpression> out) {
      addAll(set.values(), out);
    }
  }

  private static final class Replicas extends CompiledAction {
    private final ValueTemplate value;

    Replicas(ValueTemplate value) {
      this.value = value;
    }

    @Override
    JsonNode apply(JsonNode document, Bindings variables) {
      JsonNode replicas = value.evaluate(variables, "/spec/replicas");
      if (!replicas.isIntegralNumber() || !replicas.canConvertToInt() || replicas.intValue() < 0) {
        throw new ActionFailure(
            "/spec/replicas",
            "Invalid value: " + replicas + ": replicas must be a non-negative 32-bit integer");
      }
      objectAt(root(document), "spec", "/spec").put("replicas", replicas.intValue());
      return document;
    }

    @Override
    void addExpressions(List<CompiledExpression> out) {
      value.addExpressions(out);
    }
  }
}
