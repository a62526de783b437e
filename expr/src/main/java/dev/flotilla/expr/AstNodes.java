package dev.flotilla.expr;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over cel-java's syntax tree. */
final class AstNodes {
  private AstNodes() {}

  /** The direct children of a node, in source order. */
  static List<CelExpr> children(CelExpr expr) {
    List<CelExpr> children = new ArrayList<>();
    switch (expr.getKind()) {
      case SELECT -> children.add(expr.select().operand());
      case CALL -> {
        expr.call().target().ifPresent(children::add);
        children.addAll(expr.call().args());
      }
      case LIST -> children.addAll(expr.list().elements());
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    children.add(entry.key());
                    children.add(entry.value());
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> children.add(entry.value()));
      case COMPREHENSION -> {
        CelExpr.CelComprehension loop = expr.comprehension();
        children.add(loop.iterRange());
        children.add(loop.accuInit());
        children.add(loop.loopCondition());
        children.add(loop.loopStep());
        children.add(loop.result());
      }
      default -> {
        // constants, identifiers and unset nodes have no children
      }
    }
    return children;
  }
}
