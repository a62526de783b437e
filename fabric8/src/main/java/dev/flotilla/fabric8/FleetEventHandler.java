package dev.flotilla.fabric8;

import dev.flotilla.kubernetes.LiveFleet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Map;
import java.util.Objects;

/**
 * Passes a fabric8 informer's events on cluster objects to a {@link LiveFleet}: adds and updates as
 * the objects' maps ({@link ObjectMaps#asMap}), deletes by name. It only queues, so the informer's
 * thread never waits for the fleet, and nothing a bad object causes is thrown back to the informer
 * (the fleet reports it). Thread-safe, as the fleet is.
 *
 * <pre>{@code
 * LiveFleet<Map<String, ?>> fleet = LiveFleet.forObjects().build();
 * client.genericKubernetesResources(ClusterKind.OCM_MANAGED_CLUSTER.context())
 *     .inform(new FleetEventHandler(fleet), 0);
 * }</pre>
 */
public final class FleetEventHandler implements ResourceEventHandler<GenericKubernetesResource> {
  private final LiveFleet<Map<String, ?>> fleet;

  /** A handler feeding {@code fleet}. */
  public FleetEventHandler(LiveFleet<Map<String, ?>> fleet) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
  }

  /** Queues the object as added. */
  @Override
  public void onAdd(GenericKubernetesResource resource) {
    fleet.added(ObjectMaps.asMap(resource));
  }

  /** Queues the new version of the object. */
  @Override
  public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource resource) {
    fleet.updated(ObjectMaps.asMap(resource));
  }

  /** Queues the object's deletion (its last known state is enough: only the name is read). */
  @Override
  public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
    fleet.deleted(ObjectMaps.asMap(resource));
  }
}
