package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.placement.KubeFleetReference.LabelReq;
import dev.flotilla.placement.KubeFleetReference.Member;
import dev.flotilla.placement.KubeFleetReference.Policy;
import dev.flotilla.placement.KubeFleetReference.Preferred;
import dev.flotilla.placement.KubeFleetReference.PropReq;
import dev.flotilla.placement.KubeFleetReference.Term;
import dev.flotilla.placement.KubeFleetReference.Tol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On random fleets of MemberClusters and random ClusterResourcePlacements, Flotilla picks what
 * {@link KubeFleetReference} (KubeFleet's scheduler, from its Go code) picks, in v1 and v1beta1;
 * and the converted placement, written by PolicyWriter and read back, picks the same.
 */
class KubeFleetPlacementProperties {
  private static final List<String> ENVS = List.of("prod", "staging", "dev");
  private static final List<String> REGIONS = List.of("east", "west");
  private static final List<String> NODES = List.of("1", "2", "4", "7", "10", "3k");
  private static final List<String> CPUS = List.of("500m", "2", "6", "1500m", "2000m", "8");
  private static final List<String> MEMORY = List.of("4Gi", "16Gi", "1G", "512Mi");
  private static final List<String> PROPERTIES =
      List.of(
          "kubernetes-fleet.io/node-count",
          "resources.kubernetes-fleet.io/available-cpu",
          "resources.kubernetes-fleet.io/total-cpu",
          "resources.kubernetes-fleet.io/allocatable-memory");
  private static final List<String> OPERATORS = List.of("Eq", "Ne", "Gt", "Ge", "Lt", "Le");

  @Test
  void flotillaPicksWhatKubeFleetPicks() {
    qt().withFixedSeed(1414L)
        .withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              String version = random.nextBoolean() ? "v1" : "v1beta1";
              List<Member> fleet = fleet(random);
              Policy policy = policy(random);
              KubeFleetFleet objects = objects(version, fleet);
              Placement placement = KubeFleetFleet.placement(crp(version, policy));
              List<String> expected = KubeFleetReference.schedule(policy, fleet);
              List<String> actual = objects.pickedOrder(placement);
              if (policy.type().equals("PickAll")) {
                actual = actual.stream().sorted().toList();
              }
              assertEquals(expected, actual, () -> crp(version, policy) + objects.yaml());
              Placement back =
                  PlacementReader.parse("back.yaml", PolicyWriter.toYaml(placement)).value();
              assertEquals(placement, back);
              assertEquals(actual.stream().sorted().toList(), objects.picked(back));
            });
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static List<Member> fleet(Random random) {
    List<Member> out = new ArrayList<>();
    int size = random.nextInt(12);
    for (int i = 0; i < size; i++) {
      Map<String, String> labels = new LinkedHashMap<>();
      if (random.nextInt(4) > 0) {
        labels.put("env", pick(random, ENVS));
      }
      if (random.nextInt(3) > 0) {
        labels.put("region", pick(random, REGIONS));
      }
      Map<String, String> properties = new LinkedHashMap<>();
      if (random.nextInt(4) > 0) {
        properties.put("kubernetes-fleet.io/node-count", pick(random, NODES));
      }
      Map<String, Map<String, String>> usage = new LinkedHashMap<>();
      for (String kind : List.of("capacity", "allocatable", "available")) {
        Map<String, String> values = new LinkedHashMap<>();
        if (random.nextInt(3) > 0) {
          values.put("cpu", pick(random, CPUS));
        }
        if (random.nextInt(3) > 0) {
          values.put("memory", pick(random, MEMORY));
        }
        if (!values.isEmpty()) {
          usage.put(kind, values);
        }
      }
      List<String[]> taints = new ArrayList<>();
      if (random.nextInt(4) == 0) {
        taints.add(new String[] {"gpu", random.nextBoolean() ? "true" : "false"});
      }
      if (random.nextInt(6) == 0) {
        taints.add(new String[] {"maintenance", ""});
      }
      out.add(new Member("member-" + (char) ('a' + i), labels, properties, usage, taints));
    }
    return out;
  }

  private static List<LabelReq> labels(Random random) {
    List<LabelReq> out = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      boolean env = random.nextBoolean();
      String key = env ? "env" : "region";
      List<String> values = List.of(pick(random, env ? ENVS : REGIONS));
      String op = pick(random, List.of("In", "NotIn", "Exists", "DoesNotExist"));
      out.add(
          new LabelReq(key, op, op.startsWith("In") || op.equals("NotIn") ? values : List.of()));
    }
    return out;
  }

  private static Policy policy(Random random) {
    String type = random.nextInt(3) == 0 ? "PickAll" : "PickN";
    List<Term> required = new ArrayList<>();
    int terms = random.nextInt(3);
    for (int i = 0; i < terms; i++) {
      List<PropReq> props = new ArrayList<>();
      int count = random.nextInt(3);
      for (int j = 0; j < count; j++) {
        String name = pick(random, PROPERTIES);
        if (props.stream().anyMatch(r -> r.name().equals(name))) {
          continue; // KubeFleet's webhook checks several on one name for consistency: one each
        }
        String value =
            name.endsWith("memory")
                ? pick(random, MEMORY)
                : name.endsWith("cpu") ? pick(random, CPUS) : pick(random, NODES);
        props.add(new PropReq(name, pick(random, OPERATORS), value));
      }
      required.add(new Term(random.nextBoolean() ? labels(random) : null, props));
    }
    List<Preferred> preferred = new ArrayList<>();
    if (type.equals("PickN")) {
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        int weight = random.nextInt(201) - 100;
        List<LabelReq> labels = random.nextBoolean() ? labels(random) : null;
        boolean sorted = random.nextBoolean();
        preferred.add(
            new Preferred(
                weight,
                labels,
                sorted ? pick(random, PROPERTIES) : null,
                sorted ? pick(random, List.of("Ascending", "Descending")) : null));
      }
    }
    List<Tol> tolerations = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(4)) {
        case 0 ->
            tolerations.add(new Tol("gpu", "Equal", random.nextBoolean() ? "true" : "false", ""));
        case 1 -> tolerations.add(new Tol("gpu", "Exists", "", "NoSchedule"));
        case 2 -> tolerations.add(new Tol("maintenance", "Exists", "", ""));
        default -> tolerations.add(new Tol("", "Exists", "", ""));
      }
    }
    tolerations = tolerations.stream().distinct().toList();
    return new Policy(type, random.nextInt(7), required, preferred, tolerations);
  }

  private static KubeFleetFleet objects(String version, List<Member> fleet) {
    KubeFleetFleet out = KubeFleetFleet.of(version);
    for (Member m : fleet) {
      KubeFleetFleet.Member member = out.cluster(m.name());
      m.labels().forEach(member::label);
      m.properties().forEach(member::property);
      m.usage().forEach((kind, values) -> values.forEach((r, v) -> member.usage(kind, r, v)));
      m.taints().forEach(t -> member.taint(t[0], t[1]));
    }
    return out;
  }

  private static String selector(List<LabelReq> reqs) {
    StringBuilder out = new StringBuilder("{matchExpressions: [");
    for (int i = 0; i < reqs.size(); i++) {
      LabelReq r = reqs.get(i);
      out.append(i == 0 ? "" : ", ").append("{key: ").append(r.key()).append(", operator: ");
      out.append(r.operator());
      if (!r.values().isEmpty()) {
        out.append(", values: [").append(String.join(", ", r.values())).append(']');
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  static String crp(String version, Policy policy) {
    StringBuilder spec = new StringBuilder("policy:\n  placementType: " + policy.type() + "\n");
    if (policy.type().equals("PickN")) {
      spec.append("  numberOfClusters: ").append(policy.n()).append('\n');
    }
    if (!policy.required().isEmpty() || !policy.preferred().isEmpty()) {
      spec.append("  affinity:\n    clusterAffinity:\n");
    }
    if (!policy.required().isEmpty()) {
      spec.append("      requiredDuringSchedulingIgnoredDuringExecution:\n");
      spec.append("        clusterSelectorTerms:\n");
      for (Term t : policy.required()) {
        spec.append("        - {");
        List<String> parts = new ArrayList<>();
        if (t.labels() != null) {
          parts.add("labelSelector: " + selector(t.labels()));
        }
        if (!t.properties().isEmpty()) {
          StringBuilder p = new StringBuilder("propertySelector: {matchExpressions: [");
          for (int i = 0; i < t.properties().size(); i++) {
            PropReq r = t.properties().get(i);
            p.append(i == 0 ? "" : ", ")
                .append("{name: ")
                .append(r.name())
                .append(", operator: ")
                .append(r.operator())
                .append(", values: [\"")
                .append(r.value())
                .append("\"]}");
          }
          parts.add(p.append("]}").toString());
        }
        spec.append(String.join(", ", parts)).append("}\n");
      }
    }
    if (!policy.preferred().isEmpty()) {
      spec.append("      preferredDuringSchedulingIgnoredDuringExecution:\n");
      for (Preferred p : policy.preferred()) {
        spec.append("      - weight: ").append(p.weight()).append("\n        preference: {");
        List<String> parts = new ArrayList<>();
        if (p.labels() != null) {
          parts.add("labelSelector: " + selector(p.labels()));
        }
        if (p.sortBy() != null) {
          parts.add("propertySorter: {name: " + p.sortBy() + ", sortOrder: " + p.sortOrder() + "}");
        }
        spec.append(String.join(", ", parts)).append("}\n");
      }
    }
    if (!policy.tolerations().isEmpty()) {
      spec.append("  tolerations:\n");
      for (Tol t : policy.tolerations()) {
        spec.append("  - {operator: ").append(t.operator());
        if (!t.key().isEmpty()) {
          spec.append(", key: ").append(t.key());
        }
        if (!t.value().isEmpty()) {
          spec.append(", value: \"").append(t.value()).append('"');
        }
        if (!t.effect().isEmpty()) {
          spec.append(", effect: ").append(t.effect());
        }
        spec.append("}\n");
      }
    }
    return KubeFleetFleet.crp(version, spec.toString());
  }
}
