package dev.flotilla.customize;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointers: {@code ""} is the whole document, {@code /a/b~1c/0} three tokens. */
final class JsonPointer {
  private JsonPointer() {}

  /** The reference tokens, unescaped ({@code ~1} is '/', {@code ~0} is '~', in that order). */
  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (pointer.charAt(0) != '/') {
      throw new ActionFailure(pointer, "invalid JSON Pointer: must be empty or start with '/'");
    }
    int start = 1;
    while (true) {
      int slash = pointer.indexOf('/', start);
      String raw = slash < 0 ? pointer.substring(start) : pointer.substring(start, slash);
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
      if (slash < 0) {
        return tokens;
      }
      start = slash + 1;
    }
  }

  /**
   * The array index a token names: decimal digits without leading zeros ({@code 0}, {@code 12}), as
   * RFC 6901 requires; -1 when the token is not one.
   */
  static int index(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
