package dev.flotilla.expr;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' CEL {@code lists} library (k8s.io/apiserver pkg/cel/library, lists.go): {@code
 * isSorted}, {@code sum}, {@code min}, {@code max}, {@code indexOf} and {@code lastIndexOf} on
 * lists, and {@code includes} (library version 1, Kubernetes 1.37: true when the receiver is a list
 * holding the argument, or is equal to it), with Kubernetes' overload ids and error texts ({@code
 * min called on empty list}). cel-java's lists extension has none of these names. Each call charges
 * the {@link CostMeter} for the list walk before it runs.
 */
final class KubernetesListsLibrary {
  /** Kubernetes' comparable element types, in its order, with their overload-id names. */
  private static final Map<String, CelType> COMPARABLE = new LinkedHashMap<>();

  /** Kubernetes' summable element types. */
  private static final Map<String, CelType> SUMMABLE = new LinkedHashMap<>();

  static {
    COMPARABLE.put("int", SimpleType.INT);
    COMPARABLE.put("uint", SimpleType.UINT);
    COMPARABLE.put("double", SimpleType.DOUBLE);
    COMPARABLE.put("bool", SimpleType.BOOL);
    COMPARABLE.put("duration", SimpleType.DURATION);
    COMPARABLE.put("timestamp", SimpleType.TIMESTAMP);
    COMPARABLE.put("string", SimpleType.STRING);
    COMPARABLE.put("bytes", SimpleType.BYTES);
    SUMMABLE.put("int", SimpleType.INT);
    SUMMABLE.put("uint", SimpleType.UINT);
    SUMMABLE.put("double", SimpleType.DOUBLE);
    SUMMABLE.put("duration", SimpleType.DURATION);
  }

  private KubernetesListsLibrary() {}

  static List<CelFunctionDecl> declarations() {
    List<CelOverloadDecl> isSorted = new ArrayList<>();
    List<CelOverloadDecl> min = new ArrayList<>();
    List<CelOverloadDecl> max = new ArrayList<>();
    List<CelOverloadDecl> sum = new ArrayList<>();
    COMPARABLE.forEach(
        (name, type) -> {
          ListType list = ListType.create(type);
          isSorted.add(member("list_" + name + "_is_sorted_bool", SimpleType.BOOL, list));
          max.add(member("list_" + name + "_max_" + name, type, list));
          min.add(member("list_" + name + "_min_" + name, type, list));
        });
    SUMMABLE.forEach(
        (name, type) ->
            sum.add(member("list_" + name + "_sum_" + name, type, ListType.create(type))));
    TypeParamType a = TypeParamType.create("A");
    return List.of(
        CelFunctionDecl.newFunctionDeclaration("isSorted", isSorted),
        CelFunctionDecl.newFunctionDeclaration("sum", sum),
        CelFunctionDecl.newFunctionDeclaration("max", max),
        CelFunctionDecl.newFunctionDeclaration("min", min),
        CelFunctionDecl.newFunctionDeclaration(
            "indexOf", member("list_a_index_of_int", SimpleType.INT, ListType.create(a), a)),
        CelFunctionDecl.newFunctionDeclaration(
            "lastIndexOf",
            member("list_a_last_index_of_int", SimpleType.INT, ListType.create(a), a)),
        CelFunctionDecl.newFunctionDeclaration(
            "includes",
            member("list_includes_dyn_dyn", SimpleType.BOOL, SimpleType.DYN, SimpleType.DYN)));
  }

