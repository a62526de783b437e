package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  private static final String DIGEST =
      "sha256:abababababababababababababababababababababababababababababababab";
  private static final String OTHER =
      "sha256:cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd";

  @Test
  void parsesDockerReferences() {
    assertEquals(new ImageReference("", "nginx", "", ""), ImageReference.parse("nginx"));
    assertEquals(
        new ImageReference("", "library/nginx", "1.25", ""),
        ImageReference.parse("library/nginx:1.25"));
    assertEquals(
        new ImageReference("localhost:5000", "team/app", "v1", ""),
        ImageReference.parse("localhost:5000/team/app:v1"));
    assertEquals(
        new ImageReference("registry.example.com", "app", "", DIGEST),
        ImageReference.parse("registry.example.com/app@" + DIGEST));
    assertEquals(
        new ImageReference("localhost", "app", "1", DIGEST),
        ImageReference.parse("localhost/app:1@" + DIGEST));
    for (String image :
        new String[] {"nginx", "a/b:c", "r.io:443/a/b:c@" + DIGEST, "localhost/x", "x@" + DIGEST}) {
      assertEquals(image, ImageReference.parse(image).toString());
    }
  }

  @Test
  void replacesParts() {
    ImageReference image = ImageReference.parse("r.io/a:1@" + DIGEST);
    assertEquals(
        "m.io/a:2",
        image
            .with(Optional.of("m.io"), Optional.empty(), Optional.of("2"), Optional.empty())
            .toString());
    assertEquals(
        "a@" + OTHER,
        image
            .with(Optional.of(""), Optional.empty(), Optional.empty(), Optional.of(OTHER))
            .toString());
    assertEquals(
        "r.io/b",
        image
            .with(Optional.empty(), Optional.of("b"), Optional.of(""), Optional.empty())
            .toString());
  }

  @Test
  void followsTheDistributionReferenceGrammar() {
    for (String image :
        new String[] {
          "a",
          "a_b.c-d__e---f/g",
          "docker.io/library/nginx:1.25",
          "Registry.Example.com:5000/team/app:V1_2.3-rc",
          "[::1]:5000/app",
          "localhost/app@sha256:" + "0".repeat(64),
          "app:" + "t".repeat(128),
          "app@sha512+b64.v2:" + "a".repeat(128),
          "a".repeat(255)
        }) {
      assertEquals(image, ImageReference.parse(image).toString(), image);
    }
    assertEquals("Foo", ImageReference.parse("Foo/bar").registry(), "upper case: a domain");
    assertEquals("[::1]:5000", ImageReference.parse("[::1]:5000/app").registry());
    for (String image :
        new String[] {
          "",
          "Nginx",
          "team/Web:1",
          "a/b/",
          "/a",
          "a//b",
          "a:",
          "a:-x",
          "a:" + "t".repeat(129),
          "a:b/c",
          "a@sha256:abc",
          "a@sha256:" + "g".repeat(64),
          "a@:abc",
          "a_-b",
          "-a",
          "a b",
          "a".repeat(256),
          "0123456789abcdef".repeat(4),
          "y.io/",
          "y.io/:1",
        }) {
      assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(image), image);
    }
    assertEquals(
        "the repository name must be lowercase",
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("team/Web:1"))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("a@sha256:ab"))
            .getMessage()
            .startsWith("invalid digest"));
    assertEquals(
        "invalid tag \"-x\"",
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("a:-x"))
            .getMessage());
  }

  @Test
  void normalizesAsRegistriesDo() {
    assertEquals("docker.io/library/nginx", ImageReference.parse("nginx").normalized().toString());
    assertEquals(
        "docker.io/team/web:1", ImageReference.parse("team/web:1").normalized().toString());
    assertEquals(
        "docker.io/library/x", ImageReference.parse("index.docker.io/x").normalized().toString());
    assertEquals("r.io/x", ImageReference.parse("r.io/x").normalized().toString());
  }

  @Test
  void longHostileInputIsRefusedQuickly() {
    long start = System.nanoTime();
    for (String image :
        new String[] {
          "a-".repeat(500) + "!", "a.".repeat(500) + "/", "a_".repeat(500) + "A", "a".repeat(2000)
        }) {
      assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(image));
    }
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "no catastrophic backtracking");
  }
}
