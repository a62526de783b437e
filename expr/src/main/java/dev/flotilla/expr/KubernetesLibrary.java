package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.QuantityFormatException;
import dev.flotilla.api.quantity.Version;
import dev.flotilla.api.quantity.VersionFormatException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;

/**
 * Kubernetes' CEL {@code quantity} and {@code semver} libraries (k8s.io/apiserver pkg/cel/library,
 * quantity.go and semverlib.go), declared for the checker and bound for the runtime. Overload ids
 * and error texts are Kubernetes'. Values are {@link Quantity} and {@link Version} objects, seen by
 * CEL as the opaque types {@code kubernetes.Quantity} and {@code kubernetes.Semver}; {@code ==}
 * compares them by value ({@code quantity('1Gi') == quantity('1073741824')}), as Kubernetes does.
 *
 * <p>{@code sign} is also a member function here ({@code q.sign()}); Kubernetes declares only the
 * global {@code sign(q)}.
 */
final class KubernetesLibrary {
  static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  static final OpaqueType SEMVER = OpaqueType.create("kubernetes.Semver");

  private KubernetesLibrary() {}

  static List<CelFunctionDecl> declarations() {
    FunctionDeclarations functions = new FunctionDeclarations();
    // quantity.go
    functions.global("quantity", "string_to_quantity", QUANTITY, SimpleType.STRING);
    functions.global("isQuantity", "is_quantity_string", SimpleType.BOOL, SimpleType.STRING);
    functions.member("sign", "quantity_sign", SimpleType.INT, QUANTITY);
    // Kubernetes declares sign as a global overload while documenting q.sign(): accept both.
    functions.global("sign", "quantity_sign_global", SimpleType.INT, QUANTITY);
    functions.member(
        "isGreaterThan", "quantity_is_greater_than", SimpleType.BOOL, QUANTITY, QUANTITY);
    functions.member("isLessThan", "quantity_is_less_than", SimpleType.BOOL, QUANTITY, QUANTITY);
    functions.member("compareTo", "quantity_compare_to", SimpleType.INT, QUANTITY, QUANTITY);
    functions.member("asApproximateFloat", "quantity_get_float", SimpleType.DOUBLE, QUANTITY);
    functions.member("asInteger", "quantity_get_int", SimpleType.INT, QUANTITY);
    functions.member("isInteger", "quantity_is_integer", SimpleType.BOOL, QUANTITY);
    functions.member("add", "quantity_add", QUANTITY, QUANTITY, QUANTITY);
    functions.member("add", "quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT);
    functions.member("sub", "quantity_sub", QUANTITY, QUANTITY, QUANTITY);
    functions.member("sub", "quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT);
    // semverlib.go (library version 1: with the normalize overloads)
    functions.global("semver", "string_to_semver", SEMVER, SimpleType.STRING);
    functions.global("semver", "string_bool_to_semver", SEMVER, SimpleType.STRING, SimpleType.BOOL);
    functions.global("isSemver", "is_semver_string", SimpleType.BOOL, SimpleType.STRING);
    functions.global(
        "isSemver", "is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING, SimpleType.BOOL);
    functions.member("isGreaterThan", "semver_is_greater_than", SimpleType.BOOL, SEMVER, SEMVER);
    functions.member("isLessThan", "semver_is_less_than", SimpleType.BOOL, SEMVER, SEMVER);
    functions.member("compareTo", "semver_compare_to", SimpleType.INT, SEMVER, SEMVER);
    functions.member("major", "semver_major", SimpleType.INT, SEMVER);
    functions.member("minor", "semver_minor", SimpleType.INT, SEMVER);
    functions.member("patch", "semver_patch", SimpleType.INT, SEMVER);
    return functions.build();
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("string_to_quantity", String.class, KubernetesLibrary::quantity),
        CelFunctionBinding.from(
            "is_quantity_string", String.class, s -> Quantity.tryParse(s).isPresent()),
        CelFunctionBinding.from("quantity_sign", Quantity.class, q -> (long) q.signum()),
        CelFunctionBinding.from("quantity_sign_global", Quantity.class, q -> (long) q.signum()),
        CelFunctionBinding.from(
            "quantity_is_greater_than",
            Quantity.class,
            Quantity.class,
            (a, b) -> a.compareTo(b) > 0),
        CelFunctionBinding.from(
            "quantity_is_less_than", Quantity.class, Quantity.class, (a, b) -> a.compareTo(b) < 0),
        CelFunctionBinding.from(
            "quantity_compare_to",
            Quantity.class,
            Quantity.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))),
        CelFunctionBinding.from(
            "quantity_get_float", Quantity.class, Quantity::asApproximateDouble),
        CelFunctionBinding.from("quantity_get_int", Quantity.class, KubernetesLibrary::asInteger),
        CelFunctionBinding.from("quantity_is_integer", Quantity.class, q -> q.asLong().isPresent()),
        CelFunctionBinding.from("quantity_add", Quantity.class, Quantity.class, Quantity::add),
        CelFunctionBinding.from(
            "quantity_add_int", Quantity.class, Long.class, (q, i) -> q.add(decimal(i))),
        CelFunctionBinding.from("quantity_sub", Quantity.class, Quantity.class, Quantity::subtract),
        CelFunctionBinding.from(
            "quantity_sub_int", Quantity.class, Long.class, (q, i) -> q.subtract(decimal(i))),
        CelFunctionBinding.from("string_to_semver", String.class, s -> semver(s, false)),
        CelFunctionBinding.from(
            "string_bool_to_semver", String.class, Boolean.class, KubernetesLibrary::semver),
        CelFunctionBinding.from(
            "is_semver_string", String.class, s -> Version.tryParse(s).isPresent()),
        CelFunctionBinding.from(
            "is_semver_string_bool",
            String.class,
            Boolean.class,
            (s, normalize) ->
                (normalize ? Version.tryParseNormalized(s) : Version.tryParse(s)).isPresent()),
        CelFunctionBinding.from(
            "semver_is_greater_than", Version.class, Version.class, (a, b) -> a.compareTo(b) > 0),
        CelFunctionBinding.from(
            "semver_is_less_than", Version.class, Version.class, (a, b) -> a.compareTo(b) < 0),
        CelFunctionBinding.from(
            "semver_compare_to",
            Version.class,
            Version.class,
            (a, b) -> (long) Integer.signum(a.compareTo(b))),
        CelFunctionBinding.from("semver_major", Version.class, Version::major),
        CelFunctionBinding.from("semver_minor", Version.class, Version::minor),
        CelFunctionBinding.from("semver_patch", Version.class, Version::patch));
  }

