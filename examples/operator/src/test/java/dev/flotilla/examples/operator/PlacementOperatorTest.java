package dev.flotilla.examples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.fabric8.ClusterKind;
import dev.flotilla.kubernetes.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The operator against an API server (fabric8's mock in CRUD mode: real HTTP, real watches):
 * ManagedClusters and Placements in, PlacementDecisions and Placement status out.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PlacementOperatorTest {
  KubernetesClient client;

  @Test
  void decisionsFollowPlacementsAndClusters() throws Exception {
    cluster("edge-1", Map.of("env", "prod"), List.of());
    cluster("edge-2", Map.of("env", "prod"), List.of());
    cluster("edge-3", Map.of("env", "dev"), List.of());
    try (PlacementOperator operator = new PlacementOperator(client)) {
      operator.start();
      assertEquals(3, operator.fleet().inventory().size());

      placements()
          .resource(placement("web", Map.of("matchLabels", Map.of("env", "prod"))))
          .create();
      awaitDecision("web", List.of("edge-1", "edge-2"));
      Map<String, ?> valid =
          await(() -> condition("web", "Valid"), c -> c.isPresent()).orElseThrow();
      assertEquals("True", valid.get("status"));
      assertEquals("True", condition("web", "Ready").orElseThrow().get("status"));
      assertEquals(List.of(), undeclared("Placement", placements().withName("web").get()));
      assertEquals(List.of(), undeclared("PlacementDecision", decisionPages("web").get(0)));

      // Relabel: a cluster joins the selection.
      clusters().withName("edge-3").edit(r -> labelled(r, Map.of("env", "prod")));
      awaitDecision("web", List.of("edge-1", "edge-2", "edge-3"));

      // Taint: selected still, but no longer eligible.
      clusters()
          .withName("edge-1")
          .edit(
              r -> {
                r.getAdditionalProperties()
                    .put(
                        "spec",
                        Map.of(
                            "hubAcceptsClient",
                            true,
                            "taints",
                            List.of(Map.of("key", "maintenance", "effect", "NoSelect"))));
                return r;
              });
      awaitDecision("web", List.of("edge-2", "edge-3"));

      // Delete: gone from the decision.
      clusters().withName("edge-2").delete();
      awaitDecision("web", List.of("edge-3"));

      // A malformed placement: a condition naming the field, no decision, no crash loop.
      placements()
          .resource(
              placement(
                  "broken",
                  Map.of(
                      "matchExpressions",
                      List.of(Map.of("key", "env", "operator", "in", "values", List.of("prod"))))))
          .create();
      Map<String, ?> invalid =
          await(() -> condition("broken", "Valid"), c -> c.isPresent()).orElseThrow();
      assertEquals("False", invalid.get("status"));
      assertEquals("InvalidSpec", invalid.get("reason"));
      String message = (String) invalid.get("message");
      assertTrue(
          message.contains("spec.clusterSelectors[0].labelSelector.matchExpressions[0].operator"),
          message);
      assertEquals(List.of(), decisionPages("broken"));

      // Fixed, it is decided like any other.
      placements()
          .withName("broken")
          .edit(
              r -> {
                r.getAdditionalProperties()
                    .put("spec", spec(Map.of("matchLabels", Map.of("env", "prod"))));
                return r;
              });
      awaitDecision("broken", List.of("edge-3"));
      await(
          () -> condition("broken", "Valid"),
          c -> c.map(m -> "True".equals(m.get("status"))).orElse(false));

      // The placement deleted: its decision goes too.
      placements().withName("web").delete();
      await(() -> decisionPages("web"), List::isEmpty);
    }
  }

  // ---- objects ----

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      clusters() {
    return client.genericKubernetesResources(ClusterKind.OCM_MANAGED_CLUSTER.context());
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      placements() {
    return client.genericKubernetesResources(PlacementResources.PLACEMENTS).inNamespace("apps");
  }

  private void cluster(String name, Map<String, String> labels, List<Map<String, String>> taints) {
    clusters()
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(ClusterKind.OCM_MANAGED_CLUSTER.apiVersion())
                .withKind("ManagedCluster")
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .addToAdditionalProperties(
                    "spec", Map.of("hubAcceptsClient", true, "taints", taints))
                .addToAdditionalProperties(
                    "status",
                    Map.of(
                        "conditions",
                        List.of(
                            Map.of(
                                "type", "ManagedClusterConditionAvailable",
                                "status", "True",
                                "reason", "ManagedClusterAvailable",
                                "message", "Managed cluster is available",
                                "lastTransitionTime", "2026-11-28T08:00:00Z"))))
                .build())
        .create();
  }

  private static GenericKubernetesResource labelled(
      GenericKubernetesResource resource, Map<String, String> labels) {
    resource.getMetadata().setLabels(labels);
    return resource;
  }

  private static Map<String, Object> spec(Map<String, Object> labelSelector) {
    return Map.of("clusterSelectors", List.of(Map.of("labelSelector", labelSelector)));
  }

  private static GenericKubernetesResource placement(
      String name, Map<String, Object> labelSelector) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("flotilla.dev/v1alpha1")
        .withKind("Placement")
        .withNewMetadata()
        .withName(name)
        .withNamespace("apps")
        .endMetadata()
        .addToAdditionalProperties("spec", spec(labelSelector))
        .build();
  }

  // ---- reading results ----

  /**
   * The status fields of {@code resource} that its CRD does not declare: what a real API server
   * would prune (the mock server keeps everything).
   */
  private static List<String> undeclared(String kind, GenericKubernetesResource resource) {
    JsonNode schema =
        CustomResourceDefinitions.tree(kind)
            .path("spec")
            .path("versions")
            .path(0)
            .path("schema")
            .path("openAPIV3Schema")
            .path("properties")
            .path("status");
    List<String> out = new ArrayList<>();
    undeclared(schema, resource.getAdditionalProperties().get("status"), "status", out);
    return out;
  }

  private static void undeclared(JsonNode schema, Object value, String path, List<String> out) {
    if (value instanceof Map<?, ?> map
        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      for (Map.Entry<?, ?> field : map.entrySet()) {
        String key = String.valueOf(field.getKey());
        JsonNode declared = schema.path("properties").path(key);
        if (declared.isMissingNode()) {
          out.add(path + "." + key);
        } else {
          undeclared(declared, field.getValue(), path + "." + key, out);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        undeclared(schema.path("items"), list.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private List<GenericKubernetesResource> decisionPages(String placement) {
    return client
        .genericKubernetesResources(PlacementResources.DECISIONS)
        .inNamespace("apps")
        .withLabel("flotilla.dev/placement", placement)
        .list()
        .getItems();
  }

  @SuppressWarnings("unchecked")
  private List<String> decided(String placement) {
    List<String> out = new ArrayList<>();
    for (GenericKubernetesResource page : decisionPages(placement)) {
      Map<String, Object> status =
          (Map<String, Object>) page.getAdditionalProperties().get("status");
      if (status == null) {
        continue;
      }
      for (Map<String, Object> decision : (List<Map<String, Object>>) status.get("decisions")) {
        out.add((String) decision.get("clusterName"));
      }
    }
    out.sort(null);
    return out;
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, ?>> condition(String placement, String type) {
    GenericKubernetesResource resource = placements().withName(placement).get();
    if (resource == null
        || !(resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return Optional.empty();
    }
    for (Map<String, ?> condition : (List<Map<String, ?>>) status.get("conditions")) {
      if (type.equals(condition.get("type"))) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  private void awaitDecision(String placement, List<String> clusters) throws InterruptedException {
    try {
      await(() -> decided(placement), clusters::equals);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nplacement: "
              + placements().withName(placement).get()
              + "\npages: "
              + decisionPages(placement),
          e);
    }
  }

  private static <T> T await(Supplier<T> value, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    T last = value.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s; last seen: " + last);
      }
      Thread.sleep(100);
      last = value.get();
    }
    return last;
  }
}
