package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Replacements for extension functions that could allocate without bound in a single call, which
 * the cost meter (charged after each call) cannot prevent. cel-java's {@code lists.range(n)}
 * materializes all n elements: {@code lists.range(2000000000)} exhausts the heap. Ours refuses a
 * range whose size alone exceeds the cost budget.
 */
final class BoundedFunctions {
  private BoundedFunctions() {}

  /** The lists extension without {@code range}, which {@link #declarations()} provides instead. */
  static CelListsExtensions lists() {
    EnumSet<CelListsExtensions.Function> functions =
        EnumSet.allOf(CelListsExtensions.Function.class);
    functions.remove(CelListsExtensions.Function.RANGE);
    return CelExtensions.lists(functions);
  }

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "lists.range",
            CelOverloadDecl.newGlobalOverload(
                "lists_range", ListType.create(SimpleType.INT), SimpleType.INT)));
  }

  static List<CelFunctionBinding> bindings(ExpressionLimits limits) {
    long max = limits.maxEvaluationCost();
    return List.of(
        CelFunctionBinding.from(
            "lists_range",
            Long.class,
            n -> {
              if (n > max) {
                throw new KubernetesLibrary.FunctionError(
                    Kind.COST_LIMIT,
                    "lists.range(" + n + ") exceeds the evaluation cost budget of " + max);
              }
              List<Long> range = new ArrayList<>((int) Math.max(0, n));
              for (long i = 0; i < n; i++) {
                range.add(i);
              }
              return range;
            }));
  }
}
