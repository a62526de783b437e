package dev.flotilla.summarize;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.summary.Aggregate;
import dev.flotilla.api.summary.AggregateFunction;
import dev.flotilla.api.summary.Attention;
import dev.flotilla.api.summary.FeedbackRule;
import dev.flotilla.api.summary.OrderBy;
import dev.flotilla.api.summary.StatusReport;
import dev.flotilla.api.summary.StatusSummary;
import dev.flotilla.api.summary.StatusSummarySpec;
import dev.flotilla.expr.Dependencies;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEnvironment.ResultType;
import dev.flotilla.expr.ExpressionEnvironment.VariableType;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * A status summary policy compiled once: every CEL expression checked and compiled, ready to
 * summarize reports from any thread.
 *
 * <pre>{@code
 * CompiledSummary compiled = CompiledSummary.compile(StatusSummaryReader.read(file));
 * SummaryContext context = SummaryContext.at(Instant.now()).withInventory(fleet);
 * Summary partial = compiled.summarize(reports, context);        // mergeable, JSON-able
 * SummaryResult result = partial.merge(fromAnotherHub).result();  // bounded by maxBytes
 * LiveSummary live = compiled.live(context);                      // O(log n) per report change
 * }</pre>
 *
 * <h2>Semantics</h2>
 *
 * CEL variables: {@code cluster} ({@code name}, {@code labels}, {@code annotations}, {@code
 * properties}), {@code status} (the reported object), {@code report} ({@code observedAt}), {@code
 * workload} (below) and {@code feedback} (one value per {@code spec.feedback} rule, null when its
 * path finds no scalar). For each report:
 *
 * <ol>
 *   <li>{@code filter}: {@code true} keeps it; {@code false} excludes it; an error or a result that
 *       is not a bool (null included) excludes it and counts an error under {@code spec.filter}.
 *   <li>Stale when {@code observedAt} is more than {@code staleAfter} before the context's clock; a
 *       stale report is still summarized (it is the last known state) and counted as stale.
 *   <li>Its group key: each {@code groupBy} value, a string, number, bool or null; an error gives
 *       null and counts an error.
 *   <li>Each aggregate's subject: null subjects are skipped and counted per group ({@code
 *       skipped}); a failing expression or a subject of the wrong kind is skipped and counted under
 *       errors. {@code Count} with an expression counts {@code true} subjects; {@code Sum}, {@code
 *       Avg} and quantiles take numbers; {@code Min}, {@code Max}, {@code CountDistinct} take
 *       scalars. A group with no subject gives null (never NaN or infinity), except counts.
 *   <li>Attention: listed when {@code when} is {@code true} (an error or a non-bool counts an
 *       error), sorted by {@code orderBy} (nulls last) then cluster name.
 * </ol>
 *
 * Error messages are kept per column (the expression's field path) with the examples of the
 * smallest cluster names.
 *
 * <h2>The variable {@code workload}</h2>
 *
 * The health of a Kubernetes workload read from its reported object, the same way whatever its
 * kind. Supported kinds are Deployment, StatefulSet, DaemonSet, Job and Pod (as {@code kubectl get
 * -o json} prints them: {@code kind}, {@code spec}, {@code status}).
 *
 * <p>The map always has the same keys, so that an expression never fails on a missing one:
 *
 * <ul>
 *   <li>{@code kind}: the object's kind, or null.
 *   <li>{@code desired}: replicas wanted (Deployment, StatefulSet: {@code spec.replicas}, default
 *       1; DaemonSet: {@code status.desiredNumberScheduled}; Job: {@code spec.completions}, default
 *       1; Pod: the number of containers).
 *   <li>{@code ready}, {@code available}, {@code updated}: replicas (DaemonSet: nodes) ready,
 *       available and up to date; Job: {@code ready} pods, {@code available} = succeeded pods; Pod:
 *       ready containers. Kubernetes omits zero counts, so a missing count of a known kind is 0.
 *   <li>{@code active}, {@code succeeded}, {@code failed}: Job pod counts (0 for a Job, else null).
 *   <li>{@code phase}, {@code restarts}: a Pod's phase and total container restarts (else null).
 *   <li>{@code conditions}: condition type to status ({@code "True"}, {@code "False"}, {@code
 *       "Unknown"}), for every kind.
 *   <li>{@code healthy}: Deployment, StatefulSet, DaemonSet: ready, available and updated all reach
 *       desired and the controller observed the latest generation; Job: condition {@code Complete}
 *       is True; Pod: condition {@code Ready} is True. Null for other kinds.
 * </ul>
 */
public final class CompiledSummary {
  /**
   * The CEL environment of summaries: {@code forStatus()} plus {@code workload}, {@code feedback}.
   */
  static final ExpressionEnvironment ENVIRONMENT =
      ExpressionEnvironment.builder()
          .variable("cluster", VariableType.CLUSTER)
          .variable("status", VariableType.DYN_MAP)
          .variable("report", VariableType.REPORT)
          .variable("workload", VariableType.DYN_MAP)
          .variable("feedback", VariableType.DYN_MAP)
          .build();

  /** Inputs of this many reports or more are summarized in chunks. */
  static final int PARALLEL_THRESHOLD = 4096;

  /**
   * Reports per chunk. Fixed, not derived from the processor count: the cut decides which values
   * each partial's sketches see, so it must be the same on every machine for equal outputs.
   */
  static final int CHUNK_SIZE = 2048;

  private final StatusSummary summary;
  private final Layout layout;
  private final Column filter;
  private final Column[] groupBy;
  private final Column[] aggregates;
  private final AggregateFunction[] functions;
  private final Column when;
  private final Column[] orderBy;
  private final Column[] fields;
  private final String[] fieldNames;
  private final List<FeedbackRule> feedback;
  private final long staleAfterNanos;
  private final boolean usesWorkload;

  /** What the expressions read of the variable {@code cluster}: its projection holds just that. */
  private final Dependencies clusterReads;

  private CompiledSummary(StatusSummary summary) {
    this.summary = summary;
    StatusSummarySpec spec = summary.spec();
    List<Problem> problems = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    this.filter =
        spec.filter()
            .map(f -> compile(f, "spec.filter", ResultType.BOOL, problems, sources))
            .orElse(null);
    this.groupBy = new Column[spec.groupBy().size()];
    for (int i = 0; i < groupBy.length; i++) {
      groupBy[i] =
          compile(
              spec.groupBy().get(i).expression(),
              "spec.groupBy[" + i + "].expression",
              ResultType.ANY,
              problems,
              sources);
    }
    this.aggregates = new Column[spec.aggregates().size()];
    this.functions = new AggregateFunction[aggregates.length];
    for (int i = 0; i < aggregates.length; i++) {
      Aggregate aggregate = spec.aggregates().get(i);
      functions[i] = aggregate.function();
      ResultType type =
          switch (aggregate.function()) {
            case Count -> ResultType.BOOL;
            case Sum, Avg, P50, P90, P99 -> ResultType.NUMBER;
            default -> ResultType.ANY;
          };
      String path = "spec.aggregates[" + i + "].expression";
      aggregates[i] =
          aggregate.expression().map(e -> compile(e, path, type, problems, sources)).orElse(null);
    }
    Optional<Attention> attention = spec.attention();
    this.when =
        attention
            .map(a -> compile(a.when(), "spec.attention.when", ResultType.BOOL, problems, sources))
            .orElse(null);
    List<OrderBy> order = attention.map(Attention::orderBy).orElse(List.of());
    this.orderBy = new Column[order.size()];
    for (int i = 0; i < orderBy.length; i++) {
      orderBy[i] =
          compile(
              order.get(i).expression(),
              "spec.attention.orderBy[" + i + "].expression",
              ResultType.ANY,
              problems,
              sources);
    }
    List<dev.flotilla.api.summary.Field> shown = attention.map(Attention::fields).orElse(List.of());
    this.fields = new Column[shown.size()];
    this.fieldNames = new String[shown.size()];
    for (int i = 0; i < fields.length; i++) {
      fieldNames[i] = shown.get(i).name();
      fields[i] =
          compile(
              shown.get(i).expression(),
              "spec.attention.fields[" + i + "].expression",
              ResultType.ANY,
              problems,
              sources);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    this.feedback = spec.feedback();
    this.staleAfterNanos = spec.staleAfter().map(java.time.Duration::toNanos).orElse(-1L);
    // Only build the workload map when some expression may read it (a cheap over-approximation).
    this.usesWorkload = sources.stream().anyMatch(s -> s.contains("workload"));
    this.clusterReads =
        Dependencies.union(columns().stream().map(column -> column.cel.dependencies()).toList());
    this.layout =
        new Layout(
            spec.groupBy().stream().map(g -> g.name()).toList(),
            spec.aggregates().stream().map(Aggregate::name).toList(),
            List.of(functions),
            attention.isPresent(),
            attention.map(Attention::limit).orElse(0),
            order.stream().map(OrderBy::direction).toList(),
            List.of(fieldNames),
            spec.maxBytes());
  }

  private static Column compile(
      String source, String path, ResultType type, List<Problem> problems, List<String> sources) {
    sources.add(source);
    try {
      return new Column(ENVIRONMENT.compile(source, path, type));
    } catch (ValidationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /**
   * Compiles every expression of {@code summary}.
   *
   * @throws ValidationException listing every expression that does not compile, each with its field
   *     path ({@code spec.aggregates[1].expression}) and CEL's message
   */
  public static CompiledSummary compile(StatusSummary summary) {
    return new CompiledSummary(java.util.Objects.requireNonNull(summary, "summary"));
  }

  /** The policy. */
  public StatusSummary summary() {
    return summary;
  }

  /**
   * Summarizes {@code reports} (at most one per cluster) as a mergeable partial; large inputs are
   * evaluated on the common fork-join pool. Same as {@link #summarize(Collection, SummaryContext,
   * Executor)} with {@link ForkJoinPool#commonPool()}.
   *
   * @throws ValidationException when two reports come from the same cluster ({@code [i].cluster})
   */
  public Summary summarize(Collection<StatusReport> reports, SummaryContext context) {
    return summarize(reports, context, ForkJoinPool.commonPool());
  }

  /**
   * Summarizes {@code reports} (at most one per cluster) as a mergeable partial, evaluating large
   * inputs on {@code executor}.
   *
   * <p>From 4,096 reports on, the reports are cut, in the collection's iteration order, into chunks
   * of 2,048; each chunk is summarized into a partial and the partials are merged in chunk order.
   * The cut depends on the number of reports only, never on the executor or the machine's
   * processors, so the same reports in the same order give a summary with byte-identical JSON on 1
   * core or 64, whatever the executor (quantile sketches included). The calling thread summarizes
   * chunks too and waits only for chunks another thread has started, so an executor that is busy,
   * saturated, shut down (its rejections are ignored) or the caller's own never deadlocks it;
   * {@code Runnable::run} evaluates everything on the calling thread.
   *
   * @param executor runs the helper tasks (one per chunk beyond the first, at most); a task that
   *     starts after every chunk was taken returns at once
   * @throws ValidationException when two reports come from the same cluster ({@code [i].cluster})
   * @throws dev.flotilla.expr.ExpressionEvaluationException of kind {@code POLICY_BUDGET} when the
   *     summary's CEL would exceed, or has exceeded, the {@link PolicyBudget} of its environment
   */
  public Summary summarize(
      Collection<StatusReport> reports, SummaryContext context, Executor executor) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(executor, "executor");
    List<StatusReport> list = List.copyOf(reports);
    Set<String> seen = new HashSet<>(list.size() * 2);
    for (int i = 0; i < list.size(); i++) {
      if (!seen.add(list.get(i).cluster())) {
        throw ValidationException.at(
            "[" + i + "].cluster",
            "Duplicate value: \"" + list.get(i).cluster() + "\": a cluster reports once");
      }
    }
    PolicyBudget.Run budget = startBudget(list.size());
    if (list.size() < PARALLEL_THRESHOLD) {
      SummaryState state = new SummaryState(layout, context.expected());
      for (StatusReport report : list) {
        state.add(evaluate(report, context, budget));
      }
      return state.snapshot();
    }
    // Large inputs: each chunk is summarized into a partial, and the partials merged (the merge
    // laws make this equal to one pass, quantiles within the sketch's bound). Rows die young this
    // way instead of all surviving until a single SummaryState takes them. Missing clusters need
    // every report at once, so they are counted here from `seen`.
    List<Summary> partials =
        Chunks.run(
            chunkCount(list.size()),
            c -> {
              SummaryState state = new SummaryState(layout, Set.of());
              int end = Math.min(list.size(), (c + 1) * CHUNK_SIZE);
              for (int i = c * CHUNK_SIZE; i < end; i++) {
                state.add(evaluate(list.get(i), context, budget));
              }
              return state.snapshot();
            },
            executor);
    Summary merged = MergeAll.of(partials);
    return merged.withMissing(SummaryState.missing(context.expected(), seen));
  }

  /**
   * Starts the CEL budget of one summary over {@code reports} reports, rejecting first any
   * expression whose estimated cost over them exceeds it.
   */
  PolicyBudget.Run startBudget(int reports) {
    PolicyBudget.Run budget =
        ENVIRONMENT.policyBudget().start("summary " + summary.namespace() + "/" + summary.name());
    for (Column column : columns()) {
      budget.admit(column.cel, reports);
    }
    return budget;
  }

  private List<Column> columns() {
    List<Column> all = new ArrayList<>();
    if (filter != null) {
      all.add(filter);
    }
    if (when != null) {
      all.add(when);
    }
    for (Column[] columns : new Column[][] {groupBy, aggregates, orderBy, fields}) {
      for (Column column : columns) {
        if (column != null) {
          all.add(column);
        }
      }
    }
    return all;
  }

  /** How many chunks {@code reports} reports are cut into: a function of the count only. */
  static int chunkCount(int reports) {
    return (reports + CHUNK_SIZE - 1) / CHUNK_SIZE;
  }

  /** An empty live summary for reports to be put into and removed one at a time. */
  public LiveSummary live(SummaryContext context) {
    return new LiveSummary(this, context);
  }

  Layout layout() {
    return layout;
  }

  /** Evaluates every expression on one report; never throws for a bad report. */
  Row evaluate(StatusReport report, SummaryContext context, PolicyBudget.Run budget) {
    String cluster = report.cluster();
    Column.Variables variables =
        new Column.Variables(
            Map.of(
                "cluster",
                context.clusterValue(cluster, clusterReads),
                "status",
                report.object(),
                "report",
                Map.of("observedAt", report.observedAt()),
                "workload",
                usesWorkload ? WellKnownStatus.of(report.object()) : Map.of(),
                "feedback",
                feedback.isEmpty() ? Map.of() : feedbackValues(report.object())),
            budget);
    List<ColumnError> errors = new ArrayList<>(0);
    if (filter != null) {
      boolean kept;
      try {
        kept = filter.test(variables);
      } catch (ExpressionEvaluationException e) {
        errors.add(error(filter, e));
        kept = false;
      }
      if (!kept) {
        return new Row(cluster, false, false, List.of(), new Object[0], null, errors);
      }
    }
    boolean stale =
        staleAfterNanos > 0
            && report.observedAt().isBefore(context.now().minusNanos(staleAfterNanos));
    List<Object> key = new ArrayList<>(groupBy.length);
    for (Column expression : groupBy) {
      key.add(scalarOrNull(expression, variables, errors));
    }
    Object[] subjects = new Object[aggregates.length];
    for (int i = 0; i < aggregates.length; i++) {
      subjects[i] = subject(i, variables, errors);
    }
    AttentionItem item = null;
    if (when != null) {
      boolean listed;
      try {
        listed = when.test(variables);
      } catch (ExpressionEvaluationException e) {
        errors.add(error(when, e));
        listed = false;
      }
      if (listed) {
        List<Object> order = new ArrayList<>(orderBy.length);
        for (Column expression : orderBy) {
          order.add(scalarOrNull(expression, variables, errors));
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
          Object value = null;
          try {
            value = Values.any(fields[i].evaluate(variables));
          } catch (ExpressionEvaluationException e) {
            errors.add(error(fields[i], e));
          } catch (Values.Invalid e) {
            errors.add(new ColumnError(fields[i].fieldPath(), e.getMessage()));
          }
          shown.put(fieldNames[i], value);
        }
        item = new AttentionItem(cluster, order, shown);
      }
    }
    return new Row(
        cluster,
        true,
        stale,
        Collections.unmodifiableList(key),
        subjects,
        item,
        errors.isEmpty() ? List.of() : List.copyOf(errors));
  }

  private Object subject(int i, Column.Variables variables, List<ColumnError> errors) {
    Column expression = aggregates[i];
    if (expression == null) {
      return Boolean.TRUE; // a plain Count counts the report
    }
    try {
      Object value = expression.evaluate(variables);
      return switch (functions[i]) {
        case Count -> {
          Object v = Values.scalar(value);
          if (v != null && !(v instanceof Boolean)) {
            throw new Values.Invalid("must be a bool or null, but it is a " + Values.typeName(v));
          }
          yield v;
        }
        case Sum, Avg, P50, P90, P99 -> Values.number(value);
        case Min, Max, CountDistinct -> Values.scalar(value);
      };
    } catch (ExpressionEvaluationException e) {
      errors.add(error(expression, e));
    } catch (Values.Invalid e) {
      errors.add(new ColumnError(expression.fieldPath(), e.getMessage()));
    }
    return Row.FAILED;
  }

  private static Object scalarOrNull(
      Column expression, Column.Variables variables, List<ColumnError> errors) {
    try {
      return Values.scalar(expression.evaluate(variables));
    } catch (ExpressionEvaluationException e) {
      errors.add(error(expression, e));
    } catch (Values.Invalid e) {
      errors.add(new ColumnError(expression.fieldPath(), e.getMessage()));
    }
    return null;
  }

  /**
   * The error of one column on one report, recorded with the report; an exhausted policy budget is
   * not one report's error and stops the whole summary instead.
   */
  private static ColumnError error(Column expression, ExpressionEvaluationException e) {
    if (e.kind() == ExpressionEvaluationException.Kind.POLICY_BUDGET) {
      throw e;
    }
    return new ColumnError(expression.fieldPath(), Column.message(e, expression.fieldPath()));
  }

  private Map<String, Object> feedbackValues(Map<String, Object> object) {
    Map<String, Object> out = new HashMap<>(feedback.size() * 2);
    for (FeedbackRule rule : feedback) {
      Object value = rule.jsonPath().read(object).orElse(null);
      out.put(rule.name(), value instanceof Map<?, ?> || value instanceof List<?> ? null : value);
    }
    return out;
  }
}
