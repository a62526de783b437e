package dev.flotilla.api.io;

import static dev.flotilla.api.io.PlacementTrees.FACTORY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.Attention;
import dev.flotilla.api.summary.Durations;
import dev.flotilla.api.summary.FeedbackRule;
import dev.flotilla.api.summary.Field;
import dev.flotilla.api.summary.GroupBy;
import dev.flotilla.api.summary.OrderBy;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes Flotilla's policies ({@link Placement}, {@link Customization}, {@link StatusSummary}) and
 * cluster inventories back out in the canonical form the readers read: {@code read(write(x))}
 * equals {@code x}, in YAML and JSON alike. Stateless and thread-safe.
 *
 * <p>The output is deterministic: fields in the order the documentation shows them ({@code
 * apiVersion}, {@code kind}, {@code metadata}, {@code spec}), optional fields left out when absent
 * or empty, and maps without an order of their own (a cluster's labels, annotations and properties)
 * sorted by key. {@code metadata.namespace} is always written. YAML is written with {@link
 * ManifestWriter}'s settings, so strings that YAML 1.1 readers would take for another type ({@code
 * "yes"}, {@code "on"}, {@code "1.10"}, {@code "2026-01-01"}) are quoted.
 *
 * <p>A few values read back as equal, not identical, values, and some have no written form at all:
 *
 * <ul>
 *   <li>Label selectors are written as {@code matchLabels} and {@code matchExpressions}; a selector
 *       parsed from a string with {@code ==}, {@code !=} or a repeated {@code key=value} is written
 *       with {@code In} and {@code NotIn}, which select the same labels.
 *   <li>A property requirement's value is written in its canonical form ({@code 2000m} as {@code
 *       2}, {@code v1.31} as {@code 1.31.0}), which reads back as an equal value.
 * </ul>
 *
 * <p>The writers throw {@link ValidationException}, with the field path, for a value that has no
 * written form reading back the same: a label selector that matches nothing ({@link
 * dev.flotilla.api.labels.LabelSelector#nothing()}) where a selector is written, a toleration's
 * {@code tolerationSeconds} beyond an int, a {@code null} merge patch (the reader takes {@code
 * mergePatch: null} for an absent field), and a customization rule whose actions are not in the
 * order the reader lists them (see {@link dev.flotilla.api.customize.Rule}).
 */
public final class PolicyWriter {
  private PolicyWriter() {}

  /**
   * A placement as a tree.
   *
   * @throws ValidationException when a value has no written form (see the class comment)
   */
  public static ObjectNode toTree(Placement placement) {
    return envelope(
        "Placement",
        placement.name(),
        placement.namespace(),
        spec(() -> PlacementTrees.spec(placement.spec())));
  }

  /**
   * A customization as a tree.
   *
   * @throws ValidationException when a value has no written form (see the class comment)
   */
  public static ObjectNode toTree(Customization customization) {
    return envelope(
        "Customization",
        customization.name(),
        customization.namespace(),
        spec(() -> CustomizationTrees.spec(customization.spec())));
  }

  /** A status summary policy as a tree. */
  public static ObjectNode toTree(StatusSummary summary) {
    return envelope("StatusSummary", summary.name(), summary.namespace(), summary(summary.spec()));
  }

  /**
   * A cluster inventory ({@code kind: ClusterInventory}) as a tree, the clusters in list order.
   *
   * @param clusters the clusters; their names should be distinct, as the reader requires
   */
  public static ObjectNode toTree(List<Cluster> clusters) {
    ObjectNode out = FACTORY.objectNode();
    out.put("apiVersion", PlacementReader.API_VERSION);
    out.put("kind", "ClusterInventory");
    ArrayNode list = out.putArray("clusters");
    clusters.forEach(cluster -> list.add(cluster(cluster)));
    return out;
  }

  /** {@link #toTree(Placement)} as a YAML document. */
  public static String toYaml(Placement placement) {
    return ManifestWriter.yaml(toTree(placement));
  }

  /** {@link #toTree(Customization)} as a YAML document. */
  public static String toYaml(Customization customization) {
    return ManifestWriter.yaml(toTree(customization));
  }

  /** {@link #toTree(StatusSummary)} as a YAML document. */
  public static String toYaml(StatusSummary summary) {
    return ManifestWriter.yaml(toTree(summary));
  }

  /** {@link #toTree(List)} as a YAML document. */
  public static String toYaml(List<Cluster> clusters) {
    return ManifestWriter.yaml(toTree(clusters));
  }

  /** {@link #toTree(Placement)} as indented JSON. */
  public static String toJson(Placement placement) {
    return ManifestWriter.json(toTree(placement));
  }

  /** {@link #toTree(Customization)} as indented JSON. */
  public static String toJson(Customization customization) {
    return ManifestWriter.json(toTree(customization));
  }

  /** {@link #toTree(StatusSummary)} as indented JSON. */
  public static String toJson(StatusSummary summary) {
    return ManifestWriter.json(toTree(summary));
  }

  /** {@link #toTree(List)} as indented JSON. */
  public static String toJson(List<Cluster> clusters) {
    return ManifestWriter.json(toTree(clusters));
  }

  /** Builds a spec, putting the paths of its problems under {@code spec}. */
  private static ObjectNode spec(Supplier<ObjectNode> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      throw e.under("spec");
    }
  }

  private static ObjectNode envelope(String kind, String name, String namespace, ObjectNode spec) {
    ObjectNode out = FACTORY.objectNode();
    out.put("apiVersion", PlacementReader.API_VERSION);
    out.put("kind", kind);
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    out.set("spec", spec);
    return out;
  }

  private static ObjectNode summary(StatusSummarySpec spec) {
    ObjectNode out = FACTORY.objectNode();
    spec.filter().ifPresent(f -> out.put("filter", f));
    if (!spec.feedback().isEmpty()) {
      ArrayNode list = out.putArray("feedback");
      for (FeedbackRule rule : spec.feedback()) {
        list.addObject().put("name", rule.name()).put("jsonPath", rule.jsonPath().text());
      }
    }
    if (!spec.groupBy().isEmpty()) {
      ArrayNode list = out.putArray("groupBy");
      for (GroupBy group : spec.groupBy()) {
        list.addObject().put("name", group.name()).put("expression", group.expression());
      }
    }
    if (!spec.aggregates().isEmpty()) {
      ArrayNode list = out.putArray("aggregates");
      for (Aggregate aggregate : spec.aggregates()) {
        ObjectNode item = list.addObject();
        item.put("name", aggregate.name());
        item.put("function", aggregate.function().name());
        aggregate.expression().ifPresent(e -> item.put("expression", e));
      }
    }
    spec.attention().ifPresent(a -> out.set("attention", attention(a)));
    spec.staleAfter().ifPresent(d -> out.put("staleAfter", Durations.format(d)));
    out.put("maxBytes", spec.maxBytes());
    return out;
  }

  private static ObjectNode attention(Attention attention) {
    ObjectNode out = FACTORY.objectNode();
    out.put("when", attention.when());
    if (!attention.orderBy().isEmpty()) {
      ArrayNode list = out.putArray("orderBy");
      for (OrderBy order : attention.orderBy()) {
        list.addObject()
            .put("expression", order.expression())
            .put("direction", order.direction().name());
      }
    }
    out.put("limit", attention.limit());
    if (!attention.fields().isEmpty()) {
      ArrayNode list = out.putArray("fields");
      for (Field field : attention.fields()) {
        list.addObject().put("name", field.name()).put("expression", field.expression());
      }
    }
    return out;
  }

  private static ObjectNode cluster(Cluster cluster) {
    ObjectNode out = FACTORY.objectNode();
    out.put("name", cluster.name());
    sorted(out, "labels", cluster.labels());
    sorted(out, "annotations", cluster.annotations());
    sorted(out, "properties", cluster.properties());
    if (!cluster.taints().isEmpty()) {
      ArrayNode list = out.putArray("taints");
      for (Taint taint : cluster.taints()) {
        ObjectNode item = list.addObject();
        item.put("key", taint.key());
        if (!taint.value().isEmpty()) {
          item.put("value", taint.value());
        }
        item.put("effect", taint.effect().name());
        taint.timeAdded().ifPresent(t -> item.put("timeAdded", t.toString()));
      }
    }
    return out;
  }

  private static void sorted(ObjectNode out, String field, Map<String, String> values) {
    if (!values.isEmpty()) {
      ObjectNode map = out.putObject(field);
      new TreeMap<>(values).forEach(map::put);
    }
  }
}