  private static Quantity quantity(String text) {
    try {
      return Quantity.parse(text);
    } catch (QuantityFormatException e) {
      throw new FunctionError(Kind.INVALID_ARGUMENT, e.getMessage());
    }
  }

  private static long asInteger(Quantity quantity) {
    return quantity
        .asLong()
        .orElseThrow(
            () -> new FunctionError(Kind.NUMERIC_OVERFLOW, "cannot convert value to integer"));
  }

  /** Kubernetes' {@code NewQuantity(i, DecimalExponent)}. */
  private static Quantity decimal(long value) {
    return Quantity.of(value, Quantity.Format.DECIMAL_EXPONENT);
  }

  private static Version semver(String text, boolean normalize) {
    if (normalize) {
      return Version.tryParseNormalized(text)
          .orElseThrow(
              () ->
                  new FunctionError(
                      Kind.INVALID_ARGUMENT, "invalid semantic version: \"" + text + "\""));
    }
    try {
      return Version.parse(text);
    } catch (VersionFormatException e) {
      throw new FunctionError(Kind.INVALID_ARGUMENT, e.getMessage());
    }
  }

  /** A Kubernetes function rejected its argument, such as {@code quantity("bad")}. */
  static final class FunctionError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;

    FunctionError(Kind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }
}
