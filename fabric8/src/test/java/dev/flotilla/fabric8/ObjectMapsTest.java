package dev.flotilla.fabric8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.kube.ClusterObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMapsTest {
  @Test
  void aResourceIsSeenAsItsJsonMapWithoutSerializing() {
    GenericKubernetesResource resource =
        FleetInformersTest.managedCluster("edge-1", Map.of("env", "prod"));
    Map<String, Object> map = ObjectMaps.asMap(resource);
    assertEquals("ManagedCluster", map.get("kind"));
    assertEquals(
        Map.of("name", "edge-1", "labels", Map.of("env", "prod")),
        map.get("metadata"),
        "empty fields are left out, as fabric8 leaves them out of JSON");
    assertSame(resource.getAdditionalProperties().get("status"), map.get("status"), "shared");
    assertThrows(UnsupportedOperationException.class, () -> map.put("spec", Map.of()));
  }

  @Test
  void theStandardMappingReadsTheMap() {
    GenericKubernetesResource resource =
        FleetInformersTest.managedCluster("edge-1", Map.of("env", "prod"));
    Cluster cluster = ClusterObjects.standard().toCluster(ObjectMaps.asMap(resource));
    assertEquals("edge-1", cluster.name());
    assertEquals(Map.of("env", "prod"), cluster.labels());
    assertEquals("AWS", cluster.properties().get("platform.open-cluster-management.io"));
  }

  @Test
  void ownerReferencesAreMapsToo() {
    GenericKubernetesResource resource = FleetInformersTest.managedCluster("edge-1", Map.of());
    resource
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion("v1")
                    .withKind("Namespace")
                    .withName("fleet")
                    .withUid("u-1")
                    .build()));
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) ObjectMaps.asMap(resource).get("metadata");
    assertEquals(
        List.of(Map.of("apiVersion", "v1", "kind", "Namespace", "name", "fleet", "uid", "u-1")),
        metadata.get("ownerReferences"));
  }
}
