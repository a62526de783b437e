package dev.flotilla.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.placement.EvaluationError;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.ScheduledCluster;
import dev.flotilla.placement.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a scheduling result ({@link PlacementDecision}) as {@code PlacementDecision} objects a
 * controller stores in Kubernetes: Flotilla's own kind, or Open Cluster Management's pages exactly
 * as OCM's scheduler writes them, so OCM add-ons and {@code ManifestWorkReplicaSet}s that list
 * decisions by placement label read them. Immutable and thread-safe.
 *
 * <pre>{@code
 * DecisionObjects pages = DecisionWriter.flotilla().ownedBy(placementUid).write(decision, selection);
 * pages.maps();   // create or update each object, then its status (the status subresource)
 * pages.names();  // delete the placement's other pages: the decision shrank
 * }</pre>
 *
 * <h2>Flotilla's {@code PlacementDecision} ({@value FlotillaKinds#API_VERSION})</h2>
 *
 * <p>An object must stay well under etcd's 1.5 MiB, and a decision may hold 100,000 clusters, so it
 * is paged: at most {@value #MAX_CLUSTERS_PER_PAGE} clusters per object (about 600 KiB with
 * 253-character cluster and group names), in decision order, in objects named {@code
 * <placement>-decision-<n>} from 1, labelled {@value #PLACEMENT_LABEL} (the placement's name) and
 * {@value #DECISION_INDEX_LABEL} ({@code n}), owned by the placement when its uid is given. A
 * decision with no cluster is one page with no decisions, so the summary always has a home.
 *
 * <pre>{@code
 * status:
 *   pages: 3                  # every page: how many pages the decision has
 *   selected: 2400            # page 1 only: the summary
 *   eligible: 3100
 *   requested: 2400           # when numberOfClusters is set
 *   shortfall: [...]          # why fewer than requested, when so
 *   nextChange: "2026-..."    # when a toleration or a score expires, when one does
 *   evaluationErrors: 2       # CEL errors met selecting (with a Selection)
 *   errors: [{cluster, path, message}]
 *   decisions:                # every page, in decision order
 *   - clusterName: store-001
 *     groupName: canary       # when the placement has decision groups:
 *     groupIndex: 0           #   the group chunk's name and index
 *     score: 200              # when prioritizers (or taint penalties) scored it
 *     wave: 0                 # when the rollout has several waves
 * }</pre>
 *
 * <h2>OCM's {@code PlacementDecision} ({@value #OCM_API_VERSION})</h2>
 *
 * <p>As OCM's scheduling controller writes them (open-cluster-management-io/ocm, {@code
 * pkg/placement/controllers/scheduling/scheduling_controller.go}, {@code generateDecision}): one
 * run of pages per decision group chunk, in group order; within a chunk the clusters sorted by name
 * (OCM sorts each group before dividing it) and cut into pages of at most {@value
 * #OCM_CLUSTERS_PER_PAGE}; pages named {@code <placement>-decision-<n>}, {@code n} counting from 1
 * over all groups; labels {@value #OCM_PLACEMENT_LABEL}, {@value #OCM_GROUP_NAME_LABEL} and {@value
 * #OCM_GROUP_INDEX_LABEL}; {@code status.decisions[]} of {@code clusterName} and {@code reason}
 * (empty, as OCM leaves it); a controller owner reference to the OCM {@code Placement} when its uid
 * is given. A decision with no cluster is one empty page of group {@code ""}, index 0, as OCM
 * writes.
 *
 * <h2>Writing them to a cluster</h2>
 *
 * <p>Both kinds keep their decisions in {@code status}, behind the status subresource: the API
 * server drops {@code status} when an object is created, so create (or update) the object, then
 * write its status ({@code UpdateStatus}, {@code kubectl replace --subresource=status}), as OCM's
 * controller does. Pages of an earlier, longer decision are deleted by the controller: list the
 * placement's pages by label and delete those not in {@link DecisionObjects#names()}.
 */
public final class DecisionWriter {
  /** Most clusters in one Flotilla {@code PlacementDecision}. */
  public static final int MAX_CLUSTERS_PER_PAGE = 1000;

  /** Most clusters in one OCM {@code PlacementDecision}, as OCM's API documents and enforces. */
  public static final int OCM_CLUSTERS_PER_PAGE = 100;

  /** The label naming the placement of a Flotilla page. */
  public static final String PLACEMENT_LABEL = "flotilla.dev/placement";

  /** The label numbering a Flotilla page, from 1. */
  public static final String DECISION_INDEX_LABEL = "flotilla.dev/decision-index";

  /** OCM's {@code PlacementDecision} API version. */
  public static final String OCM_API_VERSION = "cluster.open-cluster-management.io/v1beta1";

  /** OCM's label naming the placement ({@code clusterv1beta1.PlacementLabel}). */
  public static final String OCM_PLACEMENT_LABEL = "cluster.open-cluster-management.io/placement";

  /** OCM's label naming the decision group ({@code clusterv1beta1.DecisionGroupNameLabel}). */
  public static final String OCM_GROUP_NAME_LABEL =
      "cluster.open-cluster-management.io/decision-group-name";

  /** OCM's label numbering the decision group ({@code clusterv1beta1.DecisionGroupIndexLabel}). */
  public static final String OCM_GROUP_INDEX_LABEL =
      "cluster.open-cluster-management.io/decision-group-index";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_LABEL_VALUE = 63;

  private final boolean ocm;
  private final int clustersPerPage;
  private final Optional<String> ownerUid;

  private DecisionWriter(boolean ocm, int clustersPerPage, Optional<String> ownerUid) {
    this.ocm = ocm;
    this.clustersPerPage = clustersPerPage;
    this.ownerUid = ownerUid;
  }

  /** Flotilla's own {@code PlacementDecision} pages, {@value #MAX_CLUSTERS_PER_PAGE} per page. */
  public static DecisionWriter flotilla() {
    return new DecisionWriter(false, MAX_CLUSTERS_PER_PAGE, Optional.empty());
  }

  /** OCM's {@code PlacementDecision} pages, {@value #OCM_CLUSTERS_PER_PAGE} per page. */
  public static DecisionWriter ocm() {
    return new DecisionWriter(true, OCM_CLUSTERS_PER_PAGE, Optional.empty());
  }

  /**
   * The same writer, with pages owned by the placement of this uid (a controller owner reference,
   * so Kubernetes' garbage collector deletes the pages with the placement).
   *
   * @throws IllegalArgumentException when {@code uid} is empty
   */
  public DecisionWriter ownedBy(String placementUid) {
    Objects.requireNonNull(placementUid, "placementUid");
    if (placementUid.isEmpty()) {
      throw new IllegalArgumentException("placementUid: must not be empty");
    }
    return new DecisionWriter(ocm, clustersPerPage, Optional.of(placementUid));
  }

  /**
   * The same writer with smaller pages (to keep objects small when names are long, or for tests).
   *
   * @throws IllegalArgumentException unless {@code clusters} is between 1 and the kind's maximum
   */
  public DecisionWriter clustersPerPage(int clusters) {
    int max = ocm ? OCM_CLUSTERS_PER_PAGE : MAX_CLUSTERS_PER_PAGE;
    if (clusters < 1 || clusters > max) {
      throw new IllegalArgumentException(
          "clustersPerPage: must be between 1 and " + max + ", got " + clusters);
    }
    return new DecisionWriter(ocm, clusters, ownerUid);
  }

  /**
   * The pages of {@code decision}, without selection errors.
   *
   * @throws ValidationException when the placement's name (or, for OCM, a group's name) is longer
   *     than a label value may be (63 characters)
   */
  public DecisionObjects write(PlacementDecision decision) {
    return write(decision, Optional.empty());
  }

  /**
   * The pages of {@code decision}; a Flotilla first page also counts the CEL errors {@code
   * selection} met (with up to {@link Selection#MAX_EXAMPLES} of them). OCM pages have no place for
   * them.
   *
   * @throws ValidationException when the placement's name (or, for OCM, a group's name) is longer
   *     than a label value may be (63 characters)
   */
  public DecisionObjects write(PlacementDecision decision, Selection selection) {
    return write(decision, Optional.of(selection));
  }

  private DecisionObjects write(PlacementDecision decision, Optional<Selection> selection) {
    Objects.requireNonNull(decision, "decision");
    checkLabelValue("placement", decision.placement());
    if (ocm) {
      for (int i = 0; i < decision.groups().size(); i++) {
        checkLabelValue("groups[" + i + "].groupName", decision.groups().get(i).groupName());
      }
    }
    return new DecisionObjects(ocm ? ocmPages(decision) : flotillaPages(decision, selection));
  }

  /**
   * The placement's name (and OCM's group names) become label values, which Kubernetes limits to 63
   * characters; a longer DNS-1123 name would make the API server reject every page.
   */
  private static void checkLabelValue(String path, String value) {
    if (value.length() > MAX_LABEL_VALUE) {
      throw ValidationException.at(
          path,
          "Too long: \""
              + value
              + "\": must have at most "
              + MAX_LABEL_VALUE
              + " characters to be a label value of the PlacementDecision pages");
    }
  }

  private List<ObjectNode> flotillaPages(
      PlacementDecision decision, Optional<Selection> selection) {
    List<ScheduledCluster> clusters = decision.clusters();
    int pages = Math.max(1, (clusters.size() + clustersPerPage - 1) / clustersPerPage);
    boolean grouped =
        decision.groups().size() > 1
            || (decision.groups().size() == 1 && !decision.groups().get(0).groupName().isEmpty());
    boolean waves = decision.waves().size() > 1;
    List<ObjectNode> out = new ArrayList<>(pages);
    for (int page = 1; page <= pages; page++) {
      ObjectNode object = header(FlotillaKinds.API_VERSION, decision, page);
      ObjectNode labels = ((ObjectNode) object.get("metadata")).putObject("labels");
      labels.put(PLACEMENT_LABEL, decision.placement());
      labels.put(DECISION_INDEX_LABEL, Integer.toString(page));
      owner(object, FlotillaKinds.API_VERSION, decision.placement());
      ObjectNode status = object.putObject("status");
      status.put("pages", pages);
      if (page == 1) {
        summary(status, decision, selection);
      }
      ArrayNode decisions = status.putArray("decisions");
      int from = (page - 1) * clustersPerPage;
      for (ScheduledCluster cluster :
          clusters.subList(from, Math.min(clusters.size(), from + clustersPerPage))) {
        ObjectNode entry = decisions.addObject();
        entry.put("clusterName", cluster.name());
        if (grouped) {
          PlacementDecision.Group group = decision.groups().get(cluster.group());
          if (!group.groupName().isEmpty()) {
            entry.put("groupName", group.groupName());
          }
          entry.put("groupIndex", group.groupIndex());
        }
        if (!cluster.breakdown().isEmpty()) {
          entry.put("score", cluster.score());
        }
        if (waves) {
          entry.put("wave", cluster.wave());
        }
      }
      out.add(object);
    }
    return out;
  }

  private static void summary(
      ObjectNode status, PlacementDecision decision, Optional<Selection> selection) {
    status.put("selected", decision.clusters().size());
    status.put("eligible", decision.eligible());
    decision.requested().ifPresent(n -> status.put("requested", n));
    if (!decision.shortfall().isEmpty()) {
      ArrayNode shortfall = status.putArray("shortfall");
      decision.shortfall().forEach(shortfall::add);
    }
    decision.nextChange().ifPresent(at -> status.put("nextChange", at.toString()));
    if (selection.isPresent()) {
      status.put("evaluationErrors", selection.get().errorCount());
      if (!selection.get().errors().isEmpty()) {
        ArrayNode errors = status.putArray("errors");
        for (EvaluationError error : selection.get().errors()) {
          errors
              .addObject()
              .put("cluster", error.cluster())
              .put("path", error.path())
              .put("message", error.message());
        }
      }
    }
  }

  private List<ObjectNode> ocmPages(PlacementDecision decision) {
    List<PlacementDecision.Group> groups = decision.groups();
    if (groups.isEmpty()) {
      // OCM writes one empty group, so there is always a decision object to watch.
      groups = List.of(new PlacementDecision.Group("", 0, List.of()));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (PlacementDecision.Group group : groups) {
      List<String> names = group.clusters().stream().sorted().toList();
      int from = 0;
      do {
        List<String> slice = names.subList(from, Math.min(names.size(), from + clustersPerPage));
        ObjectNode object = header(OCM_API_VERSION, decision, out.size() + 1);
        // Go marshals a map's keys sorted, so OCM's objects list the labels in this order.
        ((ObjectNode) object.get("metadata"))
            .putObject("labels")
            .put(OCM_GROUP_INDEX_LABEL, Integer.toString(group.groupIndex()))
            .put(OCM_GROUP_NAME_LABEL, group.groupName())
            .put(OCM_PLACEMENT_LABEL, decision.placement());
        owner(object, OCM_API_VERSION, decision.placement());
        ArrayNode decisions = object.putObject("status").putArray("decisions");
        for (String name : slice) {
          decisions.addObject().put("clusterName", name).put("reason", "");
        }
        out.add(object);
        from += clustersPerPage;
      } while (from < names.size());
    }
    return out;
  }

  private static ObjectNode header(String apiVersion, PlacementDecision decision, int page) {
    ObjectNode object = JSON.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", FlotillaKinds.PLACEMENT_DECISION);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", decision.placement() + "-decision-" + page);
    metadata.put("namespace", decision.namespace());
    return object;
  }

  /** A controller reference, as Kubernetes' {@code metav1.NewControllerRef} builds it. */
  private void owner(ObjectNode object, String apiVersion, String placement) {
    ownerUid.ifPresent(
        uid ->
            ((ObjectNode) object.get("metadata"))
                .putArray("ownerReferences")
                .addObject()
                .put("apiVersion", apiVersion)
                .put("kind", FlotillaKinds.PLACEMENT)
                .put("name", placement)
                .put("uid", uid)
                .put("controller", true)
                .put("blockOwnerDeletion", true));
  }
}
