package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla convert}: what is not a peer's policy is an error naming the kinds it converts.
 * The conversions themselves are tested per peer, next to their readers.
 */
class ConvertCommandTest {
  @TempDir Path dir;

  private static final Path PEERS = ExamplesTest.root().resolve("examples/peers");

  /** Converts {@code policy} into a file of the temporary directory. */
  private Path converted(Path policy) throws IOException {
    Result result = FlotillaTest.run("convert", policy.toString());
    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().startsWith("# Converted by flotilla convert from "), result.out());
    Path out = dir.resolve("converted-" + policy.getFileName());
    Files.writeString(out, result.out());
    return out;
  }

  /** {@code place} with the peer's placement and with its converted form print the same. */
  private void samePlacement(String inventory, String placement, String... options)
      throws IOException {
    Path peer = PEERS.resolve(placement);
    Path flotilla = converted(peer);
    String clusters = PEERS.resolve(inventory).toString();
    List<String> common = List.of("place", "--inventory", clusters, "--placement");
    Result fromPeer = FlotillaTest.run(args(common, peer, options));
    Result fromConverted = FlotillaTest.run(args(common, flotilla, options));
    assertEquals(0, fromPeer.status(), fromPeer.err());
    assertEquals(fromPeer.out(), fromConverted.out());
    assertEquals(fromPeer.err(), fromConverted.err());
    assertFalse(fromPeer.out().isBlank());
  }

  private static String[] args(List<String> common, Path policy, String... options) {
    List<String> all = new ArrayList<>(common);
    all.add(policy.toString());
    all.addAll(List.of(options));
    return all.toArray(String[]::new);
  }

  @Test
  void anOcmPlacementAndItsConversionPickTheSameClusters() throws IOException {
    samePlacement("ocm/managedclusters.yaml", "ocm/ocm-placement.yaml", "-o", "names");
    samePlacement("ocm/managedclusters.yaml", "ocm/ocm-placement.yaml", "-o", "json");
  }

  @Test
  void anOcmPlacementWithClustersPerDecisionGroupAndItsConversionGroupTheSame() throws IOException {
    String placement = "ocm/ocm-placement-groups.yaml";
    samePlacement("ocm/managedclusters.yaml", placement, "-o", "yaml");
    samePlacement("ocm/managedclusters.yaml", placement, "-o", "ocm");
  }

  @Test
  void aKarmadaPropagationPolicyAndItsConversionSplitReplicasTheSame() throws IOException {
    samePlacement("karmada/clusters.yaml", "karmada/propagationpolicy.yaml", "-o", "names");
    samePlacement(
        "karmada/clusters.yaml",
        "karmada/propagationpolicy.yaml",
        "--replicas",
        "12",
        "-o",
        "json");
  }

  @Test
  void aKubeFleetPlacementAndItsConversionPickTheSameClusters() throws IOException {
    String[] at = {"--now", "2026-03-01T12:00:00Z"};
    samePlacement(
        "kubefleet/memberclusters.yaml", "kubefleet/crp.yaml", at[0], at[1], "-o", "names");
    samePlacement(
        "kubefleet/memberclusters.yaml", "kubefleet/crp.yaml", at[0], at[1], "-o", "json");
  }

  /** {@code customize} with the peer's overrides and with their converted forms print the same. */
  private void sameCustomization(String inventory, String manifests, String... policies)
      throws IOException {
    List<String> fromPeer = new ArrayList<>(List.of("customize", "-o", "json"));
    List<String> fromConverted = new ArrayList<>(fromPeer);
    for (String each : List.of("--inventory", inventory, "--manifests", manifests)) {
      String arg = each.startsWith("--") ? each : PEERS.resolve(each).toString();
      fromPeer.add(arg);
      fromConverted.add(arg);
    }
    for (String policy : policies) {
      fromPeer.addAll(List.of("--policy", PEERS.resolve(policy).toString()));
      fromConverted.addAll(List.of("--policy", converted(PEERS.resolve(policy)).toString()));
    }
    Result peer = FlotillaTest.run(fromPeer.toArray(String[]::new));
    Result flotilla = FlotillaTest.run(fromConverted.toArray(String[]::new));
    assertEquals(0, peer.status(), peer.err());
    assertEquals(peer.out(), flotilla.out());
  }

  @Test
  void karmadaOverridesAndTheirConversionsCustomizeTheSame() throws IOException {
    sameCustomization(
        "karmada/override-members.yaml",
        "karmada/override-manifests.yaml",
        "karmada/override-policy.yaml",
        "karmada/cluster-override-policy.yaml");
  }

  @Test
  void kubeFleetOverridesAndTheirConversionsCustomizeTheSame() throws IOException {
    sameCustomization(
        "kubefleet/override-members.yaml",
        "kubefleet/override-manifests.yaml",
        "kubefleet/cluster-resource-override.yaml",
        "kubefleet/resource-override.yaml");
  }

  @Test
  void notesOfWhatWasLeftOutHeadTheYamlAndGoToStderrWithJson() {
    String policy = PEERS.resolve("karmada/propagationpolicy.yaml").toString();
    Result yaml = FlotillaTest.run("convert", policy);
    assertTrue(
        yaml.out().contains("# Left out, since it cannot change the answer:\n#   " + policy + ":"),
        yaml.out());
    Result json = FlotillaTest.run("convert", policy, "-o", "json");
    assertEquals(0, json.status());
    assertTrue(json.out().startsWith("{"), json.out());
    assertTrue(json.err().startsWith("note: " + policy + ":"), json.err());
  }

  @Test
  void aKubernetesObjectThatIsNoPeerPolicyIsAnErrorListingTheKinds() throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
    Result result = FlotillaTest.run("convert", file.toString());
    assertEquals(1, result.status());
    assertEquals("", result.out());
    assertTrue(
        result
            .err()
            .startsWith(
                "error: "
                    + file
                    + ":1:1: kind: Unsupported value: \"apps/v1"
                    + " Deployment\": not a peer's policy; supported kinds: "),
        result.err());
  }

  @Test
  void aFlotillaPolicyNeedsNoConversion() {
    String placement = ExamplesTest.root().resolve("examples/retail/pos-placement.yaml").toString();
    Result result = FlotillaTest.run("convert", placement);
    assertEquals(1, result.status());
    assertTrue(result.err().contains("already a Flotilla policy"), result.err());
  }

  @Test
  void twoDocumentsAreRefused() throws IOException {
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, "kind: A\n---\nkind: B\n");
    Result result = FlotillaTest.run("convert", file.toString());
    assertEquals(1, result.status());
    assertTrue(result.err().contains("a second document"), result.err());
  }
}
