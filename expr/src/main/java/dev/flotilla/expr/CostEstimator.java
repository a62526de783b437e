package dev.flotilla.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * A static estimate of what one evaluation of an expression costs, in the units {@link CostMeter}
 * charges: one per node, comprehension bodies once per step. The number of steps is exact for a
 * literal list or map and for {@code lists.range(n)} with a constant {@code n}, and assumed to be
 * {@value #ASSUMED_RANGE} for a list or map that comes from data (Kubernetes' estimator assumes the
 * schema's {@code maxItems} in the same place; cluster maps have no such bound). Nested
 * comprehensions multiply. The estimate is a lower bound of nothing and an upper bound of nothing
 * on data it cannot see; it exists to reject, before any work, the expressions whose cost is
 * already hopeless from their shape alone.
 */
final class CostEstimator {
  static final int ASSUMED_RANGE = 10;

  private CostEstimator() {}

  static long estimate(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
      CelExpr.CelComprehension loop = expr.comprehension();
      long steps = steps(loop.iterRange());
      long body = Saturating.add(estimate(loop.loopCondition()), estimate(loop.loopStep()));
      return Saturating.add(
          1 + estimate(loop.iterRange()),
          Saturating.add(
              estimate(loop.accuInit()),
              Saturating.add(Saturating.multiply(steps, body), estimate(loop.result()))));
    }
    long cost = 1;
    for (CelExpr child : AstNodes.children(expr)) {
      cost = Saturating.add(cost, estimate(child));
    }
    return cost;
  }

  private static long steps(CelExpr range) {
    switch (range.getKind()) {
      case LIST:
        return range.list().elements().size();
      case MAP:
        return range.map().entries().size();
      case CALL:
        CelExpr.CelCall call = range.call();
        if (call.function().equals("lists.range")
            && call.args().size() == 1
            && call.args().get(0).getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && call.args().get(0).constant().getKind() == CelConstant.Kind.INT64_VALUE) {
          return Math.max(0, call.args().get(0).constant().int64Value());
        }
        return ASSUMED_RANGE;
      default:
        return ASSUMED_RANGE;
    }
  }
}
