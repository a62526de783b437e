package dev.flotilla.expr;

import com.google.re2j.Pattern;
import dev.cel.common.CelOptions;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionOverload;
import dev.cel.runtime.CelInternalRuntimeLibrary;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.InternalCelFunctionBinding;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;
import dev.cel.runtime.standard.CelStandardOverload;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every CEL function whose work grows with its arguments is charged to the running evaluation
 * <em>before</em> it runs, by what its arguments say it will cost: the length of the strings it
 * scans, the size of the string or list it will build, the product of input length and pattern
 * length for a regular expression. The {@link CostMeter} listener, which cel-java calls only after
 * a node is evaluated, would otherwise see a billion-character string after it had been built.
 *
 * <p>How: the bindings of the standard library's and the extensions' overloads named in {@link
 * #CHARGES} are wrapped (a library's bindings are collected by handing it a recording builder), and
 * the wrapper charges {@link CostMeter#charge} before calling the original. Regular expressions are
 * also checked by {@link RegexGuard} before cel-java compiles them, and {@code matches} uses the
 * guard's cached compiled pattern instead of compiling on every call. The strings extension's index
 * functions are replaced by cel-go's ({@link CelGoStrings}) on the way.
 */
final class MeteredFunctions {
  /** What a call will cost, from its arguments alone, in cost units. */
  @FunctionalInterface
  interface Charge {
    long units(Object[] args);
  }

  private static final Charge SCAN = MeteredFunctions::scanned;

  /** Overload ids (cel-java's and the extensions') and their charges. */
  private static final Map<String, Charge> CHARGES =
      Map.ofEntries(
          // standard library: growth
          Map.entry("add_string", args -> chars(len(args[0]) + len(args[1]))),
          Map.entry("add_bytes", SCAN),
          Map.entry("add_list", MeteredFunctions::concatenation),
          // standard library: scans
          Map.entry("contains_string", SCAN),
          Map.entry("starts_with_string", SCAN),
          Map.entry("ends_with_string", SCAN),
          // strings extension
          Map.entry("string_char_at_int", SCAN),
          Map.entry("string_index_of_string", SCAN),
          Map.entry("string_index_of_string_int", SCAN),
          Map.entry("string_last_index_of_string", SCAN),
          Map.entry("string_last_index_of_string_int", SCAN),
          Map.entry("string_lower_ascii", SCAN),
          Map.entry("string_upper_ascii", SCAN),
          Map.entry("string_quote", args -> 2 * scanned(args)),
          Map.entry("string_reverse", SCAN),
          Map.entry("string_substring_int", SCAN),
          Map.entry("string_substring_int_int", SCAN),
          Map.entry("string_trim", SCAN),
          Map.entry("string_replace_string_string", MeteredFunctions::replacement),
          Map.entry("string_replace_string_string_int", MeteredFunctions::replacement),
          Map.entry("string_split_string", MeteredFunctions::split),
          Map.entry("string_split_string_int", MeteredFunctions::split),
          Map.entry("list_join", MeteredFunctions::join),
          Map.entry("list_join_string", MeteredFunctions::join),
          // lists extension
          Map.entry("list_distinct", args -> square(size(args[0]))),
          Map.entry("list_flatten", MeteredFunctions::flattened),
          Map.entry("list_flatten_list_int", MeteredFunctions::flattened),
          Map.entry("list_reverse", SCAN),
          Map.entry("list_slice", SCAN),
          Map.entry("list_sort", args -> sortCost(size(args[0]))),
          // sets extension: each compares every element with every other
          Map.entry("list_sets_contains_list", args -> size(args[0]) * size(args[1])),
          Map.entry("list_sets_equivalent_list", args -> size(args[0]) * size(args[1])),
          Map.entry("list_sets_intersects_list", args -> size(args[0]) * size(args[1])),
          // encoders extension
          Map.entry("base64_decode_string", SCAN),
          Map.entry("base64_encode_bytes", args -> 2 * scanned(args)));

  /** Overloads whose argument at this index is a regular expression. */
  private static final Map<String, Integer> PATTERN_ARGUMENT =
      Map.of(
          "matches", 1,
          "matches_string", 1,
          "regex_replaceAll_string_string_string", 1,
          "regex_replaceCount_string_string_string_int", 1,
          "regex_extract_string_string", 1,
          "regex_extractAll_string_string", 1);

  /**
   * The function of each metered standard overload, for a binding that does not carry its
   * function's name (cel-java 0.14's do; the regrouping must not depend on it).
   */
  private static final Map<String, String> STANDARD_FUNCTION =
      Map.of(
          "add_string", "_+_",
          "add_bytes", "_+_",
          "add_list", "_+_",
          "contains_string", "contains",
          "starts_with_string", "startsWith",
          "ends_with_string", "endsWith",
          "matches", "matches",
          "matches_string", "matches");

  private MeteredFunctions() {}

  /**
   * The standard functions with the metered overloads left out; {@link #standardBindings} gives
   * those.
   */
  static CelStandardFunctions unmeteredStandardFunctions(CelOptions options) {
    RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
    return CelStandardFunctions.newBuilder()
        .filterFunctions((function, overload) -> !metered(overload, options, equality))
        .build();
  }

  /** The metered standard overloads. */
  static List<CelFunctionBinding> standardBindings(CelOptions options, int maxProgram) {
    RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
    List<CelFunctionBinding> chosen = new ArrayList<>();
    for (var function : CelStandardFunctions.ALL_STANDARD_FUNCTIONS) {
      for (CelFunctionBinding binding : function.newFunctionBindings(options, equality)) {
        if (metered(binding.getOverloadId())) {
          chosen.add(binding);
        }
      }
    }
    return regroup(
        chosen,
        (binding, chargedAs) ->
            chargedAs.startsWith("matches")
                ? matches(binding.getOverloadId(), options, maxProgram)
                : wrap(binding, chargedAs, maxProgram));
  }

  /** The runtime bindings of {@code library}, metered. */
  static List<CelFunctionBinding> libraryBindings(
      CelRuntimeLibrary library, CelOptions options, int maxProgram) {
    List<CelFunctionBinding> collected = new ArrayList<>();
    CelRuntimeBuilder recorder =
        (CelRuntimeBuilder)
            Proxy.newProxyInstance(
                CelRuntimeBuilder.class.getClassLoader(),
                new Class<?>[] {CelRuntimeBuilder.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("addFunctionBindings")) {
                    collect(args[0], collected);
                    return proxy;
                  }
                  throw new IllegalStateException(
                      "a CEL library called " + method.getName() + " while being metered");
                });
    if (library instanceof CelInternalRuntimeLibrary internal) {
      internal.setRuntimeOptions(
          recorder, RuntimeEquality.create(RuntimeHelpers.create(), options), options);
    } else {
      library.setRuntimeOptions(recorder);
    }
    return regroup(collected, (binding, chargedAs) -> wrap(binding, chargedAs, maxProgram));
  }

  /**
   * Rebuilds the bindings of each function from its overloads, each passed through {@code metering}
   * with the overload id whose charge applies to it. cel-java keeps, beside the overloads,
   * function-level bindings (used when the type checker leaves several overloads open): a
   * dispatcher, which {@link CelFunctionBinding#fromOverloads} builds anew over the metered
   * overloads, and for a function of one overload a copy of it named after the function, which is
   * charged as its function's first metered overload. So no call path reaches an unmetered one.
   */
  private static List<CelFunctionBinding> regroup(
      List<CelFunctionBinding> bindings,
      BiFunction<CelFunctionBinding, String, CelFunctionBinding> metering) {
    Map<String, List<CelFunctionBinding>> byFunction = new LinkedHashMap<>();
    for (CelFunctionBinding binding : bindings) {
      if (binding.getClass().getSimpleName().equals("DynamicDispatchBinding")) {
        continue; // rebuilt below
      }
      String function =
          binding instanceof InternalCelFunctionBinding named
              ? named.getFunctionName()
              : STANDARD_FUNCTION.getOrDefault(binding.getOverloadId(), binding.getOverloadId());
      byFunction
          .computeIfAbsent(function, f -> new ArrayList<>())
          .add(CelGoStrings.override(binding));
    }
    List<CelFunctionBinding> out = new ArrayList<>();
    byFunction.forEach(
        (function, overloads) -> {
          String first =
              overloads.stream()
                  .map(CelFunctionBinding::getOverloadId)
                  .filter(MeteredFunctions::metered)
                  .findFirst()
                  .orElse("");
          List<CelFunctionBinding> rebuilt = new ArrayList<>(overloads.size());
          for (CelFunctionBinding overload : overloads) {
            String id = overload.getOverloadId();
            rebuilt.add(metering.apply(overload, metered(id) ? id : first));
          }
          out.addAll(CelFunctionBinding.fromOverloads(function, rebuilt));
        });
    return out;
  }

  private static boolean metered(String overloadId) {
    return CHARGES.containsKey(overloadId) || PATTERN_ARGUMENT.containsKey(overloadId);
  }

  private static void collect(Object arg, List<CelFunctionBinding> out) {
    if (arg instanceof CelFunctionBinding[] array) {
      out.addAll(List.of(array));
    } else if (arg instanceof Iterable<?> iterable) {
      for (Object binding : iterable) {
        out.add((CelFunctionBinding) binding);
      }
    }
  }

  private static boolean metered(
      CelStandardOverload overload, CelOptions options, RuntimeEquality equality) {
    return metered(overload.newFunctionBinding(options, equality).getOverloadId());
  }

  /** {@code binding}, charged as the overload {@code chargedAs} before it runs. */
  private static CelFunctionBinding wrap(
      CelFunctionBinding binding, String chargedAs, int maxProgram) {
    String id = binding.getOverloadId();
    Charge charge = CHARGES.get(chargedAs);
    Integer pattern = PATTERN_ARGUMENT.get(chargedAs);
    if ((charge == null && pattern == null) || !binding.isStrict()) {
      return binding;
    }
    CelFunctionOverload original = binding.getDefinition();
    CelFunctionOverload metered =
        args -> {
          if (pattern != null) {
            Pattern compiled = RegexGuard.compile((String) args[pattern], maxProgram);
            CostMeter.charge(regexCost((String) args[0], compiled));
            if (chargedAs.startsWith("regex_replace")) {
              CostMeter.charge(regexReplacement(compiled, args));
            }
          } else {
            CostMeter.charge(charge.units(args));
          }
          return original.apply(args);
        };
    return rebind(id, binding.getArgTypes(), metered);
  }

  /**
   * A binding of {@code overload}; one- and two-argument ones through cel-java's typed factories,
   * whose bindings the run-time dispatcher can call without an argument array.
   */
  @SuppressWarnings("unchecked")
  private static CelFunctionBinding rebind(
      String id, List<Class<?>> types, CelFunctionOverload overload) {
    return switch (types.size()) {
      case 1 ->
          CelFunctionBinding.from(
              id, (Class<Object>) types.get(0), arg -> overload.apply(new Object[] {arg}));
      case 2 ->
          CelFunctionBinding.from(
              id,
              (Class<Object>) types.get(0),
              (Class<Object>) types.get(1),
              (a, b) -> overload.apply(new Object[] {a, b}));
      default -> CelFunctionBinding.from(id, types, overload);
    };
  }

  /** {@code matches} over the guard's cached pattern, with cel-java's match semantics. */
  private static CelFunctionBinding matches(String id, CelOptions options, int maxProgram) {
    boolean partial = options.enableRegexPartialMatch();
    return CelFunctionBinding.from(
        id,
        String.class,
        String.class,
        (String string, String regex) -> {
          Pattern pattern = RegexGuard.compile(regex, maxProgram);
          CostMeter.charge(regexCost(string, pattern));
          return partial ? pattern.matcher(string).find() : pattern.matcher(string).matches();
        });
  }

  /**
   * RE2 runs in time proportional to the input's length times the program's size; Kubernetes
   * charges the same product (string cost times pattern cost).
   */
  static long regexCost(String input, Pattern pattern) {
    return (1 + input.length() / CostMeter.CHARS_PER_UNIT)
        * (1 + pattern.programSize() / CostMeter.CHARS_PER_UNIT);
  }

  /**
   * The length of {@code regex.replace}'s result, counted before it is built: one pass to count the
   * matches (already charged as a regex pass), then the target plus a replacement per match.
   */
  private static long regexReplacement(Pattern pattern, Object[] args) {
    String target = (String) args[0];
    String replacement = (String) args[2];
    long limit = args.length > 3 ? (Long) args[3] : -1;
    long matches = 0;
    var matcher = pattern.matcher(target);
    while ((limit < 0 || matches < limit) && matcher.find()) {
      matches++;
      if (matcher.end() == matcher.start() && matcher.end() >= target.length()) {
        break;
      }
    }
    return chars(target.length() + matches * replacement.length());
  }

  private static long scanned(Object[] args) {
    long units = 0;
    for (Object arg : args) {
      units += len(arg) / CostMeter.CHARS_PER_UNIT + size(arg);
    }
    return units;
  }

  private static long concatenation(Object[] args) {
    // Comprehensions accumulate into a list view that appends in place: only the new part is built.
    boolean appending = args[0].getClass().getSimpleName().equals("ConcatenatedListView");
    return (appending ? 0 : size(args[0])) + size(args[1]);
  }

  /** The exact length of the result, counted before it is built. */
  private static long replacement(Object[] args) {
    String target = (String) args[0];
    String from = (String) args[1];
    String to = (String) args[2];
    long limit = args.length > 3 ? (Long) args[3] : -1;
    long occurrences = 0;
    if (from.isEmpty()) {
      occurrences = target.length() + 1L;
    } else {
      for (int i = target.indexOf(from); i >= 0; i = target.indexOf(from, i + from.length())) {
        occurrences++;
      }
    }
    if (limit >= 0) {
      occurrences = Math.min(occurrences, limit);
    }
    long result = target.length() + occurrences * ((long) to.length() - from.length());
    return chars(target.length()) + chars(Math.max(0, result));
  }

  private static long split(Object[] args) {
    String target = (String) args[0];
    return chars(target.length()) + target.length() + 1L;
  }

  private static long join(Object[] args) {
    List<?> list = (List<?>) args[0];
    long separator = args.length > 1 ? ((String) args[1]).length() : 0;
    long total = separator * Math.max(0, list.size() - 1);
    for (Object item : list) {
      total += len(item);
    }
    return list.size() + chars(total);
  }

  private static long flattened(Object[] args) {
    long total = 0;
    for (Object item : (List<?>) args[0]) {
      total += 1 + size(item);
    }
    return total;
  }

  private static long sortCost(long n) {
    return n < 2 ? n : n * (64 - Long.numberOfLeadingZeros(n));
  }

  private static long square(long n) {
    return n * n;
  }

  private static long chars(long length) {
    return length / CostMeter.CHARS_PER_UNIT;
  }

  private static long len(Object value) {
    if (value instanceof String string) {
      return string.length();
    }
    if (value instanceof dev.cel.common.values.CelByteString bytes) {
      return bytes.size();
    }
    return 0;
  }

  private static long size(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection.size();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    return 0;
  }
}
