package dev.flotilla.api.internal;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link LabelRules#isQualifiedName} (character loops over the key in place) against the regular
 * expressions of k8s.io/apimachinery {@code pkg/util/validation/validation.go} ({@code
 * IsQualifiedName}: {@code qualifiedNameFmt}, at most 63 characters, and an optional {@code
 * IsDNS1123Subdomain} prefix of at most 253 before one slash).
 */
class LabelRulesProperties {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String ALPHABET = "ab0Z-_./.-a/";

  static boolean reference(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return false;
    }
    String name = parts[parts.length - 1];
    boolean nameOk = name.length() <= 63 && NAME.matcher(name).matches();
    if (parts.length == 1) {
      return nameOk;
    }
    String prefix = parts[0];
    return nameOk && prefix.length() <= 253 && SUBDOMAIN.matcher(prefix).matches();
  }

  /** Keys over a small alphabet of the interesting characters, some long. */
  static Gen<String> keys() {
    Gen<List<Integer>> chars =
        lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 12);
    Gen<Integer> padding = integers().between(0, 300);
    return chars.zip(
        padding, integers().between(0, 2), (list, pad, where) -> key(list, pad, where));
  }

  private static String key(List<Integer> chars, int pad, int where) {
    StringBuilder out = new StringBuilder();
    for (int c : chars) {
      out.append(ALPHABET.charAt(c));
    }
    // Lengthen the prefix or the name near their limits now and then.
    String run = pad > 240 ? "a".repeat(pad - 240 + 30) : "";
    return where == 0 ? run + out : where == 1 ? out + run : "x" + run + "/" + out;
  }

  @Test
  void isQualifiedNameAgreesWithKubernetesRegularExpressions() {
    qt().withFixedSeed(15_4L)
        .withExamples(20_000)
        .forAll(keys())
        .check(key -> LabelRules.isQualifiedName(key) == reference(key));
  }

  @Test
  void qualifiedNameErrorsAreEmptyExactlyForQualifiedNames() {
    qt().withFixedSeed(15_5L)
        .withExamples(5_000)
        .forAll(keys())
        .check(key -> LabelRules.qualifiedNameErrors(key).isEmpty() == reference(key));
  }
}
