package dev.flotilla.benchmarks.state;

import static dev.flotilla.testkit.FleetGenerator.LABEL_CANARY;
import static dev.flotilla.testkit.FleetGenerator.LABEL_ENV;
import static dev.flotilla.testkit.FleetGenerator.LABEL_HARDWARE;
import static dev.flotilla.testkit.FleetGenerator.LABEL_RACK;
import static dev.flotilla.testkit.FleetGenerator.LABEL_REGION;
import static dev.flotilla.testkit.FleetGenerator.LABEL_TIER;

import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.testkit.FleetGenerator;
import io.kubernetes.client.util.labels.EqualityMatcher;
import io.kubernetes.client.util.labels.SetMatcher;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The placement shapes the benchmarks select with, each paired with the client-java selector that
 * selects the same clusters (the peer). Values are ones {@link FleetGenerator} really produces.
 */
public enum Shape {
  /** {@code env=prod}: one frequent value (85%). */
  EQUALITY(
      "env=prod",
      List.of(),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              EqualityMatcher.equal(LABEL_ENV, "prod"))),

  /** Three regions OR-ed, ANDed with {@code env=prod}. */
  SET(
      LABEL_REGION + " in (us-east,eu-west,ap-northeast),env=prod",
      List.of(),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              SetMatcher.in(LABEL_REGION, "us-east", "eu-west", "ap-northeast"),
              EqualityMatcher.equal(LABEL_ENV, "prod"))),

  /** Negations: {@code env notin (dev,staging),tier!=bronze}. */
  NOT_IN(
      "env notin (dev,staging),tier!=bronze",
      List.of(),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              SetMatcher.notIn(LABEL_ENV, "dev", "staging"),
              EqualityMatcher.notEqual(LABEL_TIER, "bronze"))),

  /** Key presence: {@code hardware,!canary}. */
  EXISTS_NOT_KEY(
      "hardware,!canary",
      List.of(),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              SetMatcher.exists(LABEL_HARDWARE), SetMatcher.notExists(LABEL_CANARY))),

  /**
   * {@code rack>40}. client-java has no Gt: the peer uses {@code rack in (41..48)}, which selects
   * the same clusters only because the generator's racks are the integers 1..{@link
   * FleetGenerator#MAX_RACK}.
   */
  GT(
      "rack>40",
      List.of(),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              SetMatcher.in(
                  LABEL_RACK,
                  IntStream.rangeClosed(41, FleetGenerator.MAX_RACK)
                      .mapToObj(Integer::toString)
                      .toArray(String[]::new)))),

  /**
   * Labels plus one CEL expression. client-java has no CEL: the peer writes the expression {@code
   * cluster.labels['tier'] == 'gold'} as the equivalent {@code tier=gold} matcher, so it does less
   * work than a CEL evaluation would.
   */
  MIX_CEL(
      "env=prod,hardware in (gpu-server,jetson-orin)",
      List.of("cluster.labels['tier'] == 'gold'"),
      () ->
          io.kubernetes.client.util.labels.LabelSelector.and(
              EqualityMatcher.equal(LABEL_ENV, "prod"),
              SetMatcher.in(LABEL_HARDWARE, "gpu-server", "jetson-orin"),
              EqualityMatcher.equal(LABEL_TIER, "gold"))),

  /**
   * CEL alone, over a property: {@code semver(cluster.properties.kubernetesVersion)
   * .isGreaterThan(semver('1.30.0'))}. The fleet has a handful of distinct versions, so the index
   * evaluates it once per version. client-java has no CEL and no equivalent matcher: no peer.
   */
  CEL_VERSION(
      "",
      List.of(
          "semver(cluster.properties."
              + FleetGenerator.PROPERTY_KUBERNETES_VERSION
              + ").isGreaterThan(semver('1.30.0'))"),
      null),

  /**
   * CEL alone, over the name: {@code cluster.name.startsWith('store-')} (stores are 55% of the
   * generated sites). client-java selects on labels only: no peer.
   */
  CEL_NAME_PREFIX("", List.of("cluster.name.startsWith('store-')"), null);

  private final String labelSelector;
  private final List<String> celExpressions;
  private final Supplier<io.kubernetes.client.util.labels.LabelSelector> peer;

  Shape(
      String labelSelector,
      List<String> celExpressions,
      Supplier<io.kubernetes.client.util.labels.LabelSelector> peer) {
    this.labelSelector = labelSelector;
    this.celExpressions = celExpressions;
    this.peer = peer;
  }

  /** The JMH {@code @Param} name of this shape, such as {@code existsNotKey}. */
  public String paramName() {
    String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return out.toString();
  }

  /** The shape named {@code paramName} (as in {@link #paramName()}). */
  public static Shape ofParam(String paramName) {
    for (Shape shape : values()) {
      if (shape.paramName().equals(paramName)) {
        return shape;
      }
    }
    throw new IllegalArgumentException("Unsupported shape: \"" + paramName + "\"");
  }

  /** The placement Flotilla compiles. */
  public Placement placement() {
    ClusterSelectorTerm term =
        new ClusterSelectorTerm(LabelSelector.parse(labelSelector), List.of(), celExpressions);
    return Placement.of(
        "bench-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        PlacementSpec.selecting(term));
  }

  /** Whether client-java can select the same clusters (it has no CEL). */
  public boolean hasPeer() {
    return peer != null;
  }

  /**
   * A fresh client-java selector selecting the same clusters.
   *
   * @throws UnsupportedOperationException when the shape has no peer ({@link #hasPeer()})
   */
  public io.kubernetes.client.util.labels.LabelSelector peer() {
    if (peer == null) {
      throw new UnsupportedOperationException(
          "client-java has no CEL: shape " + paramName() + " has no peer");
    }
    return peer.get();
  }

  /** The label selector in Kubernetes' string form (for reports). */
  public String labelSelector() {
    return labelSelector;
  }

  /** The CEL expressions ANDed to the label selector. */
  public List<String> celExpressions() {
    return celExpressions;
  }
}
