package dev.flotilla.summarize;

import static dev.flotilla.summarize.CompiledSummaryTest.NOW;
import static dev.flotilla.summarize.CompiledSummaryTest.deployment;
import static dev.flotilla.summarize.CompiledSummaryTest.policy;
import static dev.flotilla.summarize.CompiledSummaryTest.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.expr.ExpressionEvaluationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A summary's CEL over all its reports is bounded by the policy budget (issue 11). */
class SummaryBudgetTest {
  @Test
  void aFilterHopelessAtFleetScaleIsRejectedBeforeAnyReportIsRead() {
    CompiledSummary compiled =
        CompiledSummary.compile(
            policy(
                """
                apiVersion: flotilla.dev/v1alpha1
                kind: StatusSummary
                metadata: {name: nested}
                spec:
                  filter: "lists.range(1000).all(i, lists.range(1000).all(j, i + j >= 0))"
                  aggregates:
                  - {name: clusters, function: Count}
                """));
    List<StatusReport> reports = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      reports.add(report("c-" + i, 1, deployment(1, 1L, "web:1")));
    }
    ExpressionEvaluationException e =
        assertThrows(
            ExpressionEvaluationException.class,
            () -> compiled.summarize(reports, SummaryContext.at(NOW)));
    assertEquals(ExpressionEvaluationException.Kind.POLICY_BUDGET, e.kind());
    assertTrue(e.getMessage().contains("summary default/nested"), e.getMessage());
    assertTrue(e.getMessage().startsWith("spec.filter"), e.getMessage());
  }

  @Test
  void ordinarySummariesAreUnaffected() {
    CompiledSummary compiled = CompiledSummary.compile(policy(CompiledSummaryTest.POLICY));
    SummaryResult result =
        compiled.summarize(CompiledSummaryTest.REPORTS, SummaryContext.at(NOW)).result();
    assertTrue(result.toString().contains("clusters"), result.toString());
  }
}
