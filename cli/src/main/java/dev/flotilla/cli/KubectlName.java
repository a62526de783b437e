package dev.flotilla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Names as {@code kubectl -o name} prints them: {@code kind.group/name}, the kind in lower case, no
 * group for the core API ({@code configmap/web-config}, {@code deployment.apps/web}).
 */
final class KubectlName {
  /**
   * The resource clusters are named as: Flotilla's {@code Cluster} kind in its API group. Inventory
   * readers keep no trace of the kind a cluster was read from (an OCM {@code ManagedCluster}, a
   * Karmada {@code Cluster}), so this is the one name that is true for every inventory.
   */
  static final String CLUSTER = "cluster.flotilla.dev";

  private KubectlName() {}

  /** {@code cluster.flotilla.dev/NAME}. */
  static String cluster(String name) {
    return CLUSTER + "/" + name;
  }

  /** The manifest's {@code kind.group/name}, from its {@code apiVersion}, kind and name. */
  static String of(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String kind = manifest.path("kind").asText("").toLowerCase(Locale.ROOT);
    String name = manifest.path("metadata").path("name").asText("");
    return kind + (group.isEmpty() ? "" : "." + group) + "/" + name;
  }
}
