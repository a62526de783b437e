package dev.flotilla.placement;

/**
 * Kubernetes' reading of a label value as a number for {@code Gt} and {@code Lt}: Go's {@code
 * strconv.ParseInt(s, 10, 64)}, an optional sign and decimal digits, within int64.
 */
final class Int64 {
  private Int64() {}

  static boolean isInt64(String s) {
    int length = s.length();
    int start = length > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (length == start || length - start > 19) {
      return false;
    }
    for (int i = start; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (length - start < 19) {
      return true;
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