  static List<CelFunctionBinding> bindings(CelOptions options) {
    RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
    List<CelFunctionBinding> bindings = new ArrayList<>();
    List<CelFunctionBinding> isSorted = new ArrayList<>();
    List<CelFunctionBinding> min = new ArrayList<>();
    List<CelFunctionBinding> max = new ArrayList<>();
    List<CelFunctionBinding> sum = new ArrayList<>();
    for (String name : COMPARABLE.keySet()) {
      isSorted.add(
          CelFunctionBinding.from(
              "list_" + name + "_is_sorted_bool", List.class, KubernetesListsLibrary::isSorted));
      min.add(
          CelFunctionBinding.from(
              "list_" + name + "_min_" + name, List.class, list -> extreme(list, "min", 1)));
      max.add(
          CelFunctionBinding.from(
              "list_" + name + "_max_" + name, List.class, list -> extreme(list, "max", -1)));
    }
    for (String name : SUMMABLE.keySet()) {
      Object zero = zero(name);
      sum.add(
          CelFunctionBinding.from(
              "list_" + name + "_sum_" + name, List.class, list -> sum(list, zero)));
    }
    // When the checker leaves several overloads open (a dyn receiver), cel-java dispatches by
    // function name; every overload of a function shares one implementation, so bind that.
    isSorted.add(CelFunctionBinding.from("isSorted", List.class, KubernetesListsLibrary::isSorted));
    min.add(CelFunctionBinding.from("min", List.class, list -> extreme(list, "min", 1)));
    max.add(CelFunctionBinding.from("max", List.class, list -> extreme(list, "max", -1)));
    sum.add(CelFunctionBinding.from("sum", List.class, list -> sum(list, 0L)));
    bindings.addAll(isSorted);
    bindings.addAll(min);
    bindings.addAll(max);
    bindings.addAll(sum);
    bindings.add(indexOf(equality, false));
    bindings.add(indexOf(equality, true));
    bindings.add(
        CelFunctionBinding.from(
            "list_includes_dyn_dyn",
            Object.class,
            Object.class,
            (target, item) -> includes(equality, target, item)));
    return bindings;
  }

  private static CelFunctionBinding indexOf(RuntimeEquality equality, boolean last) {
    return CelFunctionBinding.from(
        last ? "list_a_last_index_of_int" : "list_a_index_of_int",
        List.class,
        Object.class,
        (list, item) -> indexOf(equality, list, item, last));
  }

  /**
   * The run-time dispatchers of {@code indexOf} and {@code lastIndexOf}, over the strings
   * extension's (metered) overloads, taken from {@code libraryBindings}, and the list ones.
   * cel-java calls them when the checker leaves the overload open ({@code status.xs.indexOf(1)} on
   * a {@code dyn}); add them before the extensions' bindings (cel-java keeps the first binding of a
   * name), which they replace.
   */
  static List<CelFunctionBinding> dispatchers(
      List<CelFunctionBinding> libraryBindings, CelOptions options) {
    RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
    List<CelFunctionBinding> indexOf = new ArrayList<>(List.of(indexOf(equality, false)));
    List<CelFunctionBinding> lastIndexOf = new ArrayList<>(List.of(indexOf(equality, true)));
    for (CelFunctionBinding binding : libraryBindings) {
      String id = binding.getOverloadId();
      if (id.startsWith("string_index_of_string")) {
        indexOf.add(binding);
      } else if (id.startsWith("string_last_index_of_string")) {
        lastIndexOf.add(binding);
      }
    }
    List<CelFunctionBinding> dispatchers = new ArrayList<>();
    dispatchers.addAll(CelFunctionBinding.fromOverloads("indexOf", indexOf));
    dispatchers.addAll(CelFunctionBinding.fromOverloads("lastIndexOf", lastIndexOf));
    return dispatchers;
  }

  private static Object zero(String type) {
    return switch (type) {
      case "int" -> 0L;
      case "uint" -> UnsignedLong.ZERO;
      case "double" -> 0.0;
      default -> Duration.ZERO;
    };
  }

