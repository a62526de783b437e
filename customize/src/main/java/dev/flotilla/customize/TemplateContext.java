package dev.flotilla.customize;

import dev.flotilla.api.Cluster;
import dev.flotilla.expr.ClusterVariables;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.PolicyBudget;
import dev.flotilla.expr.internal.ClusterProjection;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The context templates are evaluated in for one cluster: its CEL variables and, when results are
 * shared (a fleet application, or one-cluster calls of a rule set), a memo of template results.
 *
 * <p>The memo is why a fleet costs about as much as its distinct outputs even when those are many:
 * clusters whose outputs differ (say by zone) still share most template results (the registry of
 * their region, the replicas of their hardware class). A result is keyed by the expression and the
 * values of exactly what it reads ({@link CompiledExpression#dependencies()}), so two clusters
 * share it only when the expression cannot tell them apart.
 */
final class TemplateContext {
  private final Map<String, Object> cluster;
  private final Map<Object, Object> memo;
  private final boolean shared;
  private final PolicyBudget.Run budget;
  private long output;

  /** Told of each template result a run reads, while an {@link OutcomeTree} records; else null. */
  private BiConsumer<CompiledExpression, Object> recorder;

  private TemplateContext(
      Map<String, Object> cluster,
      Map<Object, Object> memo,
      boolean shared,
      PolicyBudget.Run budget) {
    this.cluster = cluster;
    this.memo = memo;
    this.shared = shared;
    this.budget = budget;
  }

  /**
   * The most characters the templates of one manifest may produce together: a Kubernetes object is
   * at most about 1.5 MB in etcd, so more output can only be an attack or a mistake, and each
   * template alone staying within its CEL budget does not bound their sum.
   */
  static final long MAX_OUTPUT_PER_MANIFEST = 2L << 20;

  /** Starts counting the template output of the next manifest. */
  void beginManifest() {
    output = 0;
  }

  /** Counts {@code chars} more characters of output, failing past the per-manifest limit. */
  void addOutput(long chars, String target) {
    output += chars;
    if (output > MAX_OUTPUT_PER_MANIFEST) {
      throw new ActionFailure(
          target,
          "the templates of this manifest produce more than "
              + MAX_OUTPUT_PER_MANIFEST
              + " characters");
    }
  }

  /**
   * The activation for {@code expression}: only what it reads (cel-java copies every map it reads
   * on each access, so a template reading one label should not be handed all of them).
   */
  private Map<String, Object> variables(CompiledExpression expression) {
    return ClusterProjection.of(
        (String) cluster.get("name"),
        map ->
            switch (map) {
              case LABELS -> map("labels");
              case ANNOTATIONS -> map("annotations");
              case PROPERTIES -> map("properties");
            },
        expression.dependencies());
  }

  /** A context that evaluates every template afresh. */
  static TemplateContext of(Cluster cluster) {
    return of(cluster, null);
  }

  /** A context that evaluates every template afresh within {@code budget} (null: none). */
  static TemplateContext of(Cluster cluster, PolicyBudget.Run budget) {
    return new TemplateContext(ClusterVariables.value(cluster), null, false, budget);
  }

  /**
   * A context for one cluster that shares successful results with other calls, across threads,
   * through {@code cache} (a concurrent map the caller bounds). Failures are not shared: a time
   * limit hit under load must not fail later calls.
   */
  static TemplateContext shared(
      Cluster cluster, Map<Object, Object> cache, PolicyBudget.Run budget) {
    return new TemplateContext(ClusterVariables.value(cluster), cache, true, budget);
  }

  /**
   * A context over the value of the variable {@code cluster} (as {@link
   * dev.flotilla.placement.Inventory#clusterVariable}) that shares results through {@code memo}
   * (not thread-safe: one per run).
   */
  static TemplateContext memoized(
      Map<String, Object> cluster, Map<Object, Object> memo, PolicyBudget.Run budget) {
    return new TemplateContext(cluster, memo, false, budget);
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> map(String field) {
    return (Map<String, String>) cluster.get(field);
  }

  /**
   * The expression's value; a failure is remembered as its message and thrown again as an {@link
   * ActionFailure} at {@code target}.
   */
  Object evaluate(CompiledExpression expression, String target) {
    if (memo == null) {
      return Template.run(expression, variables(expression), target, budget);
    }
    Object value = result(expression);
    if (recorder != null) {
      recorder.accept(expression, value);
    }
    if (value instanceof Failure failure) {
      throw new ActionFailure(target, failure.message);
    }
    return value;
  }

  /** Reports each result {@link #evaluate} reads to {@code recorder}, until called with null. */
  void record(BiConsumer<CompiledExpression, Object> recorder) {
    this.recorder = recorder;
  }

  /**
   * The memoized result of {@code expression} for this cluster: its value, or a failure marker that
   * equals any other failure with the same message. Results are compared to group clusters whose
   * templates evaluate alike.
   */
  Object result(CompiledExpression expression) {
    Key key = key(expression);
    Object value = memo.get(key);
    if (value == null) {
      try {
        Object result = Template.run(expression, variables(expression), "", budget);
        value = result == null ? NULL : result; // concurrent maps hold no nulls
        memo.put(key, value);
      } catch (ActionFailure failure) {
        value = new Failure(failure.getMessage());
        if (!shared) {
          memo.put(key, value);
        }
      }
    }
    return value == NULL ? null : value;
  }

  private static final Object NULL = new Object();

  private Key key(CompiledExpression expression) {
    Dependencies d = expression.dependencies();
    Object[] values =
        new Object[d.labelKeys().size() + d.annotationKeys().size() + d.propertyNames().size() + 4];
    int i = 0;
    Map<String, String> labels = map("labels");
    Map<String, String> annotations = map("annotations");
    Map<String, String> properties = map("properties");
    for (String k : d.labelKeys()) {
      values[i++] = labels.get(k);
    }
    for (String k : d.annotationKeys()) {
      values[i++] = annotations.get(k);
    }
    for (String k : d.propertyNames()) {
      values[i++] = properties.get(k);
    }
    values[i++] = d.readsName() ? cluster.get("name") : null;
    values[i++] =
        d.wholeMaps().contains(Dependencies.ClusterMap.LABELS) ? Map.copyOf(labels) : null;
    values[i++] =
        d.wholeMaps().contains(Dependencies.ClusterMap.ANNOTATIONS)
            ? Map.copyOf(annotations)
            : null;
    values[i] =
        d.wholeMaps().contains(Dependencies.ClusterMap.PROPERTIES) ? Map.copyOf(properties) : null;
    return new Key(expression, values);
  }

  /** An expression (by identity) and the values it reads. */
  private record Key(CompiledExpression expression, Object[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && expression == other.expression
          && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(expression) * 31 + Arrays.hashCode(values);
    }
  }

  private record Failure(String message) {
    Failure {
      Objects.requireNonNull(message);
    }
  }
}
