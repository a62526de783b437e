package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sources the name dictionary answers, and which stay CEL. */
class NameTestTest {
  @Test
  void recognisesTheShapesTheDictionaryAnswers() {
    assertEquals(
        new NameTest(NameTest.Kind.PREFIX, List.of("store-"), true),
        NameTest.of("cluster.name.startsWith('store-')"));
    assertEquals(
        new NameTest(NameTest.Kind.SUFFIX, List.of("-7"), true),
        NameTest.of(" cluster.name.endsWith( \"-7\" ) "));
    assertEquals(
        new NameTest(NameTest.Kind.IN, List.of("a", "b"), true),
        NameTest.of("cluster.name in ['a', \"b\"]"));
    assertEquals(
        new NameTest(NameTest.Kind.PREFIX, List.of("store-"), true),
        NameTest.of("cluster.name.matches('^store-.*')"));
    assertEquals(
        new NameTest(NameTest.Kind.PREFIX, List.of("store-eu"), false),
        NameTest.of("cluster.name.matches('^store-eu.*-1$')"));
  }

  @Test
  void leavesEverythingElseToCel() {
    assertNull(NameTest.of("cluster.name.startsWith('a\\'b')"));
    assertNull(NameTest.of("cluster.name.matches('store')")); // not anchored
    assertNull(NameTest.of("cluster.name.matches('^ab*')")); // b* is not a prefix
    assertNull(NameTest.of("cluster.name.matches('^a|b')")); // alternation
    assertNull(NameTest.of("cluster.name.startsWith('a') && true"));
    assertNull(NameTest.of("cluster.labels.name.startsWith('a')"));
  }
}
