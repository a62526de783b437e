package dev.flotilla.kubernetes;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.StatusSummaryReader;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Flotilla's readers by kind, for tests that compare them with the CRDs' schemas. */
final class Readers {
  private static final Map<String, BiConsumer<String, String>> BY_KIND =
      Map.of(
          FlotillaKinds.PLACEMENT, PlacementReader::parse,
          FlotillaKinds.CUSTOMIZATION, CustomizationReader::parse,
          FlotillaKinds.STATUS_SUMMARY, StatusSummaryReader::parse);

  private Readers() {}

  /** The kinds with a reader, sorted. */
  static List<String> kinds() {
    return BY_KIND.keySet().stream().sorted().toList();
  }

  static boolean has(String kind) {
    return BY_KIND.containsKey(kind);
  }

  /** The reader's problems with {@code text}, empty when it reads it. */
  static List<Problem> problems(String kind, String source, String text) {
    try {
      BY_KIND.get(kind).accept(source, text);
      return List.of();
    } catch (ValidationException e) {
      return e.problems();
    }
  }
}
