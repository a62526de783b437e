package dev.flotilla.api.io;

import static dev.flotilla.api.io.PlacementTrees.FACTORY;
import static dev.flotilla.api.io.PlacementTrees.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.api.customize.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customization's spec as the tree {@link CustomizationReader} reads. A rule's actions are fields
 * of the rule, which the reader lists in a fixed order (image, imageComponents, command, args,
 * labels, annotations, env, replicas, set, remove, embeddedPatches, mergePatch, jsonPatch, delete):
 * a rule whose actions are in another order, or that holds two actions of a kind written once, has
 * no written form that reads back the same and is refused with its field path.
 */
final class CustomizationTrees {
  /** The reader's order of actions; the kinds that may repeat are lists in the file. */
  private static final List<Class<?>> ORDER =
      List.of(
          Action.Image.class,
          Action.ImageComponent.class,
          CommandSlot.class,
          ArgsSlot.class,
          Action.Labels.class,
          Action.Annotations.class,
          Action.Env.class,
          Action.Replicas.class,
          Action.SetValue.class,
          Action.RemoveValue.class,
          Action.EmbeddedPatch.class,
          Action.MergePatch.class,
          Action.JsonPatch.class,
          Action.Delete.class);

  private static final List<Class<?>> REPEATABLE =
      List.of(
          Action.Env.class,
          Action.SetValue.class,
          Action.RemoveValue.class,
          Action.ImageComponent.class,
          CommandSlot.class,
          ArgsSlot.class,
          Action.EmbeddedPatch.class);

  /**
   * The slots of {@link Action.ContainerList}: its {@code command} list comes before {@code args}.
   */
  private static final class CommandSlot {}

  private static final class ArgsSlot {}

  private CustomizationTrees() {}

  static ObjectNode spec(CustomizationSpec spec) {
    ObjectNode out = FACTORY.objectNode();
    if (spec.priority() != 0) {
      out.put("priority", spec.priority());
    }
    if (spec.deleteInOrder()) {
      out.put("deleteInOrder", true);
    }
    if (!spec.resourceSelectors().isEmpty()) {
      ArrayNode list = out.putArray("resourceSelectors");
      for (int i = 0; i < spec.resourceSelectors().size(); i++) {
        list.add(resourceSelector(spec.resourceSelectors().get(i), "resourceSelectors[" + i + "]"));
      }
    }
    ArrayNode rules = out.putArray("rules");
    for (int i = 0; i < spec.rules().size(); i++) {
      rules.add(rule(spec.rules().get(i), "rules[" + i + "]"));
    }
    return out;
  }

  private static ObjectNode resourceSelector(ResourceSelector selector, String path) {
    ObjectNode out = FACTORY.objectNode();
    optional(out, "apiVersion", selector.apiVersion());
    optional(out, "kind", selector.kind());
    optional(out, "namespace", selector.namespace());
    optional(out, "name", selector.name());
    if (!selector.labelSelector().isEmpty()) {
      out.set(
          "labelSelector",
          PlacementTrees.labelSelector(selector.labelSelector(), path + ".labelSelector"));
    }
    return out;
  }

  private static ObjectNode rule(Rule rule, String path) {
    checkOrder(rule.actions(), path);
    ObjectNode out = FACTORY.objectNode();
    out.put("name", rule.name());
    if (rule.optional()) {
      out.put("optional", true);
    }
    rule.clusterSelector()
        .ifPresent(
            term ->
                out.set("clusterSelector", PlacementTrees.term(term, path + ".clusterSelector")));
    for (Action action : rule.actions()) {
      write(out, action, path);
    }
    return out;
  }

  private static void checkOrder(List<Action> actions, String path) {
    int last = -1;
    for (int i = 0; i < actions.size(); i++) {
      Class<?> kind = slotOf(actions.get(i));
      int slot = ORDER.indexOf(kind);
      boolean repeats = slot == last && REPEATABLE.contains(kind);
      if (slot < last || (slot == last && !repeats)) {
        throw ValidationException.at(
            path,
            "Invalid value: action "
                + i
                + " ("
                + actions.get(i).getClass().getSimpleName()
                + ") is out of order: a written rule lists its actions once each, in the order"
                + " image, imageComponents, command, args, labels, annotations, env, replicas, set,"
                + " remove, embeddedPatches, mergePatch, jsonPatch, delete");
      }
      last = slot;
    }
  }

  private static Class<?> slotOf(Action action) {
    if (action instanceof Action.ContainerList list) {
      return list.field().equals("command") ? CommandSlot.class : ArgsSlot.class;
    }
    return action.getClass();
  }

