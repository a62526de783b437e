package dev.flotilla.expr;

import dev.cel.runtime.CelFunctionBinding;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.List;

/**
 * The strings extension's index functions as cel-go (the version Kubernetes builds with) defines
 * them, in place of cel-java's, whose edge cases differ: a search offset past the end finds nothing
 * ({@code 'tacocat'.indexOf('a', 30) == -1}, cel-java fails), the empty string is found at the
 * offset clamped to the length ({@code 'tacocat'.indexOf('', 30) == 7}), a negative offset is an
 * error even for the empty string, and errors read as cel-go's ({@code index out of range: 30},
 * {@code invalid substring range. start: 4, end: 3}). Positions count code points (Go's runes).
 * Each replaces the binding of the same overload id and is charged as that overload by {@link
 * MeteredFunctions}.
 */
final class CelGoStrings {
  private CelGoStrings() {}

  /** {@code binding}, or cel-go's version of it. */
  static CelFunctionBinding override(CelFunctionBinding binding) {
    String id = binding.getOverloadId();
    return switch (id) {
      case "string_char_at_int" ->
          CelFunctionBinding.from(id, String.class, Long.class, CelGoStrings::charAt);
      case "string_index_of_string" ->
          CelFunctionBinding.from(id, String.class, String.class, (s, sub) -> indexOf(s, sub, 0));
      case "string_index_of_string_int" ->
          CelFunctionBinding.from(
              id,
              List.of(String.class, String.class, Long.class),
              args -> indexOf((String) args[0], (String) args[1], (Long) args[2]));
      case "string_last_index_of_string" ->
          CelFunctionBinding.from(id, String.class, String.class, CelGoStrings::lastIndexOf);
      case "string_last_index_of_string_int" ->
          CelFunctionBinding.from(
              id,
              List.of(String.class, String.class, Long.class),
              args -> lastIndexOf((String) args[0], (String) args[1], (Long) args[2]));
      case "string_substring_int" ->
          CelFunctionBinding.from(
              id, String.class, Long.class, (s, start) -> substring(s, start, null));
      case "string_substring_int_int" ->
          CelFunctionBinding.from(
              id,
              List.of(String.class, Long.class, Long.class),
              args -> substring((String) args[0], (Long) args[1], (Long) args[2]));
      default -> binding;
    };
  }

  private static KubernetesLibrary.FunctionError outOfRange(long index) {
    return new KubernetesLibrary.FunctionError(
        Kind.INDEX_OUT_OF_BOUNDS, "index out of range: " + index);
  }

  static String charAt(String s, long index) {
    int[] runes = s.codePoints().toArray();
    if (index < 0 || index > runes.length) {
      throw outOfRange(index);
    }
    return index == runes.length ? "" : new String(runes, (int) index, 1);
  }

  static long indexOf(String s, String sub, long offset) {
    if (offset < 0) {
      throw outOfRange(offset);
    }
    int[] runes = s.codePoints().toArray();
    if (sub.isEmpty()) {
      return Math.min(offset, runes.length);
    }
    if (offset >= runes.length) {
      return -1;
    }
    int[] target = sub.codePoints().toArray();
    for (int i = (int) offset; i <= runes.length - target.length; i++) {
      if (matchesAt(runes, target, i)) {
        return i;
      }
    }
    return -1;
  }

  static long lastIndexOf(String s, String sub) {
    int runes = s.codePointCount(0, s.length());
    if (sub.isEmpty()) {
      return runes;
    }
    if (s.length() < sub.length()) {
      return -1;
    }
    return lastIndexOf(s, sub, runes - 1L);
  }

  static long lastIndexOf(String s, String sub, long offset) {
    if (offset < 0) {
      throw outOfRange(offset);
    }
    int[] runes = s.codePoints().toArray();
    if (sub.isEmpty()) {
      return Math.min(offset, runes.length);
    }
    if (offset >= runes.length) {
      return -1;
    }
    int[] target = sub.codePoints().toArray();
    int start = (int) Math.min(offset, runes.length - (long) target.length);
    for (int i = start; i >= 0; i--) {
      if (matchesAt(runes, target, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(int[] runes, int[] target, int at) {
    for (int j = 0; j < target.length; j++) {
      if (runes[at + j] != target[j]) {
        return false;
      }
    }
    return true;
  }

  /** {@code end} null: to the end. */
  static String substring(String s, long start, Long end) {
    int[] runes = s.codePoints().toArray();
    long stop = end == null ? runes.length : end;
    if (end != null && start > stop) {
      throw new KubernetesLibrary.FunctionError(
          Kind.INVALID_ARGUMENT, "invalid substring range. start: " + start + ", end: " + stop);
    }
    if (start < 0 || start > runes.length) {
      throw outOfRange(start);
    }
    if (stop < 0 || stop > runes.length) {
      throw outOfRange(stop);
    }
    return new String(runes, (int) start, (int) (stop - start));
  }
}
