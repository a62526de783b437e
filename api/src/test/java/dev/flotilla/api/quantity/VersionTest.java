package dev.flotilla.api.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Named after the SemVer 2.0 rules and the Kubernetes CEL semver() behaviour they check. */
class VersionTest {

  private static Version v(String text) {
    return Version.parse(text);
  }

  @Test
  void partsAreReadFromMajorMinorPatchPreReleaseAndBuild() {
    Version version = v("1.31.2-rc.1+build.5");
    assertEquals(1, version.major());
    assertEquals(31, version.minor());
    assertEquals(2, version.patch());
    assertEquals(List.of("rc", "1"), version.preRelease());
    assertEquals(List.of("build", "5"), version.build());
    assertEquals("1.31.2-rc.1+build.5", version.toString());
    assertEquals(List.of(), v("1.2.3").preRelease());
  }

  @Test
  void strictParsingRejectsWhatSemVerForbids() {
    for (String bad :
        List.of(
            "",
            "1",
            "1.2",
            "v1.2.3",
            "01.2.3",
            "1.02.3",
            "1.2.03",
            "1.2.3-",
            "1.2.3+",
            "1.2.3-01",
            "1.2.3-a..b",
            "1.2.3+a..b",
            "1.2.3-a_b",
            "1.2.3+a+b",
            "1..3",
            " 1.2.3",
            "1.2.3 ",
            "-1.2.3",
            "1.2.x",
            "18446744073709551616.0.0",
            "1.2.3-18446744073709551616")) {
      assertEquals(Optional.empty(), Version.tryParse(bad), bad);
      assertThrows(VersionFormatException.class, () -> v(bad), bad);
    }
  }

  @Test
  void errorMessagesUseTheGoLibraryWording() {
    assertEquals(
        "Version string empty",
        assertThrows(VersionFormatException.class, () -> v("")).getMessage());
    assertEquals(
        "No Major.Minor.Patch elements found",
        assertThrows(VersionFormatException.class, () -> v("1.2")).getMessage());
    assertEquals(
        "Major number must not contain leading zeroes \"01\"",
        assertThrows(VersionFormatException.class, () -> v("01.2.3")).getMessage());
    assertEquals(
        "Invalid character(s) found in minor number \"x\"",
        assertThrows(VersionFormatException.class, () -> v("1.x.3")).getMessage());
    assertEquals(
        "Invalid character(s) found in prerelease \"a_b\"",
        assertThrows(VersionFormatException.class, () -> v("1.2.3-a_b")).getMessage());
    VersionFormatException e = assertThrows(VersionFormatException.class, () -> v("1.2.3-"));
    assertEquals("Prerelease is empty", e.getMessage());
    assertEquals("1.2.3-", e.input());
  }

  @Test
  void numbersUpToUint64AreAccepted() {
    Version max = v("18446744073709551615.0.0");
    assertEquals(-1L, max.major()); // unsigned, as Kubernetes' CEL major() wraps to int64
    assertEquals("18446744073709551615.0.0", max.toString());
    assertTrue(max.compareTo(v("9223372036854775807.0.0")) > 0);
  }

  @Test
  void numericPartsCompareNumerically() {
    assertTrue(v("1.10.0").compareTo(v("1.9.0")) > 0);
    assertTrue(v("2.0.0").compareTo(v("10.0.0")) < 0);
    assertTrue(v("1.0.10").compareTo(v("1.0.9")) > 0);
  }

  @Test
  void preReleaseIsLowerThanRelease() {
    assertTrue(v("1.0.0-alpha").compareTo(v("1.0.0")) < 0);
    assertTrue(v("1.0.0").compareTo(v("1.0.0-rc.1")) > 0);
    assertTrue(v("1.0.0-rc.1").compareTo(v("0.9.9")) > 0);
  }

  @Test
  void preReleasePrecedenceFollowsTheSpecExample() {
    // SemVer 2.0 item 11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta <
    // 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0.
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0");
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = 0; j < ordered.size(); j++) {
        int expected = Integer.compare(i, j);
        assertEquals(
            expected,
            v(ordered.get(i)).compareTo(v(ordered.get(j))),
            ordered.get(i) + " vs " + ordered.get(j));
      }
    }
  }

  @Test
  void numericIdentifiersAreLowerThanAlphanumericOnes() {
    assertTrue(v("1.0.0-999").compareTo(v("1.0.0-a")) < 0);
    assertTrue(v("1.0.0-1a").compareTo(v("1.0.0-999")) > 0); // "1a" is alphanumeric
    assertTrue(v("1.0.0-B").compareTo(v("1.0.0-a")) < 0); // ASCII order: upper case first
    assertTrue(v("1.0.0--").compareTo(v("1.0.0-0a")) < 0);
  }

  @Test
  void buildMetadataIsIgnoredByOrderingAndEquality() {
    assertEquals(0, v("1.0.0+a").compareTo(v("1.0.0+b")));
    assertEquals(v("1.0.0+a"), v("1.0.0+b"));
    assertEquals(v("1.0.0+a").hashCode(), v("1.0.0").hashCode());
    assertEquals("1.0.0+a", v("1.0.0+a").toString()); // but it is kept
    assertNotEquals(v("1.0.0-a"), v("1.0.0"));
  }

  @Test
  void buildMetadataMayHoldHyphensAndLeadingZeros() {
    assertEquals(List.of("001", "exp-sha", "5114f85"), v("1.0.0+001.exp-sha.5114f85").build());
    assertEquals(List.of("alpha-1"), v("1.0.0-alpha-1+b-c").preRelease());
  }

  @Test
  void normalizationStripsVAddsMissingPartsAndDropsLeadingZeros() {
    // Kubernetes' semver(s, true): semverlib.go normalizeAndParse.
    assertEquals(Optional.of(v("1.0.0")), Version.tryParseNormalized("v1.0.0"));
    assertEquals("1.0.0", Version.tryParseNormalized("1.0").orElseThrow().toString());
    assertEquals("1.0.0", Version.tryParseNormalized("1").orElseThrow().toString());
    assertEquals("1.31.0", Version.tryParseNormalized("v1.31").orElseThrow().toString());
    assertEquals("1.1.1", Version.tryParseNormalized("01.01.01").orElseThrow().toString());
    assertEquals("0.0.0", Version.tryParseNormalized("00.000.0").orElseThrow().toString());
    assertEquals("1.2.0-rc.1", Version.tryParseNormalized("v1.2.00-rc.1").orElseThrow().toString());
    assertEquals("1.2.0-x", Version.tryParseNormalized("1.2.00-x").orElseThrow().toString());
    assertEquals(
        "1.31.2+k3s1", Version.tryParseNormalized("v1.31.2+k3s1").orElseThrow().toString());
  }

  @Test
  void normalizationStillRejectsNonVersions() {
    for (String bad :
        List.of("", "v", "vv1.0.0", "V1.0.0", "1.0-rc.1", "1+b", "Three", "200K", "Mi", " 1.0.0")) {
      assertEquals(Optional.empty(), Version.tryParseNormalized(bad), bad);
    }
  }

  @Test
  void strictParsingDoesNotNormalize() {
    assertEquals(Optional.empty(), Version.tryParse("v1.0.0"));
    assertEquals(Optional.empty(), Version.tryParse("1.0"));
  }
}
