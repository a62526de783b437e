package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.expr.Dependencies.ClusterMap;
import dev.flotilla.expr.internal.KeyConstraint;
import dev.flotilla.expr.internal.KeyConstraint.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyConstraintTest {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();

  private static List<KeyConstraint> constraints(String expression) {
    return ENV.compileBoolean(expression, "expr").keyConstraints();
  }

  private static KeyConstraint label(String key, Kind kind, String... values) {
    return new KeyConstraint(ClusterMap.LABELS, key, kind, Set.of(values));
  }

  @Test
  void equalityByIndexOrSelectOnEitherSide() {
    List<KeyConstraint> tierGold = List.of(label("tier", Kind.VALUE_IN_OR_ABSENT, "gold"));
    assertEquals(tierGold, constraints("cluster.labels['tier'] == 'gold'"));
    assertEquals(tierGold, constraints("cluster.labels.tier == 'gold'"));
    assertEquals(tierGold, constraints("'gold' == cluster.labels['tier']"));
  }

  @Test
  void inequalityMembershipAndPresence() {
    assertEquals(
        List.of(label("env", Kind.VALUE_NOT_IN, "dev")),
        constraints("cluster.labels.env != 'dev'"));
    assertEquals(
        List.of(label("hw", Kind.VALUE_IN_OR_ABSENT, "a", "b")),
        constraints("cluster.labels['hw'] in ['a', 'b']"));
    assertEquals(List.of(label("gpu", Kind.PRESENT)), constraints("has(cluster.labels.gpu)"));
    assertEquals(List.of(label("gpu", Kind.PRESENT)), constraints("'gpu' in cluster.labels"));
    assertEquals(List.of(label("gpu", Kind.ABSENT)), constraints("!has(cluster.labels.gpu)"));
    assertEquals(List.of(label("gpu", Kind.ABSENT)), constraints("!('gpu' in cluster.labels)"));
  }

  @Test
  void conjunctionsCollectEveryAtomAndPropertiesAreRecognised() {
    assertEquals(
        List.of(
            label("a", Kind.VALUE_IN_OR_ABSENT, "x"),
            new KeyConstraint(ClusterMap.PROPERTIES, "site", Kind.PRESENT, Set.of()),
            label("c", Kind.ABSENT)),
        constraints(
            "cluster.labels.a == 'x' && has(cluster.properties.site) && !has(cluster.labels.c)"));
  }

  @Test
  void anythingElseYieldsNoConstraintAtAll() {
    // One unrecognised side could fail (cost, runtime error) before the false side is seen.
    assertEquals(List.of(), constraints("cluster.labels.a == 'x' && cluster.name == 'n'"));
    assertEquals(List.of(), constraints("cluster.labels.a == 'x' || cluster.labels.b == 'y'"));
    assertEquals(List.of(), constraints("cluster.labels.a.startsWith('x')"));
    assertEquals(List.of(), constraints("cluster.annotations.a == 'x'"));
    assertEquals(List.of(), constraints("cluster.labels[?'a'].orValue('x') == 'x'"));
    assertEquals(List.of(), constraints("cluster.labels.exists(k, k == 'a')"));
  }

  @Test
  void admitsFollowsTheKind() {
    KeyConstraint equal = label("k", Kind.VALUE_IN_OR_ABSENT, "v");
    assertTrue(equal.admits("v"));
    assertTrue(equal.admits(null));
    assertFalse(equal.admits("w"));
    KeyConstraint notEqual = label("k", Kind.VALUE_NOT_IN, "v");
    assertFalse(notEqual.admits("v"));
    assertTrue(notEqual.admits(null));
    assertTrue(notEqual.admits("w"));
    assertTrue(label("k", Kind.PRESENT).admits(""));
    assertFalse(label("k", Kind.ABSENT).admits(""));
  }
}
