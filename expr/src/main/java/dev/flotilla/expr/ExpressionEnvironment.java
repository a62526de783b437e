package dev.flotilla.expr;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.HomogeneousLiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;
import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.internal.KeyConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * A CEL environment: the declared variables, the functions (the CEL standard library, the strings
 * extension with cel-go's {@code format} ({@link StringFormat}), the lists, math, sets, encoders,
 * regex, bindings, two-variable comprehensions and optionals extensions, and Kubernetes' quantity,
 * semver, lists, regex, jsonpatch, ip, cidr, url and format libraries) and the {@link
 * ExpressionLimits}. Build it once and compile every expression with it; it is immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ExpressionEnvironment env = ExpressionEnvironment.forClusters();
 * CompiledExpression expr = env.compileBoolean("cluster.labels.env == 'prod'", "spec.filter");
 * boolean selected = expr.test(ClusterVariables.of(cluster));   // from any thread
 * }</pre>
 *
 * <p>Variables are typed: {@code cluster} has exactly the fields {@code name} (string), {@code
 * labels}, {@code annotations} and {@code properties} (maps of string to string), so {@code
 * cluster.lables} is a compile error and {@code cluster.labels.x == 1} a type error. {@code status}
 * is a map of string to {@code dyn}. {@code report} has one field, {@code observedAt} (a timestamp,
 * passed as a {@link java.time.Instant}).
 */
public final class ExpressionEnvironment {

  /** The type of a declared variable. */
  public enum VariableType {
    /**
     * {@code name}, {@code labels}, {@code annotations}, {@code properties}: see {@link
     * ClusterVariables}.
     */
    CLUSTER,
    /** {@code observedAt}, a timestamp given as an {@link java.time.Instant}. */
    REPORT,
    /** A map of string to {@code dyn}, such as a JSON object. */
    DYN_MAP,
    /** Any value; type errors surface at evaluation time. */
    DYN,
    /** A string. */
    STRING,
    /** A 64-bit integer, given as a {@link Long}. */
    INT,
    /** A double. */
    DOUBLE,
    /** A bool. */
    BOOL,
    /** A timestamp, given as an {@link java.time.Instant}. */
    TIMESTAMP
  }

  /** A result type required at compile time. {@code dyn} results always pass. */
  public enum ResultType {
    /** Any type. */
    ANY,
    /** {@code bool}. */
    BOOL,
    /** {@code int}. */
    INT,
    /** {@code double}. */
    DOUBLE,
    /** {@code int}, {@code uint} or {@code double}. */
    NUMBER,
    /** {@code string}. */
    STRING
  }

  private static final String CLUSTER_TYPE = "flotilla.Cluster";
  private static final String REPORT_TYPE = "flotilla.StatusReport";
  private static final MapType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
  private static final StructType CLUSTER =
      StructType.create(
          CLUSTER_TYPE,
          ImmutableSet.of("name", "labels", "annotations", "properties"),
          field ->
              Optional.ofNullable(
                  switch (field) {
                    case "name" -> SimpleType.STRING;
                    case "labels", "annotations", "properties" -> STRING_MAP;
                    default -> null;
                  }));
  private static final StructType REPORT =
      StructType.create(
          REPORT_TYPE,
          ImmutableSet.of("observedAt"),
          field ->
              field.equals("observedAt") ? Optional.of(SimpleType.TIMESTAMP) : Optional.empty());

  /** Functions whose string argument at the given index is a regular expression. */
  private static final Map<String, Integer> REGEX_ARGUMENT =
      Map.of(
          "matches", -1,
          "regex.replace", 1,
          "regex.extract", 1,
          "regex.extractAll", 1,
          "find", 0,
          "findAll", 0);

  /** Distinct expressions an environment keeps compiled, by default. */
  static final int DEFAULT_INTERNED_EXPRESSIONS = 8192;

  /** Longest source, in code points, an environment keeps compiled. */
  static final int MAX_INTERNED_LENGTH = 512;

  /** Distinct environments kept for reuse by {@link Builder#build()}. */
  private static final int MAX_SHARED_ENVIRONMENTS = 32;

