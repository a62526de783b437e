package dev.flotilla.examples.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.DecisionReader;
import dev.flotilla.api.kube.ClusterObjects;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.examples.operator.PlacementResources.Condition;
import dev.flotilla.fabric8.ClusterKind;
import dev.flotilla.fabric8.FleetInformers;
import dev.flotilla.fabric8.ObjectMaps;
import dev.flotilla.kubernetes.DecisionWriter;
import dev.flotilla.kubernetes.FleetChange;
import dev.flotilla.kubernetes.LiveFleet;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.DecisionDelta;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.placement.Selection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reconciles {@code flotilla.dev/v1alpha1} {@code Placement} resources into {@code
 * PlacementDecision} resources, and re-decides as the fleet's cluster objects change.
 *
 * <p>Three parts, each on plain fabric8 informers: the cluster objects ({@code ManagedCluster} by
 * default) feed a {@link LiveFleet}; Placement events put the placement's key on a {@link
 * WorkQueue}; and each batch the fleet applies puts on the queue the placements it can change (a
 * selection delta, or a change to a selected cluster such as a taint). One worker reconciles a key
 * at a time: read the Placement (a bad one gets status condition {@code Valid=False} naming the
 * field, and is not retried until it changes), schedule it over the live inventory keeping the
 * previous decision's clusters where they are still eligible, write the decision pages when they
 * differ, and write the Placement's status when it differs.
 */
