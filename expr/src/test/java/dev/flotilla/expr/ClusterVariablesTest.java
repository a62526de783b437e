package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flotilla.api.Cluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterVariablesTest {
  private static final Cluster CLUSTER =
      new Cluster(
          "edge-1", Map.of("env", "prod"), Map.of("note", "x"), Map.of("cpu", "16"), List.of());

  @Test
  void reusesTheRecordsMapsWithoutCopying() {
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) ClusterVariables.of(CLUSTER).get("cluster");
    assertSame(CLUSTER.labels(), value.get("labels"));
    assertSame(CLUSTER.annotations(), value.get("annotations"));
    assertSame(CLUSTER.properties(), value.get("properties"));
    assertEquals("edge-1", value.get("name"));
  }
}
