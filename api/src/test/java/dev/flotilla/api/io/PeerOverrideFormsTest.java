package dev.flotilla.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.api.customize.Customization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peers' override examples under {@code examples/peers/} and, beside each, its Flotilla form as
 * {@link PolicyWriter} writes it ({@code NAME.flotilla.yaml}): the form reads back to the same
 * customization, so a team can move from the peer's policy to Flotilla's. (The CRD tests in {@code
 * kubernetes/} validate those forms against {@code crds/}.) After a deliberate change, regenerate
 * them with {@code -Dexamples.update=true}.
 */
class PeerOverrideFormsTest {
  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "karmada/override-policy",
        "karmada/cluster-override-policy",
        "kubefleet/cluster-resource-override",
        "kubefleet/resource-override"
      })
  void theFlotillaFormReadsBackToTheSameCustomization(String name) throws IOException {
    Path peers = root().resolve("examples/peers");
    Customization peer = CustomizationReader.read(peers.resolve(name + ".yaml"));
    Path form = peers.resolve(name + ".flotilla.yaml");
    String written = PolicyWriter.toYaml(peer);
    if (Boolean.getBoolean("examples.update")) {
      Files.writeString(form, written);
    }
    assertEquals(Files.readString(form), written);
    assertEquals(peer, CustomizationReader.read(form));
  }
}
