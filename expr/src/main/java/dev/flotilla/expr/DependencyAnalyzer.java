package dev.flotilla.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelSelect;
import dev.flotilla.expr.Dependencies.ClusterMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which parts of the variable {@code cluster} an expression reads (see {@link Dependencies}).
 *
 * <p>The walk recognises the few shapes that read one key by a constant name; anything else that
 * touches a map makes the whole map a dependency, and anything that touches {@code cluster} itself
 * makes everything a dependency. Local variables that happen to be called {@code cluster}
 * (comprehension variables) are treated as the global one, which can only over-report.
 */
final class DependencyAnalyzer {
  private static final String INDEX = "_[_]";
  private static final String OPTIONAL_INDEX = "_[?_]";
  private static final String OPTIONAL_SELECT = "_?._";
  private static final String IN = "@in";

  private final String variable;
  private boolean readsName;
  private boolean everything;
  private final Set<String> labels = new HashSet<>();
  private final Set<String> annotations = new HashSet<>();
  private final Set<String> properties = new HashSet<>();
  private final EnumSet<ClusterMap> whole = EnumSet.noneOf(ClusterMap.class);

  private DependencyAnalyzer(String variable) {
    this.variable = variable;
  }

  /** The dependencies of {@code root} on the cluster variable called {@code variable}. */
  static Dependencies analyze(CelExpr root, String variable) {
    DependencyAnalyzer analyzer = new DependencyAnalyzer(variable);
    analyzer.walk(root);
    if (analyzer.everything) {
      return Dependencies.everything();
    }
    if (!analyzer.readsName
        && analyzer.whole.isEmpty()
        && analyzer.labels.isEmpty()
        && analyzer.annotations.isEmpty()
        && analyzer.properties.isEmpty()) {
      return Dependencies.none();
    }
    return new Dependencies(
        analyzer.readsName,
        analyzer.labels,
        analyzer.annotations,
        analyzer.properties,
        analyzer.whole);
  }

  private void walk(CelExpr expr) {
    switch (expr.getKind()) {
      case IDENT -> {
        if (expr.ident().name().equals(variable)) {
          everything = true;
        }
      }
      case SELECT -> walkSelect(expr.select());
      case CALL -> walkCall(expr.call());
      case LIST -> expr.list().elements().forEach(this::walk);
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    walk(entry.key());
                    walk(entry.value());
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> walk(entry.value()));
      case COMPREHENSION -> {
        CelExpr.CelComprehension loop = expr.comprehension();
        walk(loop.iterRange());
        walk(loop.accuInit());
        walk(loop.loopCondition());
        walk(loop.loopStep());
        walk(loop.result());
      }
      default -> {
        // constants and unset nodes read nothing
      }
    }
  }

  private void walkSelect(CelSelect select) {
    CelExpr operand = select.operand();
    if (isCluster(operand)) {
      // cluster.name, cluster.labels (as a whole), has(cluster.labels) ...
      ClusterMap map = mapOf(select.field());
      if (map != null) {
        whole.add(map);
      } else if (select.field().equals("name")) {
        readsName = true;
      } else {
        everything = true;
      }
      return;
    }
    ClusterMap map = mapReference(operand);
    if (map != null) {
      // cluster.labels.x and has(cluster.labels.x)
      key(map, select.field());
      return;
    }
    walk(operand);
  }

  private void walkCall(CelCall call) {
    List<CelExpr> args = call.args();
    String function = call.function();
    if (call.target().isEmpty() && args.size() == 2) {
      if (function.equals(INDEX)
          || function.equals(OPTIONAL_INDEX)
          || function.equals(OPTIONAL_SELECT)) {
        ClusterMap map = mapReference(args.get(0));
        String key = stringConstant(args.get(1));
        if (map != null && key != null) {
          key(map, key);
          return;
        }
      } else if (function.equals(IN)) {
        ClusterMap map = mapReference(args.get(1));
        String key = stringConstant(args.get(0));
        if (map != null && key != null) {
          key(map, key);
          return;
        }
      }
    }
    call.target().ifPresent(this::walk);
    args.forEach(this::walk);
  }

  private void key(ClusterMap map, String key) {
    switch (map) {
      case LABELS -> labels.add(key);
      case ANNOTATIONS -> annotations.add(key);
      case PROPERTIES -> properties.add(key);
    }
  }

  private boolean isCluster(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(variable);
  }

  /** The map {@code expr} denotes when it is exactly {@code cluster.labels} and the like. */
  private ClusterMap mapReference(CelExpr expr) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT) {
      return null;
    }
    CelSelect select = expr.select();
    if (select.testOnly() || !isCluster(select.operand())) {
      return null;
    }
    return mapOf(select.field());
  }

  private static ClusterMap mapOf(String field) {
    return switch (field) {
      case "labels" -> ClusterMap.LABELS;
      case "annotations" -> ClusterMap.ANNOTATIONS;
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
