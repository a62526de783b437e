package dev.flotilla.summarize;

/*
 * Maintainer notes. Why this exists: cel-java adapts a map variable to its runtime form on every
 * access, walking the whole reported object (CelValueConverter.mapContainer), so each expression
 * over `status` costs a deep walk of the report; twelve expressions on 100,000 reports took
 * seconds. Most summary expressions are plain paths (`workload.ready`, `cluster.labels.env`,
 * `status.spec.template.spec.containers[0].image`), a negated path (`!workload.healthy`) or a
 * path compared with a literal (`status.kind == 'Deployment'`). Those are evaluated here directly
 * on the Java values.
 *
 * The invariant: whenever this returns a value, CEL would return the same value; on anything
 * unusual (a missing key, a wrong type, an index out of range, a comparison across types) it
 * returns FALLBACK and the caller runs CEL, which gives the exact error or result. So errors and
 * their messages always come from CEL. FastPathProperties checks the invariant on random
 * expressions and objects.
 */

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class FastPath {
  /** The expression needs CEL for this input. */
  static final Object FALLBACK = new Object();

  private static final Set<String> ROOTS = Set.of("status", "workload", "feedback", "cluster");

  private enum Op {
    VALUE,
    NOT,
    EQ,
    NE
  }

  private final String root;
  private final Object[] steps; // String: field or string key; Long: list index
  private final Op op;
  private final Object literal;

  private FastPath(String root, Object[] steps, Op op, Object literal) {
    this.root = root;
    this.steps = steps;
    this.op = op;
    this.literal = literal;
  }

  /** The fast path of {@code source}, or null when it is not one of the shapes handled. */
  static FastPath compile(String source) {
    try {
      return new Parser(source).parse();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The expression's value, or {@link #FALLBACK}. {@code roots} holds raw Java values. */
  Object evaluate(Map<String, Object> roots) {
    Object value = roots.get(root);
    for (Object step : steps) {
      if (step instanceof String key) {
        if (!(value instanceof Map<?, ?> map)) {
          return FALLBACK;
        }
        value = map.get(key);
        if (value == null && !map.containsKey(key)) {
          return FALLBACK;
        }
      } else {
        long index = (Long) step;
        if (!(value instanceof List<?> list) || index >= list.size()) {
          return FALLBACK;
        }
        value = list.get((int) index);
      }
    }
    switch (op) {
      case VALUE:
        return value;
      case NOT:
        return value instanceof Boolean b ? (Object) !b : FALLBACK;
      default:
        boolean equal;
        if (value == null || literal == null) {
          if (value != null || literal != null) {
            return FALLBACK;
          }
          equal = true;
        } else if (value.getClass() == literal.getClass()
            && (value instanceof String || value instanceof Long || value instanceof Boolean)) {
          equal = value.equals(literal);
        } else {
          return FALLBACK;
        }
        return op == Op.EQ ? equal : !equal;
    }
  }

  /**
   * path := root ('.' ident | '[' string ']' | '[' int ']')*; expr := path | '!' path | path ('=='
   * | '!=') literal; literal := string | int | true | false | null. Strings without escapes.
   */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    FastPath parse() {
      skip();
      boolean not = peek('!') && !s.startsWith("!=", i);
      if (not) {
        i++;
        skip();
      }
      String root = ident();
      if (!ROOTS.contains(root)) {
        throw new IllegalArgumentException();
      }
      List<Object> steps = new ArrayList<>();
      while (true) {
        skip();
        if (peek('.')) {
          i++;
          skip();
          steps.add(ident());
        } else if (peek('[')) {
          i++;
          skip();
          Object key = literal();
          if (!(key instanceof String) && !(key instanceof Long l && l >= 0)) {
            throw new IllegalArgumentException();
          }
          skip();
          expect(']');
          steps.add(key);
        } else {
          break;
        }
      }
      Op op = not ? Op.NOT : Op.VALUE;
      Object literal = null;
      if (!not && (s.startsWith("==", i) || s.startsWith("!=", i))) {
        op = s.charAt(i) == '=' ? Op.EQ : Op.NE;
        i += 2;
        skip();
        literal = literal();
        skip();
      }
      if (i != s.length()) {
        throw new IllegalArgumentException();
      }
      return new FastPath(root, steps.toArray(), op, literal);
    }

    private Object literal() {
      if (peek('\'') || peek('"')) {
        char quote = s.charAt(i++);
        int end = s.indexOf(quote, i);
        if (end < 0) {
          throw new IllegalArgumentException();
        }
        String text = s.substring(i, end);
        if (text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0) {
          throw new IllegalArgumentException();
        }
        i = end + 1;
        return text;
      }
      if (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        int start = i;
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.')) {
          throw new IllegalArgumentException(); // 1u, 1.5, 0x10: leave them to CEL
        }
        return Long.parseLong(s.substring(start, i));
      }
      String word = ident();
      return switch (word) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> throw new IllegalArgumentException();
      };
    }

    private String ident() {
      int start = i;
      if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')
            && s.charAt(i) < 128) {
          i++;
        }
      }
      if (start == i || s.charAt(start) >= 128) {
        throw new IllegalArgumentException();
      }
      return s.substring(start, i);
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw new IllegalArgumentException();
      }
      i++;
    }

    private void skip() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }
  }
}
