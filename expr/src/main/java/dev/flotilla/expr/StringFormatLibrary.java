package dev.flotilla.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The strings extension's {@code <string>.format(<list>)} (cel-go ext/strings.go, overload {@code
 * string_format}), which cel-java's strings extension lacks; the formatting itself is {@link
 * StringFormat}. As cel-go's format validator does, a call whose format string is a literal and
 * whose arguments are a list literal is checked when the expression is compiled: clause syntax,
 * argument count (too few or too many) and each argument's type against its clause.
 */
final class StringFormatLibrary {
  static final String OVERLOAD = "string_format";

  private static final Set<CelKind> STRING_KINDS =
      EnumSet.of(
          CelKind.LIST,
          CelKind.MAP,
          CelKind.INT,
          CelKind.UINT,
          CelKind.DOUBLE,
          CelKind.BOOL,
          CelKind.STRING,
          CelKind.TIMESTAMP,
          CelKind.BYTES,
          CelKind.DURATION,
          CelKind.TYPE,
          CelKind.NULL_TYPE);

  private StringFormatLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "format",
            CelOverloadDecl.newMemberOverload(
                OVERLOAD, SimpleType.STRING, SimpleType.STRING, ListType.create(SimpleType.DYN))));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(
            OVERLOAD,
            String.class,
            List.class,
            (format, args) -> StringFormat.format(format, args)));
  }

  /**
   * The problem with a {@code format} call of a literal format string over a list literal, or null;
   * other calls are left to run time.
   */
  static String check(CelExpr expr, CelAbstractSyntaxTree ast) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.CALL) {
      return null;
    }
    CelExpr.CelCall call = expr.call();
    if (!call.function().equals("format")
        || call.target().isEmpty()
        || call.args().size() != 1
        || call.args().get(0).getKind() != CelExpr.ExprKind.Kind.LIST) {
      return null;
    }
    CelExpr target = call.target().get();
    if (target.getKind() != CelExpr.ExprKind.Kind.CONSTANT
        || target.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return null;
    }
    List<CelExpr> args = call.args().get(0).list().elements();
    try {
      int requested =
          StringFormat.parse(
              target.constant().stringValue(),
              new StringFormat.Clauses() {
                @Override
                public int size() {
                  return args.size();
                }

                @Override
                public void argument(int index) {}

                @Override
                public void clause(int index, char verb, int precision)
                    throws StringFormat.FormatException {
                  verify(args.get(index), verb, ast);
                }
              },
              new StringBuilder());
      if (args.size() > requested) {
        return "too many arguments supplied to string.format (expected "
            + requested
            + ", got "
            + args.size()
            + ")";
      }
    } catch (StringFormat.FormatException e) {
      return e.getMessage();
    }
    return null;
  }

  private static void verify(CelExpr arg, char verb, CelAbstractSyntaxTree ast)
      throws StringFormat.FormatException {
    String problem =
        switch (verb) {
          case 's' -> verifyString(arg, ast);
          case 'd' -> oneOf(arg, ast, "decimal clause can only be used on integers", INTEGERS);
          case 'o' -> oneOf(arg, ast, "octal clause can only be used on integers", INTEGERS);
          case 'f' -> oneOf(arg, ast, "fixed-point clause can only be used on doubles", FLOATING);
          case 'e' -> oneOf(arg, ast, "scientific clause can only be used on doubles", FLOATING);
          case 'b' ->
              oneOf(
                  arg,
                  ast,
                  "only integers and bools can be formatted as binary",
                  EnumSet.of(CelKind.INT, CelKind.UINT, CelKind.BOOL));
          default ->
              oneOf(
                  arg,
                  ast,
                  "only integers, byte buffers, and strings can be formatted as hex",
                  EnumSet.of(CelKind.INT, CelKind.UINT, CelKind.STRING, CelKind.BYTES));
        };
    if (problem != null) {
      throw StringFormat.formattingError(problem);
    }
  }

  private static final Set<CelKind> INTEGERS = EnumSet.of(CelKind.INT, CelKind.UINT);

  /** %f and %e also take the strings NaN, Infinity and -Infinity. */
  private static final Set<CelKind> FLOATING = EnumSet.of(CelKind.DOUBLE, CelKind.STRING);

  private static String oneOf(
      CelExpr arg, CelAbstractSyntaxTree ast, String message, Set<CelKind> kinds) {
    CelType type = ast.getType(arg.id()).orElse(SimpleType.DYN);
    if (type.kind() == CelKind.DYN || kinds.contains(type.kind())) {
      return null;
    }
    return message + ", was given " + type.name();
  }

  /** cel-go's verifyString: the type, then each element of a list or map literal. */
  private static String verifyString(CelExpr arg, CelAbstractSyntaxTree ast) {
    CelType type = ast.getType(arg.id()).orElse(SimpleType.DYN);
    if (type.kind() != CelKind.DYN && !STRING_KINDS.contains(type.kind())) {
      return "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists,"
          + " types, durations, and timestamps, was given "
          + type.name();
    }
    if (arg.getKind() == CelExpr.ExprKind.Kind.LIST) {
      for (CelExpr element : arg.list().elements()) {
        String problem = verifyString(element, ast);
        if (problem != null) {
          return problem;
        }
      }
    } else if (arg.getKind() == CelExpr.ExprKind.Kind.MAP) {
      for (CelExpr.CelMap.Entry entry : arg.map().entries()) {
        String problem = verifyString(entry.key(), ast);
        if (problem == null) {
          problem = verifyString(entry.value(), ast);
        }
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }
}