  private static boolean isSorted(List<?> list) {
    CostMeter.charge(list.size());
    for (int i = 1; i < list.size(); i++) {
      if (compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /** min ({@code replaceWhen} 1: the current result is greater) or max ({@code -1}). */
  private static Object extreme(List<?> list, String function, int replaceWhen) {
    CostMeter.charge(list.size());
    if (list.isEmpty()) {
      throw new KubernetesLibrary.FunctionError(
          Kind.INVALID_ARGUMENT, function + " called on empty list");
    }
    Object result = list.get(0);
    for (int i = 1; i < list.size(); i++) {
      Object next = list.get(i);
      if (Integer.signum(compare(result, next)) == replaceWhen) {
        result = next;
      }
    }
    return result;
  }

  /**
   * The sum, starting from the type's zero; under dynamic dispatch (a {@code dyn} list), the zero
   * of an empty list is the int 0, as in Kubernetes ({@code dyn([]).sum() == 0}).
   */
  private static Object sum(List<?> list, Object zero) {
    CostMeter.charge(list.size());
    Object total = list.isEmpty() ? zero : null;
    for (Object item : list) {
      total = total == null ? item : add(total, item);
    }
    return total;
  }

  private static Object add(Object a, Object b) {
    try {
      if (a instanceof Long x && b instanceof Long y) {
        return Math.addExact(x, y);
      }
      if (a instanceof Double x && b instanceof Double y) {
        return x + y;
      }
      if (a instanceof UnsignedLong x && b instanceof UnsignedLong y) {
        UnsignedLong total = x.plus(y);
        if (total.compareTo(x) < 0) {
          throw new KubernetesLibrary.FunctionError(
              Kind.NUMERIC_OVERFLOW, "unsigned integer overflow");
        }
        return total;
      }
      if (a instanceof Duration x && b instanceof Duration y) {
        return x.plus(y);
      }
    } catch (ArithmeticException e) {
      throw new KubernetesLibrary.FunctionError(Kind.NUMERIC_OVERFLOW, "integer overflow");
    }
    throw noOverload("sum", b);
  }

  private static long indexOf(RuntimeEquality equality, List<?> list, Object item, boolean last) {
    CostMeter.charge(Saturating.multiply(list.size(), 1 + weight(item)));
    int n = list.size();
    for (int k = 0; k < n; k++) {
      int i = last ? n - 1 - k : k;
      if (equality.objectEquals(list.get(i), item)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean includes(RuntimeEquality equality, Object target, Object item) {
    if (target instanceof List<?> list) {
      return indexOf(equality, list, item, false) >= 0;
    }
    CostMeter.charge(1 + weight(item));
    return equality.objectEquals(target, item);
  }

  /** What comparing with {@code item} costs beyond a scalar comparison. */
  private static long weight(Object item) {
    if (item instanceof String s) {
      return s.length() / CostMeter.CHARS_PER_UNIT;
    }
    if (item instanceof CelByteString b) {
      return b.size() / CostMeter.CHARS_PER_UNIT;
    }
    if (item instanceof Collection<?> c) {
      long total = c.size();
      for (Object element : c) {
        total = Saturating.add(total, weight(element));
      }
      return total;
    }
    if (item instanceof Map<?, ?> m) {
      long total = m.size();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        total = Saturating.add(total, Saturating.add(weight(e.getKey()), weight(e.getValue())));
      }
      return total;
    }
    return 0;
  }

  /** CEL's ordering: numbers across int, uint and double; otherwise values of one type. */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return GoStrings.compareCodePoints(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof CelByteString x && b instanceof CelByteString y) {
      return CelByteString.unsignedLexicographicalComparator().compare(x, y);
    }
    throw noOverload("comparison", b);
  }

  private static int compareNumbers(Number x, Number y) {
    if (x instanceof Double || y instanceof Double) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return bigInteger(x).compareTo(bigInteger(y));
  }

  private static java.math.BigInteger bigInteger(Number n) {
    return n instanceof UnsignedLong u
        ? u.bigIntegerValue()
        : java.math.BigInteger.valueOf(n.longValue());
  }

  private static KubernetesLibrary.FunctionError noOverload(String function, Object value) {
    return new KubernetesLibrary.FunctionError(
        Kind.NO_MATCHING_OVERLOAD,
        "no such overload: "
            + function
            + " of "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  private static CelOverloadDecl member(String id, CelType result, CelType... parameters) {
    return CelOverloadDecl.newMemberOverload(id, result, parameters);
  }
}
