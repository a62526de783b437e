package dev.flotilla.api.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/*
 * Maintainer notes. Follows github.com/blang/semver/v4 (Parse, Compare, String), which Kubernetes'
 * CEL semver library (k8s.io/apiserver pkg/cel/library/semverlib.go) uses, and that library's
 * normalizeAndParse for tryParseNormalized. Numbers are Go uint64: they are held in a long as
 * unsigned values and compared with Long.compareUnsigned. Pre-release identifiers are kept as text,
 * and numeric ones also as an unsigned long in preNumbers (preNumeric says which), so compareTo
 * never parses. equals ignores build metadata, as Go's Equals (Compare == 0) does.
 */

/**
 * A semantic version (SemVer 2.0), as Kubernetes' CEL {@code semver()} reads it: {@code
 * MAJOR.MINOR.PATCH}, an optional pre-release ({@code -rc.1}) and optional build metadata ({@code
 * +build.5}).
 *
 * <p>Ordering is SemVer precedence: numbers compare numerically; a pre-release is lower than the
 * release ({@code 1.0.0-rc.1 < 1.0.0}); pre-release identifiers compare one by one, numeric ones
 * numerically and lower than alphanumeric ones, which compare in ASCII order; a longer list of
 * equal leading identifiers is higher. Build metadata plays no part in ordering nor in {@link
 * #equals}: {@code 1.0.0+a} equals {@code 1.0.0+b}, as in Kubernetes. Immutable and thread-safe.
 */
public final class Version implements Comparable<Version> {

  private final long major;
  private final long minor;
  private final long patch;
  private final List<String> preRelease;
  private final long[] preNumbers;
  private final boolean[] preNumeric;
  private final List<String> build;

