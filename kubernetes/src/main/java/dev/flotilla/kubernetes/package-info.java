/**
 * Flotilla inside a Kubernetes controller, without a Kubernetes client: the custom resource
 * definitions of Flotilla's kinds, placement decisions written as Kubernetes objects (Flotilla's
 * own {@code PlacementDecision} and Open Cluster Management's pages), and a live fleet kept current
 * from watch events.
 */
package dev.flotilla.kubernetes;
