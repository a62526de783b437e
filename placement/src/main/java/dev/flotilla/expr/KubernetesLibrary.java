package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/** Kubernetes' CEL libraries (k8s.io/apiserver pkg/cel/library), declared and bound. */
final class KubernetesLibrary {
  private KubernetesLibrary() {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> declarations = new ArrayList<>();
    return declarations;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    return bindings;
  }

  /** A Kubernetes function rejected its argument, such as {@code quantity("bad")}. */
  static final class FunctionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FunctionError(String message) {
      super(message, null, false, false);
    }
  }
}
