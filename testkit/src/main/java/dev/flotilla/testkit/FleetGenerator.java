package dev.flotilla.testkit;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A seeded synthetic edge fleet: stores, antennae, plants and cars spread over regions with
 * realistic skew, for benchmarks, the {@code flotilla demo} command and property tests.
 *
 * <pre>{@code
 * FleetGenerator fleet = FleetGenerator.builder().seed(42).clusters(100_000).build();
 * List<Cluster> clusters = fleet.generate();            // the whole fleet
 * Cluster one = fleet.cluster(1234);                     // == clusters.get(1234)
 * Cluster moved = fleet.relabel(one, 7);                 // one or two label changes
 * }</pre>
 *
 * <p><b>Determinism.</b> The fleet is a pure function of the seed, the cluster count and the label
 * count: the same values give equal clusters on any JVM (the generator uses its own SplitMix64,
 * integer weights, no hash iteration order and no clock). Each cluster depends only on the seed and
 * its ordinal, so {@link #cluster(int)} builds one without building the rest, a smaller fleet is a
 * prefix of a larger one with the same seed (up to 10 million clusters, where names get an eighth
 * digit), and a cluster's values do not depend on how many label keys are kept. (The maps inside a
 * {@link Cluster} are copied with {@code Map.copyOf}, whose iteration order varies from one JVM run
 * to the next; compare them with {@code equals}, never by iterating.)
 *
 * <p><b>Shape.</b> Clusters come in sites of 1 to about 30 (5 on average, so a fleet of {@code n}
 * clusters has about {@code n / 5} sites); a site fixes the region, zone, customer, kind, network,
 * store size, cost center and city of its clusters, while hardware, environment, versions, racks,
 * the canary label and taints vary per cluster. Regions, customers and most vocabularies are skewed
 * (Zipf-like or a few dominant values); the weights are public in the vocabulary constants below,
 * so a test or a benchmark can work out the expected selectivity of a selector.
 *
 * <p><b>Labels.</b> {@link #LABEL_KEYS} in that order; {@link Builder#labelsPerCluster(int)} keeps
 * the first {@code n}. Every cluster carries every kept key except {@link #LABEL_CANARY}, which
 * exists on about {@link #CANARY_FRACTION} of clusters (so that both {@code canary} and {@code
 * !canary} selectors are interesting): a cluster has {@code n} labels, or {@code n - 1} when the
 * canary key is kept and the cluster is not a canary.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FleetGenerator {

  // ---- Label keys, in the order labelsPerCluster keeps them: the most useful selectors first.

  /** Region, skewed over {@link #REGIONS}. */
  public static final String LABEL_REGION = "topology.kubernetes.io/region";

  /** Zone inside the region, 3 or 4 per region, also skewed. */
  public static final String LABEL_ZONE = "topology.kubernetes.io/zone";

  /** {@code prod}, {@code staging} or {@code dev}, see {@link #ENVIRONMENTS}. */
  public static final String LABEL_ENV = "env";

  /** Hardware class, see {@link #HARDWARE}. */
  public static final String LABEL_HARDWARE = "hardware";

  /** {@code canary: "true"} on about {@link #CANARY_FRACTION} of clusters, absent elsewhere. */
  public static final String LABEL_CANARY = "canary";

  /** An integer label, {@code 1..}{@link #MAX_RACK} uniformly, for {@code Gt} and {@code Lt}. */
  public static final String LABEL_RACK = "rack";

  /** Customer, Zipf-skewed over {@link #CUSTOMERS} (about 200 values). */
  public static final String LABEL_CUSTOMER = "customer";

  /** Site ({@code site-0001234}), high cardinality: about one value per 5 clusters. */
  public static final String LABEL_SITE = "flotilla.dev/site";

  /** Serial number, unique per cluster ({@code sn} and 16 hex digits). */
  public static final String LABEL_SERIAL = "flotilla.dev/serial";

  /** Network uplink of the site, see {@link #NETWORKS}. */
  public static final String LABEL_NETWORK = "network";

  /** Service tier, see {@link #TIERS}. */
  public static final String LABEL_TIER = "tier";

  /** Hardware vendor, one of the vendors of the cluster's {@link HardwareClass}. */
  public static final String LABEL_VENDOR = "vendor";

  /** Kubernetes minor version such as {@code 1.31}, see {@link #KUBERNETES_MINORS}. */
  public static final String LABEL_KUBERNETES_VERSION = "kubernetes-version";

  /** An integer label, {@code 1..}{@link #MAX_STORE_SIZE}, small sizes more common (per site). */
  public static final String LABEL_STORE_SIZE = "store-size";

  /** Cost center {@code cc-1000..cc-1599}, three per customer (per site). */
  public static final String LABEL_COST_CENTER = "cost-center";

  /** The tool managing the cluster, see {@link #MANAGED_BY}. */
  public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Every label key, in the order {@link Builder#labelsPerCluster(int)} keeps them. */
  public static final List<String> LABEL_KEYS =
      List.of(
          LABEL_REGION,
          LABEL_ZONE,
          LABEL_ENV,
          LABEL_HARDWARE,
          LABEL_CANARY,
          LABEL_RACK,
          LABEL_CUSTOMER,
          LABEL_SITE,
          LABEL_SERIAL,
          LABEL_NETWORK,
          LABEL_TIER,
          LABEL_VENDOR,
          LABEL_KUBERNETES_VERSION,
          LABEL_STORE_SIZE,
          LABEL_COST_CENTER,
          LABEL_MANAGED_BY);

  // ---- Property names (every cluster has all of them).

  /** CPU quantity from the hardware class ({@code "8"}, {@code "16"}, {@code "500m"}, ...). */
  public static final String PROPERTY_CPU = "cpu";

  /** Memory quantity from the hardware class ({@code "32Gi"}, {@code "64Gi"}, ...). */
  public static final String PROPERTY_MEMORY = "memory";

  /** GPU count, {@code "0".."4"}. */
  public static final String PROPERTY_GPU = "gpu";

  /** Kubernetes version, a semantic version such as {@code 1.31.2}. */
  public static final String PROPERTY_KUBERNETES_VERSION = "kubernetesVersion";

  /** The site's city, a plain string such as {@code Sao Paulo}. */
  public static final String PROPERTY_LOCATION = "location";

  /** Storage quantity from the hardware class ({@code "500Gi"}, {@code "1Ti"}, ...). */
  public static final String PROPERTY_STORAGE = "storage";

  /** Node count, {@code "1".."12"}, small clusters far more common. */
  public static final String PROPERTY_NODE_COUNT = "nodeCount";

  // ---- Annotations and taints.

  /** Annotation on every cluster: the site kind, one of {@link #SITE_KINDS}. */
  public static final String ANNOTATION_SITE_KIND = "flotilla.dev/site-kind";

  /** Annotation on about half of the clusters: an e-mail address of the customer's NOC. */
  public static final String ANNOTATION_CONTACT = "flotilla.dev/contact";

  /** Taint {@code maintenance} with effect {@link TaintEffect#NoSelect}. */
  public static final String TAINT_MAINTENANCE = "maintenance";

  /** Taint {@code degraded} with effect {@link TaintEffect#PreferNoSelect}. */
  public static final String TAINT_DEGRADED = "degraded";

  /** Taint {@code decommissioning} with effect {@link TaintEffect#NoSelectIfNew}. */
  public static final String TAINT_DECOMMISSIONING = "decommissioning";

  /**
   * The fixed "now" of generated fleets: taints' {@code timeAdded} lie up to 30 days before it, so
   * tests of {@code tolerationSeconds} can use it as their clock.
   */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** Expected share of clusters with the {@link #LABEL_CANARY} label. */
  public static final double CANARY_FRACTION = 0.02;

  /** Expected share of clusters with at least one taint (a tenth of those have two). */
  public static final double TAINTED_FRACTION = 0.01;

  /** Largest value of {@link #LABEL_RACK}. */
  public static final int MAX_RACK = 48;

  /** Largest value of {@link #LABEL_STORE_SIZE}. */
  public static final int MAX_STORE_SIZE = 20;

  // ---- Vocabularies. Each list is ordered from the most to the least common value.

  /** A label or property value with its relative weight (its share is weight / sum of weights). */
  public record WeightedValue(String value, int weight) {
    /** Checks the weight is positive. */
    public WeightedValue {
      Objects.requireNonNull(value, "value");
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
    }
  }

  /**
   * A region: its label value, its weight among regions, its zones (label values, weighted) and the
   * cities its sites' {@link #PROPERTY_LOCATION} is drawn from (uniformly).
   */
  public record Region(String name, int weight, List<WeightedValue> zones, List<String> cities) {
    /** Copies the lists. */
    public Region {
      Objects.requireNonNull(name, "name");
      zones = List.copyOf(zones);
      cities = List.copyOf(cities);
    }
  }

  /**
   * A class of edge hardware: its label value, weight, vendors (drawn uniformly) and the property
   * values a cluster of that class gets (each drawn uniformly; GPUs from {@code minGpus} to {@code
   * maxGpus} inclusive).
   */
  public record HardwareClass(
      String name,
      int weight,
      List<String> vendors,
      List<String> cpu,
      List<String> memory,
      int minGpus,
      int maxGpus,
      List<String> storage) {
    /** Copies the lists. */
    public HardwareClass {
      Objects.requireNonNull(name, "name");
      vendors = List.copyOf(vendors);
      cpu = List.copyOf(cpu);
      memory = List.copyOf(memory);
      storage = List.copyOf(storage);
    }
  }

  /**
   * A Kubernetes minor release ({@code 1.31}) with its weight in the fleet and its latest patch:
   * clusters run {@code version + "." + patch} with the patch uniform in {@code 0..latestPatch}.
   */
  public record KubernetesMinor(String version, int weight, int latestPatch) {
    /** Checks the fields. */
    public KubernetesMinor {
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * The 12 regions, Zipf-skewed (weight 1000 / rank): the largest holds about a third of the sites,
   * the smallest under 3%. The first four have 4 zones (weights 4:3:2:1), the others 3 (5:3:2).
   */
  public static final List<Region> REGIONS =
      List.of(
          region(1, "us-east", 4, "New York", "Boston", "Atlanta", "Miami"),
          region(2, "eu-west", 4, "Paris", "Lyon", "Dublin", "Madrid"),
          region(3, "ap-northeast", 4, "Tokyo", "Osaka", "Seoul"),
          region(4, "us-west", 4, "Seattle", "San Jose", "Los Angeles", "Phoenix"),
          region(5, "eu-central", 3, "Frankfurt", "Berlin", "Munich", "Warsaw"),
          region(6, "us-central", 3, "Chicago", "Dallas", "Denver"),
          region(7, "ap-southeast", 3, "Singapore", "Jakarta", "Sydney"),
          region(8, "sa-east", 3, "Sao Paulo", "Buenos Aires", "Santiago"),
          region(9, "ca-central", 3, "Toronto", "Montreal", "Vancouver"),
          region(10, "ap-south", 3, "Mumbai", "Bangalore", "Chennai"),
          region(11, "eu-north", 3, "Stockholm", "Helsinki", "Oslo"),
          region(12, "af-south", 3, "Johannesburg", "Cape Town", "Nairobi"));

  /**
   * Site kinds; the kind starts the cluster name ({@code store-eu-west-0001234}) and is the {@link
   * #ANNOTATION_SITE_KIND} annotation.
   */
  public static final List<WeightedValue> SITE_KINDS =
      weighted("store", 55, "antenna", 20, "plant", 15, "car", 10);

  /** Values of {@link #LABEL_ENV}: prod 85%, staging 10%, dev 5%. */
  public static final List<WeightedValue> ENVIRONMENTS =
      weighted("prod", 85, "staging", 10, "dev", 5);

  /** Values of {@link #LABEL_TIER}. */
  public static final List<WeightedValue> TIERS = weighted("bronze", 50, "silver", 35, "gold", 15);

  /** Hardware classes, values of {@link #LABEL_HARDWARE}; they decide the resource properties. */
  public static final List<HardwareClass> HARDWARE =
      List.of(
          new HardwareClass(
              "nuc-i5",
              30,
              List.of("intel", "asus"),
              List.of("8"),
              List.of("32Gi", "64Gi"),
              0,
              0,
              List.of("500Gi")),
          new HardwareClass(
              "nuc-i7",
              20,
              List.of("intel", "asus"),
              List.of("16"),
              List.of("64Gi"),
              0,
              0,
              List.of("500Gi", "1Ti")),
          new HardwareClass(
              "xeon-d",
              15,
              List.of("supermicro", "dell"),
              List.of("16", "32"),
              List.of("64Gi", "128Gi"),
              0,
              1,
              List.of("1Ti", "2Ti")),
          new HardwareClass(
              "arm-gateway",
              12,
              List.of("raspberrypi", "advantech"),
              List.of("500m", "1500m", "2"),
              List.of("4Gi", "8Gi"),
              0,
              0,
              List.of("64Gi", "128Gi")),
          new HardwareClass(
              "jetson-orin",
              10,
              List.of("nvidia"),
              List.of("12"),
              List.of("32Gi", "64Gi"),
              1,
              1,
              List.of("500Gi")),
          new HardwareClass(
              "epyc-edge",
              8,
              List.of("dell", "hpe", "lenovo"),
              List.of("32", "64"),
              List.of("128Gi", "256Gi"),
              0,
              2,
              List.of("2Ti", "4Ti")),
          new HardwareClass(
              "gpu-server",
              5,
              List.of("supermicro", "dell"),
              List.of("64"),
              List.of("256Gi", "512Gi"),
              2,
              4,
              List.of("4Ti")));

  /**
   * Values of {@link #LABEL_NETWORK} for fixed sites. Cars use {@code 5g} (60%) or {@code lte}
   * (40%) only.
   */
  public static final List<WeightedValue> NETWORKS =
      weighted("fiber", 35, "5g", 25, "lte", 20, "cable", 10, "satellite", 5, "dsl", 5);

  /**
   * The 200 customers ({@code acme-retail}, {@code globex-foods}, ...), values of {@link
   * #LABEL_CUSTOMER}, Zipf-skewed with weight 100000 / rank.
   */
  public static final List<WeightedValue> CUSTOMERS = customers();

  /** Values of {@link #LABEL_MANAGED_BY}. */
  public static final List<WeightedValue> MANAGED_BY =
      weighted("flotilla", 70, "argocd", 15, "fleet-agent", 10, "helm", 5);

  /**
   * Kubernetes minors, newest first: most clusters run one of the three latest, a few lag far
   * behind (1.25 is the long tail that every real fleet has).
   */
  public static final List<KubernetesMinor> KUBERNETES_MINORS =
      List.of(
          new KubernetesMinor("1.33", 20, 3),
          new KubernetesMinor("1.32", 30, 7),
          new KubernetesMinor("1.31", 25, 10),
          new KubernetesMinor("1.30", 12, 13),
          new KubernetesMinor("1.29", 6, 14),
          new KubernetesMinor("1.28", 4, 15),
          new KubernetesMinor("1.27", 2, 16),
          new KubernetesMinor("1.25", 1, 16));

  /** Values of {@link #PROPERTY_NODE_COUNT}: most edge clusters have one to three nodes. */
  public static final List<WeightedValue> NODE_COUNTS =
      weighted(
          "1", 40, "2", 20, "3", 15, "4", 8, "5", 5, "6", 3, "7", 3, "8", 2, "9", 1, "10", 1, "11",
          1, "12", 1);

  // Independent sequences of one seed: which stream an item draws from.
  static final long STREAM_BLOCK = 1;
  static final long STREAM_SITE = 2;
  static final long STREAM_CLUSTER = 3;
  static final long STREAM_SERIAL = 4;
  static final long STREAM_RELABEL = 5;

  private static final int CANARY_PER_TEN_THOUSAND = 200;
  private static final int TAINTED_PER_TEN_THOUSAND = 100;
  private static final int TWO_TAINTS_PER_TEN_THOUSAND = 1_000;
  private static final int TIME_ADDED_PER_TEN_THOUSAND = 7_000;
  private static final int MAX_TAINT_AGE_MINUTES = 30 * 24 * 60;
  private static final int MIN_NAME_DIGITS = 7;

  private static final WeightedPick HARDWARE_PICK =
      WeightedPick.of(HARDWARE, HardwareClass::weight);
  private static final WeightedPick ENV_PICK = WeightedPick.of(ENVIRONMENTS, WeightedValue::weight);
  private static final WeightedPick TIER_PICK = WeightedPick.of(TIERS, WeightedValue::weight);
  private static final WeightedPick MINOR_PICK =
      WeightedPick.of(KUBERNETES_MINORS, KubernetesMinor::weight);
  private static final WeightedPick MANAGED_BY_PICK =
      WeightedPick.of(MANAGED_BY, WeightedValue::weight);
  private static final WeightedPick NODE_COUNT_PICK =
      WeightedPick.of(NODE_COUNTS, WeightedValue::weight);
  // maintenance, degraded, decommissioning
  private static final WeightedPick TAINT_PICK = WeightedPick.of(50, 35, 15);
  private static final String[] SMALL_INTS = smallInts(Math.max(MAX_RACK, MAX_STORE_SIZE));
  // Every "minor.patch", built once: string concatenation per cluster is measurable at 100k.
  private static final String[][] VERSIONS = versions();
  private static final String[] MAINTENANCE_VALUES = {"planned", "firmware-upgrade"};
  private static final String[] DEGRADED_VALUES = {"disk", "network", "power"};

  private final long seed;
  private final int size;
  private final int labelsPerCluster;
  private final int nameDigits;

  private FleetGenerator(Builder builder) {
    this.seed = builder.seed;
    this.size = builder.clusters;
    this.labelsPerCluster = builder.labelsPerCluster;
    this.nameDigits = Math.max(MIN_NAME_DIGITS, Integer.toString(Math.max(0, size - 1)).length());
  }

  /** A builder with seed 0, 100,000 clusters and 16 labels per cluster. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The number of clusters {@link #generate()} returns. */
  public int size() {
    return size;
  }

  /** How many of {@link #LABEL_KEYS} are kept (the first ones). */
  public int labelsPerCluster() {
    return labelsPerCluster;
  }

  /** The label keys clusters of this fleet may carry: the first {@link #labelsPerCluster()}. */
  public List<String> labelKeys() {
    return LABEL_KEYS.subList(0, labelsPerCluster);
  }

  /**
   * The whole fleet, cluster {@code i} at index {@code i}: an unmodifiable list of {@link #size()}
   * valid clusters with unique names.
   */
  public List<Cluster> generate() {
    Cluster[] clusters = new Cluster[size];
    // Sites are contiguous runs of ordinals, so remembering the last one saves rebuilding it for
    // each of its clusters; cluster(i) gets the same site by building it afresh.
    Site site = null;
    for (int i = 0; i < size; i++) {
      int siteId = Site.idOf(seed, i);
      if (site == null || site.id() != siteId) {
        site = Site.of(seed, siteId);
      }
      clusters[i] = build(i, site);
    }
    return Collections.unmodifiableList(Arrays.asList(clusters));
  }

  /**
   * Cluster number {@code ordinal}, equal to {@code generate().get(ordinal)} but built alone (for
   * benchmarks that need "the updated version" of one cluster).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= ordinal < size()}
   */
  public Cluster cluster(int ordinal) {
    Objects.checkIndex(ordinal, size);
    return build(ordinal, Site.of(seed, Site.idOf(seed, ordinal)));
  }

  /**
   * A copy of {@code cluster} with one or two changes of the kind fleets see (70% one, 30% two): a
   * canary label added or removed, an environment promoted or rolled back, a Kubernetes minor
   * upgraded, a rack, tier, network, customer or cost-center change, a hardware refresh (the vendor
   * follows), a car moving to another zone or region (the zone follows), and so on; so one to four
   * labels differ. Only keys of {@link #labelKeys()} are touched, and only when the cluster already
   * has them ({@link #LABEL_CANARY} may be added); the site and serial never change, nor do the
   * properties (a relabelled {@code kubernetes-version} no longer matches the {@code
   * kubernetesVersion} property), annotations or taints. The result depends only on {@code
   * cluster}, {@code seed} and {@link #labelKeys()}, and differs from {@code cluster} whenever
   * {@link #labelKeys()} holds a key other than the site and serial.
   */
  public Cluster relabel(Cluster cluster, long seed) {
    Objects.requireNonNull(cluster, "cluster");
    return Relabeling.relabel(cluster, seed, labelKeys());
  }

  private Cluster build(int ordinal, Site site) {
    SeededRandom random = SeededRandom.of(seed, STREAM_CLUSTER, ordinal);
    HardwareClass hardware = HARDWARE.get(HARDWARE_PICK.pick(random));
    String vendor = hardware.vendors().get(random.nextInt(hardware.vendors().size()));
    String env = ENVIRONMENTS.get(ENV_PICK.pick(random)).value();
    String tier = TIERS.get(TIER_PICK.pick(random)).value();
    boolean canary = random.chance(CANARY_PER_TEN_THOUSAND);
    String rack = SMALL_INTS[1 + random.nextInt(MAX_RACK)];
    int minorIndex = MINOR_PICK.pick(random);
    KubernetesMinor minor = KUBERNETES_MINORS.get(minorIndex);
    int patch = random.nextInt(minor.latestPatch() + 1);
    String managedBy = MANAGED_BY.get(MANAGED_BY_PICK.pick(random)).value();

    String[] values = new String[LABEL_KEYS.size()];
    values[0] = site.region().name();
    values[1] = site.zone();
    values[2] = env;
    values[3] = hardware.name();
    values[4] = canary ? "true" : null;
    values[5] = rack;
    values[6] = site.customer();
    values[7] = site.label();
    values[8] = serial(ordinal);
    values[9] = site.network();
    values[10] = tier;
    values[11] = vendor;
    values[12] = minor.version();
    values[13] = site.storeSize();
    values[14] = site.costCenter();
    values[15] = managedBy;
    // The maps are built immutable, as the Cluster keeps them (Map.copyOf of an immutable map is
    // the map itself): no HashMap to fill and copy for each of a million clusters.
    int kept = 0;
    for (int k = 0; k < labelsPerCluster; k++) {
      kept += values[k] == null ? 0 : 1;
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, String>[] entries = new Map.Entry[kept];
    for (int k = 0, e = 0; k < labelsPerCluster; k++) {
      if (values[k] != null) {
        entries[e++] = Map.entry(LABEL_KEYS.get(k), values[k]);
      }
    }
    Map<String, String> labels = Map.ofEntries(entries);

    // Drawn in this order (cpu, memory, gpu, storage, node count) whatever the map does with them.
    String cpu = pick(hardware.cpu(), random);
    String memory = pick(hardware.memory(), random);
    int gpus = hardware.minGpus() + random.nextInt(hardware.maxGpus() - hardware.minGpus() + 1);
    String storage = pick(hardware.storage(), random);
    String nodeCount = NODE_COUNTS.get(NODE_COUNT_PICK.pick(random)).value();
    Map<String, String> properties =
        Map.of(
            PROPERTY_CPU, cpu,
            PROPERTY_MEMORY, memory,
            PROPERTY_GPU, SMALL_INTS[gpus],
            PROPERTY_KUBERNETES_VERSION, VERSIONS[minorIndex][patch],
            PROPERTY_LOCATION, site.city(),
            PROPERTY_STORAGE, storage,
            PROPERTY_NODE_COUNT, nodeCount);

    Map<String, String> annotations =
        random.chance(5_000)
            ? Map.of(
                ANNOTATION_SITE_KIND,
                site.kind(),
                ANNOTATION_CONTACT,
                "noc@" + site.customer() + ".example")
            : Map.of(ANNOTATION_SITE_KIND, site.kind());

    return new Cluster(name(ordinal, site), labels, annotations, properties, taints(random));
  }

  private static List<Taint> taints(SeededRandom random) {
    if (!random.chance(TAINTED_PER_TEN_THOUSAND)) {
      return List.of();
    }
    int first = TAINT_PICK.pick(random);
    if (!random.chance(TWO_TAINTS_PER_TEN_THOUSAND)) {
      return List.of(taint(first, random));
    }
    int second = (first + 1 + random.nextInt(2)) % 3;
    return List.of(taint(first, random), taint(second, random));
  }

  private static Taint taint(int kind, SeededRandom random) {
    Optional<Instant> timeAdded =
        random.chance(TIME_ADDED_PER_TEN_THOUSAND)
            ? Optional.of(EPOCH.minus(Duration.ofMinutes(random.nextInt(MAX_TAINT_AGE_MINUTES))))
            : Optional.empty();
    switch (kind) {
      case 0:
        return new Taint(
            TAINT_MAINTENANCE,
            MAINTENANCE_VALUES[random.nextInt(MAINTENANCE_VALUES.length)],
            TaintEffect.NoSelect,
            timeAdded);
      case 1:
        return new Taint(
            TAINT_DEGRADED,
            DEGRADED_VALUES[random.nextInt(DEGRADED_VALUES.length)],
            TaintEffect.PreferNoSelect,
            timeAdded);
      default:
        return new Taint(TAINT_DECOMMISSIONING, "", TaintEffect.NoSelectIfNew, timeAdded);
    }
  }

  // kind-region-ordinal: unique through the ordinal, zero-padded so names sort by ordinal within a
  // kind and region, and the width only grows past 10 million clusters (so prefixes stay stable).
  private String name(int ordinal, Site site) {
    String digits = Integer.toString(ordinal);
    StringBuilder name =
        new StringBuilder(site.kind().length() + site.region().name().length() + nameDigits + 2)
            .append(site.kind())
            .append('-')
            .append(site.region().name())
            .append('-');
    for (int pad = digits.length(); pad < nameDigits; pad++) {
      name.append('0');
    }
    return name.append(digits).toString();
  }

  // mix64 is a bijection and the ordinal enters it through an addition, so distinct ordinals of
  // one seed always get distinct serials.
  private String serial(int ordinal) {
    long bits = SeededRandom.mix64(SeededRandom.mix64(seed ^ STREAM_SERIAL) + ordinal);
    char[] out = new char[18];
    out[0] = 's';
    out[1] = 'n';
    for (int i = 17; i >= 2; i--) {
      out[i] = Character.forDigit((int) (bits & 0xf), 16);
      bits >>>= 4;
    }
    return new String(out);
  }

  private static String pick(List<String> values, SeededRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  static String smallInt(int value) {
    return value < SMALL_INTS.length ? SMALL_INTS[value] : Integer.toString(value);
  }

  private static String[][] versions() {
    String[][] out = new String[KUBERNETES_MINORS.size()][];
    for (int m = 0; m < out.length; m++) {
      KubernetesMinor minor = KUBERNETES_MINORS.get(m);
      out[m] = new String[minor.latestPatch() + 1];
      for (int patch = 0; patch <= minor.latestPatch(); patch++) {
        out[m][patch] = minor.version() + "." + patch;
      }
    }
    return out;
  }

  private static String[] smallInts(int max) {
    String[] out = new String[max + 1];
    for (int i = 0; i <= max; i++) {
      out[i] = Integer.toString(i);
    }
    return out;
  }

  private static Region region(int rank, String name, int zones, String... cities) {
    List<WeightedValue> zoneValues =
        zones == 4
            ? weighted(name + "-a", 4, name + "-b", 3, name + "-c", 2, name + "-d", 1)
            : weighted(name + "-a", 5, name + "-b", 3, name + "-c", 2);
    return new Region(name, 1000 / rank, zoneValues, List.of(cities));
  }

  private static List<WeightedValue> weighted(Object... valueWeightPairs) {
    List<WeightedValue> out = new ArrayList<>(valueWeightPairs.length / 2);
    for (int i = 0; i < valueWeightPairs.length; i += 2) {
      out.add(new WeightedValue((String) valueWeightPairs[i], (Integer) valueWeightPairs[i + 1]));
    }
    return List.copyOf(out);
  }

  // 20 names x 10 sectors. The sector index is shifted by the name index so that the most common
  // customers (the first ranks) have different names and sectors rather than all being "acme-*".
  private static List<WeightedValue> customers() {
    String[] names = {
      "acme",
      "globex",
      "initech",
      "umbrella",
      "northwind",
      "contoso",
      "fabrikam",
      "wayne",
      "stark",
      "tyrell",
      "hooli",
      "vandelay",
      "wonka",
      "soylent",
      "cyberdyne",
      "aperture",
      "massive",
      "oscorp",
      "gringotts",
      "monarch"
    };
    String[] sectors = {
      "retail",
      "foods",
      "energy",
      "motors",
      "telco",
      "pharma",
      "logistics",
      "banking",
      "media",
      "mining"
    };
    List<WeightedValue> out = new ArrayList<>(names.length * sectors.length);
    for (int rank = 0; rank < names.length * sectors.length; rank++) {
      int name = rank % names.length;
      int sector = (rank / names.length + name) % sectors.length;
      out.add(new WeightedValue(names[name] + "-" + sectors[sector], 100_000 / (rank + 1)));
    }
    return List.copyOf(out);
  }

  /** Builds a {@link FleetGenerator}; {@link #build()} checks the values. */
  public static final class Builder {
    private long seed;
    private int clusters = 100_000;
    private int labelsPerCluster = LABEL_KEYS.size();

    private Builder() {}

    /** The seed (default 0): the same seed gives the same fleet. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The number of clusters, at least 0 (default 100,000). */
    public Builder clusters(int clusters) {
      this.clusters = clusters;
      return this;
    }

    /**
     * Keep only the first {@code n} keys of {@link #LABEL_KEYS}, from 0 to 16 (default 16). The
     * kept labels have the same values whatever {@code n} is.
     */
    public Builder labelsPerCluster(int n) {
      this.labelsPerCluster = n;
      return this;
    }

    /**
     * The generator.
     *
     * @throws IllegalArgumentException if the cluster count is negative or the label count is
     *     outside {@code 0..16}
     */
    public FleetGenerator build() {
      if (clusters < 0) {
        throw new IllegalArgumentException("clusters: must be at least 0, got " + clusters);
      }
      if (labelsPerCluster < 0 || labelsPerCluster > LABEL_KEYS.size()) {
        throw new IllegalArgumentException(
            "labelsPerCluster: must be between 0 and "
                + LABEL_KEYS.size()
                + ", got "
                + labelsPerCluster);
      }
      return new FleetGenerator(this);
    }
  }
}
