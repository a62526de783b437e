package dev.flotilla.api.io;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks shared by Flotilla's policy documents: apiVersion, kind, enumerations. */
final class Documents {
  private Documents() {}

  /** Reports a document that is not {@code kind} in Flotilla's API group. */
  static void expectKind(ObjectView document, String kind) {
    Optional<String> apiVersion = document.string("apiVersion");
    if (apiVersion.isEmpty()) {
      document.binder().report(document.node().location(), "apiVersion", "Required value");
    } else if (!apiVersion.get().equals(PlacementReader.API_VERSION)) {
      document
          .binder()
          .report(
              document.node().location(),
              "apiVersion",
              "Unsupported value: \""
                  + apiVersion.get()
                  + "\": supported values: \""
                  + PlacementReader.API_VERSION
                  + "\"");
    }
    Optional<String> actual = document.string("kind");
    if (actual.isEmpty()) {
      document.binder().report(document.node().location(), "kind", "Required value");
    } else if (!actual.get().equals(kind)) {
      document
          .binder()
          .report(
              document.node().location(),
              "kind",
              "Unsupported value: \"" + actual.get() + "\": supported values: \"" + kind + "\"");
    }
  }

  /** The constant of {@code type} named {@code text}, reporting Kubernetes' "Unsupported value". */
  static <E extends Enum<E>> Optional<E> enumValue(
      ObjectView view, String field, String text, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return Optional.of(constant);
      }
    }
    String supported =
        Arrays.stream(type.getEnumConstants())
            .map(e -> "\"" + e.name() + "\"")
            .sorted()
            .collect(Collectors.joining(", "));
    view.binder()
        .report(
            view.node().location(),
            view.child(field),
            "Unsupported value: \"" + text + "\": supported values: " + supported);
    return Optional.empty();
  }
}
