package dev.flotilla.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelSelect;
import dev.flotilla.expr.Dependencies.ClusterMap;
import dev.flotilla.expr.internal.KeyConstraint;
import dev.flotilla.expr.internal.KeyConstraint.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives {@link KeyConstraint}s from predicates that are nothing but a conjunction of simple key
 * tests: {@code cluster.labels['tier'] == 'gold' && has(cluster.properties.gpu)}.
 *
 * <p>Why only whole conjunctions of recognised atoms: CEL's {@code &&} is false as soon as one side
 * is false, even when the other side fails, so a cluster failing one atom's constraint is "false
 * without error" whatever the rest does; but an unrecognised side could exceed the cost budget
 * before the false side is reached, and that error would then be hidden by skipping the cluster.
 * Atoms recognised here are a few operations each, so no such error exists and skipping is exact.
 */
final class ConstraintAnalyzer {
  private static final String AND = "_&&_";
  private static final String NOT = "!_";
  private static final String EQUALS = "_==_";
  private static final String NOT_EQUALS = "_!=_";
  private static final String IN = "@in";
  private static final String INDEX = "_[_]";

  private final String variable;

  private ConstraintAnalyzer(String variable) {
    this.variable = variable;
  }

  /** The constraints of {@code root}, or an empty list when it is not of the recognised form. */
  static List<KeyConstraint> analyze(CelExpr root, String variable) {
    List<KeyConstraint> out = new ArrayList<>();
    return new ConstraintAnalyzer(variable).collect(root, out) ? List.copyOf(out) : List.of();
  }

  private boolean collect(CelExpr expr, List<KeyConstraint> out) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.CALL
        && expr.getKind() != CelExpr.ExprKind.Kind.SELECT) {
      return false;
    }
    if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      return presence(expr, Kind.PRESENT, out);
    }
    CelCall call = expr.call();
    if (call.target().isPresent()) {
      return false;
    }
    List<CelExpr> args = call.args();
    switch (call.function()) {
      case AND:
        // The parser flattens a && b && c into nested or variadic calls; either way, all args.
        for (CelExpr arg : args) {
          if (!collect(arg, out)) {
            return false;
          }
        }
        return true;
      case NOT:
        return args.size() == 1 && presence(args.get(0), Kind.ABSENT, out);
      case EQUALS:
      case NOT_EQUALS:
        {
          Kind kind = call.function().equals(EQUALS) ? Kind.VALUE_IN_OR_ABSENT : Kind.VALUE_NOT_IN;
          return comparison(args.get(0), args.get(1), kind, out)
              || comparison(args.get(1), args.get(0), kind, out);
        }
      case IN:
        return membership(args.get(0), args.get(1), out) || presence(expr, Kind.PRESENT, out);
      default:
        return false;
    }
  }

  /** {@code m['k'] == 'v'} (either side) or {@code m['k'] != 'v'}. */
  private boolean comparison(CelExpr value, CelExpr constant, Kind kind, List<KeyConstraint> out) {
    String literal = stringConstant(constant);
    KeyRead read = keyRead(value);
    if (literal == null || read == null) {
      return false;
    }
    out.add(new KeyConstraint(read.map, read.key, kind, Set.of(literal)));
    return true;
  }

  /** {@code m['k'] in ['a', 'b']}. */
  private boolean membership(CelExpr value, CelExpr list, List<KeyConstraint> out) {
    KeyRead read = keyRead(value);
    if (read == null || list.getKind() != CelExpr.ExprKind.Kind.LIST) {
      return false;
    }
    Set<String> values = new LinkedHashSet<>();
    for (CelExpr element : list.list().elements()) {
      String literal = stringConstant(element);
      if (literal == null) {
        return false;
      }
      values.add(literal);
    }
    if (!list.list().optionalIndices().isEmpty()) {
      return false;
    }
    out.add(new KeyConstraint(read.map, read.key, Kind.VALUE_IN_OR_ABSENT, values));
    return true;
  }

  /** {@code has(m.k)} or {@code 'k' in m}, negated when {@code kind} is ABSENT. */
  private boolean presence(CelExpr expr, Kind kind, List<KeyConstraint> out) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      CelSelect select = expr.select();
      ClusterMap map = mapReference(select.operand());
      if (!select.testOnly() || map == null) {
        return false;
      }
      out.add(new KeyConstraint(map, select.field(), kind, Set.of()));
      return true;
    }
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
      CelCall call = expr.call();
      if (call.function().equals(IN) && call.target().isEmpty() && call.args().size() == 2) {
        String key = stringConstant(call.args().get(0));
        ClusterMap map = mapReference(call.args().get(1));
        if (key != null && map != null) {
          out.add(new KeyConstraint(map, key, kind, Set.of()));
          return true;
        }
      }
    }
    return false;
  }

  private record KeyRead(ClusterMap map, String key) {}

  /** {@code cluster.labels['k']} or {@code cluster.labels.k} (labels or properties). */
  private KeyRead keyRead(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT && !expr.select().testOnly()) {
      ClusterMap map = mapReference(expr.select().operand());
      return map == null ? null : new KeyRead(map, expr.select().field());
    }
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
      CelCall call = expr.call();
      if (call.function().equals(INDEX) && call.target().isEmpty() && call.args().size() == 2) {
        ClusterMap map = mapReference(call.args().get(0));
        String key = stringConstant(call.args().get(1));
        return map == null || key == null ? null : new KeyRead(map, key);
      }
    }
    return null;
  }

  /** {@code cluster.labels} or {@code cluster.properties}; annotations are not indexed. */
  private ClusterMap mapReference(CelExpr expr) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT) {
      return null;
    }
    CelSelect select = expr.select();
    CelExpr operand = select.operand();
    if (select.testOnly()
        || operand.getKind() != CelExpr.ExprKind.Kind.IDENT
        || !operand.ident().name().equals(variable)) {
      return null;
    }
    return switch (select.field()) {
      case "labels" -> ClusterMap.LABELS;
      case "properties" -> ClusterMap.PROPERTIES;
      default -> null;
    };
  }

  private static String stringConstant(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
      return expr.constant().stringValue();
    }
    return null;
  }
}
