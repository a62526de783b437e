package dev.flotilla.customize;

import static dev.flotilla.customize.Fixtures.DEPLOYMENT;
import static dev.flotilla.customize.Fixtures.policy;
import static dev.flotilla.customize.Fixtures.rules;
import static dev.flotilla.customize.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import dev.flotilla.placement.Inventory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates are bounded as a whole, not only one by one (issue 11). */
class TemplateBoundsTest {
  private static final Cluster BIG =
      new Cluster("c1", Map.of(), Map.of("big", "x".repeat(1_000)), Map.of(), List.of());

  @Test
  void manyTemplatesInOneStringCannotExhaustTheHeapTogether() {
    // 2,200 templates, each well within its own budget, together 2.2 million characters.
    String value = "${cluster.annotations.big}".repeat(2_200);
    RuleSet rules =
        rules(
            policy(
                "wide",
                """
                rules:
                - name: wide
                  clusterSelector: {}
                  annotations: {add: {note: "%s"}}
                """
                    .formatted(value)));
    CustomizationException e =
        assertThrows(CustomizationException.class, () -> rules.apply(BIG, yaml(DEPLOYMENT)));
    assertTrue(e.getMessage().contains("more than"), e.getMessage());
  }

  @Test
  void aTemplateOutputWithinTheLimitIsDelivered() {
    RuleSet rules =
        rules(
            policy(
                "narrow",
                """
                rules:
                - name: narrow
                  clusterSelector: {}
                  annotations: {add: {note: "${cluster.annotations.big}${cluster.annotations.big}"}}
                """));
    JsonNode out = rules.apply(BIG, yaml(DEPLOYMENT)).orElseThrow();
    assertEquals(2_000, out.at("/metadata/annotations/note").asText().length());
  }

  @Test
  void aFleetApplicationStopsWhenItsPolicyBudgetIsSpent() {
    ExpressionEnvironment small =
        ExpressionEnvironment.builder()
            .variable("cluster", ExpressionEnvironment.VariableType.CLUSTER)
            .policyBudget(new PolicyBudget(20_000, Duration.ofMinutes(1)))
            .build();
    Customization customization =
        policy(
            "costly",
            """
            rules:
            - name: costly
              clusterSelector: {}
              annotations: {add: {n: "${string(lists.range(200).filter(i, i % 7 == 0).size()) + cluster.name}"}}
            """);
    RuleSet rules = RuleSet.of(List.of(CompiledCustomization.compile(customization, small)));
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      clusters.add(Cluster.of("c-" + i, Map.of()));
    }
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> rules.apply(Inventory.of(clusters), List.of(yaml(DEPLOYMENT))));
    assertEquals(ExpressionEvaluationException.Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("customization default/costly"), e.getMessage());
  }
}
