package dev.flotilla.api.internal.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path into an object, written {@code status.allocatable} or, to pick one item of a list by a
 * field, {@code status.agentStatus[type=MemberAgent].conditions}. Parsed once, when a mapping is
 * built, and followed for every object.
 *
 * @param text the path as written
 * @param fields the field names, one per step
 * @param selectKeys for each step, the field that picks a list item, or null for none
 * @param selectValues for each step, the value that field must have
 */
public record ObjectPath(
    String text, List<String> fields, List<String> selectKeys, List<String> selectValues) {

  /** Copies the lists. */
  public ObjectPath {
    fields = List.copyOf(fields);
    selectKeys = java.util.Collections.unmodifiableList(new ArrayList<>(selectKeys));
    selectValues = java.util.Collections.unmodifiableList(new ArrayList<>(selectValues));
  }

  /**
   * Parses a path.
   *
   * @return the path, or the reason it is not one
   */
  public static Result parse(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(Optional.empty(), "must not be empty");
    }
    List<String> fields = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String step : text.split("\\.", -1)) {
      String field = step;
      String key = null;
      String value = null;
      int open = step.indexOf('[');
      if (open >= 0) {
        int eq = step.indexOf('=', open);
        if (!step.endsWith("]") || eq < 0) {
          return new Result(
              Optional.empty(),
              "a list item is picked with [field=value], as in conditions[type=Ready]");
        }
        field = step.substring(0, open);
        key = step.substring(open + 1, eq);
        value = step.substring(eq + 1, step.length() - 1);
        if (key.isEmpty() || value.isEmpty() || value.contains("]") || key.contains("[")) {
          return new Result(
              Optional.empty(),
              "a list item is picked with [field=value], as in conditions[type=Ready]");
        }
      }
      if (field.isEmpty()) {
        return new Result(
            Optional.empty(), "a step is empty: write fields separated by single dots");
      }
      fields.add(field);
      keys.add(key);
      values.add(value);
    }
    return new Result(Optional.of(new ObjectPath(text, fields, keys, values)), "");
  }

  /** A parsed path, or the reason the text is not one. */
  public record Result(Optional<ObjectPath> path, String error) {}

  /** The number of steps. */
  public int length() {
    return fields.size();
  }

  @Override
  public String toString() {
    return text;
  }
}
