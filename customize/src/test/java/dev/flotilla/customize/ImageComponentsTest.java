package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.customize.Action.EditOperator;
import dev.flotilla.api.customize.Action.ImagePart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Karmada's image parsing and editing, cases from karmada pkg/util/imageparser/parser_test.go. */
class ImageComponentsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "simple, pause, '', pause, '', ''",
        "repository, subpath/imagename:v1.0.0, '', subpath/imagename, v1.0.0, ''",
        "normal, fictional.registry.example/imagename:v1.0.0, fictional.registry.example, imagename, v1.0.0, ''",
        "hostname with port, fictional.registry.example:10443/subpath/imagename:v1.0.0, fictional.registry.example:10443, subpath/imagename, v1.0.0, ''",
        "digest, fictional.registry.example:10443/subpath/imagename@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c, fictional.registry.example:10443, subpath/imagename, '', sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c",
        "hostname with IP, 10.10.10.10:10443/subpath/imagename, 10.10.10.10:10443, subpath/imagename, '', ''",
        "localhost, localhost/imagename, localhost, imagename, '', ''",
        "no dot no colon: a path, library/imagename:1, '', library/imagename, 1, ''",
      })
  void parse(String name, String image, String host, String repository, String tag, String digest) {
    assertEquals(
        new ImageComponents.Parts(host, repository, tag, digest), ImageComponents.parse(image));
    assertEquals(image, ImageComponents.parse(image).toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "empty, ''",
    "upper case repository, Imagename",
    "unknown digest algorithm, imagename@md5:50d858e0985ecc7f60418aaf0cc5ab58",
    "short sha256, imagename@sha256:50d858e0985ecc7f60418aaf0cc5ab58",
    "upper-case hex, imagename@sha256:50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545C",
    "leading slash, /imagename",
  })
  void refused(String name, String image) {
    assertThrows(IllegalArgumentException.class, () -> ImageComponents.parse(image));
  }

  /** karmada pkg/util/imageparser/parser_test.go TestSetTagOrDigest and the overrider's edits. */
  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource({
    "imagename:v1.0.0, Tag, replace, v2.0.0, imagename:v2.0.0",
    "imagename:v1.0.0, Tag, replace, sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c, imagename@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c",
    "imagename:v1.0.0, Tag, replace, @sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c, imagename:v1.0.0",
    "imagename:v1.0.0, Tag, add, -rc1, imagename:v1.0.0-rc1",
    "imagename, Tag, remove, '', imagename",
    "imagename@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c, Tag, remove, '', imagename",
    "imagename:v1.0.0, Registry, add, gcr.io, gcr.io/imagename:v1.0.0",
    "gcr.io/imagename:v1.0.0, Registry, add, /mirror, gcr.io/mirror/imagename:v1.0.0",
    "gcr.io/imagename:v1.0.0, Repository, remove, '', gcr.io/:v1.0.0",
  })
  void edit(String image, ImagePart part, EditOperator operator, String value, String want) {
    assertEquals(
        want, ImageComponents.edit(ImageComponents.parse(image), part, operator, value).toString());
  }
}