  private Version(
      long major,
      long minor,
      long patch,
      List<String> preRelease,
      long[] preNumbers,
      boolean[] preNumeric,
      List<String> build) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.preRelease = preRelease;
    this.preNumbers = preNumbers;
    this.preNumeric = preNumeric;
    this.build = build;
  }

  /**
   * Parses a strict semantic version: no leading {@code v}, all three numbers, no leading zeros.
   *
   * @throws VersionFormatException if {@code text} is not a semantic version
   * @throws NullPointerException if {@code text} is null
   */
  public static Version parse(String text) {
    return parse(text, true);
  }

  /** Parses a strict semantic version, or returns empty; never throws for bad text. */
  public static Optional<Version> tryParse(String text) {
    return Optional.ofNullable(parse(text, false));
  }

  /**
   * Parses with Kubernetes' normalization ({@code semver(s, true)} in CEL): removes one leading
   * {@code v}, removes leading zeros from each dot-separated part, and fills in a missing minor and
   * patch with {@code 0} ({@code v1.31} reads as {@code 1.31.0}, {@code 01.02.03} as {@code
   * 1.2.3}). A shortened version cannot carry a pre-release or build metadata. Returns empty when
   * the result is not a semantic version.
   */
  public static Optional<Version> tryParseNormalized(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.startsWith("v") ? text.substring(1) : text;
    List<String> parts = split(s, '.', 3);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.length() > 1) {
        int firstNonZero = 0;
        while (firstNonZero < part.length() && part.charAt(firstNonZero) == '0') {
          firstNonZero++;
        }
        String trimmed = part.substring(firstNonZero);
        if (trimmed.isEmpty() || !isDigit(trimmed.charAt(0))) {
          trimmed = "0" + trimmed;
        }
        parts.set(i, trimmed);
      }
    }
    if (parts.size() < 3) {
      String last = parts.get(parts.size() - 1);
      if (last.indexOf('+') >= 0 || last.indexOf('-') >= 0) {
        return Optional.empty(); // "short version cannot contain PreRelease/Build meta data"
      }
      while (parts.size() < 3) {
        parts.add("0");
      }
    }
    return tryParse(String.join(".", parts));
  }

  /**
   * The major version. Kubernetes reads version numbers as unsigned 64-bit integers; one above
   * {@link Long#MAX_VALUE} comes back negative here, as from CEL's {@code major()} (use {@link
   * Long#toUnsignedString(long)} to print it).
   */
  public long major() {
    return major;
  }

  /** The minor version (unsigned, see {@link #major()}). */
  public long minor() {
    return minor;
  }

  /** The patch version (unsigned, see {@link #major()}). */
  public long patch() {
    return patch;
  }

  /** The pre-release identifiers ({@code [rc, 1]} for {@code 1.0.0-rc.1}); empty for a release. */
  public List<String> preRelease() {
    return preRelease;
  }

  /** The build metadata identifiers ({@code [build, 5]} for {@code 1.0.0+build.5}); often empty. */
  public List<String> build() {
    return build;
  }

  /** Compares by SemVer precedence (see the class comment); build metadata is ignored. */
  @Override
  public int compareTo(Version other) {
    int c = Long.compareUnsigned(major, other.major);
    if (c == 0) {
      c = Long.compareUnsigned(minor, other.minor);
    }
    if (c == 0) {
      c = Long.compareUnsigned(patch, other.patch);
    }
    if (c != 0) {
      return c < 0 ? -1 : 1;
    }
    int mine = preRelease.size();
    int theirs = other.preRelease.size();
    if (mine == 0 || theirs == 0) {
      return mine == theirs ? 0 : mine == 0 ? 1 : -1; // a release is above its pre-releases
    }
    for (int i = 0; i < mine && i < theirs; i++) {
      c = compareIdentifier(other, i);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(mine, theirs);
  }

  private int compareIdentifier(Version other, int i) {
    boolean numeric = preNumeric[i];
    if (numeric != other.preNumeric[i]) {
      return numeric ? -1 : 1;
    }
    int c =
        numeric
            ? Long.compareUnsigned(preNumbers[i], other.preNumbers[i])
            : preRelease.get(i).compareTo(other.preRelease.get(i));
    return Integer.signum(c);
  }

  /**
   * True when {@code other} is a version of the same precedence: build metadata is ignored, as in
   * Kubernetes ({@code Equals} is {@code Compare == 0}). Consistent with {@link #compareTo}.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Version && compareTo((Version) other) == 0;
  }

  /** A hash of the numbers and pre-release, consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, preRelease);
  }

  /**
   * {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}; for a parsed version, the text it came from.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(Long.toUnsignedString(major)).append('.');
    out.append(Long.toUnsignedString(minor)).append('.');
    out.append(Long.toUnsignedString(patch));
    if (!preRelease.isEmpty()) {
      out.append('-').append(String.join(".", preRelease));
    }
    if (!build.isEmpty()) {
      out.append('+').append(String.join(".", build));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing (blang/semver v4 Parse, with its error messages)

  private static Version parse(String s, boolean throwing) {
    Objects.requireNonNull(s, "text");
    if (s.isEmpty()) {
      return fail(throwing, s, "Version string empty", null);
    }
    List<String> parts = split(s, '.', 3);
    if (parts.size() != 3) {
      return fail(throwing, s, "No Major.Minor.Patch elements found", null);
    }
    String[] names = {"Major", "Minor"};
    long[] numbers = new long[3];
    for (int i = 0; i < 2; i++) {
      String part = parts.get(i);
      if (!allDigits(part)) {
        return fail(
            throwing,
            s,
            "Invalid character(s) found in " + names[i].toLowerCase() + " number",
            part);
      }
      if (part.length() > 1 && part.charAt(0) == '0') {
        return fail(throwing, s, names[i] + " number must not contain leading zeroes", part);
      }
      if (!fitsUint64(part)) {
        return failParseUint(throwing, s, part);
      }
      numbers[i] = Long.parseUnsignedLong(part);
    }
    String patchText = parts.get(2);
    List<String> buildIds = List.of();
    List<String> preIds = List.of();
    int plus = patchText.indexOf('+');
    if (plus >= 0) {
      buildIds = split(patchText.substring(plus + 1), '.', Integer.MAX_VALUE);
      patchText = patchText.substring(0, plus);
    }
    int minus = patchText.indexOf('-');
    if (minus >= 0) {
      preIds = split(patchText.substring(minus + 1), '.', Integer.MAX_VALUE);
      patchText = patchText.substring(0, minus);
    }
    if (!allDigits(patchText)) {
      return fail(throwing, s, "Invalid character(s) found in patch number", patchText);
    }
    if (patchText.length() > 1 && patchText.charAt(0) == '0') {
      return fail(throwing, s, "Patch number must not contain leading zeroes", patchText);
    }
    if (!fitsUint64(patchText)) {
      return failParseUint(throwing, s, patchText);
    }
    numbers[2] = Long.parseUnsignedLong(patchText);

    long[] preNumbers = new long[preIds.size()];
    boolean[] preNumeric = new boolean[preIds.size()];
    for (int i = 0; i < preIds.size(); i++) {
      String id = preIds.get(i);
      if (id.isEmpty()) {
        return fail(throwing, s, "Prerelease is empty", null);
      }
      if (allDigits(id)) {
        if (id.length() > 1 && id.charAt(0) == '0') {
          return fail(
              throwing, s, "Numeric PreRelease version must not contain leading zeroes", id);
        }
        if (!fitsUint64(id)) {
          return failParseUint(throwing, s, id);
        }
        preNumbers[i] = Long.parseUnsignedLong(id);
        preNumeric[i] = true;
      } else if (!allAlphanumeric(id)) {
        return fail(throwing, s, "Invalid character(s) found in prerelease", id);
      }
    }
    for (String id : buildIds) {
      if (id.isEmpty()) {
        return fail(throwing, s, "Build meta data is empty", null);
      }
      if (!allAlphanumeric(id)) {
        return fail(throwing, s, "Invalid character(s) found in build meta data", id);
      }
    }
    return new Version(
        numbers[0],
        numbers[1],
        numbers[2],
        List.copyOf(preIds),
        preNumbers,
        preNumeric,
        List.copyOf(buildIds));
  }

  /** Go's strings.SplitN: at most {@code limit} pieces, empty pieces kept. */
  private static List<String> split(String s, char separator, int limit) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (pieces.size() < limit - 1) {
      int at = s.indexOf(separator, start);
      if (at < 0) {
        break;
      }
      pieces.add(s.substring(start, at));
      start = at + 1;
    }
    pieces.add(s.substring(start));
    return pieces;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether a string of digits without leading zeros is a non-empty uint64. */
  private static boolean fitsUint64(String digits) {
    int length = digits.length();
    return length > 0
        && (length < 20 || (length == 20 && digits.compareTo("18446744073709551615") <= 0));
  }

  private static Version failParseUint(boolean throwing, String input, String part) {
    if (!throwing) {
      return null;
    }
    String why = part.isEmpty() ? "invalid syntax" : "value out of range";
    throw new VersionFormatException(
        input, "strconv.ParseUint: parsing " + quote(part) + ": " + why);
  }

  private static Version fail(boolean throwing, String input, String message, String value) {
    if (!throwing) {
      return null;
    }
    throw new VersionFormatException(input, value == null ? message : message + " " + quote(value));
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
