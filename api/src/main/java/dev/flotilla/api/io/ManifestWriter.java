package dev.flotilla.api.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * Writes manifests (or any JSON tree) as YAML or JSON, keeping field order. Strings that would read
 * back as another type ({@code "true"}, {@code "123"}, {@code "null"}, and YAML 1.1's {@code
 * "yes"}, {@code "12:30"}, {@code "2026-01-01"}) are quoted in YAML, so what is written reads back
 * as the same tree in YAML 1.1 and 1.2 readers alike.
 *
 * <p>Stateless and thread-safe: the shared mappers are configured once, and {@link #yamlFactory()}
 * returns a new factory on every call. The trees written are not changed.
 */
public final class ManifestWriter {
  private static final ObjectMapper YAML = new ObjectMapper(yamlFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestWriter() {}

  /**
   * The YAML settings Flotilla writes with, for writers that stream ({@code JsonGenerator}): no
   * {@code ---} marker, no line splitting, quotes only where needed, and needed wherever a YAML 1.1
   * reader (PyYAML, Go's yaml.v2) would read a string as another type ({@code "12:30"}, {@code
   * "2026-01-01"}, {@code "yes"}, {@code "y"}, {@code "0o17"}, {@code "1_000"}, {@code ".inf"},
   * {@code "="}, ...).
   */
  public static YAMLFactory yamlFactory() {
    return YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .stringQuotingChecker(YamlQuoting.INSTANCE)
        .build();
  }

  /** {@code tree} as a YAML document (no {@code ---} marker), ending with a newline. */
  public static String yaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tree} as indented JSON, without a final newline. */
  public static String json(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
