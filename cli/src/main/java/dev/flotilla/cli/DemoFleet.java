package dev.flotilla.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.io.ManifestWriter;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.Inventory;
import dev.flotilla.testkit.FleetGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The demo's fleet: the seeded generator the benchmarks use, its index, and the fleet written as a
 * {@code ClusterInventory} that {@code place}, {@code customize} and {@code summarize} read back as
 * equal clusters.
 */
final class DemoFleet {
  /** YAML that reads back as written: strings that look like numbers or booleans are quoted. */
  static YAMLFactory yaml() {
    return ManifestWriter.yamlFactory();
  }

  /**
   * Fleets above this size are not kept as records once indexed: a million {@code Cluster} records
   * take about 770 MB, the inventory about a third of that. The demo then reads the clusters again
   * from the generator (each is a pure function of the seed and its ordinal) when it writes them or
   * generates their reports.
   */
  static final int KEPT_CLUSTERS = 250_000;

  final List<Cluster> clusters;
  final Inventory inventory;
  private final String shape;

  private DemoFleet(List<Cluster> clusters, Inventory inventory, String shape) {
    this.clusters = clusters;
    this.inventory = inventory;
    this.shape = shape;
  }

  static DemoFleet generate(int size, long seed, DemoSteps steps) {
    FleetGenerator generator = FleetGenerator.builder().seed(seed).clusters(size).build();
    List<Cluster> generated = steps.run("generate fleet", generator::generate);
    Inventory inventory = steps.run("index inventory", () -> Inventory.of(generated));
    String shape = shape(generated, inventory);
    List<Cluster> kept = size > KEPT_CLUSTERS ? new Regenerated(generator, size) : generated;
    return new DemoFleet(kept, inventory, shape);
  }

  /** The fleet's clusters read from the generator on demand, one at a time. */
  private static final class Regenerated extends AbstractList<Cluster> implements RandomAccess {
    private final FleetGenerator generator;
    private final int size;

    Regenerated(FleetGenerator generator, int size) {
      this.generator = generator;
      this.size = size;
    }

    @Override
    public Cluster get(int index) {
      Objects.checkIndex(index, size);
      return generator.cluster(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** One line on the fleet's shape: how many regions, zones, sites and tainted clusters. */
  void print(PrintWriter out) {
    out.print(shape);
  }

  private static String shape(List<Cluster> clusters, Inventory inventory) {
    ClusterSet all = inventory.all();
    int tainted = 0;
    for (Cluster cluster : clusters) {
      tainted += cluster.taints().isEmpty() ? 0 : 1;
    }
    return String.format(
        "  %s, %s, %s, %s, %s%n",
        Count.of(distinct(all, FleetGenerator.LABEL_REGION), "region"),
        Count.of(distinct(all, FleetGenerator.LABEL_ZONE), "zone"),
        Count.of(distinct(all, FleetGenerator.LABEL_SITE), "site"),
        Count.of(
            distinct(all, FleetGenerator.LABEL_HARDWARE), "hardware class", "hardware classes"),
        Count.of(tainted, "tainted cluster"));
  }

  /** How many values label {@code key} takes in {@code set}, "absent" counting as one. */
  private static int distinct(ClusterSet set, String key) {
    Map<String, Integer> counts = set.countByLabel(key);
    int labelled = counts.values().stream().mapToInt(Integer::intValue).sum();
    return counts.size() + (labelled < set.size() ? 1 : 0);
  }

  /** Writes {@code inventory.yaml}. */
  void write(DemoOutput output, DemoSteps steps) {
    steps.run(
        "write inventory.yaml",
        clusters.size(),
        step -> {
          output.input(
              "inventory.yaml",
              "the generated fleet (kind: ClusterInventory)",
              writer -> writeInventory(writer, step));
          return null;
        });
  }

  private void writeInventory(Writer writer, Progress.Step step) throws IOException {
    try (JsonGenerator out = yaml().createGenerator(writer)) {
      out.writeStartObject();
      out.writeStringField("apiVersion", "flotilla.dev/v1alpha1");
      out.writeStringField("kind", "ClusterInventory");
      out.writeArrayFieldStart("clusters");
      for (Cluster cluster : clusters) {
        writeCluster(out, cluster);
        step.advance(1);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
  }

  private static void writeCluster(JsonGenerator out, Cluster cluster) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", cluster.name());
    writeSorted(out, "labels", cluster.labels());
    writeSorted(out, "annotations", cluster.annotations());
    writeSorted(out, "properties", cluster.properties());
    if (!cluster.taints().isEmpty()) {
      out.writeArrayFieldStart("taints");
      for (Taint taint : cluster.taints()) {
        out.writeStartObject();
        out.writeStringField("key", taint.key());
        if (!taint.value().isEmpty()) {
          out.writeStringField("value", taint.value());
        }
        out.writeStringField("effect", taint.effect().name());
        if (taint.timeAdded().isPresent()) {
          out.writeStringField("timeAdded", taint.timeAdded().get().toString());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  // The cluster's maps iterate in an order that varies between JVM runs; sorting makes the file a
  // function of the seed.
  private static void writeSorted(JsonGenerator out, String field, Map<String, String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    out.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      out.writeStringField(entry.getKey(), entry.getValue());
    }
    out.writeEndObject();
  }
}
