package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a library's overloads by function name, in the order written, for the type checker: a
 * function is declared once with all its overloads.
 */
final class FunctionDeclarations {
  private final Map<String, List<CelOverloadDecl>> functions = new LinkedHashMap<>();

  /** A global overload, {@code name(parameters...)}. */
  FunctionDeclarations global(String name, String id, CelType result, CelType... parameters) {
    functions
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(CelOverloadDecl.newGlobalOverload(id, result, parameters));
    return this;
  }

  /** A member overload, {@code parameters[0].name(parameters[1...])}. */
  FunctionDeclarations member(String name, String id, CelType result, CelType... parameters) {
    functions
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(CelOverloadDecl.newMemberOverload(id, result, parameters));
    return this;
  }

  List<CelFunctionDecl> build() {
    List<CelFunctionDecl> declarations = new ArrayList<>();
    functions.forEach(
        (name, overloads) ->
            declarations.add(CelFunctionDecl.newFunctionDeclaration(name, overloads)));
    return declarations;
  }
}
