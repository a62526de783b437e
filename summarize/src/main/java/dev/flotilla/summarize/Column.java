package dev.flotilla.summarize;

import dev.flotilla.expr.CelNulls;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import java.util.Map;

/** One compiled expression of a summary, with its {@link FastPath} when it has one. */
final class Column {
  final CompiledExpression cel;
  private final FastPath fast;

  Column(CompiledExpression cel) {
    this.cel = cel;
    this.fast = FastPath.compile(cel.source());
  }

  String fieldPath() {
    return cel.fieldPath();
  }

  Object evaluate(Variables variables) {
    if (fast != null) {
      Object value = fast.evaluate(variables.raw());
      if (value != FastPath.FALLBACK) {
        return value;
      }
    }
    return cel.evaluate(variables.cel(), variables.budget());
  }

  /** As {@link CompiledExpression#test}: a non-bool result goes to CEL for its error. */
  boolean test(Variables variables) {
    if (fast != null) {
      Object value = fast.evaluate(variables.raw());
      if (value instanceof Boolean b) {
        return b;
      }
    }
    return cel.test(variables.cel(), variables.budget());
  }

  /** The variables of one report: raw Java values, and their CEL form built on first need. */
  static final class Variables {
    private final Map<String, Object> raw;
    private final PolicyBudget.Run budget;
    private Map<String, Object> cel;

    Variables(Map<String, Object> raw) {
      this(raw, null);
    }

    Variables(Map<String, Object> raw, PolicyBudget.Run budget) {
      this.raw = raw;
      this.budget = budget;
    }

    /** The budget of the summary evaluation this report belongs to, or null. */
    PolicyBudget.Run budget() {
      return budget;
    }

    Map<String, Object> raw() {
      return raw;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> cel() {
      if (cel == null) {
        cel =
            Map.of(
                "cluster", raw.get("cluster"),
                "status", CelNulls.of((Map<String, Object>) raw.get("status")),
                "report", raw.get("report"),
                "workload", CelNulls.of((Map<String, Object>) raw.get("workload")),
                "feedback", CelNulls.of((Map<String, Object>) raw.get("feedback")));
      }
      return cel;
    }
  }

  /** CEL's message without the field path it starts with (the column says it already). */
  static String message(ExpressionEvaluationException e, String fieldPath) {
    String message = String.valueOf(e.getMessage());
    String prefix = fieldPath + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
