package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.KarmadaReference.Affinity;
import dev.flotilla.placement.KarmadaReference.KCluster;
import dev.flotilla.placement.KarmadaReference.Policy;
import dev.flotilla.placement.KarmadaReference.Tol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random fleets of Karmada {@code Cluster}s and random PropagationPolicies: the converted placement
 * picks the clusters and the replica split that {@link KarmadaReference} (Karmada's scheduler,
 * written from its code) suggests, and its PolicyWriter form, read back, is the same placement.
 */
class KarmadaPropagationProperties {
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "h"};

  @Test
  void convertedPolicySchedulesAsKarmada() {
    qt().withFixedSeed(14L).withExamples(150).forAll(longs().all()).checkAssert(this::check);
  }

  private void check(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(16);
    List<KCluster> clusters = new ArrayList<>();
    StringBuilder inventory = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    for (int i = 0; i < n; i++) {
      KCluster c = cluster(r, "m" + i);
      clusters.add(c);
      inventory.append(yaml(c, r));
    }
    Policy policy = policy(r);
    int replicas = r.nextInt(4) == 0 ? 0 : r.nextInt(25);
    String uid = r.nextBoolean() ? "" : "uid-" + r.nextInt(1000);
    String text = policyYaml(policy);
    Placement placement = PlacementReader.parse("policy.yaml", text).value();
    List<Cluster> fleet = InventoryReader.read("clusters.yaml", inventory.toString());
    // The clusters' derived taints are those the reference's KCluster already carries.
    PlacementDecision decision = schedule(placement, fleet, replicas, uid);
    Optional<Map<String, Integer>> want =
        KarmadaReference.schedule(clusters, policy, replicas, uid);
    Map<String, Integer> got = new TreeMap<>();
    for (String name : decision.names()) {
      got.put(name, decision.replicas().getOrDefault(name, 0));
    }
    assertEquals(want.orElse(Map.of()), got, text + "\n" + inventory + "\nreplicas " + replicas);
    Placement back = PlacementReader.parse("written.yaml", PolicyWriter.toYaml(placement)).value();
    assertEquals(placement, back);
    assertEquals(decision, schedule(back, fleet, replicas, uid));
  }

  private static PlacementDecision schedule(
      Placement placement, List<Cluster> fleet, int replicas, String uid) {
    return Scheduler.of(CompiledPlacement.compile(placement))
        .schedule(
            Inventory.of(fleet),
            SchedulingContext.at(Instant.parse("2026-01-01T00:00:00Z"))
                .withReplicas(replicas, uid));
  }

  private static KCluster cluster(Random r, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (r.nextBoolean()) {
      labels.put("env", r.nextBoolean() ? "prod" : "dev");
    }
    String provider = pick(r, "", "aws", "gcp");
    String region = pick(r, "", "r1", "r2");
    List<String> zones = new ArrayList<>();
    for (String z : List.of("z1", "z2", "z3")) {
      if (r.nextInt(3) == 0) {
        zones.add(z);
      }
    }
    List<String[]> taints = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      taints.add(new String[] {"gpu", "", pick(r, "NoSchedule", "NoExecute", "PreferNoSchedule")});
    }
    String ready = pick(r, "True", "True", "True", "False", "Unknown");
    if (ready.equals("False")) {
      taints.add(new String[] {"cluster.karmada.io/not-ready", "", "NoSchedule"});
    } else if (ready.equals("Unknown")) {
      taints.add(new String[] {"cluster.karmada.io/unreachable", "", "NoSchedule"});
    }
    return new KCluster(
        name,
        labels,
        provider,
        region,
        zones,
        taints,
        r.nextInt(8) == 0,
        r.nextInt(13),
        r.nextInt(4),
        r.nextInt(10) > 0);
  }

  private static String yaml(KCluster c, Random r) {
    StringBuilder out = new StringBuilder();
    out.append("- apiVersion: cluster.karmada.io/v1alpha1\n  kind: Cluster\n  metadata:\n")
        .append("    name: ")
        .append(c.name())
        .append('\n');
    if (!c.labels().isEmpty()) {
      out.append("    labels: {env: ").append(c.labels().get("env")).append("}\n");
    }
    if (c.deleting()) {
      out.append("    deletionTimestamp: \"2026-01-01T00:00:00Z\"\n");
    }
    out.append("  spec:\n");
    int specStart = out.length();
    if (!c.provider().isEmpty() || r.nextBoolean()) {
      out.append("    provider: \"").append(c.provider()).append("\"\n");
    }
    if (!c.region().isEmpty()) {
      out.append("    region: ").append(c.region()).append('\n');
    }
    if (!c.zones().isEmpty()) {
      out.append("    zones: [").append(String.join(", ", c.zones())).append("]\n");
    }
    List<String[]> own = new ArrayList<>();
    String ready = "True";
    for (String[] t : c.taints()) {
      if (t[0].equals("cluster.karmada.io/not-ready")) {
        ready = "False";
      } else if (t[0].equals("cluster.karmada.io/unreachable")) {
        ready = "Unknown";
      } else {
        own.add(t);
      }
    }
    if (!own.isEmpty()) {
      out.append("    taints:\n");
      for (String[] t : own) {
        out.append("    - {key: ").append(t[0]).append(", effect: ").append(t[2]).append("}\n");
      }
    }
    if (out.length() == specStart) {
      out.setLength(specStart - 1);
      out.append(" {}\n");
    }
    out.append("  status:\n");
    if (c.apiEnabled()) {
      out.append("    apiEnablements:\n    - groupVersion: apps/v1\n")
          .append("      resources: [{name: deployments, kind: Deployment}]\n");
    }
    out.append("    conditions:\n    - {type: Ready, status: \"")
        .append(ready)
        .append("\"}\n    resourceSummary:\n      allocatable: {pods: \"")
        .append(c.pods())
        .append("\"}\n      allocated: {pods: \"")
        .append(c.allocatedPods())
        .append("\"}\n");
    return out.toString();
  }

  private static Affinity affinity(Random r) {
    List<String> names = null;
    if (r.nextInt(3) == 0) {
      names = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        if (r.nextBoolean()) {
          names.add("m" + r.nextInt(16));
        }
      }
    }
    List<String> exclude = r.nextInt(4) == 0 ? List.of("m" + r.nextInt(16)) : null;
    Map<String, String> labels = r.nextInt(3) == 0 ? Map.of("env", pick(r, "prod", "dev")) : null;
    List<String[]> fields = null;
    if (r.nextInt(3) == 0) {
      fields = new ArrayList<>();
      String key = pick(r, "provider", "region", "zone");
      String values =
          key.equals("provider")
              ? pick(r, "aws", "gcp", "aws,gcp")
              : key.equals("region") ? pick(r, "r1", "r2") : pick(r, "z1", "z2,z3");
      fields.add(new String[] {key, pick(r, "In", "NotIn"), values});
    }
    return new Affinity(names, exclude, labels, fields);
  }

  private static Policy policy(Random r) {
    Affinity affinity = null;
    List<Affinity> affinities = new ArrayList<>();
    int shape = r.nextInt(3);
    if (shape == 1) {
      affinity = affinity(r);
    } else if (shape == 2) {
      affinities.add(affinity(r));
      affinities.add(affinity(r));
    }
    List<Tol> tolerations = new ArrayList<>();
    if (r.nextBoolean()) {
      tolerations.add(
          switch (r.nextInt(5)) {
            case 0 -> new Tol("gpu", "Exists", "", "NoSchedule");
            case 1 -> new Tol("gpu", "Exists", "", "NoExecute");
            case 2 -> new Tol("", "Exists", "", "");
            case 3 -> new Tol("cluster.karmada.io/not-ready", "Exists", "", "NoSchedule");
            default -> new Tol("gpu", "Equal", "", "");
          });
    }
    boolean spread = r.nextInt(3) == 0;
    int min = 1 + r.nextInt(3);
    int max = !spread || r.nextInt(6) == 0 ? 0 : min + r.nextInt(4);
    List<String> filters = new ArrayList<>();
    if (spread && r.nextBoolean()) {
      filters.add(pick(r, "provider", "zone"));
    }
    String type = pick(r, null, "Duplicated", "Divided", "Divided");
    String division = pick(r, "Weighted", "Weighted", "Aggregated");
    boolean preference = r.nextBoolean();
    boolean dynamic = preference && r.nextBoolean();
    List<Object[]> weights = new ArrayList<>();
    if (preference && !dynamic && r.nextInt(4) > 0) {
      for (int i = 0; i < 1 + r.nextInt(3); i++) {
        weights.add(new Object[] {affinity(r), (long) (1 + r.nextInt(4))});
      }
    }
    return new Policy(
        affinity,
        affinities,
        tolerations,
        spread,
        min,
        max,
        filters,
        type,
        division,
        preference,
        weights,
        dynamic);
  }

  private static String policyYaml(Policy p) {
    StringBuilder out =
        new StringBuilder(
            "apiVersion: policy.karmada.io/v1alpha1\nkind: PropagationPolicy\nmetadata:\n"
                + "  name: app\n  namespace: default\nspec:\n  resourceSelectors:\n"
                + "  - {apiVersion: apps/v1, kind: Deployment, name: app}\n  placement:\n");
    if (p.affinity() != null) {
      out.append("    clusterAffinity:\n").append(affinityYaml(p.affinity(), "      "));
    }
    if (!p.affinities().isEmpty()) {
      out.append("    clusterAffinities:\n");
      for (int i = 0; i < p.affinities().size(); i++) {
        out.append("    - affinityName: term").append(i).append('\n');
        out.append(affinityYaml(p.affinities().get(i), "      "));
      }
    }
    if (!p.tolerations().isEmpty()) {
      out.append("    clusterTolerations:\n");
      for (Tol t : p.tolerations()) {
        out.append("    - {key: \"").append(t.key()).append("\", operator: ").append(t.operator());
        out.append(", effect: \"").append(t.effect()).append("\"}\n");
      }
    }
    if (p.clusterSpread()) {
      out.append("    spreadConstraints:\n    - {spreadByField: cluster, minGroups: ")
          .append(p.minGroups())
          .append(", maxGroups: ")
          .append(p.maxGroups())
          .append("}\n");
      for (String f : p.filterFields()) {
        out.append("    - {spreadByField: ").append(f).append("}\n");
      }
    }
    if (p.type() != null) {
      out.append("    replicaScheduling:\n      replicaSchedulingType: ")
          .append(p.type())
          .append('\n');
      out.append("      replicaDivisionPreference: ").append(p.division()).append('\n');
      if (p.weightPreference()) {
        out.append("      weightPreference:\n");
        if (p.dynamic()) {
          out.append("        dynamicWeight: AvailableReplicas\n");
        }
        if (!p.staticWeights().isEmpty()) {
          out.append("        staticWeightList:\n");
          for (Object[] w : p.staticWeights()) {
            out.append("        - weight: ").append(w[1]).append("\n          targetCluster:\n");
            out.append(affinityYaml((Affinity) w[0], "            "));
          }
        } else if (!p.dynamic()) {
          out.append("        staticWeightList: []\n");
        }
      }
    }
    String text = out.toString();
    return text.endsWith("placement:\n") ? text.replace("placement:\n", "placement: {}\n") : text;
  }

  private static String affinityYaml(Affinity a, String indent) {
    StringBuilder out = new StringBuilder();
    if (a.names() != null) {
      out.append(indent)
          .append("clusterNames: [")
          .append(String.join(", ", a.names()))
          .append("]\n");
    }
    if (a.exclude() != null) {
      out.append(indent).append("exclude: [").append(String.join(", ", a.exclude())).append("]\n");
    }
    if (a.matchLabels() != null) {
      out.append(indent)
          .append("labelSelector: {matchLabels: {env: ")
          .append(a.matchLabels().get("env"))
          .append("}}\n");
    }
    if (a.fields() != null) {
      out.append(indent).append("fieldSelector:\n").append(indent).append("  matchExpressions:\n");
      for (String[] f : a.fields()) {
        out.append(indent)
            .append("  - {key: ")
            .append(f[0])
            .append(", operator: ")
            .append(f[1])
            .append(", values: [")
            .append(f[2].replace(",", ", "))
            .append("]}\n");
      }
    }
    if (out.length() == 0) {
      out.append(indent).append("clusterNames: []\n");
    }
    return out.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
