package dev.flotilla.testkit;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators of clusters and inventories, for property tests of selectors, placement,
 * customization and summaries (Flotilla's and yours).
 *
 * <pre>{@code
 * qt().withFixedSeed(42L).forAll(FleetGens.inventories(20), FleetGens.labelSets())
 *     .checkAssert((inventory, labels) -> ...);
 * }</pre>
 *
 * <p>Give {@code qt()} a fixed seed, as above: a run is then the same on every machine, and a
 * failure replays, since QuickTheories prints the seed ("Seed was ...") with the falsifying values.
 *
 * <p>Unlike {@link FleetGenerator}, these draw from <em>small</em> vocabularies ({@link
 * #LABEL_VALUES}, {@link #PROPERTY_VALUES}): a few keys with a few values each, every key missing
 * from some clusters, integer-valued labels next to non-integer ones, the empty value, quantities
 * that are equal in different spellings ({@code 2} and {@code 2000m}, {@code 1Gi} and {@code
 * 1024Mi}) and values that do not parse. Selectors built from the same vocabularies then match some
 * clusters and miss others, which is where bugs hide. Everything shrinks: towards fewer clusters,
 * fewer labels and the first value of each vocabulary.
 *
 * <p>QuickTheories is an optional dependency of the testkit; only this class needs it.
 */
public final class FleetGens {

  /**
   * Label keys and their values. {@code rack} holds integers (including an int64 edge and a value
   * that overflows it) and a non-integer; {@code canary} and {@code env} include the empty value;
   * {@code example.com/team} is a prefixed key. No cluster carries {@link #ABSENT_LABEL_KEY}.
   */
  public static final Map<String, List<String>> LABEL_VALUES =
      ordered(
          "region", List.of("eu", "us", "ap"),
          "env", List.of("prod", "dev", ""),
          "tier", List.of("a", "b"),
          "rack",
              List.of("1", "2", "10", "010", "x1", "9223372036854775807", "99999999999999999999"),
          "canary", List.of("true", ""),
          "example.com/team", List.of("blue", "green", "Blue"));

  /** A label key no generated cluster has, for selectors on missing keys. */
  public static final String ABSENT_LABEL_KEY = "absent";

  /**
   * Property names and values: quantities, versions and plain strings, with equal quantities in
   * different spellings, prereleases, and values that are neither quantities nor versions.
   */
  public static final Map<String, List<String>> PROPERTY_VALUES =
      ordered(
          "cpu", List.of("2", "2000m", "500m", "16", "1e3", "0", "lots"),
          "memory", List.of("1Gi", "1024Mi", "1G", "64Gi", "512Mi", "1Ti"),
          "gpu", List.of("0", "1", "4"),
          "kubernetesVersion",
              List.of("1.31.2", "1.31.10", "1.30.0", "1.32.0-rc.1", "2.0.0", "v1.31"),
          "location", List.of("lyon", "Lyon", "berlin", ""));

  private static final List<String> NAMES =
      List.of("a", "edge-1", "store.eu.example", "x0", "plant-42");

  private FleetGens() {}

  /**
   * Label maps over {@link #LABEL_VALUES}: each key present with probability 3/4, so the empty map
   * and maps missing any key occur. The maps are sorted by key (readable in failure reports) and
   * unmodifiable.
   */
  public static Gen<Map<String, String>> labelSets() {
    return fromVocabulary(LABEL_VALUES);
  }

  /** Property maps over {@link #PROPERTY_VALUES}, each name present with probability 3/4. */
  public static Gen<Map<String, String>> propertySets() {
    return fromVocabulary(PROPERTY_VALUES);
  }

  /** Keys of {@link #LABEL_VALUES} and, now and then, {@link #ABSENT_LABEL_KEY}. */
  public static Gen<String> labelKeys() {
    List<String> keys = new ArrayList<>(LABEL_VALUES.keySet());
    keys.add(ABSENT_LABEL_KEY);
    return Generate.pick(keys);
  }

  /**
   * One cluster: a name from a small pool, labels from {@link #labelSets()}, properties from {@link
   * #PROPERTY_VALUES}, now and then an annotation and taints (each of {@code maintenance}, {@code
   * degraded} and {@code decommissioning} with probability 1/7, half with a {@code timeAdded} up to
   * two days before {@link FleetGenerator#EPOCH}). Names repeat across draws; use {@link
   * #inventories(int)} for clusters with distinct names.
   */
  public static Gen<Cluster> clusters() {
    return Generate.pick(NAMES).zip(clusterBodies(), (name, body) -> body.named(name));
  }

  /**
   * Inventories of 0 to {@code maxSize} clusters as from {@link #clusters()}, named {@code c-00},
   * {@code c-01}, ... so that names are distinct and their order is the list order.
   *
   * @throws IllegalArgumentException if {@code maxSize} is negative
   */
  public static Gen<List<Cluster>> inventories(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize: must be at least 0, got " + maxSize);
    }
    return SourceDSL.lists()
        .of(clusterBodies())
        .ofSizeBetween(0, maxSize)
        .map(
            bodies -> {
              List<Cluster> out = new ArrayList<>(bodies.size());
              for (int i = 0; i < bodies.size(); i++) {
                out.add(bodies.get(i).named(String.format("c-%02d", i)));
              }
              return List.copyOf(out);
            });
  }

  /**
   * Realistic fleets from {@link FleetGenerator}: 0 to {@code maxSize} clusters and any seed. They
   * shrink to smaller fleets and seed 0; use them for properties that must hold on realistic data
   * (for small vocabularies, use {@link #inventories(int)}).
   *
   * @throws IllegalArgumentException if {@code maxSize} is negative
   */
  public static Gen<List<Cluster>> fleets(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize: must be at least 0, got " + maxSize);
    }
    return Generate.range(0, maxSize)
        .zip(
            SourceDSL.longs().all(),
            (size, seed) -> FleetGenerator.builder().seed(seed).clusters(size).build().generate());
  }

  // A cluster without its name, so inventories can name clusters by position.
  private record Body(
      Map<String, String> labels,
      Map<String, String> annotations,
      Map<String, String> properties,
      List<Taint> taints) {
    Cluster named(String name) {
      return new Cluster(name, labels, annotations, properties, taints);
    }
  }

  private static Gen<Body> clusterBodies() {
    Gen<Map<String, String>> annotations =
        Generate.range(0, 3).map(n -> n == 0 ? Map.of() : Map.of("example.com/note", "note " + n));
    return labelSets().zip(annotations, propertySets(), taints(), Body::new);
  }

  // Each of the three taints present with probability 1/7 (absent when shrunk), so keys never
  // repeat (Kubernetes rejects two taints with the same key and effect).
  private static Gen<List<Taint>> taints() {
    Gen<Optional<Instant>> timeAdded =
        Generate.range(0, 2 * 24 * 60)
            .map(minutes -> FleetGenerator.EPOCH.minus(Duration.ofMinutes(minutes)))
            .toOptionals(50);
    Gen<Integer> presence = Generate.range(0, 6);
    return random -> {
      List<Taint> out = new ArrayList<>(3);
      if (presence.generate(random) == 6) {
        out.add(
            new Taint(
                FleetGenerator.TAINT_MAINTENANCE,
                "planned",
                TaintEffect.NoSelect,
                timeAdded.generate(random)));
      }
      if (presence.generate(random) == 6) {
        out.add(
            new Taint(
                FleetGenerator.TAINT_DEGRADED,
                "",
                TaintEffect.PreferNoSelect,
                timeAdded.generate(random)));
      }
      if (presence.generate(random) == 6) {
        out.add(
            new Taint(
                FleetGenerator.TAINT_DECOMMISSIONING,
                "",
                TaintEffect.NoSelectIfNew,
                timeAdded.generate(random)));
      }
      return List.copyOf(out);
    };
  }

  // Each key present unless its draw is 0 (so shrinking removes keys first), then a value that
  // shrinks towards the first of its list.
  private static Gen<Map<String, String>> fromVocabulary(Map<String, List<String>> vocabulary) {
    Gen<Integer> presence = Generate.range(0, 3);
    List<Map.Entry<String, Gen<String>>> values = new ArrayList<>();
    vocabulary.forEach((key, list) -> values.add(Map.entry(key, Generate.pick(list))));
    return random -> {
      Map<String, String> out = new TreeMap<>();
      for (Map.Entry<String, Gen<String>> entry : values) {
        if (presence.generate(random) != 0) {
          out.put(entry.getKey(), entry.getValue().generate(random));
        }
      }
      return Collections.unmodifiableMap(out);
    };
  }

  private static Map<String, List<String>> ordered(Object... keyValuePairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValuePairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) keyValuePairs[i + 1];
      out.put((String) keyValuePairs[i], List.copyOf(list));
    }
    return Collections.unmodifiableMap(out);
  }
}
