package dev.flotilla.api.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.InventoryReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The three ways in (a {@code Map}, a {@code JsonNode}, a file read by {@link InventoryReader}) are
 * one mapping: over generated peer objects, valid or not, they give the same cluster or the same
 * problems.
 */
class ClusterObjectsProperties {
  private static final long SEED = 20261128L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ClusterObjects OBJECTS = ClusterObjects.standard();

  private static final List<String> KINDS =
      List.of(
          "cluster.open-cluster-management.io/v1 ManagedCluster",
          "cluster.karmada.io/v1alpha1 Cluster",
          "cluster.kubernetes-fleet.io/v1beta1 MemberCluster",
          "cluster.kubernetes-fleet.io/v1 InternalMemberCluster",
          "flotilla.dev/v1alpha1 Cluster",
          "example.com/v1 Other");
  private static final List<String> NAMES =
      List.of("c1", "store-0001", "a.b.c", "Bad_Name", "x".repeat(64));
  private static final List<String> KEYS =
      List.of(
          "env",
          "kubernetes-fleet.io/node-count",
          "kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count",
          "kubeversion.open-cluster-management.io",
          ("a".repeat(63) + ".").repeat(3) + "b".repeat(61),
          "bad key!",
          "cpu",
          "nvidia.com/gpu");
  private static final List<String> EFFECTS =
      List.of("NoSelect", "PreferNoSelect", "NoSelectIfNew", "NoSchedule", "PreferNoSchedule", "");
  private static final List<String> STATUSES = List.of("True", "False", "Unknown", "Maybe");

  @Test
  void mapJsonNodeAndFileGiveTheSameClusterOrTheSameProblems() {
    qt().withFixedSeed(SEED)
        .withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Map<String, Object> object = object(new Random(seed));
              JsonNode node = JSON.valueToTree(object);
              Object fromMap = outcome(() -> OBJECTS.toCluster(object));
              Object fromJson = outcome(() -> OBJECTS.toCluster(node));
              assertEquals(fromMap, fromJson, object.toString());
              if (fromMap instanceof Cluster cluster) {
                assertEquals(cluster, fromFile(object), object.toString());
              }
            });
  }

  /** The cluster, or the problems as text. */
  private static Object outcome(java.util.function.Supplier<Cluster> mapping) {
    try {
      return mapping.get();
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  private static Cluster fromFile(Map<String, Object> object) {
    try {
      String text =
          YAML.writeValueAsString(
              Map.of("apiVersion", "v1", "kind", "List", "items", List.of(object)));
      List<Cluster> clusters = InventoryReader.read("list.yaml", text);
      assertEquals(1, clusters.size());
      assertNotNull(clusters.get(0));
      return clusters.get(0);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** A scalar as Kubernetes objects hold them, or now and then as a number or boolean. */
  private static Object scalar(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> random.nextInt(100);
      case 1 -> (long) random.nextInt(1_000_000) * 1_000_000L;
      case 2 -> random.nextInt(40) / 4.0;
      case 3 -> random.nextBoolean();
      case 4 -> "64Gi";
      case 5 -> "v1.31." + random.nextInt(9);
      default -> pick(random, List.of("AWS", "us-west-2", "16", "", "500m"));
    };
  }

  private static Map<String, Object> scalars(Random random, boolean stringsOnly) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      out.put(pick(random, KEYS), stringsOnly && random.nextInt(8) > 0 ? "v" + i : scalar(random));
    }
    return out;
  }

  private static List<Object> taints(Random random) {
    List<Object> out = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Map<String, Object> taint = new LinkedHashMap<>();
      taint.put("key", pick(random, List.of("dedicated", "maintenance", "example.com/t")));
      if (random.nextBoolean()) {
        taint.put("value", pick(random, List.of("gpu", "", "bad value!")));
      }
      String effect = pick(random, EFFECTS);
      if (!effect.isEmpty()) {
        taint.put("effect", effect);
      }
      if (random.nextInt(4) == 0) {
        taint.put("timeAdded", pick(random, List.of("2026-01-01T00:00:00Z", "yesterday")));
      }
      out.add(taint);
    }
    return out;
  }

  private static List<Object> conditions(Random random, String type) {
    List<Object> out = new ArrayList<>();
    if (random.nextInt(4) > 0) {
      out.add(Map.of("type", type, "status", pick(random, STATUSES)));
    }
    return out;
  }

  static Map<String, Object> object(Random random) {
    String[] kind = pick(random, KINDS).split(" ");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", kind[0]);
    object.put("kind", kind[1]);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (random.nextInt(10) > 0) {
      metadata.put("name", pick(random, NAMES));
    }
    metadata.put("labels", scalars(random, true));
    if (random.nextBoolean()) {
      metadata.put("annotations", scalars(random, true));
    }
    object.put("metadata", metadata);
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> status = new LinkedHashMap<>();
    switch (kind[1]) {
      case "ManagedCluster" -> {
        spec.put("taints", taints(random));
        status.put("allocatable", scalars(random, false));
        status.put("capacity", scalars(random, false));
        List<Object> claims = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          claims.add(Map.of("name", pick(random, KEYS), "value", scalar(random)));
        }
        status.put("clusterClaims", claims);
        status.put("version", Map.of("kubernetes", "v1.30." + random.nextInt(5)));
        status.put("conditions", conditions(random, "ManagedClusterConditionAvailable"));
      }
      case "MemberCluster", "InternalMemberCluster" -> {
        spec.put("taints", taints(random));
        Map<String, Object> properties = new LinkedHashMap<>();
        scalars(random, false)
            .forEach(
                (name, value) ->
                    properties.put(
                        name, Map.of("value", value, "observationTime", "2026-11-28T07:00:00Z")));
        status.put("properties", properties);
        status.put(
            "resourceUsage",
            Map.of("capacity", scalars(random, false), "available", scalars(random, false)));
        status.put("conditions", conditions(random, "Joined"));
        status.put(
            "agentStatus",
            List.of(Map.of("type", "MemberAgent", "conditions", conditions(random, "Joined"))));
      }
      case "Cluster" -> {
        if (kind[0].startsWith("flotilla.dev")) {
          object.put("properties", scalars(random, false));
          object.put("taints", taints(random));
          if (random.nextInt(5) == 0) {
            object.put("unknownField", 1);
          }
          return object;
        }
        spec.put("provider", "aws");
        spec.put("zones", List.of("a", "b").subList(0, random.nextInt(3)));
        spec.put("taints", taints(random));
        status.put("kubernetesVersion", "v1.31.2");
        status.put("resourceSummary", Map.of("allocatable", scalars(random, false)));
        status.put("conditions", conditions(random, "Ready"));
      }
      default -> spec.put("whatever", scalars(random, false));
    }
    object.put("spec", spec);
    object.put("status", status);
    return object;
  }
}
