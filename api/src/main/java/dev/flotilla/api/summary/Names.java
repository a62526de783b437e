package dev.flotilla.api.summary;

import dev.flotilla.api.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Rules for the names of groups, aggregates, fields and feedback values (JSON keys in output). */
final class Names {
  static final int MAX_LENGTH = 63;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Names() {}

  static void check(String path, String name, List<Problem> problems) {
    if (name.isEmpty()) {
      problems.add(Problem.at(path, "Required value"));
    } else if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
      problems.add(
          Problem.at(
              path,
              "Invalid value: \""
                  + name
                  + "\": a name must be 1 to 63 letters, digits, '_' or '-', starting with a"
                  + " letter or '_'"));
    }
  }

  static void checkExpression(String path, String expression, List<Problem> problems) {
    if (expression.isBlank()) {
      problems.add(Problem.at(path, "Required value: an expression is required"));
    }
  }

  static <T> void unique(
      String field, List<T> items, Function<T, String> name, List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String n = name.apply(items.get(i));
      if (!seen.add(n)) {
        problems.add(Problem.at(field + "[" + i + "].name", "Duplicate value: \"" + n + "\""));
      }
    }
  }

  static void atMost(String field, List<?> items, int max, List<Problem> problems) {
    if (items.size() > max) {
      problems.add(
          Problem.at(field, "Too many: " + items.size() + ": must have at most " + max + " items"));
    }
  }
}
