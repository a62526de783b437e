package dev.flotilla.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code apiextensions.k8s.io/v1} CustomResourceDefinitions of Flotilla's kinds, as shipped in
 * this jar (under {@value #RESOURCE_DIRECTORY}) and in the repository's {@code crds/} directory. A
 * controller installs them with its own client, for example with fabric8:
 *
 * <pre>{@code
 * for (String kind : CustomResourceDefinitions.kinds()) {
 *   client.resource(CustomResourceDefinitions.yaml(kind)).serverSideApply();
 * }
 * }</pre>
 *
 * <p>Each definition is one YAML document named {@code flotilla.dev_<plural>.yaml}, the name
 * controller-gen would give it. Thread-safe: every call reads the resource afresh and returns a new
 * value.
 */
public final class CustomResourceDefinitions {
  /** Where the definitions sit in the jar (a class path resource directory). */
  public static final String RESOURCE_DIRECTORY = "META-INF/flotilla/crds/";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CustomResourceDefinitions() {}

  /**
   * The kinds whose definition ships in this jar, in the order of {@link FlotillaKinds#ALL}.
   *
   * @return kinds such as {@code Placement}; never empty in a built jar
   */
  public static List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (String kind : FlotillaKinds.ALL) {
      if (loader().getResource(resource(kind)) != null) {
        out.add(kind);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The plural resource name of a kind, as its definition declares it: {@code placements}, {@code
   * customizations}, {@code statussummaries}, {@code placementdecisions}.
   *
   * @param kind one of {@link FlotillaKinds#ALL}
   * @return the lowercase plural
   * @throws IllegalArgumentException when {@code kind} is not one of Flotilla's kinds
   */
  public static String plural(String kind) {
    if (!FlotillaKinds.ALL.contains(kind)) {
      throw new IllegalArgumentException(
          "Unsupported value: \"" + kind + "\": supported values: " + FlotillaKinds.ALL);
    }
    String lower = kind.toLowerCase(Locale.ROOT);
    return lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
  }

  /**
   * The definition's object name, {@code <plural>.flotilla.dev}.
   *
   * @param kind one of {@link FlotillaKinds#ALL}
   * @return the name Kubernetes requires for the definition
   */
  public static String name(String kind) {
    return plural(kind) + "." + FlotillaKinds.GROUP;
  }

  /**
   * The class path resource holding a kind's definition.
   *
   * @param kind one of {@link FlotillaKinds#ALL}
   * @return a resource name such as {@code META-INF/flotilla/crds/flotilla.dev_placements.yaml}
   */
  public static String resource(String kind) {
    return RESOURCE_DIRECTORY + FlotillaKinds.GROUP + "_" + plural(kind) + ".yaml";
  }

  /**
   * A kind's definition as YAML text, ready for {@code kubectl apply} or a client's load method.
   *
   * @param kind one of {@link #kinds()}
   * @return the file's text, comments included
   * @throws IllegalArgumentException when no definition of {@code kind} ships in this jar
   */
  public static String yaml(String kind) {
    try (InputStream in = loader().getResourceAsStream(resource(kind))) {
      if (in == null) {
        throw new IllegalArgumentException(
            "Not found: no CustomResourceDefinition of " + kind + " in this jar: " + kinds());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A kind's definition as a tree, a fresh copy the caller may change.
   *
   * @param kind one of {@link #kinds()}
   * @return the {@code CustomResourceDefinition} object
   * @throws IllegalArgumentException when no definition of {@code kind} ships in this jar
   */
  public static JsonNode tree(String kind) {
    try {
      return YAML.readTree(yaml(kind));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader loader() {
    return CustomResourceDefinitions.class.getClassLoader();
  }
}
