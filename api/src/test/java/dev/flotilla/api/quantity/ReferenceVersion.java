package dev.flotilla.api.quantity;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * SemVer 2.0 precedence written straight from the specification (item 11), over already-split
 * parts, with BigInteger numbers so that it shares no code or trick with {@link Version}.
 */
record ReferenceVersion(
    BigInteger major, BigInteger minor, BigInteger patch, List<String> pre, List<String> build) {

  String text() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (pre.isEmpty() ? "" : "-" + String.join(".", pre))
        + (build.isEmpty() ? "" : "+" + String.join(".", build));
  }

  static final Comparator<ReferenceVersion> PRECEDENCE =
      Comparator.comparing(ReferenceVersion::major)
          .thenComparing(ReferenceVersion::minor)
          .thenComparing(ReferenceVersion::patch)
          .thenComparing(ReferenceVersion::pre, ReferenceVersion::comparePre);

  private static int comparePre(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty()); // no pre-release ranks higher
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xNumeric = x.chars().allMatch(Character::isDigit);
      boolean yNumeric = y.chars().allMatch(Character::isDigit);
      int c;
      if (xNumeric && yNumeric) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (xNumeric != yNumeric) {
        c = xNumeric ? -1 : 1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
