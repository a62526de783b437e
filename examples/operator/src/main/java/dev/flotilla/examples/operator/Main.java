package dev.flotilla.examples.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Runs the placement operator against the cluster of the current kubeconfig context (or the
 * in-cluster service account), until the process is stopped.
 */
public final class Main {
  private Main() {}

  /** Starts the operator and waits. */
  public static void main(String[] args) throws InterruptedException {
    KubernetesClient client = new KubernetesClientBuilder().build();
    PlacementOperator operator = new PlacementOperator(client);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  client.close();
                }));
    try {
      operator.start();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      System.err.println(
          "error: cannot watch Placements and ManagedClusters on "
              + client.getMasterUrl()
              + ": "
              + cause
              + " (is the kubeconfig context right, and are crds/ applied?)");
      System.exit(1);
    }
    System.out.println(
        "flotilla operator: watching Placements and "
            + "ManagedClusters on "
            + client.getMasterUrl()
            + " ("
            + operator.fleet().inventory().size()
            + " clusters)");
    Thread.currentThread().join();
  }
}
