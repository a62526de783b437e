package dev.flotilla.api.labels;

import java.util.List;

/**
 * Renders values the way Kubernetes' {@code field.Error} does (Go's {@code %q} for a string, {@code
 * %#v} for a string slice), so error messages read exactly as the API server's.
 */
final class KubernetesText {
  private KubernetesText() {}

  /** {@code Invalid value: "x": detail}, the body of a {@code field.Invalid} error. */
  static String invalid(String value, String detail) {
    return "Invalid value: " + quote(value) + ": " + detail;
  }

  /** The same for a list value, printed as Go prints a {@code []string}. */
  static String invalid(List<String> values, String detail) {
    StringBuilder out = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return "Invalid value: " + out.append('}') + ": " + detail;
  }

  /** Go's {@code strconv.Quote}, close enough for error messages: escapes quotes and controls. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
