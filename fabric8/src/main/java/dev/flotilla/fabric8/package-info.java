/**
 * Flotilla's live fleet fed by fabric8 kubernetes-client informers: {@link
 * dev.flotilla.fabric8.FleetInformers} starts an informer on a cluster kind, {@link
 * dev.flotilla.fabric8.FleetEventHandler} passes its events to a {@link
 * dev.flotilla.kubernetes.LiveFleet}, and {@link dev.flotilla.fabric8.ObjectMaps} shows a {@code
 * GenericKubernetesResource} as the map the mappings read, without serializing it.
 */
package dev.flotilla.fabric8;
