package dev.flotilla.examples.operator;

import dev.flotilla.kubernetes.FlotillaKinds;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.ScheduledCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision as Flotilla {@code PlacementDecision} objects (maps, in page order). A minimal writer
 * of one page, in the shape of {@code crds/flotilla.dev_placementdecisions.yaml}, until the
 * kubernetes module's decision writer is used.
 */
final class DecisionPages {
  static final String PLACEMENT_LABEL = "flotilla.dev/placement";
  static final String DECISION_INDEX_LABEL = "flotilla.dev/decision-index";

  private DecisionPages() {}

  static List<Map<String, Object>> pages(PlacementDecision decision, String placementUid) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", decision.placement() + "-decision-1");
    metadata.put("namespace", decision.namespace());
    metadata.put(
        "labels", Map.of(PLACEMENT_LABEL, decision.placement(), DECISION_INDEX_LABEL, "1"));
    if (placementUid != null && !placementUid.isEmpty()) {
      Map<String, Object> owner = new LinkedHashMap<>();
      owner.put("apiVersion", FlotillaKinds.API_VERSION);
      owner.put("kind", FlotillaKinds.PLACEMENT);
      owner.put("name", decision.placement());
      owner.put("uid", placementUid);
      owner.put("controller", true);
      owner.put("blockOwnerDeletion", true);
      metadata.put("ownerReferences", List.of(owner));
    }
    List<Map<String, Object>> decisions = new ArrayList<>();
    for (ScheduledCluster cluster : decision.clusters()) {
      decisions.add(Map.of("clusterName", cluster.name()));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("pages", 1);
    status.put("selected", decision.clusters().size());
    status.put("eligible", decision.eligible());
    decision.requested().ifPresent(n -> status.put("requested", n));
    if (!decision.shortfall().isEmpty()) {
      status.put("shortfall", decision.shortfall());
    }
    decision.nextChange().ifPresent(t -> status.put("nextChange", t.toString()));
    status.put("decisions", decisions);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("apiVersion", FlotillaKinds.API_VERSION);
    page.put("kind", FlotillaKinds.PLACEMENT_DECISION);
    page.put("metadata", metadata);
    page.put("status", status);
    return List.of(page);
  }
}
