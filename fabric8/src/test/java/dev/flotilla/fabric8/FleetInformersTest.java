package dev.flotilla.fabric8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.kubernetes.FleetChange;
import dev.flotilla.kubernetes.LiveFleet;
import dev.flotilla.kubernetes.ObjectProblem;
import dev.flotilla.placement.DecisionDelta;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A live fleet follows ManagedCluster objects on an API server (fabric8's mock, CRUD mode). */
@EnableKubernetesMockClient(crud = true, https = false)
class FleetInformersTest {
  KubernetesClient client;

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      managedClusters() {
    return client.genericKubernetesResources(ClusterKind.OCM_MANAGED_CLUSTER.context());
  }

  static GenericKubernetesResource managedCluster(String name, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(ClusterKind.OCM_MANAGED_CLUSTER.apiVersion())
        .withKind("ManagedCluster")
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("hubAcceptsClient", true))
        .addToAdditionalProperties(
            "status",
            Map.of(
                "clusterClaims",
                List.of(Map.of("name", "platform.open-cluster-management.io", "value", "AWS"))))
        .build();
  }

  @Test
  void theFleetFollowsManagedClustersCreatedUpdatedAndDeleted() throws Exception {
    managedClusters().resource(managedCluster("edge-1", Map.of("env", "prod"))).create();
    managedClusters().resource(managedCluster("edge-2", Map.of("env", "dev"))).create();
    List<FleetChange> changes = new CopyOnWriteArrayList<>();
    List<ObjectProblem> problems = new CopyOnWriteArrayList<>();
    try (LiveFleet<Map<String, ?>> fleet =
        LiveFleet.forObjects()
            .listener(changes::add)
            .problems(problems::add)
            .batching(Duration.ofMillis(20), 1_000)
            .build()) {
      fleet.placements(
          List.of(
              new Placement(
                  "prod",
                  "apps",
                  PlacementSpec.selecting(ClusterSelectorTerm.labels("env=prod")))));
      SharedIndexInformer<GenericKubernetesResource> informer =
          FleetInformers.inform(client, ClusterKind.OCM_MANAGED_CLUSTER, fleet, Duration.ZERO);
      LiveFleet<Map<String, ?>> prodOnly = LiveFleet.forObjects().manualFlush().build();
      SharedIndexInformer<GenericKubernetesResource> selective =
          FleetInformers.inform(
              client, ClusterKind.OCM_MANAGED_CLUSTER, "env=prod", prodOnly, Duration.ZERO);
      try {
        FleetInformers.awaitSynced(informer, fleet);
        FleetInformers.awaitSynced(selective, prodOnly);
        assertEquals(List.of("edge-1"), prodOnly.inventory().all().names());
        assertEquals(List.of("edge-1", "edge-2"), fleet.inventory().all().names());
        assertEquals(List.of("edge-1"), fleet.snapshot().selected("apps", "prod").names());
        assertEquals(
            "AWS",
            fleet
                .inventory()
                .property("edge-1", "platform.open-cluster-management.io")
                .orElseThrow(),
            "claims are properties: the standard mapping reads status from the map");

        managedClusters().withName("edge-2").edit(r -> relabel(r, Map.of("env", "prod")));
        await(() -> fleet.snapshot().selected("apps", "prod").size() == 2);
        assertTrue(
            changes.stream()
                .flatMap(c -> c.deltas().stream())
                .anyMatch(
                    d -> d.equals(new DecisionDelta("apps/prod", List.of("edge-2"), List.of()))));

        managedClusters().resource(managedCluster("edge-3", Map.of("env", "prod"))).create();
        managedClusters().withName("edge-1").delete();
        await(() -> fleet.inventory().contains("edge-3") && !fleet.inventory().contains("edge-1"));
        assertEquals(
            List.of("edge-2", "edge-3"), fleet.snapshot().selected("apps", "prod").names());

        // A label the fleet cannot take: reported by name and field path, the rest goes on.
        managedClusters().withName("edge-3").edit(r -> relabel(r, Map.of("env", "not valid!")));
        managedClusters().resource(managedCluster("edge-4", Map.of("env", "dev"))).create();
        await(() -> fleet.inventory().contains("edge-4") && !problems.isEmpty());
        assertEquals("edge-3", problems.get(0).object());
        assertEquals("metadata.labels[env]", problems.get(0).problems().get(0).path());
        assertEquals("prod", fleet.inventory().label("edge-3", "env").orElseThrow());
        assertTrue(informer.isRunning());

        // An informer with a label selector: objects relabelled out of it leave its fleet.
        await(
            () -> {
              prodOnly.flush();
              return prodOnly.inventory().all().names().equals(List.of("edge-2"));
            });
      } finally {
        informer.stop();
        selective.stop();
      }
    }
  }

  private static GenericKubernetesResource relabel(
      GenericKubernetesResource resource, Map<String, String> labels) {
    resource.getMetadata().setLabels(labels);
    return resource;
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
