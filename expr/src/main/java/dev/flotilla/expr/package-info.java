/**
 * The CEL environment shared by placement ({@code cluster}), customization templates ({@code ${ CEL
 * }} over {@code cluster}) and status summaries ({@code cluster}, {@code status}, {@code report}).
 *
 * <pre>{@code
 * ExpressionEnvironment env = ExpressionEnvironment.forClusters();              // build once
 * CompiledExpression expr = env.compileBoolean(text, "spec.celSelector.expressions[0]");
 * boolean selected = expr.test(ClusterVariables.of(cluster));                   // any thread
 * Dependencies deps = expr.dependencies();        // re-evaluate only when these inputs change
 * }</pre>
 *
 * <p>Functions: the CEL standard library; the strings, lists, math, sets, encoders, regex, bindings
 * ({@code cel.bind}), two-variable comprehensions and optionals ({@code
 * cluster.labels[?'x'].orValue('d')}) extensions of cel-java; Kubernetes' {@code quantity()} and
 * {@code semver()} libraries. Regular expressions are RE2 (linear time).
 *
 * <p>Bounds ({@link dev.flotilla.expr.ExpressionLimits}): expression length, parser nesting depth
 * and AST size at compile time; RE2 program size (literal patterns at compile time); comprehension
 * steps per evaluation; a deterministic cost budget per evaluation, metered through cel-java's
 * evaluation listener (see {@link dev.flotilla.expr.CompiledExpression}); a wall-clock limit per
 * evaluation as a backstop. Compile-time problems are {@link dev.flotilla.api.ValidationException}s
 * with the field path; evaluation problems are {@link
 * dev.flotilla.expr.ExpressionEvaluationException}s.
 *
 * <p>Numbers: pass integers as {@link java.lang.Long} (JSON numbers that are integral should be
 * converted), other numbers as {@link java.lang.Double}.
 */
package dev.flotilla.expr;
