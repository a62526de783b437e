package dev.flotilla.api.io;

import dev.flotilla.api.customize.Action;
import java.util.List;
import java.util.Optional;

/**
 * Reads the rule fields of the actions that came to Flotilla from its peers' overriders: {@code
 * imageComponents}, {@code command}, {@code args} (Karmada's image, command and args overriders)
 * and {@code embeddedPatches} (Karmada's field overrider). Kept apart from {@link
 * CustomizationReader} so that the peer readers and Flotilla's own reader share one reading.
 */
final class PeerActions {
  private PeerActions() {}

  /** Reads one operation of a JSON patch. */
  @FunctionalInterface
  interface OperationReader {
    Optional<Action.PatchOperation> read(ObjectView parent, Node node, String path);
  }

  /** {@code {component, operator, value, path}}. */
  static Optional<Action> imageComponent(ObjectView parent, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              Optional<Action.ImagePart> part =
                  view.string("component")
                      .flatMap(
                          t -> Documents.enumValue(view, "component", t, Action.ImagePart.class));
              if (!view.has("component")) {
                view.binder().report(node.location(), view.child("component"), "Required value");
              }
              Optional<Action.EditOperator> operator = operator(view, node);
              String value = view.string("value").orElse("");
              Optional<String> pointer = view.string("path");
              view.rejectUnknown();
              if (part.isEmpty() || operator.isEmpty()) {
                return Optional.empty();
              }
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          node,
                          path,
                          () ->
                              new Action.ImageComponent(
                                  part.get(), operator.get(), value, pointer)));
            });
  }

  /** {@code {container, operator, values}} of {@code command} or {@code args}. */
  static Optional<Action> containerList(ObjectView parent, String field, Node node, String path) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              String container = view.requiredString("container");
              Optional<Action.EditOperator> operator = operator(view, node);
              List<String> values = view.stringList("values");
              view.rejectUnknown();
              if (operator.isEmpty() || !view.has("container")) {
                return Optional.empty();
              }
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          node,
                          path,
                          () ->
                              new Action.ContainerList(field, container, operator.get(), values)));
            });
  }

  /** {@code {path, format, jsonPatch}}. */
  static Optional<Action> embeddedPatch(
      ObjectView parent, Node node, String path, OperationReader operations) {
    return ObjectView.of(parent.binder(), node, path)
        .flatMap(
            view -> {
              int before = view.binder().problemCount();
              String pointer = view.requiredString("path");
              Optional<Action.EmbeddedFormat> format =
                  view.string("format")
                      .flatMap(
                          t -> Documents.enumValue(view, "format", t, Action.EmbeddedFormat.class));
              if (!view.has("format")) {
                view.binder().report(node.location(), view.child("format"), "Required value");
              }
              List<Action.PatchOperation> ops =
                  view.list("jsonPatch", (item, p) -> operations.read(view, item, p));
              if (!view.has("jsonPatch")) {
                view.binder().report(node.location(), view.child("jsonPatch"), "Required value");
              }
              view.rejectUnknown();
              if (view.binder().problemCount() > before) {
                return Optional.empty();
              }
              return Optional.ofNullable(
                  view.binder()
                      .construct(
                          node, path, () -> new Action.EmbeddedPatch(pointer, format.get(), ops)));
            });
  }

  private static Optional<Action.EditOperator> operator(ObjectView view, Node node) {
    Optional<Action.EditOperator> operator =
        view.string("operator")
            .flatMap(t -> Documents.enumValue(view, "operator", t, Action.EditOperator.class));
    if (!view.has("operator")) {
      view.binder().report(node.location(), view.child("operator"), "Required value");
    }
    return operator;
  }
}
