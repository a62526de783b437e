package dev.flotilla.api.io;

import static dev.flotilla.api.io.PlacementTrees.FACTORY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.placement.AffinityGroup;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.ReplicaDivision;
import dev.flotilla.api.placement.ReplicaScheduling;
import dev.flotilla.api.placement.ReplicaSchedulingType;
import dev.flotilla.api.placement.StaticWeight;

/**
 * Writes a spec's {@code affinityGroups} and {@code replicaScheduling}, as the reader reads them.
 */
final class ReplicaSchedulingTrees {
  private ReplicaSchedulingTrees() {}

  static void write(PlacementSpec spec, ObjectNode out) {
    if (!spec.affinityGroups().isEmpty()) {
      ArrayNode list = out.putArray("affinityGroups");
      for (int i = 0; i < spec.affinityGroups().size(); i++) {
        AffinityGroup group = spec.affinityGroups().get(i);
        ObjectNode node = list.addObject();
        node.put("name", group.name());
        if (!group.clusterSelectors().isEmpty()) {
          ArrayNode terms = node.putArray("clusterSelectors");
          for (int t = 0; t < group.clusterSelectors().size(); t++) {
            terms.add(
                PlacementTrees.term(
                    group.clusterSelectors().get(t),
                    "affinityGroups[" + i + "].clusterSelectors[" + t + "]"));
          }
        }
        PlacementTrees.strings(node, "clusterNames", group.clusterNames());
        PlacementTrees.strings(node, "excludeClusterNames", group.excludeClusterNames());
      }
    }
    spec.replicaScheduling().ifPresent(r -> out.set("replicaScheduling", scheduling(r)));
  }

  private static ObjectNode scheduling(ReplicaScheduling r) {
    ObjectNode out = FACTORY.objectNode();
    out.put("type", r.type().name());
    if (r.type() == ReplicaSchedulingType.Divided
        || r.division() != ReplicaDivision.Weighted
        || !r.staticWeights().isEmpty()
        || r.dynamicWeight()) {
      out.put("division", r.division().name());
      if (!r.staticWeights().isEmpty()) {
        ArrayNode list = out.putArray("staticWeights");
        for (int i = 0; i < r.staticWeights().size(); i++) {
          StaticWeight w = r.staticWeights().get(i);
          ObjectNode node = list.addObject();
          node.set(
              "clusterSelector",
              PlacementTrees.term(
                  w.clusterSelector(),
                  "replicaScheduling.staticWeights[" + i + "].clusterSelector"));
          PlacementTrees.strings(node, "clusterNames", w.clusterNames());
          PlacementTrees.strings(node, "excludeClusterNames", w.excludeClusterNames());
          node.put("weight", w.weight());
        }
      }
      if (r.dynamicWeight()) {
        out.put("dynamicWeight", "AvailableReplicas");
      }
    }
    r.minClusters().ifPresent(n -> out.put("minClusters", n));
    r.maxClusters().ifPresent(n -> out.put("maxClusters", n));
    return out;
  }
}
