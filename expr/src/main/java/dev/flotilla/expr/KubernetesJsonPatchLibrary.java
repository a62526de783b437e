package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes' CEL {@code jsonpatch} library (k8s.io/apiserver pkg/cel/library, jsonpatch.go):
 * {@code jsonpatch.escapeKey(<string>)} escapes a key for a JSON Patch path (RFC 6901: {@code ~}
 * becomes {@code ~0}, {@code /} becomes {@code ~1}). Charged by the length of its result.
 */
final class KubernetesJsonPatchLibrary {
  private KubernetesJsonPatchLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "jsonpatch.escapeKey",
            CelOverloadDecl.newGlobalOverload(
                "string_jsonpatch_escapeKey_string", SimpleType.STRING, SimpleType.STRING)));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(
            "string_jsonpatch_escapeKey_string",
            String.class,
            KubernetesJsonPatchLibrary::escapeKey));
  }

  static String escapeKey(String key) {
    CostMeter.charge(2L * key.length() / CostMeter.CHARS_PER_UNIT);
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      switch (c) {
        case '~' -> out.append("~0");
        case '/' -> out.append("~1");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
