package dev.flotilla.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A URL, the value of Kubernetes' CEL type {@code kubernetes.URL}. It parses as Go's {@code
 * net/url} does ({@code ParseRequestURI} to accept, then {@code Parse} for the parts, as
 * Kubernetes' urls.go does), with Go's error texts; the getters follow Go's {@code URL.Hostname},
 * {@code Port}, {@code EscapedPath} and {@code Query}. No name is ever resolved.
 */
final class KubernetesUrl {
  private final String scheme;
  private final String opaque;
  private final String userinfo;
  private final String host;
  private final String escapedPath;
  private final String rawQuery;
  private final String fragment;

  private KubernetesUrl(
      String scheme,
      String opaque,
      String userinfo,
      String host,
      String escapedPath,
      String rawQuery,
      String fragment) {
    this.scheme = scheme;
    this.opaque = opaque;
    this.userinfo = userinfo;
    this.host = host;
    this.escapedPath = escapedPath;
    this.rawQuery = rawQuery;
    this.fragment = fragment;
  }

  /** Thrown by {@link #parse}; its message is Go's {@code url.Error} text. */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  /** Kubernetes' {@code url()}: an absolute URI or an absolute path. */
  static KubernetesUrl parse(String raw) throws ParseException {
    parse(raw, true);
    int hash = raw.indexOf('#');
    KubernetesUrl url = parse(hash < 0 ? raw : raw.substring(0, hash), false);
    String fragment = "";
    if (hash >= 0) {
      fragment = unescape(raw, raw.substring(hash + 1), Mode.FRAGMENT);
    }
    return new KubernetesUrl(
        url.scheme, url.opaque, url.userinfo, url.host, url.escapedPath, url.rawQuery, fragment);
  }

  /** Go's {@code url.ParseRequestURI} error text for {@code raw}, or null if it parses. */
  static String requestUriProblem(String raw) {
    try {
      parse(raw, true);
      return null;
    } catch (ParseException e) {
      return e.getMessage();
    }
  }

  private enum Mode {
    PATH,
    HOST,
    USERINFO,
    QUERY_COMPONENT,
    FRAGMENT
  }

  private static KubernetesUrl parse(String raw, boolean viaRequest) throws ParseException {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw error(raw, "net/url: invalid control character in URL");
      }
    }
    if (raw.isEmpty() && viaRequest) {
      throw error(raw, "empty url");
    }
    if (raw.equals("*")) {
      return new KubernetesUrl("", "", "", "", "*", "", "");
    }
    String scheme = "";
    String rest = raw;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw error(raw, "missing protocol scheme");
        }
        scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        rest = raw.substring(i + 1);
      }
      break;
    }
    String rawQuery = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int question = rest.indexOf('?');
      if (question >= 0) {
        rawQuery = rest.substring(question + 1);
        rest = rest.substring(0, question);
      }
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new KubernetesUrl(scheme, rest, "", "", "", rawQuery, "");
      }
      if (viaRequest) {
        throw error(raw, "invalid URI for request");
      }
      int colon = rest.indexOf(':');
      int slash = rest.indexOf('/');
      if (colon >= 0 && (slash < 0 || colon < slash)) {
        throw error(raw, "first path segment in URL cannot contain colon");
      }
    }
    String userinfo = "";
    String host = "";
    if ((!scheme.isEmpty() || !viaRequest && !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
          throw error(raw, "net/url: invalid userinfo");
        }
        unescape(raw, userinfo, Mode.USERINFO);
      }
      host = parseHost(raw, authority.substring(at + 1));
    }
    String path = unescape(raw, rest, Mode.PATH);
    String escapedPath = validEncodedPath(rest) ? rest : escapePath(path);
    return new KubernetesUrl(scheme, "", userinfo, host, escapedPath, rawQuery, "");
  }

  private static ParseException error(String raw, String message) {
    return new ParseException("parse " + GoStrings.quote(raw) + ": " + message);
  }

  private static String parseHost(String raw, String host) throws ParseException {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw error(raw, "missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw error(raw, "invalid port " + GoStrings.quote(colonPort) + " after host");
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        String colonPort = host.substring(colon);
        if (!validOptionalPort(colonPort)) {
          throw error(raw, "invalid port " + GoStrings.quote(colonPort) + " after host");
        }
      }
    }
    return unescape(raw, host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validUserinfo(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isAlphanumeric(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
        continue;
      }
      return false;
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** Go's {@code shouldEscape} for the modes used here. */
  private static boolean shouldEscape(char c, Mode mode) {
    if (isAlphanumeric(c)) {
      return false;
    }
    if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (mode) {
        case PATH -> c == '?';
        case FRAGMENT -> false;
        default -> true;
      };
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Go's {@code unescape}; UTF-8 in, UTF-8 out. */
  private static String unescape(String raw, String s, Mode mode) throws ParseException {
    String problem = unescapeProblem(s, mode);
    if (problem != null) {
      throw error(raw, problem);
    }
    return decode(s, mode);
  }

  private static String unescapeProblem(String s, Mode mode) {
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
          String bad = s.substring(i, Math.min(s.length(), i + 3));
          return "invalid URL escape " + GoStrings.quote(bad);
        }
        if (mode == Mode.HOST && hex(s.charAt(i + 1)) < 8 && !s.substring(i, i + 3).equals("%25")) {
          return "invalid URL escape " + GoStrings.quote(s.substring(i, i + 3));
        }
        i += 3;
      } else {
        if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
          return "invalid character " + GoStrings.quote(String.valueOf(c)) + " in host name";
        }
        i++;
      }
    }
    return null;
  }

  private static String decode(String s, Mode mode) {
    if (s.indexOf('%') < 0 && (mode != Mode.QUERY_COMPONENT || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
        i += 3;
      } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
        out.write(' ');
        i++;
      } else {
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
          end++;
        }
        out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's {@code validEncoded} for paths: the path as written may be returned as is. */
  private static boolean validEncodedPath(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
        continue;
      }
      if (c >= 0x80 || shouldEscape(c, Mode.PATH)) {
        return false;
      }
    }
    return true;
  }

  private static String escapePath(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && !shouldEscape(c, Mode.PATH)) {
        out.append(c);
      } else {
        out.append('%')
            .append("0123456789ABCDEF".charAt(c >> 4))
            .append("0123456789ABCDEF".charAt(c & 15));
      }
    }
    return out.toString();
  }

  String scheme() {
    return scheme;
  }

  /** The host and port, IPv6 addresses in brackets. */
  String host() {
    return host;
  }

  /** Go's {@code Hostname}: the host without port and brackets. */
  String hostname() {
    String name = host;
    int colon = name.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(name.substring(colon))) {
      name = name.substring(0, colon);
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name;
  }

  /** Go's {@code Port}: the digits after the last colon, or "". */
  String port() {
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(host.substring(colon))) {
      return host.substring(colon + 1);
    }
    return "";
  }

  String escapedPath() {
    return escapedPath;
  }

  String rawQuery() {
    return rawQuery;
  }

  /**
   * Go's {@code Query}: repeated keys collect their values in order; pairs with a semicolon or a
   * bad escape are skipped.
   */
  Map<String, List<String>> query() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.indexOf(';') >= 0) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (unescapeProblem(key, Mode.QUERY_COMPONENT) != null
          || unescapeProblem(value, Mode.QUERY_COMPONENT) != null) {
        continue;
      }
      result
          .computeIfAbsent(decode(key, Mode.QUERY_COMPONENT), k -> new ArrayList<>())
          .add(decode(value, Mode.QUERY_COMPONENT));
    }
    return result;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!scheme.isEmpty()) {
      out.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      out.append(opaque);
    } else {
      if (!host.isEmpty() || !userinfo.isEmpty()) {
        out.append("//");
        if (!userinfo.isEmpty()) {
          out.append(userinfo).append('@');
        }
        out.append(host);
      }
      out.append(escapedPath);
    }
    if (!rawQuery.isEmpty()) {
      out.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      out.append('#').append(fragment);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubernetesUrl that
        && scheme.equals(that.scheme)
        && opaque.equals(that.opaque)
        && userinfo.equals(that.userinfo)
        && host.equals(that.host)
        && escapedPath.equals(that.escapedPath)
        && rawQuery.equals(that.rawQuery)
        && fragment.equals(that.fragment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, opaque, userinfo, host, escapedPath, rawQuery, fragment);
  }
}
