package dev.flotilla.testkit;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.summary.StatusReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seeded, realistic Deployment status reports for a generated fleet, one per cluster, for the
 * summarization benchmarks, property tests and the demo: a Deployment {@code shop/web} whose
 * replicas follow the store size, an image version with rollout skew (most clusters on the latest,
 * a tail on older ones), a fraction failing (fewer ready and available replicas, condition {@code
 * Available=False}, restarts), a fraction stale (observed hours before {@link #now()}), and a
 * fraction of clusters sending nothing.
 *
 * <pre>{@code
 * List<Cluster> fleet = FleetGenerator.builder().seed(42).clusters(100_000).build().generate();
 * List<StatusReport> reports = StatusReportGenerator.builder().seed(42).build().generate(fleet);
 * }</pre>
 *
 * <p>Report {@code i} depends only on the seed, the cluster and {@code i}; the same inputs give the
 * same reports on every JVM.
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusReportGenerator {
  /**
   * The clock reports are generated against, unless set: {@link FleetGenerator#EPOCH} + 30 days.
   */
  public static final Instant DEFAULT_NOW = FleetGenerator.EPOCH.plusSeconds(30L * 86_400);

  /** Image versions, newest first, with their weights (a rollout in progress). */
  public static final List<String> VERSIONS = List.of("1.8.2", "1.8.1", "1.7.9", "1.6.0");

  private static final int[] VERSION_WEIGHTS = {70, 20, 8, 2};
  private static final long STREAM = 0x5747_4154_5553L;

  private final long seed;
  private final Instant now;
  private final int failingPerTenThousand;
  private final int stalePerTenThousand;
  private final int missingPerTenThousand;

  private StatusReportGenerator(Builder b) {
    this.seed = b.seed;
    this.now = b.now;
    this.failingPerTenThousand = b.failing;
    this.stalePerTenThousand = b.stale;
    this.missingPerTenThousand = b.missing;
  }

  /** A builder: seed 42, 3% failing, 2% stale, 1% missing. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock: fresh reports are observed up to five minutes before it. */
  public Instant now() {
    return now;
  }

  /**
   * One report per cluster of {@code fleet}, except the missing ones, in fleet order. Reports whose
   * objects are equal share one immutable object (a fleet of 100,000 has a few thousand distinct
   * ones), so the list costs little more than the reports' names and times.
   */
  public List<StatusReport> generate(List<Cluster> fleet) {
    return generate(fleet, 0, fleet.size());
  }

  /**
   * The reports {@link #generate(List)} gives for the clusters {@code from} (inclusive) to {@code
   * to} (exclusive) of {@code fleet}, in fleet order: a large fleet's reports in slices, so that
   * they need not all be in memory at once.
   *
   * @throws IndexOutOfBoundsException when the range is not within the fleet
   */
  public List<StatusReport> generate(List<Cluster> fleet, int from, int to) {
    java.util.Objects.checkFromToIndex(from, to, fleet.size());
    List<StatusReport> out = new ArrayList<>(to - from);
    Map<Shape, Map<String, Object>> objects = new HashMap<>();
    for (int i = from; i < to; i++) {
      SeededRandom random = SeededRandom.of(seed, STREAM, i);
      if (random.chance(missingPerTenThousand)) {
        continue;
      }
      out.add(report(fleet.get(i), i, 0, objects));
    }
    return out;
  }

  /**
   * Report {@code i}'s {@code version}-th revision for {@code cluster}: a later observation with a
   * fresh random state, for incremental updates (revision 0 is what {@link #generate} gives).
   */
  public StatusReport report(Cluster cluster, int i, int revision) {
    return report(cluster, i, revision, null);
  }

  /** The report, its object taken from (or added to) {@code objects} when that is not null. */
  private StatusReport report(
      Cluster cluster, int i, int revision, Map<Shape, Map<String, Object>> objects) {
    SeededRandom random = SeededRandom.of(seed ^ (revision * 0x9e3779b97f4a7c15L), STREAM, i);
    random.chance(missingPerTenThousand); // keep the draws aligned with generate()
    String size = cluster.labels().getOrDefault(FleetGenerator.LABEL_STORE_SIZE, "4");
    long desired;
    try {
      desired = 1 + Long.parseLong(size) / 5;
    } catch (NumberFormatException e) {
      desired = 2;
    }
    boolean failing = random.chance(failingPerTenThousand);
    boolean stale = random.chance(stalePerTenThousand);
    long ready = failing ? random.nextInt((int) desired) : desired;
    long available = failing ? Math.max(0, ready - random.nextInt(2)) : desired;
    long updated = failing ? random.nextInt((int) desired + 1) : desired;
    long restarts = failing ? 3 + random.nextInt(40) : random.nextInt(100) < 90 ? 0 : 1;
    String version = VERSIONS.get(pick(random, VERSION_WEIGHTS));
    long ageSeconds = stale ? 3_600 + random.nextInt(3 * 3_600) : random.nextInt(300);
    Instant observedAt = now.minusSeconds(ageSeconds).plusSeconds(revision);
    Shape shape = new Shape(desired, ready, available, updated, restarts, version);
    if (objects == null) {
      return new StatusReport(cluster.name(), observedAt, shape.object());
    }
    Map<String, Object> shared = objects.get(shape);
    if (shared != null) {
      return new StatusReport(cluster.name(), observedAt, shared);
    }
    StatusReport report = new StatusReport(cluster.name(), observedAt, shape.object());
    objects.put(shape, report.object());
    return report;
  }

  /** What varies between reports' objects. */
  private record Shape(
      long desired, long ready, long available, long updated, long restarts, String version) {
    /** The Deployment object of this shape, fresh and mutable (the report copies it). */
    Map<String, Object> object() {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", "web");
      metadata.put("namespace", "shop");
      metadata.put("generation", 4L);
      Map<String, Object> container = new LinkedHashMap<>();
      container.put("name", "web");
      container.put("image", "registry.example.com/shop/web:" + version);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("replicas", desired);
      spec.put("template", Map.of("spec", Map.of("containers", List.of(container))));
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("observedGeneration", 4L);
      status.put("replicas", desired);
      status.put("updatedReplicas", updated);
      if (ready > 0) {
        status.put("readyReplicas", ready); // Kubernetes omits zero counts
      }
      if (available > 0) {
        status.put("availableReplicas", available);
      }
      if (desired - available > 0) {
        status.put("unavailableReplicas", desired - available);
      }
      status.put("restarts", restarts);
      status.put(
          "conditions",
          List.of(
              condition(
                  "Available",
                  available >= desired ? "True" : "False",
                  available >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"),
              condition(
                  "Progressing",
                  "True",
                  updated >= desired ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")));
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("apiVersion", "apps/v1");
      object.put("kind", "Deployment");
      object.put("metadata", metadata);
      object.put("spec", spec);
      object.put("status", status);
      return object;
    }
  }

  private static Map<String, Object> condition(String type, String status, String reason) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    return c;
  }

  private static int pick(SeededRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Builds a {@link StatusReportGenerator}. */
  public static final class Builder {
    private long seed = 42;
    private Instant now = DEFAULT_NOW;
    private int failing = 300;
    private int stale = 200;
    private int missing = 100;

    private Builder() {}

    /** The seed (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The clock reports are observed against. */
    public Builder now(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      return this;
    }

    /** The fraction of failing Deployments, 0 to 1 (default 0.03). */
    public Builder failingFraction(double fraction) {
      this.failing = perTenThousand(fraction);
      return this;
    }

    /** The fraction of reports observed one to four hours before the clock (default 0.02). */
    public Builder staleFraction(double fraction) {
      this.stale = perTenThousand(fraction);
      return this;
    }

    /** The fraction of clusters that send no report (default 0.01). */
    public Builder missingFraction(double fraction) {
      this.missing = perTenThousand(fraction);
      return this;
    }

    /** The generator. */
    public StatusReportGenerator build() {
      return new StatusReportGenerator(this);
    }

    private static int perTenThousand(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("a fraction is between 0 and 1: " + fraction);
      }
      return (int) Math.round(fraction * 10_000);
    }
  }
}
