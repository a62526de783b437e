package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
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
        new ImageReference("registry.example.com", "app", "", "sha256:ab"),
        ImageReference.parse("registry.example.com/app@sha256:ab"));
    assertEquals(
        new ImageReference("localhost", "app", "1", "sha256:ab"),
        ImageReference.parse("localhost/app:1@sha256:ab"));
    for (String image :
        new String[] {"nginx", "a/b:c", "r.io:443/a/b:c@sha256:x", "localhost/x", "x@sha256:y"}) {
      assertEquals(image, ImageReference.parse(image).toString());
    }
  }

  @Test
  void replacesParts() {
    ImageReference image = ImageReference.parse("r.io/a:1@sha256:x");
    assertEquals(
        "m.io/a:2",
        image
            .with(Optional.of("m.io"), Optional.empty(), Optional.of("2"), Optional.empty())
            .toString());
    assertEquals(
        "a@sha256:y",
        image
            .with(Optional.of(""), Optional.empty(), Optional.empty(), Optional.of("sha256:y"))
            .toString());
    assertEquals(
        "r.io/b",
        image
            .with(Optional.empty(), Optional.of("b"), Optional.of(""), Optional.empty())
            .toString());
  }
}
