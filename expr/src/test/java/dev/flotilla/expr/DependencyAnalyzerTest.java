package dev.flotilla.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyAnalyzerTest {
  private static final ExpressionEnvironment ENV = ExpressionEnvironment.forClusters();

  private static Dependencies deps(String expression) {
    return ENV.compile(expression, "spec.x").dependencies();
  }

  private static Dependencies labels(String... keys) {
    return new Dependencies(false, Set.of(keys), Set.of(), Set.of(), Set.of());
  }

  @Test
  void indexSelectInHasAndOptionalAccessReadOneKey() {
    assertEquals(labels("x"), deps("cluster.labels['x'] == 'a'"));
    assertEquals(labels("x"), deps("cluster.labels.x == 'a'"));
    assertEquals(labels("x"), deps("'x' in cluster.labels"));
    assertEquals(labels("x"), deps("has(cluster.labels.x)"));
    assertEquals(labels("x"), deps("cluster.labels[?'x'].orValue('d') == 'd'"));
    assertEquals(labels("x"), deps("cluster.labels.?x.hasValue()"));
    assertEquals(labels("x", "y"), deps("cluster.labels.x == 'a' && !('y' in cluster.labels)"));
    assertEquals(
        labels("app.kubernetes.io/name"), deps("cluster.labels['app.kubernetes.io/name'] == 'a'"));
  }

  @Test
  void eachMapHasItsOwnKeys() {
    Dependencies d =
        deps(
            "cluster.labels.a == '1' && cluster.annotations.b == '2' && cluster.properties.c == '3'");
    assertEquals(Set.of("a"), d.labelKeys());
    assertEquals(Set.of("b"), d.annotationKeys());
    assertEquals(Set.of("c"), d.propertyNames());
    assertFalse(d.readsName());
    assertFalse(d.dynamic());
  }

  @Test
  void nameIsTracked() {
    Dependencies d = deps("cluster.name.startsWith('edge-')");
    assertTrue(d.readsName());
    assertEquals(Set.of(), d.labelKeys());
    assertFalse(d.dynamic());
  }

  @Test
  void usingAMapAsAWholeMakesItDynamic() {
    for (String expression :
        List.of(
            "cluster.labels.exists(k, k == 'x')",
            "size(cluster.labels) > 2",
            "cluster.labels == {'a': 'b'}",
            "cluster.labels[cluster.name] == 'a'",
            "cluster.labels[?('x' + '')].hasValue()",
            "cel.bind(m, cluster.labels, 'x' in m)",
            "[cluster.labels].exists(m, 'x' in m)",
            "has(cluster.labels)",
            "cluster.labels.all(k, v, v != 'x')")) {
      Dependencies d = deps(expression);
      assertTrue(d.dynamic(), expression);
      assertTrue(d.wholeMaps().contains(ClusterMap.LABELS), expression);
      assertFalse(d.wholeMaps().contains(ClusterMap.ANNOTATIONS), expression);
    }
  }

  @Test
  void usingClusterAsAWholeDependsOnEverything() {
    assertEquals(Dependencies.everything(), deps("cluster == cluster"));
    assertEquals(Dependencies.everything(), deps("cel.bind(c, cluster, c.labels.x == 'a')"));
  }

  @Test
  void aLocalVariableCalledClusterIsTreatedAsTheGlobalOne() {
    // Over-reporting is allowed; missing a dependency is not.
    assertEquals(Dependencies.everything(), deps("[1, 2].exists(cluster, cluster > 1)"));
  }

  @Test
  void expressionsThatIgnoreClusterHaveNoDependencies() {
    assertEquals(Dependencies.none(), deps("1 + 1 == 2"));
    assertEquals(Dependencies.none(), deps("[1, 2].all(x, x > 0)"));
  }

  @Test
  void affectedByComparesOnlyWhatIsRead() {
    Dependencies d = deps("cluster.labels.env == 'prod'");
    Cluster before = Cluster.of("c1", Map.of("env", "prod", "zone", "a"));
    assertFalse(d.affectedBy(before, before.withLabels(Map.of("env", "prod", "zone", "b"))));
    assertFalse(d.affectedBy(before, Cluster.of("c2", Map.of("env", "prod", "zone", "a"))));
    assertTrue(d.affectedBy(before, before.withLabels(Map.of("zone", "a"))));
    assertTrue(d.affectedBy(before, before.withLabels(Map.of("env", "dev", "zone", "a"))));
  }

  @Test
  void affectedByOnAWholeMapComparesTheMap() {
    Dependencies d = deps("size(cluster.labels) == 2");
    Cluster before = Cluster.of("c1", Map.of("env", "prod", "zone", "a"));
    assertTrue(d.affectedBy(before, before.withLabels(Map.of("env", "prod", "zone", "b"))));
    assertFalse(d.affectedBy(before, before.withProperties(Map.of("cpu", "4"))));
  }

  @Test
  void dependenciesCopyTheirSets() {
    Dependencies d =
        new Dependencies(
            true,
            new java.util.HashSet<>(Set.of("a")),
            Set.of(),
            Set.of(),
            EnumSet.of(ClusterMap.PROPERTIES));
    assertTrue(d.dynamic());
    assertEquals(Set.of("a"), d.labelKeys());
  }
}
