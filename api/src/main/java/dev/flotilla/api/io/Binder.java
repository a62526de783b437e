package dev.flotilla.api.io;

import dev.flotilla.api.Problem;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.io.Node.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems of one file while its trees are bound to model records, so the reader can
 * report all of them at once, each with file, line, column and field path.
 */
final class Binder {
  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  Binder(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void report(Location at, String path, String message) {
    problems.add(new Problem(source, at.line(), at.column(), path, message));
  }

  void wrongType(Node node, String path, String expected) {
    report(node.location(), path, "wrong type: expected " + expected + ", got " + node.kind());
  }

  /**
   * Builds a model value whose constructor validates; its problems (with paths relative to the
   * value) are re-rooted at {@code path} and located by walking them from {@code at}. Returns null
   * on failure, which the caller treats as "skip this value": the file is rejected as a whole
   * anyway.
   */
  <T> T construct(Node at, String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        Location location = SourceMap.find(at, p.path());
        problems.add(p.under(path).in(source, location.line(), location.column()));
      }
      return null;
    }
  }

  /** How many problems so far, so a reader can tell whether one part of a file added any. */
  int problemCount() {
    return problems.size();
  }

  /** The problems found so far, in the order found. */
  List<Problem> problems() {
    return problems;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * Throws every problem found, in file order (problems found later are reported where they are).
   */
  void throwIfProblems() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(
          Comparator.comparingInt(Problem::line)
              .thenComparingInt(Problem::column)
              .thenComparing(Problem::path));
      throw new ValidationException(sorted);
    }
  }
}
