package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * On random ManagedCluster fleets and random OCM Placements, Flotilla picks what OCM's placement
 * controller picks. {@link Ocm} is the reference, written straight from OCM's code over the
 * generated objects (not over Flotilla's clusters): scheduling/helpers.go (clusters being deleted),
 * plugins/predicate and helpers/clusters.go, helpers/cel.go (the CEL variable {@code
 * managedCluster} is the object as unstructured JSON), plugins/tainttoleration, plugins/steady,
 * plugins/balance (no other placement: 100 everywhere), plugins/resource, schedule.go (weights,
 * sort by score then name, numberOfClusters). The registration hub's unreachable/unavailable taints
 * are added from the Available condition as ocm pkg/registration/hub/taint does. Decision groups
 * follow scheduling_controller.go (generateDecisionGroups, calculateLength, divideDecisionGroups).
 */
class OcmPlacementProperties {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** One generated ManagedCluster, as data. */
  record Managed(
      String name,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<String[]> claims,
      Map<String, String> allocatable,
      Map<String, String> capacity,
      String kubernetes,
      String available,
      boolean deleting,
      List<Taint> taints) {}

  record Taint(String key, String value, String effect, Instant timeAdded) {}

  /**
   * OCM's {@code groupStrategy}: groups as {name, label selector text}, and {@code
   * clustersPerDecisionGroup} as YAML text (an integer, or a quoted percentage), null when absent.
   */
  record GroupStrategy(List<String[]> groups, String perGroup) {}

  /** One decision group of OCM's status: its name and its clusters, sorted by name. */
  record OcmGroup(String name, List<String> clusters) {}

  record Toleration(String key, String operator, String value, String effect, Long seconds) {}

  record Predicate(
      LabelSelector labels, String labelYaml, List<String[]> claims, List<String> cel) {}

  record OcmPlacement(
      List<Predicate> predicates,
      boolean hasPredicates,
      List<Toleration> tolerations,
      Integer numberOfClusters,
      String mode,
      Map<String, Integer> configurations) {}

  static final List<String> CEL =
      List.of(
          "managedCluster.metadata.labels[\"env\"] == \"prod\"",
          "managedCluster.status.clusterClaims.exists(c, c.name == \"region\" && c.value =="
              + " \"us-east-1\")",
          "has(managedCluster.metadata.labels) && \"cloud\" in managedCluster.metadata.labels",
          "managedCluster.status.allocatable.cpu == \"8\"",
          "quantity(managedCluster.status.allocatable[\"memory\"]).isGreaterThan(quantity(\"1Gi\"))",
          "managedCluster.status.version.kubernetes.startsWith(\"v1.31\")",
          "!has(managedCluster.status.version.kubernetes)",
          "managedCluster.metadata.name.endsWith(\"1\")",
          "size(managedCluster.status.clusterClaims) >= 2",
          "managedCluster.status.clusterClaims.all(c, has(c.value))",
          "has(managedCluster.status.capacity) && managedCluster.status.capacity.size() == 1",
          "has(managedCluster.metadata.annotations) ||"
              + " managedCluster.metadata.labels[\"env\"] == \"dev\"",
          "managedCluster.metadata.annotations[\"owner\"] == \"team-a\"");

  // ---- generators ----

  static final class Gen {
    final Random random;

    Gen(long seed) {
      random = new Random(seed);
    }

    <T> T pick(List<T> items) {
      return items.get(random.nextInt(items.size()));
    }

    boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    List<Managed> fleet() {
      int size = random.nextInt(9);
      Set<String> names = new TreeSet<>();
      while (names.size() < size) {
        names.add("c" + random.nextInt(20));
      }
      List<Managed> out = new ArrayList<>();
      for (String name : names) {
        Map<String, String> labels = new TreeMap<>();
        if (chance(70)) {
          labels.put("env", pick(List.of("prod", "dev")));
        }
        if (chance(50)) {
          labels.put("cloud", pick(List.of("Amazon", "Google")));
        }
        Map<String, String> annotations = new TreeMap<>();
        if (chance(30)) {
          annotations.put("owner", pick(List.of("team-a", "team-b")));
        }
        List<String[]> claims = new ArrayList<>();
        if (chance(60)) {
          claims.add(new String[] {"region", pick(List.of("us-east-1", "us-west-1", ""))});
        }
        if (chance(30)) {
          claims.add(new String[] {"cpu", pick(List.of("4", "8"))});
        }
        Map<String, String> allocatable = new TreeMap<>();
        Map<String, String> capacity = new TreeMap<>();
        for (String resource : List.of("cpu", "memory")) {
          if (chance(70)) {
            String value =
                resource.equals("cpu")
                    ? pick(List.of("2", "4", "8", "16"))
                    : pick(List.of("512Mi", "1Gi", "2048Mi", "4Gi"));
            allocatable.put(resource, value);
            if (chance(80)) {
              capacity.put(resource, value);
            }
          }
        }
        String kubernetes = chance(80) ? pick(List.of("v1.30.4", "v1.31.2")) : "";
        // "": a conditions list without Available; "none": no conditions list at all (then an
        // object exported from a hub carries the hub's taint in spec.taints itself).
        String available = pick(List.of("True", "True", "True", "False", "Unknown", "", "none"));
        List<Taint> taints = new ArrayList<>();
        for (String[] t :
            List.of(
                new String[] {"key1", "v1", "NoSelect"},
                new String[] {"key2", "", "PreferNoSelect"},
                new String[] {"key3", "v3", "NoSelectIfNew"})) {
          if (chance(20)) {
            taints.add(new Taint(t[0], t[1], t[2], NOW.minusSeconds(random.nextInt(7200))));
          }
        }
        out.add(
            new Managed(
                name,
                labels,
                annotations,
                claims,
                allocatable,
                capacity,
                kubernetes,
                available,
                chance(10),
                taints));
      }
      return out;
    }

    OcmPlacement placement() {
      List<Predicate> predicates = new ArrayList<>();
      boolean has = chance(80);
      int count = has ? random.nextInt(3) : 0;
      for (int i = 0; i < count; i++) {
        String labelYaml = "";
        LabelSelector labels = LabelSelector.everything();
        if (chance(50)) {
          String selector =
              pick(
                  List.of(
                      "env=prod",
                      "env!=prod",
                      "cloud",
                      "!cloud",
                      "env in (prod,dev),cloud=Google"));
          labels = LabelSelector.parse(selector);
          labelYaml = selectorYaml(labels);
        }
        List<String[]> claims = new ArrayList<>();
        if (chance(40)) {
          claims.add(
              pick(
                  List.of(
                      new String[] {"region", "In", "us-east-1"},
                      new String[] {"region", "NotIn", "us-east-1"},
                      new String[] {"cpu", "Exists", ""},
                      new String[] {"cpu", "DoesNotExist", ""},
                      new String[] {"region", "In", "us-west-1,us-east-1"})));
        }
        List<String> cel = new ArrayList<>();
        if (chance(50)) {
          cel.add(pick(CEL));
          if (chance(30)) {
            cel.add(pick(CEL));
          }
        }
        predicates.add(new Predicate(labels, labelYaml, claims, cel));
      }
      List<Toleration> tolerations = new ArrayList<>();
      int tolerationCount = random.nextInt(3);
      for (int i = 0; i < tolerationCount; i++) {
        tolerations.add(
            pick(
                List.of(
                    new Toleration("key1", "Equal", "v1", "", null),
                    new Toleration("key1", "", "v1", "NoSelect", 3600L),
                    new Toleration("key1", "Exists", "", "", 1800L),
                    new Toleration("key3", "Exists", "", "NoSelectIfNew", null),
                    new Toleration("", "Exists", "", "", 5400L),
                    new Toleration(
                        "cluster.open-cluster-management.io/unreachable", "Exists", "", "", null),
                    new Toleration(
                        "cluster.open-cluster-management.io/unavailable",
                        "Exists",
                        "",
                        "NoSelect",
                        null))));
      }
      Integer number = chance(60) ? random.nextInt(6) : null;
      String mode = pick(List.of("", "Additive", "Exact"));
      Map<String, Integer> configurations = new LinkedHashMap<>();
      int configs = random.nextInt(4);
      for (int i = 0; i < configs; i++) {
        configurations.put(
            pick(
                List.of(
                    "Steady", "Balance", "ResourceAllocatableCPU", "ResourceAllocatableMemory")),
            random.nextInt(21) - 10);
      }
      return new OcmPlacement(predicates, has, tolerations, number, mode, configurations);
    }

    /** A {@code decisionStrategy.groupStrategy}, or null for none. */
    GroupStrategy groupStrategy() {
      if (chance(20)) {
        return null;
      }
      List<String[]> groups = new ArrayList<>();
      int count = random.nextInt(3);
      for (int i = 0; i < count; i++) {
        groups.add(
            new String[] {
              List.of("canary", "wave1").get(i),
              pick(List.of("cloud=Amazon", "env=prod", "env", "!cloud", ""))
            });
      }
      String perGroup =
          pick(
              Arrays.asList(
                  null,
                  "1",
                  "2",
                  "3",
                  "0",
                  "-1",
                  "\"25%\"",
                  "\"34%\"",
                  "\"50%\"",
                  "\"7%\"",
                  "\"99%\"",
                  "\"100%\""));
      return new GroupStrategy(groups, perGroup);
    }

    Set<String> previous(List<Managed> fleet) {
      Set<String> out = new TreeSet<>();
      for (Managed m : fleet) {
        if (chance(25)) {
          out.add(m.name());
        }
      }
      return out;
    }
  }

  static String selectorYaml(LabelSelector selector) {
    StringBuilder out = new StringBuilder("{matchExpressions: [");
    for (int i = 0; i < selector.requirements().size(); i++) {
      var r = selector.requirements().get(i);
      String op =
          switch (r.operator()) {
            case IN, EQUALS, DOUBLE_EQUALS -> "In";
            case NOT_IN, NOT_EQUALS -> "NotIn";
            case EXISTS -> "Exists";
            case DOES_NOT_EXIST -> "DoesNotExist";
            default -> throw new IllegalStateException();
          };
      out.append(i > 0 ? ", " : "").append("{key: ").append(r.key()).append(", operator: ");
      out.append(op);
      if (!r.values().isEmpty()) {
        out.append(", values: [").append(String.join(", ", r.values())).append(']');
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  // ---- YAML ----

  static String inventoryYaml(List<Managed> fleet) {
    StringBuilder out =
        new StringBuilder(
            "apiVersion: v1\nkind: List\nitems:" + (fleet.isEmpty() ? " []\n" : "\n"));
    for (Managed m : fleet) {
      out.append("- apiVersion: cluster.open-cluster-management.io/v1\n  kind: ManagedCluster\n");
      out.append("  metadata:\n    name: ").append(m.name()).append('\n');
      if (!m.labels().isEmpty()) {
        out.append("    labels: ").append(flow(m.labels())).append('\n');
      }
      if (!m.annotations().isEmpty()) {
        out.append("    annotations: ").append(flow(m.annotations())).append('\n');
      }
      if (m.deleting()) {
        out.append("    deletionTimestamp: \"2026-02-01T00:00:00Z\"\n");
      }
      out.append("  spec:\n    hubAcceptsClient: true\n");
      if (!m.taints().isEmpty()) {
        out.append("    taints:\n");
        for (Taint t : m.taints()) {
          out.append("    - {key: ").append(t.key()).append(", value: \"").append(t.value());
          out.append("\", effect: ").append(t.effect()).append(", timeAdded: \"");
          out.append(t.timeAdded()).append("\"}\n");
        }
      }
      StringBuilder status = new StringBuilder();
      if (m.available().isEmpty()) {
        status.append("    conditions: [{type: ManagedClusterJoined, status: \"True\"}]\n");
      } else if (!m.available().equals("none")) {
        status.append("    conditions: [{type: ManagedClusterConditionAvailable, status: \"");
        status.append(m.available()).append("\"}]\n");
      }
      if (!m.allocatable().isEmpty()) {
        status.append("    allocatable: ").append(flow(m.allocatable())).append('\n');
      }
      if (!m.capacity().isEmpty()) {
        status.append("    capacity: ").append(flow(m.capacity())).append('\n');
      }
      if (!m.kubernetes().isEmpty()) {
        status.append("    version: {kubernetes: ").append(m.kubernetes()).append("}\n");
      }
      if (!m.claims().isEmpty()) {
        status.append("    clusterClaims:\n");
        for (String[] c : m.claims()) {
          status.append("    - {name: ").append(c[0]).append(", value: \"").append(c[1]);
          status.append("\"}\n");
        }
      }
      out.append(status.length() == 0 ? "  status: {}\n" : "  status:\n" + status);
    }
    return out.toString();
  }

  static String flow(Map<String, String> map) {
    StringBuilder out = new StringBuilder("{");
    map.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? ", " : "")
                .append(k)
                .append(": \"")
                .append(v)
                .append('"'));
    return out.append('}').toString();
  }

  static String placementYaml(OcmPlacement p) {
    StringBuilder out =
        new StringBuilder(
            "apiVersion: cluster.open-cluster-management.io/v1beta1\nkind: Placement\n"
                + "metadata: {name: p, namespace: ns}\nspec:\n");
    if (p.numberOfClusters() != null) {
      out.append("  numberOfClusters: ").append(p.numberOfClusters()).append('\n');
    }
    if (p.hasPredicates()) {
      out.append("  predicates:");
      out.append(p.predicates().isEmpty() ? " []\n" : "\n");
      for (Predicate predicate : p.predicates()) {
        out.append("  - requiredClusterSelector:\n");
        out.append("      labelSelector: ")
            .append(predicate.labelYaml().isEmpty() ? "{}" : predicate.labelYaml())
            .append('\n');
        if (!predicate.claims().isEmpty()) {
          out.append("      claimSelector:\n        matchExpressions:\n");
          for (String[] c : predicate.claims()) {
            out.append("        - {key: ").append(c[0]).append(", operator: ").append(c[1]);
            if (!c[2].isEmpty()) {
              out.append(", values: [").append(c[2].replace(",", ", ")).append(']');
            }
            out.append("}\n");
          }
        }
        if (!predicate.cel().isEmpty()) {
          out.append("      celSelector:\n        celExpressions:\n");
          for (String cel : predicate.cel()) {
            out.append("        - '").append(cel.replace("'", "''")).append("'\n");
          }
        }
      }
    }
    if (!p.tolerations().isEmpty()) {
      out.append("  tolerations:\n");
      for (Toleration t : p.tolerations()) {
        out.append("  - {key: \"").append(t.key()).append("\", operator: \"").append(t.operator());
        out.append("\", value: \"").append(t.value()).append("\", effect: \"").append(t.effect());
        out.append('"');
        if (t.seconds() != null) {
          out.append(", tolerationSeconds: ").append(t.seconds());
        }
        out.append("}\n");
      }
    }
    if (!p.mode().isEmpty() || !p.configurations().isEmpty()) {
      out.append("  prioritizerPolicy:\n");
      if (!p.mode().isEmpty()) {
        out.append("    mode: ").append(p.mode()).append('\n');
      }
      if (!p.configurations().isEmpty()) {
        out.append("    configurations:\n");
        p.configurations()
            .forEach(
                (name, weight) ->
                    out.append("    - {scoreCoordinate: {type: BuiltIn, builtIn: ")
                        .append(name)
                        .append("}, weight: ")
                        .append(weight)
                        .append("}\n"));
      }
    }
    String text = out.toString();
    return text.endsWith("spec:\n") ? text.replace("spec:\n", "spec: {}\n") : text;
  }

  static String withGroupStrategy(String placementYaml, GroupStrategy strategy) {
    if (strategy == null) {
      return placementYaml;
    }
    StringBuilder out = new StringBuilder(placementYaml.replace("spec: {}\n", "spec:\n"));
    out.append("  decisionStrategy:\n    groupStrategy:");
    if (strategy.groups().isEmpty() && strategy.perGroup() == null) {
      return out.append(" {}\n").toString();
    }
    out.append('\n');
    if (strategy.perGroup() != null) {
      out.append("      clustersPerDecisionGroup: ").append(strategy.perGroup()).append('\n');
    }
    if (!strategy.groups().isEmpty()) {
      out.append("      decisionGroups:\n");
      for (String[] g : strategy.groups()) {
        String selector = g[1].isEmpty() ? "{}" : selectorYaml(LabelSelector.parse(g[1]));
        out.append("      - groupName: ").append(g[0]).append('\n');
        out.append("        groupClusterSelector: {labelSelector: ").append(selector).append("}\n");
      }
    }
    return out.toString();
  }

  // ---- the reference: OCM's scheduling, from its code ----

  static final class Ocm {
    static final ExpressionEnvironment ENV =
        ExpressionEnvironment.builder()
            .variable("managedCluster", ExpressionEnvironment.VariableType.DYN_MAP)
            .build();
    static final Map<String, CompiledExpression> COMPILED =
        new java.util.concurrent.ConcurrentHashMap<>();

    static List<String> schedule(OcmPlacement p, List<Managed> fleet, Set<String> previous) {
      List<Managed> filtered = new ArrayList<>();
      for (Managed m : fleet) {
        if (!m.deleting() && predicates(p, m) && tolerated(p, m, previous.contains(m.name()))) {
          filtered.add(m);
        }
      }
      Map<String, Integer> weights = new LinkedHashMap<>();
      if (!p.mode().equals("Exact")) {
        weights.put("Balance", 1);
        weights.put("Steady", 1);
      }
      weights.putAll(p.configurations());
      Map<String, Long> sum = new HashMap<>();
      for (Managed m : filtered) {
        sum.put(m.name(), 0L);
      }
      for (Map.Entry<String, Integer> w : weights.entrySet()) {
        if (w.getValue() == 0) {
          continue;
        }
        Map<String, Long> scores =
            switch (w.getKey()) {
              case "Balance" -> constant(filtered, 100); // no other placement's decisions
              case "Steady" -> steady(filtered, previous);
              case "ResourceAllocatableCPU" -> resource(filtered, "cpu");
              default -> resource(filtered, "memory");
            };
        scores.forEach((name, score) -> sum.merge(name, score * w.getValue(), Long::sum));
      }
      filtered.sort(
          Comparator.comparing((Managed m) -> -sum.get(m.name())).thenComparing(Managed::name));
      int n = p.numberOfClusters() == null ? filtered.size() : p.numberOfClusters();
      return filtered.subList(0, Math.min(n, filtered.size())).stream()
          .map(Managed::name)
          .sorted()
          .toList();
    }

    /**
     * scheduling_controller.go's generateDecisionGroups over the scheduled clusters: each named
     * group takes the clusters its selector matches that no earlier group took, then the rest; each
     * sorted by name and cut into chunks of calculateLength's length. (With no cluster OCM also
     * writes one empty group; that is the decision writer's page, not a group of clusters.)
     */
    static List<OcmGroup> groups(GroupStrategy strategy, List<Managed> scheduled) {
      List<String[]> named = strategy == null ? List.of() : strategy.groups();
      int length = calculateLength(strategy == null ? null : strategy.perGroup(), scheduled.size());
      Set<String> left = new TreeSet<>();
      scheduled.forEach(m -> left.add(m.name()));
      List<OcmGroup> out = new ArrayList<>();
      for (String[] g : named) {
        LabelSelector selector = LabelSelector.parse(g[1]);
        List<String> matched = new ArrayList<>();
        for (Managed m : scheduled) {
          if (selector.matches(m.labels()) && left.remove(m.name())) {
            matched.add(m.name());
          }
        }
        divide(g[0], matched, length, out);
      }
      divide("", new ArrayList<>(left), length, out);
      return out;
    }

    /** calculateLength: an int, or ceil(percent / 100 * total) in float64; 0 or over: total. */
    static int calculateLength(String yaml, int total) {
      int length = total;
      if (yaml != null && yaml.startsWith("\"")) {
        String text = yaml.substring(1, yaml.length() - 2); // without the quotes and the %
        length = (int) Math.ceil(Double.parseDouble(text) / 100 * (double) total);
      } else if (yaml != null) {
        length = Integer.parseInt(yaml);
      }
      return length <= 0 || length > total ? total : length;
    }

    static void divide(String name, List<String> matched, int length, List<OcmGroup> out) {
      matched.sort(Comparator.naturalOrder());
      for (int from = 0; from < matched.size(); from += length) {
        out.add(new OcmGroup(name, matched.subList(from, Math.min(matched.size(), from + length))));
      }
    }

    static Map<String, Long> constant(List<Managed> clusters, long value) {
      Map<String, Long> out = new HashMap<>();
      clusters.forEach(m -> out.put(m.name(), value));
      return out;
    }

    static Map<String, Long> steady(List<Managed> clusters, Set<String> previous) {
      Map<String, Long> out = new HashMap<>();
      clusters.forEach(m -> out.put(m.name(), previous.contains(m.name()) ? 100L : 0L));
      return out;
    }

    /** plugins/resource mostResourceAllocatableScores. */
    static Map<String, Long> resource(List<Managed> clusters, String resource) {
      Map<String, Long> out = new HashMap<>();
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      boolean any = false;
      for (Managed m : clusters) {
        if (m.allocatable().containsKey(resource) && m.capacity().containsKey(resource)) {
          double v = approximate(m.allocatable().get(resource));
          min = Math.min(min, v);
          max = Math.max(max, v);
          any = true;
        }
      }
      if (!any) {
        return out;
      }
      for (Managed m : clusters) {
        if (!(m.allocatable().containsKey(resource) && m.capacity().containsKey(resource))) {
          continue;
        }
        double v = approximate(m.allocatable().get(resource));
        if (max - min != 0) {
          double ratio = (v - min) / (max - min);
          out.put(m.name(), (long) ((ratio - 0.5) * 2.0 * 100.0));
        } else {
          out.put(m.name(), 100L);
        }
      }
      return out;
    }

    /** Integral quantities only (as generated): AsApproximateFloat64 is exact for them. */
    static double approximate(String quantity) {
      if (quantity.endsWith("Mi")) {
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024.0 * 1024;
      }
      if (quantity.endsWith("Gi")) {
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024.0 * 1024 * 1024;
      }
      return Long.parseLong(quantity);
    }

    static boolean predicates(OcmPlacement p, Managed m) {
      if (p.predicates().isEmpty()) {
        return true;
      }
      for (Predicate predicate : p.predicates()) {
        if (matches(predicate, m)) {
          return true;
        }
      }
      return false;
    }

    static boolean matches(Predicate predicate, Managed m) {
      if (!predicate.labels().matches(m.labels())) {
        return false;
      }
      Map<String, String> claims = new HashMap<>();
      m.claims().forEach(c -> claims.put(c[0], c[1]));
      for (String[] c : predicate.claims()) {
        boolean present = claims.containsKey(c[0]);
        List<String> values = List.of(c[2].split(","));
        boolean ok =
            switch (c[1]) {
              case "In" -> present && values.contains(claims.get(c[0]));
              case "NotIn" -> !present || !values.contains(claims.get(c[0]));
              case "Exists" -> present;
              default -> !present;
            };
        if (!ok) {
          return false;
        }
      }
      for (String expression : predicate.cel()) {
        try {
          CompiledExpression compiled =
              COMPILED.computeIfAbsent(expression, e -> ENV.compile(e, "cel"));
          Object result = compiled.evaluate(Map.of("managedCluster", unstructured(m)));
          if (!Boolean.TRUE.equals(result)) {
            return false;
          }
        } catch (RuntimeException e) {
          return false; // an evaluation error: helpers/cel.go isResultValid is false
        }
      }
      return true;
    }

    /** The ManagedCluster as ConvertObjectToUnstructured gives it (omitempty honoured). */
    static Map<String, Object> unstructured(Managed m) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", m.name());
      if (!m.labels().isEmpty()) {
        metadata.put("labels", m.labels());
      }
      if (!m.annotations().isEmpty()) {
        metadata.put("annotations", m.annotations());
      }
      Map<String, Object> status = new LinkedHashMap<>();
      if (!m.claims().isEmpty()) {
        List<Object> claims = new ArrayList<>();
        for (String[] c : m.claims()) {
          Map<String, Object> claim = new LinkedHashMap<>();
          claim.put("name", c[0]);
          if (!c[1].isEmpty()) {
            claim.put("value", c[1]);
          }
          claims.add(claim);
        }
        status.put("clusterClaims", claims);
      }
      if (!m.allocatable().isEmpty()) {
        status.put("allocatable", canonical(m.allocatable()));
      }
      if (!m.capacity().isEmpty()) {
        status.put("capacity", canonical(m.capacity()));
      }
      status.put(
          "version", m.kubernetes().isEmpty() ? Map.of() : Map.of("kubernetes", m.kubernetes()));
      return Map.of("metadata", metadata, "status", status);
    }

    /** Quantity.MarshalJSON of the generated values: 2048Mi prints as 2Gi. */
    static Map<String, Object> canonical(Map<String, String> resources) {
      Map<String, Object> out = new TreeMap<>();
      resources.forEach((k, v) -> out.put(k, v.equals("2048Mi") ? "2Gi" : v));
      return out;
    }

    /** plugins/tainttoleration isClusterTolerated, over spec taints and the hub's taints. */
    static boolean tolerated(OcmPlacement p, Managed m, boolean inDecision) {
      List<Taint> taints = new ArrayList<>(m.taints());
      if (m.available().isEmpty() || m.available().equals("Unknown")) {
        taints.add(
            new Taint("cluster.open-cluster-management.io/unreachable", "", "NoSelect", null));
      } else if (m.available().equals("False")) {
        taints.add(
            new Taint("cluster.open-cluster-management.io/unavailable", "", "NoSelect", null));
      }
      for (Taint taint : taints) {
        if (!taintTolerated(taint, p.tolerations(), inDecision)) {
          return false;
        }
      }
      return true;
    }

    static boolean taintTolerated(Taint taint, List<Toleration> tolerations, boolean inDecision) {
      if (taint.effect().equals("PreferNoSelect")) {
        return true;
      }
      if (taint.effect().equals("NoSelectIfNew") && inDecision) {
        return true;
      }
      for (Toleration t : tolerations) {
        if (!t.effect().isEmpty() && !t.effect().equals(taint.effect())) {
          continue;
        }
        if (!t.key().isEmpty() && !t.key().equals(taint.key())) {
          continue;
        }
        boolean matched = t.operator().equals("Exists") ? true : t.value().equals(taint.value());
        if (!matched) {
          continue;
        }
        if (t.seconds() == null) {
          return true;
        }
        if (taint.timeAdded() == null) {
          // A taint the hub adds now (the mapping derives it from the Available condition):
          // OCM's taint controller stamps it with the current time, so it is tolerated now.
          return true;
        }
        Instant until = taint.timeAdded().plusSeconds(t.seconds());
        if (NOW.isBefore(until)) {
          return true;
        }
      }
      return false;
    }
  }

  // ---- the properties ----

  @Test
  void anOcmPlacementPicksWhatOcmsSchedulerPicks() {
    qt().withFixedSeed(1414L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Gen gen = new Gen(seed);
              List<Managed> fleet = gen.fleet();
              OcmPlacement ocm = gen.placement();
              Set<String> previous = gen.previous(fleet);
              String inventoryYaml = inventoryYaml(fleet);
              String placementYaml = placementYaml(ocm);
              Placement placement =
                  PlacementReader.parse("ocm-placement.yaml", placementYaml).value();
              Inventory inventory =
                  Inventory.of(InventoryReader.read("managedclusters.yaml", inventoryYaml));
              SchedulingContext context = SchedulingContext.at(NOW).withPrevious(previous);
              List<String> flotilla =
                  Scheduler.of(CompiledPlacement.compile(placement))
                      .schedule(inventory, context)
                      .names()
                      .stream()
                      .sorted()
                      .toList();
              List<String> expected = Ocm.schedule(ocm, fleet, previous);
              assertEquals(
                  expected,
                  flotilla,
                  () -> "seed " + seed + "\n" + placementYaml + "\n" + inventoryYaml);

              // The converted placement, written by PolicyWriter and read back by Flotilla's
              // reader, is the same placement and picks the same.
              String written = PolicyWriter.toYaml(placement);
              Placement back = PlacementReader.parse("converted.yaml", written).value();
              assertEquals(placement, back, written);
              List<String> again =
                  Scheduler.of(CompiledPlacement.compile(back))
                      .schedule(inventory, context)
                      .names()
                      .stream()
                      .sorted()
                      .toList();
              assertEquals(flotilla, again, written);
            });
  }

  @Test
  void anOcmPlacementsDecisionGroupsAreOcmsDecisionGroups() {
    qt().withFixedSeed(1415L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Gen gen = new Gen(seed);
              List<Managed> fleet = gen.fleet();
              OcmPlacement ocm = gen.placement();
              GroupStrategy strategy = gen.groupStrategy();
              Set<String> previous = gen.previous(fleet);
              String inventoryYaml = inventoryYaml(fleet);
              String placementYaml = withGroupStrategy(placementYaml(ocm), strategy);
              Placement placement =
                  PlacementReader.parse("ocm-placement.yaml", placementYaml).value();
              Inventory inventory =
                  Inventory.of(InventoryReader.read("managedclusters.yaml", inventoryYaml));
              SchedulingContext context = SchedulingContext.at(NOW).withPrevious(previous);
              List<String> picked = Ocm.schedule(ocm, fleet, previous);
              List<Managed> scheduled =
                  fleet.stream().filter(m -> picked.contains(m.name())).toList();
              List<OcmGroup> expected = Ocm.groups(strategy, scheduled);
              PlacementDecision decision =
                  Scheduler.of(CompiledPlacement.compile(placement)).schedule(inventory, context);
              assertEquals(
                  expected,
                  groups(decision),
                  () -> "seed " + seed + "\n" + placementYaml + "\n" + inventoryYaml);

              String written = PolicyWriter.toYaml(placement);
              Placement back = PlacementReader.parse("converted.yaml", written).value();
              assertEquals(placement, back, written);
              assertEquals(
                  groups(decision),
                  groups(
                      Scheduler.of(CompiledPlacement.compile(back)).schedule(inventory, context)),
                  written);
            });
  }

  /** Flotilla's group chunks, each sorted by name (the order OCM's pages list them in). */
  static List<OcmGroup> groups(PlacementDecision decision) {
    List<OcmGroup> out = new ArrayList<>();
    for (int i = 0; i < decision.groups().size(); i++) {
      PlacementDecision.Group g = decision.groups().get(i);
      assertEquals(i, g.groupIndex());
      out.add(new OcmGroup(g.groupName(), g.clusters().stream().sorted().toList()));
    }
    return out;
  }
}
