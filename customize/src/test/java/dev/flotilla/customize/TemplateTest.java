package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.ExpressionEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  static final Cluster CLUSTER =
      new Cluster(
          "store-7",
          Map.of("env", "prod", "topology.kubernetes.io/zone", "eu-1a"),
          Map.of(),
          Map.of("cpu", "16", "memory", "64Gi"),
          List.of());

  static JsonNode eval(String text) {
    return Template.compile(text, "spec.x", ExpressionEnvironment.forClusters())
        .evaluate(TemplateContext.of(CLUSTER), "/x");
  }

  @Test
  void wholeTemplateKeepsTheType() {
    assertTrue(eval("${ 1 + 2 }").isInt());
    assertEquals(3, eval("${ 1 + 2 }").intValue());
    assertTrue(eval("${1 + 2}").isInt());
    assertTrue(eval("${ 10000000000 }").isLong());
    assertTrue(eval("${ cluster.labels.env == 'prod' }").booleanValue());
    assertEquals(2.5, eval("${ 5.0 / 2.0 }").doubleValue());
    // Mixed-type literals must say dyn, as in Kubernetes (its homogeneous-literal validator).
    assertEquals(json("[\"a\",1]"), eval("${ [dyn('a'), dyn(1)] }"));
    assertEquals(json("{\"k\":{\"n\":true}}"), eval("${ {'k': {'n': true}} }"));
    assertEquals("prod", eval("${cluster.labels.env}").textValue());
    assertTrue(eval("${ null }").isNull());
    assertEquals("64Gi", eval("${ quantity(cluster.properties.memory) }").textValue());
  }

  @Test
  void embeddedTemplatesRenderAsText() {
    assertEquals("n=3!", eval("n=${ 1 + 2 }!").textValue());
    assertEquals(" 3", eval(" ${ 1 + 2 }").textValue());
    assertEquals(
        "prod/eu-1a",
        eval("${cluster.labels.env}/${cluster.labels['topology.kubernetes.io/zone']}").textValue());
    assertEquals(
        "list [1,\"a\"] ok true", eval("list ${[dyn(1), dyn('a')]} ok ${true}").textValue());
  }

  @Test
  void escapesAndBracesInsideCel() {
    assertEquals("${literal}", eval("$${literal}").textValue());
    assertEquals("a ${x} prod", eval("a $${x} ${cluster.labels.env}").textValue());
    assertEquals(1, eval("${ {'a': 1}['a'] }").intValue());
    assertEquals("}{", eval("${ '}' + \"{\" }").textValue());
    assertEquals("$", eval("$").textValue());
    assertEquals("$ {x}", eval("$ {x}").textValue());
  }

  @Test
  void optionalGivesDefaults() {
    assertEquals("none", eval("${cluster.labels[?'missing'].orValue('none')}").textValue());
    assertEquals("prod", eval("${cluster.labels[?'env'].orValue('none')}").textValue());
    ActionFailure empty =
        assertThrows(ActionFailure.class, () -> eval("${cluster.labels[?'missing']}"));
    assertTrue(empty.getMessage().contains("orValue"), empty.getMessage());
  }

  @Test
  void missingKeyFailsWithThePath() {
    ActionFailure e = assertThrows(ActionFailure.class, () -> eval("${cluster.labels.missing}"));
    assertEquals("/x", e.target);
    assertTrue(e.getMessage().startsWith("spec.x"), e.getMessage());
  }

  @Test
  void compileErrors() {
    ExpressionEnvironment cel = ExpressionEnvironment.forClusters();
    for (String bad :
        List.of("${", "${ 1 + ", "${}", "a ${ '}' ", "${ cluster.nope }", "${ 1 + }")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> Template.compile(bad, "spec.y", cel), bad);
      assertEquals("spec.y", e.problems().get(0).path(), bad);
    }
  }

  @Test
  void resultsAreNeverReparsed() {
    Cluster hostile =
        new Cluster(
            "c",
            Map.of(),
            Map.of(
                "x",
                "${cluster.name}",
                "y",
                "{{ .Values }}",
                "z",
                "{\"a\": 1}",
                "w",
                "a: [b]\n- c"),
            Map.of(),
            List.of());
    ExpressionEnvironment cel = ExpressionEnvironment.forClusters();
    for (String key : List.of("x", "y", "z", "w")) {
      String value = hostile.annotations().get(key);
      JsonNode whole =
          Template.compile("${cluster.annotations['" + key + "']}", "p", cel)
              .evaluate(TemplateContext.of(hostile), "/");
      assertEquals(value, whole.textValue());
      JsonNode embedded =
          Template.compile("<${cluster.annotations['" + key + "']}>", "p", cel)
              .evaluate(TemplateContext.of(hostile), "/");
      assertEquals("<" + value + ">", embedded.textValue());
    }
  }
}
