package dev.flotilla.expr;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;

/**
 * Kubernetes' CEL {@code ip} and {@code cidr} libraries (k8s.io/apiserver pkg/cel/library, ip.go
 * and cidr.go): overload ids, type names ({@code net.IP}, {@code net.CIDR}) and error texts are
 * Kubernetes'. Addresses parse as Go's {@code netip} parses them, without zones and without
 * IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}), which Kubernetes rejects. Parsing functions
 * are charged by the length of their string argument before they run.
 */
final class KubernetesNetLibrary {
  static final OpaqueType IP = OpaqueType.create("net.IP");
  static final OpaqueType CIDR = OpaqueType.create("net.CIDR");

  private KubernetesNetLibrary() {}

  static List<CelFunctionDecl> declarations() {
    FunctionDeclarations functions = new FunctionDeclarations();
    // ip.go
    functions.global("ip", "string_to_ip", IP, SimpleType.STRING);
    functions.member("family", "ip_family", SimpleType.INT, IP);
    functions.global("ip.isCanonical", "ip_is_canonical", SimpleType.BOOL, SimpleType.STRING);
    functions.member("isUnspecified", "ip_is_unspecified", SimpleType.BOOL, IP);
    functions.member("isLoopback", "ip_is_loopback", SimpleType.BOOL, IP);
    functions.member("isLinkLocalMulticast", "ip_is_link_local_multicast", SimpleType.BOOL, IP);
    functions.member("isLinkLocalUnicast", "ip_is_link_local_unicast", SimpleType.BOOL, IP);
    functions.member("isGlobalUnicast", "ip_is_global_unicast", SimpleType.BOOL, IP);
    functions.global("isIP", "is_ip", SimpleType.BOOL, SimpleType.STRING);
    functions.global("string", "ip_to_string", SimpleType.STRING, IP);
    // cidr.go
    functions.global("cidr", "string_to_cidr", CIDR, SimpleType.STRING);
    functions.member(
        "containsIP", "cidr_contains_ip_string", SimpleType.BOOL, CIDR, SimpleType.STRING);
    functions.member("containsIP", "cidr_contains_ip_ip", SimpleType.BOOL, CIDR, IP);
    functions.member(
        "containsCIDR", "cidr_contains_cidr_string", SimpleType.BOOL, CIDR, SimpleType.STRING);
    functions.member("containsCIDR", "cidr_contains_cidr", SimpleType.BOOL, CIDR, CIDR);
    functions.member("ip", "cidr_ip", IP, CIDR);
    functions.member("prefixLength", "cidr_prefix_length", SimpleType.INT, CIDR);
    functions.member("masked", "cidr_masked", CIDR, CIDR);
    functions.global("isCIDR", "is_cidr", SimpleType.BOOL, SimpleType.STRING);
    functions.global("string", "cidr_to_string", SimpleType.STRING, CIDR);
    return functions.build();
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("string_to_ip", String.class, KubernetesNetLibrary::ip),
        CelFunctionBinding.from("ip_family", NetAddress.class, a -> a.is4() ? 4L : 6L),
        CelFunctionBinding.from("ip_is_canonical", String.class, s -> ip(s).toString().equals(s)),
        CelFunctionBinding.from("ip_is_unspecified", NetAddress.class, NetAddress::isUnspecified),
        CelFunctionBinding.from("ip_is_loopback", NetAddress.class, NetAddress::isLoopback),
        CelFunctionBinding.from(
            "ip_is_link_local_multicast", NetAddress.class, NetAddress::isLinkLocalMulticast),
        CelFunctionBinding.from(
            "ip_is_link_local_unicast", NetAddress.class, NetAddress::isLinkLocalUnicast),
        CelFunctionBinding.from(
            "ip_is_global_unicast", NetAddress.class, NetAddress::isGlobalUnicast),
        CelFunctionBinding.from("is_ip", String.class, KubernetesNetLibrary::isIp),
        CelFunctionBinding.from("ip_to_string", NetAddress.class, NetAddress::toString),
        CelFunctionBinding.from("string_to_cidr", String.class, KubernetesNetLibrary::cidr),
        CelFunctionBinding.from(
            "cidr_contains_ip_string", NetPrefix.class, String.class, (c, s) -> c.contains(ip(s))),
        CelFunctionBinding.from(
            "cidr_contains_ip_ip", NetPrefix.class, NetAddress.class, NetPrefix::contains),
        CelFunctionBinding.from(
            "cidr_contains_cidr_string",
            NetPrefix.class,
            String.class,
            (c, s) -> c.contains(cidr(s))),
        CelFunctionBinding.from(
            "cidr_contains_cidr", NetPrefix.class, NetPrefix.class, NetPrefix::contains),
        CelFunctionBinding.from("cidr_ip", NetPrefix.class, NetPrefix::address),
        CelFunctionBinding.from("cidr_prefix_length", NetPrefix.class, c -> (long) c.bits()),
        CelFunctionBinding.from("cidr_masked", NetPrefix.class, NetPrefix::masked),
        CelFunctionBinding.from("is_cidr", String.class, KubernetesNetLibrary::isCidr),
        CelFunctionBinding.from("cidr_to_string", NetPrefix.class, NetPrefix::toString));
  }

  /** Kubernetes' {@code parseIPAddr}: netip's parser, then no zone and no IPv4-mapped address. */
  static NetAddress ip(String text) {
    CostMeter.charge(text.length() / CostMeter.CHARS_PER_UNIT);
    String problem;
    try {
      NetAddress.Parsed parsed = NetAddress.parse(text);
      if (!parsed.zone().isEmpty()) {
        problem = "IP address " + GoStrings.quote(text) + " with zone value is not allowed";
      } else if (parsed.address().is4In6()) {
        problem = "IPv4-mapped IPv6 address " + GoStrings.quote(text) + " is not allowed";
      } else {
        return parsed.address();
      }
    } catch (NetAddress.ParseException e) {
      problem =
          "IP Address "
              + GoStrings.quote(text)
              + " parse error during conversion from string: "
              + e.getMessage();
    }
    throw new KubernetesLibrary.FunctionError(Kind.INVALID_ARGUMENT, problem);
  }

  private static boolean isIp(String text) {
    try {
      ip(text);
      return true;
    } catch (KubernetesLibrary.FunctionError e) {
      return false;
    }
  }

  /** Kubernetes' {@code stringToCIDR}, whose message repeats its prefix (as Kubernetes' does). */
  static NetPrefix cidr(String text) {
    CostMeter.charge(text.length() / CostMeter.CHARS_PER_UNIT);
    String prefix = "network address parse error during conversion from string: ";
    String problem;
    try {
      NetPrefix parsed = NetPrefix.parse(text);
      if (!parsed.address().is4In6()) {
        return parsed;
      }
      problem = "IPv4-mapped IPv6 address " + GoStrings.quote(text) + " is not allowed";
    } catch (NetAddress.ParseException e) {
      problem = prefix + e.getMessage();
    }
    throw new KubernetesLibrary.FunctionError(Kind.INVALID_ARGUMENT, prefix + problem);
  }

  private static boolean isCidr(String text) {
    try {
      cidr(text);
      return true;
    } catch (KubernetesLibrary.FunctionError e) {
      return false;
    }
  }
}
