package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;

/**
 * Kubernetes' CEL {@code url} library (k8s.io/apiserver pkg/cel/library, urls.go): overload ids,
 * the type name {@code kubernetes.URL} and error texts are Kubernetes'. {@code url()} and {@code
 * isURL()} are charged by the length of their argument, {@code getQuery()} by the length of the
 * query, before they run.
 */
final class KubernetesUrlLibrary {
  static final OpaqueType URL = OpaqueType.create("kubernetes.URL");

  private KubernetesUrlLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        global("url", "string_to_url", URL, SimpleType.STRING),
        member("getScheme", "url_get_scheme", SimpleType.STRING),
        member("getHost", "url_get_host", SimpleType.STRING),
        member("getHostname", "url_get_hostname", SimpleType.STRING),
        member("getPort", "url_get_port", SimpleType.STRING),
        member("getEscapedPath", "url_get_escaped_path", SimpleType.STRING),
        member(
            "getQuery",
            "url_get_query",
            MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING))),
        global("isURL", "is_url_string", SimpleType.BOOL, SimpleType.STRING));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("string_to_url", String.class, KubernetesUrlLibrary::url),
        CelFunctionBinding.from("url_get_scheme", KubernetesUrl.class, KubernetesUrl::scheme),
        CelFunctionBinding.from("url_get_host", KubernetesUrl.class, KubernetesUrl::host),
        CelFunctionBinding.from("url_get_hostname", KubernetesUrl.class, KubernetesUrl::hostname),
        CelFunctionBinding.from("url_get_port", KubernetesUrl.class, KubernetesUrl::port),
        CelFunctionBinding.from(
            "url_get_escaped_path", KubernetesUrl.class, KubernetesUrl::escapedPath),
        CelFunctionBinding.from(
            "url_get_query",
            KubernetesUrl.class,
            u -> {
              CostMeter.charge(u.rawQuery().length() / CostMeter.CHARS_PER_UNIT);
              return u.query();
            }),
        CelFunctionBinding.from(
            "is_url_string",
            String.class,
            s -> {
              try {
                url(s);
                return true;
              } catch (KubernetesLibrary.FunctionError e) {
                return false;
              }
            }));
  }

  /** Kubernetes' {@code stringToUrl}. */
  static KubernetesUrl url(String text) {
    CostMeter.charge(text.length() / CostMeter.CHARS_PER_UNIT);
    try {
      return KubernetesUrl.parse(text);
    } catch (KubernetesUrl.ParseException e) {
      throw new KubernetesLibrary.FunctionError(
          Kind.INVALID_ARGUMENT,
          "URL parse error during conversion from string: " + e.getMessage());
    }
  }

  private static CelFunctionDecl global(String name, String id, CelType result, CelType parameter) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(id, result, parameter));
  }

  private static CelFunctionDecl member(String name, String id, CelType result) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(id, result, URL));
  }
}