  /*
   * Building an environment costs tens of milliseconds (cel-java's compiler and runtime builders
   * index every overload of every library), and compiling an expression a fraction of one, so both
   * are shared: an environment is built once per JVM for each distinct set of variables, limits
   * and budget (ENVIRONMENTS, bounded by count: environments come from code, not tenants), and
   * each environment keeps its recently compiled sources (interned, bounded by count: sources come
   * from tenants). Guava's cache loads a key once when threads race for it, and evicts the least
   * recently used first. What is kept is independent of where an expression sits: the field path
   * lives in the CompiledExpression wrapper made for each compile.
   */
  private static final Cache<List<Object>, ExpressionEnvironment> ENVIRONMENTS =
      CacheBuilder.newBuilder().maximumSize(MAX_SHARED_ENVIRONMENTS).build();

  private static final Cache<ExpressionLimits, CelRuntime> RUNTIMES =
      CacheBuilder.newBuilder().maximumSize(MAX_SHARED_ENVIRONMENTS).build();

  private final Cache<Source, Outcome> interned;
  private final Map<String, VariableType> variables;
  private final ExpressionLimits limits;
  private final PolicyBudget policyBudget;
  private final CelCompiler compiler;
  private final CelRuntime runtime;
  private final CelValidator literals;
  private final String clusterVariable;

  private ExpressionEnvironment(
      Map<String, VariableType> variables, ExpressionLimits limits, PolicyBudget policyBudget) {
    this.policyBudget = policyBudget;
    int keep = Integer.getInteger("flotilla.cel.internedExpressions", DEFAULT_INTERNED_EXPRESSIONS);
    this.interned = keep <= 0 ? null : CacheBuilder.newBuilder().maximumSize(keep).build();
    this.variables = Map.copyOf(variables);
    this.limits = limits;
    this.clusterVariable =
        variables.entrySet().stream()
            .filter(e -> e.getValue() == VariableType.CLUSTER)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    CelOptions options = options(limits);
    List<Object> libraries = libraries(options);
    CelCompilerBuilder compilerBuilder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(new Types())
            .addFunctionDeclarations(KubernetesLibrary.declarations())
            .addFunctionDeclarations(BoundedFunctions.declarations())
            .addFunctionDeclarations(KubernetesListsLibrary.declarations())
            .addFunctionDeclarations(KubernetesRegexLibrary.declarations())
            .addFunctionDeclarations(KubernetesJsonPatchLibrary.declarations())
            .addFunctionDeclarations(KubernetesNetLibrary.declarations())
            .addFunctionDeclarations(KubernetesUrlLibrary.declarations())
            .addFunctionDeclarations(KubernetesFormatLibrary.declarations())
            .addFunctionDeclarations(StringFormatLibrary.declarations())
            .addFunctionDeclarations(OcmManagedClusterLibrary.declarations());
    for (Object library : libraries) {
      if (library instanceof CelCompilerLibrary compile) {
        compilerBuilder.addLibraries(compile);
      }
    }
    variables.forEach((name, type) -> compilerBuilder.addVar(name, celType(type)));
    this.compiler = compilerBuilder.build();
    this.runtime = sharedRuntime(limits);
    // Kubernetes' AST validators (base.go, 1.29): duration and timestamp literals must parse, and
    // list and map literals hold one type (format's argument list excepted, as cel-go exempts it).
    // Regex literals are checked by checkRegexLiterals, with RegexGuard's limits.
    this.literals =
        CelValidatorFactory.standardCelValidatorBuilder(compiler, runtime)
            .addAstValidators(
                DurationLiteralValidator.INSTANCE,
                TimestampLiteralValidator.INSTANCE,
                HomogeneousLiteralValidator.newInstance("format"))
            .build();
  }

  /**
   * The runtime of environments with these limits. It holds the function bindings only, none of the
   * variables, so environments that differ in their variables (clusters, status, a summary's
   * workload) share one: building it is half of an environment's cold cost.
   */
  private static CelRuntime sharedRuntime(ExpressionLimits limits) {
    return load(RUNTIMES, limits, () -> runtime(limits));
  }