public final class PlacementOperator implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PlacementOperator.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final KubernetesClient client;
  private final ClusterKind clusterKind;
  private final Clock clock;
  private final LiveFleet<Map<String, ?>> fleet;
  private final WorkQueue queue = new WorkQueue(this::reconcile);
  // Touched by the worker thread only.
  private final Map<String, Registered> registered = new LinkedHashMap<>();
  private SharedIndexInformer<GenericKubernetesResource> clusterInformer;
  private SharedIndexInformer<GenericKubernetesResource> placementInformer;

  private record Registered(Placement placement, Scheduler scheduler) {}

  /** An operator for OCM {@code ManagedCluster}s, on the system clock. */
  public PlacementOperator(KubernetesClient client) {
    this(
        client,
        ClusterKind.OCM_MANAGED_CLUSTER,
        ClusterObjects.standard()::toCluster,
        Clock.systemUTC());
  }

  /**
   * An operator for the cluster objects of {@code clusterKind}, mapped by {@code mapping}.
   *
   * @param clock the time scheduling sees (tolerations with {@code tolerationSeconds})
   */
  public PlacementOperator(
      KubernetesClient client,
      ClusterKind clusterKind,
      Function<? super Map<String, ?>, Cluster> mapping,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clusterKind = Objects.requireNonNull(clusterKind, "clusterKind");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fleet =
        LiveFleet.forObjects(mapping)
            .listener(this::onFleetChange)
            .problems(p -> LOG.log(System.Logger.Level.WARNING, "cluster object rejected: {0}", p))
            .batching(Duration.ofMillis(50), 10_000)
            .build();
  }

  /** The live fleet the operator decides over. */
  public LiveFleet<Map<String, ?>> fleet() {
    return fleet;
  }

  /** Starts the informers; returns once both have listed their objects. */
  public void start() {
    clusterInformer = FleetInformers.inform(client, clusterKind, fleet, Duration.ZERO);
    FleetInformers.awaitSynced(clusterInformer, fleet);
    placementInformer =
        client
            .genericKubernetesResources(PlacementResources.PLACEMENTS)
            .inAnyNamespace()
            .inform(new PlacementEvents(), 0);
    placementInformer.start().toCompletableFuture().join();
  }

  @Override
  public void close() {
    if (placementInformer != null) {
      placementInformer.stop();
    }
    if (clusterInformer != null) {
      clusterInformer.stop();
    }
    queue.close();
    fleet.close();
  }

  /** Placement events: reconcile the placement. */
  private final class PlacementEvents implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource resource) {
      queue.add(PlacementResources.key(resource));
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource resource) {
      // The operator's own status writes come back as updates: nothing to decide for them.
      if (!Objects.equals(
              before.getAdditionalProperties().get("spec"),
              resource.getAdditionalProperties().get("spec"))
          || !Objects.equals(before.getMetadata().getUid(), resource.getMetadata().getUid())) {
        queue.add(PlacementResources.key(resource));
      }
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      queue.add(PlacementResources.key(resource));
    }
  }

  /**
   * A batch of cluster changes: reconcile the placements it can change. Applier thread: be quick.
   */
  private void onFleetChange(FleetChange change) {
    Set<String> keys = new LinkedHashSet<>();
    for (DecisionDelta delta : change.deltas()) {
      keys.add(delta.placement());
    }
    if (!change.updated().isEmpty()) {
      // Taints and scores change a decision without changing the selection.
      for (Placement placement : change.after().placements()) {
        ClusterSet selected = change.after().selected(placement.namespace(), placement.name());
        for (String cluster : change.updated()) {
          if (selected.contains(cluster)) {
            keys.add(placement.namespace() + "/" + placement.name());
            break;
          }
        }
      }
    }
    keys.forEach(queue::add);
  }

  private void reconcile(String key) {
    GenericKubernetesResource resource = placementInformer.getStore().getByKey(key);
    String namespace = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    if (resource == null) {
      unregister(key);
      // The garbage collector would delete them through the owner reference; a test server does
      // not.
      writePages(namespace, pages(namespace, name), List.of());
      return;
    }
    Registered placement;
    try {
      placement = register(key, PlacementResources.read(resource));
    } catch (ValidationException e) {
      unregister(key);
      String message = PlacementResources.message(e.problems());
      writeStatus(
          resource,
          List.of(
              new Condition("Valid", false, "InvalidSpec", message),
              new Condition("Ready", false, "InvalidSpec", "not decided: the spec is invalid")),
          Map.of());
      return;
    }
    Instant now = clock.instant();
    List<GenericKubernetesResource> existing = pages(namespace, name);
    Selection selection = placement.scheduler().placement().select(fleet.inventory());
    PlacementDecision decision =
        placement
            .scheduler()
            .schedule(selection, SchedulingContext.at(now).withPrevious(previous(existing)));
    String uid = resource.getMetadata().getUid();
    DecisionWriter writer =
        uid == null || uid.isEmpty()
            ? DecisionWriter.flotilla()
            : DecisionWriter.flotilla().ownedBy(uid);
    writePages(namespace, existing, writer.write(decision, selection).maps());
    decision
        .nextChange()
        .ifPresent(at -> queue.addAfter(key, Duration.between(now, at).plusMillis(1)));
    boolean complete = decision.shortfall().isEmpty();
    Map<String, Object> extra = new LinkedHashMap<>(); // as crds/flotilla.dev_placements.yaml
    extra.put("numberOfSelectedClusters", decision.clusters().size());
    extra.put("numberOfEligibleClusters", decision.eligible());
    writeStatus(
        resource,
        List.of(
            new Condition("Valid", true, "Valid", "the spec is valid"),
            new Condition(
                "Ready",
                complete,
                complete ? "Decided" : "Shortfall",
                complete
                    ? picked(decision.clusters().size())
                    : String.join("; ", decision.shortfall()))),
        extra);
  }

  private static String picked(int count) {
    return count == 1 ? "1 cluster picked" : count + " clusters picked";
  }

  /** The placement, compiled again only when its spec changed; the fleet's set follows. */
  private Registered register(String key, Placement placement) {
    Registered current = registered.get(key);
    if (current != null && current.placement().equals(placement)) {
      return current;
    }
    Registered compiled =
        new Registered(placement, Scheduler.of(CompiledPlacement.compile(placement)));
    registered.put(key, compiled);
    fleet.placements(registered.values().stream().map(Registered::placement).toList());
    return compiled;
  }

  private void unregister(String key) {
    if (registered.remove(key) != null) {
      fleet.placements(registered.values().stream().map(Registered::placement).toList());
    }
  }

  private List<GenericKubernetesResource> pages(String namespace, String placement) {
    return client
        .genericKubernetesResources(PlacementResources.DECISIONS)
        .inNamespace(namespace)
        .withLabel(DecisionWriter.PLACEMENT_LABEL, placement)
        .list()
        .getItems();
  }

  /** The clusters of the decision written before; none when there is none or it is unreadable. */
  private static List<String> previous(List<GenericKubernetesResource> pages) {
    if (pages.isEmpty()) {
      return List.of();
    }
    try {
      return DecisionReader.fromMaps(pages.stream().map(ObjectMaps::asMap).toList()).clusters();
    } catch (ValidationException e) {
      // Half-written pages (another writer, an interrupted update): decide afresh.
      LOG.log(System.Logger.Level.INFO, "previous decision unreadable, deciding afresh: {0}", e);
      return List.of();
    }
  }

  /** Creates, updates and deletes the placement's pages so that they are {@code desired}. */
  private void writePages(
      String namespace, List<GenericKubernetesResource> pages, List<Map<String, Object>> desired) {
    var decisions =
        client.genericKubernetesResources(PlacementResources.DECISIONS).inNamespace(namespace);
    Map<String, GenericKubernetesResource> existing = new HashMap<>();
    for (GenericKubernetesResource page : pages) {
      existing.put(page.getMetadata().getName(), page);
    }
    for (Map<String, Object> page : desired) {
      GenericKubernetesResource want = JSON.convertValue(page, GenericKubernetesResource.class);
      Object status = want.getAdditionalProperties().get("status");
      GenericKubernetesResource have = existing.remove(want.getMetadata().getName());
      if (have == null) {
        // The server drops status on create (status subresource): create, then write status.
        GenericKubernetesResource bare = JSON.convertValue(page, GenericKubernetesResource.class);
        bare.getAdditionalProperties().remove("status");
        have = decisions.resource(bare).create();
      } else if (same(have.getAdditionalProperties().get("status"), status)
          && Objects.equals(have.getMetadata().getLabels(), want.getMetadata().getLabels())) {
        continue;
      }
      GenericKubernetesResource update = copyOf(have);
      update.getMetadata().setLabels(want.getMetadata().getLabels());
      update.getMetadata().setOwnerReferences(want.getMetadata().getOwnerReferences());
      update.setAdditionalProperty("status", status);
      decisions.resource(update).updateStatus();
    }
    for (GenericKubernetesResource stale : existing.values()) {
      decisions.withName(stale.getMetadata().getName()).delete();
    }
  }

  private void writeStatus(
      GenericKubernetesResource resource, List<Condition> conditions, Map<String, Object> extra) {
    Map<String, Object> status =
        PlacementResources.status(resource, conditions, extra, clock.instant());
    if (same(resource.getAdditionalProperties().get("status"), status)) {
      return;
    }
    GenericKubernetesResource update = copyOf(resource);
    update.setAdditionalProperty("status", status);
    client
        .genericKubernetesResources(PlacementResources.PLACEMENTS)
        .inNamespace(resource.getMetadata().getNamespace())
        .resource(update)
        .updateStatus();
  }

  /** A copy to change, never the informer's cached object. */
  private static GenericKubernetesResource copyOf(GenericKubernetesResource resource) {
    GenericKubernetesResource copy = JSON.convertValue(resource, GenericKubernetesResource.class);
    if (copy.getMetadata() == null) {
      copy.setMetadata(new ObjectMeta());
    }
    return copy;
  }

  /** Equal as JSON: numbers read back from the server are Integers where this code wrote Longs. */
  private static boolean same(Object a, Object b) {
    try {
      return Objects.equals(
          JSON.readValue(JSON.writeValueAsString(a), Object.class),
          JSON.readValue(JSON.writeValueAsString(b), Object.class));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
