package dev.flotilla.api.summary;

import dev.flotilla.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A path to one value inside a reported object, in the subset of Kubernetes JSONPath that Open
 * Cluster Management's status feedback rules use: {@code .status.readyReplicas}, {@code
 * {.status.conditions[0].type}}, {@code $.metadata.labels['app.kubernetes.io/name']}. Fields are
 * {@code .name}, {@code ['name']} or {@code ["name"]}; list items {@code [N]} (N from 0). Filters,
 * wildcards, slices and recursive descent are rejected: a feedback value is one scalar.
 *
 * @param text the path as written
 * @param steps each step: a {@link String} field name or an {@link Integer} list index
 */
public record StatusPath(String text, List<Object> steps) {
  private static final int MAX_STEPS = 32;

  public StatusPath {
    Objects.requireNonNull(text, "text");
    steps = List.copyOf(steps);
    for (Object step : steps) {
      if (!(step instanceof String) && !(step instanceof Integer)) {
        throw new IllegalArgumentException("a step is a String or an Integer: " + step);
      }
    }
  }

  /**
   * Parses a path.
   *
   * @throws ValidationException (with an empty field path) when it is not in the supported subset
   */
  public static StatusPath parse(String text) {
    Objects.requireNonNull(text, "text");
    String path = text.strip();
    if (path.startsWith("{") && path.endsWith("}")) {
      path = path.substring(1, path.length() - 1).strip();
    }
    if (path.startsWith("$")) {
      path = path.substring(1);
    }
    if (path.isEmpty()) {
      throw invalid(text, "a path needs at least one step, such as .status.readyReplicas");
    }
    List<Object> steps = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i + 1, end);
        if (name.isEmpty()) {
          throw invalid(text, "empty field name at offset " + i);
        }
        if (name.equals("*") || name.contains("..") || name.contains("*")) {
          throw invalid(text, "wildcards are not supported");
        }
        steps.add(name);
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw invalid(text, "unclosed '['");
        }
        String inside = path.substring(i + 1, end).strip();
        if (inside.length() >= 2
            && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          String name = inside.substring(1, inside.length() - 1);
          if (name.isEmpty()) {
            throw invalid(text, "empty field name at offset " + i);
          }
          steps.add(name);
        } else if (inside.matches("[0-9]{1,9}")) {
          steps.add(Integer.parseInt(inside));
        } else {
          throw invalid(
              text, "unsupported index \"[" + inside + "]\": use [N] or ['name'] (one value)");
        }
        i = end + 1;
      } else {
        throw invalid(
            text, "unexpected '" + c + "' at offset " + i + ": a step starts with . or [");
      }
      if (steps.size() > MAX_STEPS) {
        throw invalid(text, "more than " + MAX_STEPS + " steps");
      }
    }
    return new StatusPath(text, steps);
  }

  /**
   * The value at this path in {@code root} (maps and lists as read from JSON), or empty when a step
   * is missing or meets a value of the wrong shape. The value may be a map or a list.
   */
  public Optional<Object> read(Object root) {
    Object current = root;
    for (Object step : steps) {
      if (step instanceof String name && current instanceof Map<?, ?> map) {
        current = map.get(name);
      } else if (step instanceof Integer index
          && current instanceof List<?> list
          && index < list.size()) {
        current = list.get(index);
      } else {
        return Optional.empty();
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  private static ValidationException invalid(String text, String why) {
    return ValidationException.at("", "Invalid value: \"" + text + "\": " + why);
  }
}