  /**
   * The cached value for {@code key}, loaded once; what the loader throws is rethrown as it was
   * (Guava wraps it), so a compile error stays a {@link ValidationException}.
   */
  private static <K, V> V load(Cache<K, V> cache, K key, Callable<? extends V> loader) {
    try {
      return cache.get(key, loader);
    } catch (ExecutionException | UncheckedExecutionException | ExecutionError e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static CelRuntime runtime(ExpressionLimits limits) {
    CelOptions options = options(limits);
    CelRuntimeBuilder runtimeBuilder =
        CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(options)
            .setStandardFunctions(MeteredFunctions.unmeteredStandardFunctions(options))
            .addFunctionBindings(
                MeteredFunctions.standardBindings(options, limits.maxRegexProgramSize()))
            .addFunctionBindings(KubernetesLibrary.bindings())
            .addFunctionBindings(BoundedFunctions.bindings(limits))
            .addFunctionBindings(KubernetesNetLibrary.bindings())
            .addFunctionBindings(KubernetesUrlLibrary.bindings())
            .addFunctionBindings(KubernetesFormatLibrary.bindings())
            .addFunctionBindings(StringFormatLibrary.bindings())
            .addFunctionBindings(KubernetesListsLibrary.bindings(options))
            .addFunctionBindings(KubernetesRegexLibrary.bindings(limits.maxRegexProgramSize()))
            .addFunctionBindings(KubernetesJsonPatchLibrary.bindings())
            .addFunctionBindings(OcmManagedClusterLibrary.bindings());
    List<CelFunctionBinding> libraryBindings = new ArrayList<>();
    for (Object library : libraries(options)) {
      if (library instanceof CelRuntimeLibrary run) {
        libraryBindings.addAll(
            MeteredFunctions.libraryBindings(run, options, limits.maxRegexProgramSize()));
      }
    }
    // First: cel-java keeps the first binding of a name, and these replace the strings
    // extension's indexOf and lastIndexOf dispatchers with ones that also take lists.
    runtimeBuilder.addFunctionBindings(
        KubernetesListsLibrary.dispatchers(libraryBindings, options));
    runtimeBuilder.addFunctionBindings(libraryBindings);
    return runtimeBuilder.build();
  }

  /**
   * The CEL extension libraries, listed once for the compiler (declarations, macros) and the
   * runtime (bindings, metered by {@link MeteredFunctions}). Kubernetes enables the same ones for
   * CRD validation rules and admission policies; {@code lists.range} is ours ({@link
   * BoundedFunctions}).
   */
  private static List<Object> libraries(CelOptions options) {
    return List.of(
        CelExtensions.strings(),
        BoundedFunctions.lists(),
        CelExtensions.math(options),
        CelExtensions.sets(options),
        CelExtensions.encoders(options),
        CelExtensions.regex(),
        CelExtensions.bindings(),
        CelExtensions.comprehensions(),
        CelExtensions.optional());
  }

  /** Expressions over {@code cluster}, for placement and customization, with default limits. */
  public static ExpressionEnvironment forClusters() {
    return Shared.CLUSTERS;
  }

  /**
   * Expressions over {@code cluster}, {@code status} (a map of string to {@code dyn}) and {@code
   * report} (with {@code observedAt}), for status summaries, with default limits.
   */
  public static ExpressionEnvironment forStatus() {
    return SharedStatus.STATUS;
  }

  /** A builder for other variables or limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The declared variables and their types. */
  public Map<String, VariableType> variables() {
    return variables;
  }

  /** The total budget of one policy evaluation by an engine using this environment. */
  public PolicyBudget policyBudget() {
    return policyBudget;
  }

  /** The bounds of each evaluation. */
  public ExpressionLimits limits() {
    return limits;
  }

  /**
   * Compiles an expression of any result type.
   *
   * @param expression the CEL source
   * @param fieldPath where the expression sits in its document, for error messages ({@code
   *     spec.clusterSelectors[0].celSelector.expressions[1]})
   * @throws ValidationException for syntax errors, type errors and limit violations, with the field
   *     path and CEL's message with line:column within the expression
   */
  public CompiledExpression compile(String expression, String fieldPath) {
    return compile(expression, fieldPath, ResultType.ANY);
  }

  /** Compiles a predicate: the result type must be {@code bool} (or {@code dyn}). */
  public CompiledExpression compileBoolean(String expression, String fieldPath) {
    return compile(expression, fieldPath, ResultType.BOOL);
  }

  /**
   * Compiles an expression whose result type must be {@code resultType} (or {@code dyn}).
   *
   * <p>Identical expressions are compiled once: the environment keeps the outcome of the most
   * recent distinct sources (by source text and result type; at most {@value
   * #DEFAULT_INTERNED_EXPRESSIONS} by default, least recently used dropped first), and a second
   * compile of the same source returns a new {@link CompiledExpression} with its own field path
   * around the same immutable program. Failures are kept too and reported at each caller's path.
   * The count is set by the system property {@code flotilla.cel.internedExpressions} ({@code 0}
   * turns interning off); sources longer than {@value #MAX_INTERNED_LENGTH} code points are never
   * kept.
   */
  public CompiledExpression compile(String expression, String fieldPath, ResultType resultType) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(fieldPath, "fieldPath");
    Objects.requireNonNull(resultType, "resultType");
    int length = expression.codePointCount(0, expression.length());
    if (length > limits.maxExpressionLength()) {
      throw ValidationException.at(
          fieldPath,
          "Too long: may not be more than " + limits.maxExpressionLength() + " characters");
    }
    if (expression.isBlank()) {
      throw ValidationException.at(fieldPath, "Required value: an expression is required");
    }
    Outcome outcome =
        interned == null || length > MAX_INTERNED_LENGTH
            ? outcome(expression, resultType)
            : interned(new Source(expression, resultType));
    if (!outcome.errors().isEmpty()) {
      List<Problem> problems = new ArrayList<>(outcome.errors().size());
      for (String error : outcome.errors()) {
        problems.add(Problem.at(fieldPath, error));
      }
      throw new ValidationException(problems);
    }
    return new CompiledExpression(expression, fieldPath, outcome.program(), limits);
  }

  /** Expressions this environment keeps compiled, or 0 when it keeps none. */
  long internedCount() {
    return interned == null ? 0 : interned.size();
  }

  private Outcome interned(Source source) {
    return load(interned, source, () -> outcome(source.text(), source.resultType()));
  }

  /**
   * Compiles a source, independently of where it sits: errors are messages without a field path, so
   * that an outcome can serve every policy that writes the same expression.
   */
  private Outcome outcome(String expression, ResultType resultType) {
    CelAbstractSyntaxTree ast;
    try {
      ast = compiler.compile(expression).getAst();
    } catch (CelValidationException e) {
      List<String> errors = new ArrayList<>();
      for (CelIssue issue : e.getErrors()) {
        errors.add("compilation failed: " + oneLine(issue));
      }
      return Outcome.failed(errors);
    } catch (RuntimeException e) {
      return Outcome.failed(List.of("compilation failed: " + e.getMessage()));
    }
    String typeError = resultTypeError(ast.getResultType(), resultType);
    if (typeError != null) {
      return Outcome.failed(List.of(typeError));
    }
    CelValidationResult validation = literals.validate(ast);
    if (validation.hasError()) {
      List<String> errors = new ArrayList<>();
      for (CelIssue issue : validation.getErrors()) {
        errors.add("compilation failed: " + oneLine(issue));
      }
      return Outcome.failed(errors);
    }
    List<String> regexErrors = new ArrayList<>();
    checkRegexLiterals(ast.getExpr(), ast.getSource(), regexErrors);
    checkFormatCalls(ast.getExpr(), ast, regexErrors);
    if (!regexErrors.isEmpty()) {
      return Outcome.failed(regexErrors);
    }
    Dependencies dependencies =
        clusterVariable == null
            ? Dependencies.none()
            : DependencyAnalyzer.analyze(ast.getExpr(), clusterVariable);
    List<KeyConstraint> constraints =
        clusterVariable == null
            ? List.of()
            : ConstraintAnalyzer.analyze(ast.getExpr(), clusterVariable);
    CelRuntime.Program program;
    try {
      program = runtime.createProgram(ast);
    } catch (CelEvaluationException | RuntimeException e) {
      return Outcome.failed(List.of("compilation failed: " + e.getMessage()));
    }
    return new Outcome(
        new CompiledExpression.Program(
            program,
            dependencies,
            constraints,
            describe(ast.getResultType()),
            CostEstimator.estimate(ast.getExpr())),
        List.of());
  }

  /** An interning key: what a compile depends on besides the environment itself. */
  private record Source(String text, ResultType resultType) {}

  /** A compiled program, or the messages of why the source does not compile. */
  private record Outcome(CompiledExpression.Program program, List<String> errors) {
    static Outcome failed(List<String> errors) {
      return new Outcome(null, List.copyOf(errors));
    }
  }

  /**
   * A CEL issue on one line, {@code at 1:8 of the expression: undefined field 'lables'}: CEL's
   * display form adds the source and a caret on lines of their own, which would break the one
   * problem per line contract of every error report.
   */
  private static String oneLine(CelIssue issue) {
    CelSourceLocation location = issue.getSourceLocation();
    String message = issue.getMessage().replace('\n', ' ');
    if (location.getLine() > 0) {
      return "at "
          + location.getLine()
          + ":"
          + (location.getColumn() + 1)
          + " of the expression: "
          + message;
    }
    return message;
  }

  private static String resultTypeError(CelType actual, ResultType wanted) {
    CelKind kind = actual.kind();
    if (wanted == ResultType.ANY || kind == CelKind.DYN) {
      return null;
    }
    boolean ok =
        switch (wanted) {
          case BOOL -> kind == CelKind.BOOL;
          case INT -> kind == CelKind.INT;
          case DOUBLE -> kind == CelKind.DOUBLE;
          case NUMBER -> kind == CelKind.INT || kind == CelKind.UINT || kind == CelKind.DOUBLE;
          case STRING -> kind == CelKind.STRING;
          case ANY -> true;
        };
    return ok
        ? null
        : "Invalid value: the expression must evaluate to "
            + wanted.name().toLowerCase(java.util.Locale.ROOT)
            + ", but its type is "
            + describe(actual);
  }

  static String describe(CelType type) {
    return switch (type.name()) {
      case CLUSTER_TYPE -> "cluster";
      case REPORT_TYPE -> "report";
      default -> type.name();
    };
  }

  /** Literal patterns are compiled now so that an invalid or oversized one is a compile error. */
  private void checkRegexLiterals(CelExpr expr, CelSource source, List<String> problems) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
      CelExpr.CelCall call = expr.call();
      Integer index = REGEX_ARGUMENT.get(call.function());
      if (index != null && !call.args().isEmpty()) {
        CelExpr pattern = call.args().get(index < 0 ? call.args().size() - 1 : index);
        if (pattern.getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && pattern.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
          String error = regexError(pattern.constant().stringValue());
          if (error != null) {
            problems.add("compilation failed: " + at(source, pattern) + error);
          }
        }
      }
    }
    AstNodes.children(expr).forEach(child -> checkRegexLiterals(child, source, problems));
  }

  /** {@code format} calls of literal format strings over list literals, as cel-go checks them. */
  private static void checkFormatCalls(
      CelExpr expr, CelAbstractSyntaxTree ast, List<String> problems) {
    String problem = StringFormatLibrary.check(expr, ast);
    if (problem != null) {
      problems.add("compilation failed: " + at(ast.getSource(), expr) + problem);
    }
    AstNodes.children(expr).forEach(child -> checkFormatCalls(child, ast, problems));
  }

  private String regexError(String regex) {
    return RegexGuard.problem(regex, limits.maxRegexProgramSize());
  }

  private static String at(CelSource source, CelExpr expr) {
    Integer offset = source.getPositionsMap().get(expr.id());
    if (offset == null) {
      return "";
    }
    Optional<CelSourceLocation> location = source.getOffsetLocation(offset);
    return location
        .map(l -> "at " + l.getLine() + ":" + (l.getColumn() + 1) + " of the expression: ")
        .orElse("");
  }

  private static CelOptions options(ExpressionLimits limits) {
    return CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .enableTimestampEpoch(true)
        .enableOptionalSyntax(true)
        .enableHiddenAccumulatorVar(true)
        .evaluateCanonicalTypesToNativeValues(true)
        .maxExpressionCodePointSize(limits.maxExpressionLength())
        .maxParseRecursionDepth(limits.maxParseRecursionDepth())
        .maxParseExpressionNodeCount(limits.maxAstNodes())
        .comprehensionMaxIterations(limits.maxComprehensionIterations())
        .maxRegexProgramSize(limits.maxRegexProgramSize())
        .build();
  }

  private static CelType celType(VariableType type) {
    return switch (type) {
      case CLUSTER -> CLUSTER;
      case REPORT -> REPORT;
      case DYN_MAP -> MapType.create(SimpleType.STRING, SimpleType.DYN);
      case DYN -> SimpleType.DYN;
      case STRING -> SimpleType.STRING;
      case INT -> SimpleType.INT;
      case DOUBLE -> SimpleType.DOUBLE;
      case BOOL -> SimpleType.BOOL;
      case TIMESTAMP -> SimpleType.TIMESTAMP;
    };
  }

  /** Declares Flotilla's object types to the type checker. */
  private static final class Types implements CelTypeProvider {
    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.of(CLUSTER, REPORT);
    }

    @Override
    public Optional<CelType> findType(String name) {
      return switch (name) {
        case CLUSTER_TYPE -> Optional.of(CLUSTER);
        case REPORT_TYPE -> Optional.of(REPORT);
        default -> Optional.empty();
      };
    }
  }

  /**
   * The shared environments, each built on its own first use (a holder class each, so that a
   * program that only places never builds the status environment).
   */
  private static final class Shared {
    static final ExpressionEnvironment CLUSTERS =
        builder().variable(ClusterVariables.CLUSTER, VariableType.CLUSTER).build();
  }

  private static final class SharedStatus {
    static final ExpressionEnvironment STATUS =
        builder()
            .variable(ClusterVariables.CLUSTER, VariableType.CLUSTER)
            .variable("status", VariableType.DYN_MAP)
            .variable("report", VariableType.REPORT)
            .build();
  }

  /** Builds an environment with custom variables and limits. */
  public static final class Builder {
    private final Map<String, VariableType> variables = new LinkedHashMap<>();
    private ExpressionLimits limits = ExpressionLimits.defaults();
    private PolicyBudget policyBudget = PolicyBudget.defaults();

    private Builder() {}

    /** Declares a variable; at most one may be of type {@link VariableType#CLUSTER}. */
    public Builder variable(String name, VariableType type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (!name.matches("[_a-zA-Z][_a-zA-Z0-9]*")) {
        throw new IllegalArgumentException("not a CEL identifier: " + name);
      }
      if (variables.containsKey(name)) {
        throw new IllegalArgumentException("variable declared twice: " + name);
      }
      if (type == VariableType.CLUSTER && variables.containsValue(VariableType.CLUSTER)) {
        throw new IllegalArgumentException("only one variable may be of type CLUSTER");
      }
      variables.put(name, type);
      return this;
    }

    /** The limits (default {@link ExpressionLimits#defaults()}). */
    public Builder limits(ExpressionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The total budget of one policy evaluation over a fleet (default {@link
     * PolicyBudget#defaults()}); engines start a {@link PolicyBudget.Run} of it for each selection,
     * rule set application or summary.
     */
    public Builder policyBudget(PolicyBudget policyBudget) {
      this.policyBudget = Objects.requireNonNull(policyBudget, "policyBudget");
      return this;
    }

    /**
     * The environment. Building one costs tens of milliseconds, so environments are shared: a
     * builder with the same variables, limits and budget as an earlier one returns the same
     * environment (and its compiled expressions), while any difference gives a distinct one.
     */
    public ExpressionEnvironment build() {
      Map<String, VariableType> declared = Map.copyOf(variables);
      List<Object> key = List.of(declared, limits, policyBudget);
      return load(
          ENVIRONMENTS, key, () -> new ExpressionEnvironment(declared, limits, policyBudget));
    }
  }
}
