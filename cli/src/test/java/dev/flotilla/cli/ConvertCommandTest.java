package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla convert}: what is not a peer's policy is an error naming the kinds it converts.
 * The conversions themselves are tested per peer, next to their readers.
 */
class ConvertCommandTest {
  @TempDir Path dir;

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