  private static ArrayNode listField(ObjectNode rule, String field) {
    return rule.has(field) ? (ArrayNode) rule.get(field) : rule.putArray(field);
  }

  private static void write(ObjectNode rule, Action action, String path) {
    if (action instanceof Action.ImageComponent image) {
      ObjectNode out = listField(rule, "imageComponents").addObject();
      out.put("component", image.component().name());
      out.put("operator", image.operator().name());
      optional(out, "value", image.value());
      optional(out, "path", image.path());
      return;
    }
    if (action instanceof Action.ContainerList list) {
      ObjectNode out = listField(rule, list.field()).addObject();
      out.put("container", list.container());
      out.put("operator", list.operator().name());
      strings(out, "values", list.values());
      return;
    }
    if (action instanceof Action.EmbeddedPatch embedded) {
      ObjectNode out = listField(rule, "embeddedPatches").addObject();
      out.put("path", embedded.path());
      out.put("format", embedded.format().name());
      operations(out.putArray("jsonPatch"), embedded.operations());
      return;
    }
    if (action instanceof Action.Image image) {
      ObjectNode out = rule.putObject("image");
      strings(out, "containers", image.containers());
      if (!image.containerIndexes().isEmpty()) {
        ArrayNode indexes = out.putArray("containerIndexes");
        image.containerIndexes().forEach(indexes::add);
      }
      // Written only where they differ from the reader's defaults, as other absent fields are.
      if (!image.initContainers()) {
        out.put("initContainers", false);
      }
      if (image.ephemeralContainers()) {
        out.put("ephemeralContainers", true);
      }
      optional(out, "registry", image.registry());
      optional(out, "repository", image.repository());
      optional(out, "tag", image.tag());
      optional(out, "digest", image.digest());
    } else if (action instanceof Action.Labels labels) {
      edit(rule.putObject("labels"), labels.add(), labels.remove());
      map((ObjectNode) rule.get("labels"), "replace", labels.replace());
    } else if (action instanceof Action.Annotations annotations) {
      edit(rule.putObject("annotations"), annotations.add(), annotations.remove());
      map((ObjectNode) rule.get("annotations"), "replace", annotations.replace());
    } else if (action instanceof Action.Env env) {
      ArrayNode list = rule.has("env") ? (ArrayNode) rule.get("env") : rule.putArray("env");
      ObjectNode out = list.addObject();
      optional(out, "container", env.container());
      map(out, "set", env.set());
      strings(out, "remove", env.remove());
    } else if (action instanceof Action.Replicas replicas) {
      rule.set("replicas", replicas.value());
    } else if (action instanceof Action.SetValue set) {
      ArrayNode list = rule.has("set") ? (ArrayNode) rule.get("set") : rule.putArray("set");
      ObjectNode out = list.addObject();
      out.put("path", set.path());
      out.set("value", set.value());
    } else if (action instanceof Action.RemoveValue remove) {
      ArrayNode list =
          rule.has("remove") ? (ArrayNode) rule.get("remove") : rule.putArray("remove");
      list.add(remove.path());
    } else if (action instanceof Action.MergePatch merge) {
      if (merge.patch().isNull()) {
        throw ValidationException.at(
            path + ".mergePatch",
            "Invalid value: null: a null merge patch has no written form (the reader takes"
                + " mergePatch: null for an absent field)");
      }
      rule.set("mergePatch", merge.patch());
    } else if (action instanceof Action.JsonPatch patch) {
      operations(rule.putArray("jsonPatch"), patch.operations());
    } else if (action instanceof Action.Delete) {
      rule.put("delete", true);
    }
  }

  private static void operations(ArrayNode list, List<Action.PatchOperation> operations) {
    for (Action.PatchOperation operation : operations) {
      ObjectNode out = list.addObject();
      out.put("op", operation.op().name());
      out.put("path", operation.path());
      optional(out, "from", operation.from());
      operation.value().ifPresent(v -> out.set("value", v));
    }
  }

  private static void edit(ObjectNode out, Map<String, String> add, List<String> remove) {
    map(out, "add", add);
    strings(out, "remove", remove);
  }

  /** A string map in its own order (the reader keeps it), left out when empty. */
  private static void map(ObjectNode out, String field, Map<String, String> values) {
    if (!values.isEmpty()) {
      ObjectNode map = out.putObject(field);
      values.forEach(map::put);
    }
  }

  private static void optional(ObjectNode out, String field, String value) {
    if (!value.isEmpty()) {
      out.put(field, value);
    }
  }

  private static void optional(ObjectNode out, String field, Optional<String> value) {
    value.ifPresent(v -> out.put(field, v));
  }
}
