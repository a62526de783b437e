package dev.flotilla.fabric8;

import dev.flotilla.kubernetes.LiveFleet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Starts fabric8 informers that keep a {@link LiveFleet} current.
 *
 * <pre>{@code
 * LiveFleet<Map<String, ?>> fleet = LiveFleet.forObjects().build();
 * SharedIndexInformer<?> informer =
 *     FleetInformers.inform(client, ClusterKind.OCM_MANAGED_CLUSTER, fleet, Duration.ZERO);
 * FleetInformers.awaitSynced(informer, fleet);     // the initial list is in fleet.inventory()
 * }</pre>
 *
 * Thread-safe (stateless).
 */
public final class FleetInformers {
  private FleetInformers() {}

  /**
   * Starts an informer on every object of {@code kind}, passing its events to {@code fleet}.
   *
   * @param resync how often the informer replays its cache as updates ({@link Duration#ZERO}:
   *     never); the fleet ignores replays that change nothing
   * @return the running informer: stop it (or close the client) to stop the events
   */
  public static SharedIndexInformer<GenericKubernetesResource> inform(
      KubernetesClient client, ClusterKind kind, LiveFleet<Map<String, ?>> fleet, Duration resync) {
    return client
        .genericKubernetesResources(kind.context())
        .inform(new FleetEventHandler(fleet), resync.toMillis());
  }

  /**
   * Starts an informer on the objects of {@code kind} that match {@code labelSelector} (Kubernetes'
   * string form, {@code cluster.open-cluster-management.io/clusterset=edge} say), passing their
   * events to {@code fleet}: an object relabelled out of the selector is deleted from the fleet.
   *
   * @param resync as {@link #inform(KubernetesClient, ClusterKind, LiveFleet, Duration)}
   * @return the running informer
   */
  public static SharedIndexInformer<GenericKubernetesResource> inform(
      KubernetesClient client,
      ClusterKind kind,
      String labelSelector,
      LiveFleet<Map<String, ?>> fleet,
      Duration resync) {
    return client
        .genericKubernetesResources(kind.context())
        .withLabelSelector(labelSelector)
        .inform(new FleetEventHandler(fleet), resync.toMillis());
  }

  /**
   * Waits until {@code informer} has listed every object once, then applies the fleet's queued
   * events, so that {@code fleet.inventory()} holds the whole initial list.
   *
   * @throws IllegalStateException when the informer failed to start
   */
  public static void awaitSynced(SharedIndexInformer<?> informer, LiveFleet<?> fleet) {
    CompletionStage<?> started = informer.start();
    try {
      started.toCompletableFuture().join();
    } catch (RuntimeException e) {
      throw new IllegalStateException("the informer did not start: " + e.getMessage(), e);
    }
    fleet.flush();
  }
}
