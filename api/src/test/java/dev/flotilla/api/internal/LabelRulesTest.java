package dev.flotilla.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Divergences from k8s.io/apimachinery found and fixed in LabelRules. */
class LabelRulesTest {

  @Test
  void emptyNamePartAlsoFailsThePattern() {
    // Kubernetes checks the regular expression even after "must be non-empty".
    List<String> errors = LabelRules.qualifiedNameErrors("example.com/");
    assertEquals(2, errors.size());
    assertEquals("name part must be non-empty", errors.get(0));
    assertTrue(errors.get(1).startsWith("name part must consist of alphanumeric characters"));
  }

  @Test
  void lengthsAreCountedInUtf8BytesAsGoDoes() {
    String fortyAccents = "é".repeat(40); // 40 chars, 80 bytes
    List<String> errors = LabelRules.labelValueErrors(fortyAccents);
    assertEquals("must be no more than 63 bytes", errors.get(0));
    assertEquals(2, errors.size());
    assertEquals(2, LabelRules.qualifiedNameErrors(fortyAccents).size());
    assertEquals(1, LabelRules.utf8Length("a"));
    assertEquals(4, LabelRules.utf8Length("\uD83D\uDE00"));
  }

  @Test
  void keyNameLongerThan63IsRejected() {
    assertEquals(
        List.of("name part must be no more than 63 bytes"),
        LabelRules.qualifiedNameErrors("a".repeat(64)));
    assertEquals(List.of(), LabelRules.qualifiedNameErrors("a".repeat(63)));
  }

  @Test
  void moreThanOneSlashUsesLabelKeyWording() {
    assertTrue(LabelRules.qualifiedNameErrors("a/b/c").get(0).startsWith("a valid label key "));
  }
}
