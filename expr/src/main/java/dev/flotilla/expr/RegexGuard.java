package dev.flotilla.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.flotilla.expr.ExpressionEvaluationException.Kind;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Regular expressions compiled under bounds <em>before</em> RE2 does any work, whether the pattern
 * is a literal or comes from cluster data.
 *
 * <p>RE2 matches in linear time, but compiling a pattern is not bounded: its parser expands
 * repetitions ({@code ((a{1000}){1000}){1000}} becomes a billion nodes, gigabytes of heap) and
 * recurses once per nesting level (8,000 nested groups overflow the stack). The program-size limit
 * of cel-java is checked only after that work. So a pattern is first scanned here, in one pass over
 * its characters and without recursion: its length, its group nesting depth and an upper bound of
 * its expanded size (repetition counts multiply down the nesting) must stay within limits derived
 * from {@link ExpressionLimits#maxRegexProgramSize()}. Only then is it compiled and its exact
 * program size checked.
 *
 * <p>Compiled patterns are cached by source, since the same few patterns are matched against every
 * cluster; the cache is cleared when it reaches {@value #CACHE_SIZE} entries, which bounds its
 * memory whatever the data holds.
 */
final class RegexGuard {
  static final int MAX_NESTING = 100;
  private static final int CACHE_SIZE = 1024;
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RegexGuard() {}

  /** Why {@code regex} is refused under a program size limit of {@code maxProgram}, or null. */
  static String problem(String regex, int maxProgram) {
    return check(regex, maxProgram) instanceof String problem ? problem : null;
  }

  /** The compiled pattern, or an evaluation error saying why it is refused. */
  static Pattern compile(String regex, int maxProgram) {
    Object checked = check(regex, maxProgram);
    if (checked instanceof String problem) {
      throw new KubernetesLibrary.FunctionError(Kind.INVALID_ARGUMENT, problem);
    }
    return (Pattern) checked;
  }

  /** The compiled pattern (cached), or the problem that refuses it. */
  private static Object check(String regex, int maxProgram) {
    String key = maxProgram + "/" + regex;
    Pattern cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    if (regex.length() > maxPatternLength(maxProgram)) {
      return "regular expression too long: "
          + regex.length()
          + " characters exceed the limit of "
          + maxPatternLength(maxProgram);
    }
    String shape = scan(regex, (long) maxProgram * 4);
    if (shape != null) {
      return shape;
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return "invalid regular expression: " + e.getMessage();
    } catch (StackOverflowError | RuntimeException e) {
      return "invalid regular expression: it cannot be compiled within bounds";
    }
    if (pattern.programSize() > maxProgram) {
      return "regular expression too complex: its program size "
          + pattern.programSize()
          + " exceeds the limit of "
          + maxProgram;
    }
    if (CACHE.size() >= CACHE_SIZE) {
      CACHE.clear();
    }
    CACHE.put(key, pattern);
    return pattern;
  }

  static int maxPatternLength(int maxProgram) {
    return Math.max(256, maxProgram * 8);
  }

  /**
   * One pass over the pattern: the nesting depth of groups and an upper bound of the expanded size.
   * {@code size[d]} is the size of the sequence being read at depth {@code d}; {@code last[d]} the
   * size of its last atom, which a following repetition multiplies.
   */
  private static String scan(String regex, long maxSize) {
    long[] size = new long[MAX_NESTING + 2];
    long[] last = new long[MAX_NESTING + 2];
    int depth = 0;
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      long atom = 1;
      switch (c) {
        case '\\' -> i += 2;
        case '[' -> i = endOfClass(regex, i);
        case '(' -> {
          if (++depth > MAX_NESTING) {
            return "regular expression nested too deeply: more than "
                + MAX_NESTING
                + " levels of groups";
          }
          size[depth] = 0;
          last[depth] = 0;
          i++;
          continue;
        }
        case ')' -> {
          if (depth == 0) {
            i++;
            continue; // RE2 reports the unbalanced parenthesis
          }
          atom = Math.max(1, size[depth]);
          depth--;
          i++;
        }
        case '{' -> {
          int close = regex.indexOf('}', i);
          long times = close < 0 ? 1 : repetitions(regex.substring(i + 1, close));
          if (times > 1) {
            long grown = Saturating.multiply(last[depth], times - 1);
            size[depth] = Saturating.add(size[depth], grown);
            last[depth] = Saturating.multiply(last[depth], times);
            if (size[depth] > maxSize) {
              return tooLarge(maxSize);
            }
          }
          i = close < 0 ? i + 1 : close + 1;
          continue;
        }
        case '*', '+', '?' -> {
          i++;
          continue;
        }
        default -> i++;
      }
      size[depth] = Saturating.add(size[depth], atom);
      last[depth] = atom;
      if (size[depth] > maxSize) {
        return tooLarge(maxSize);
      }
    }
    return null;
  }

  private static String tooLarge(long maxSize) {
    return "regular expression too complex: its repetitions expand beyond " + maxSize + " elements";
  }

  private static int endOfClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** The largest count of {@code {n}}, {@code {n,}} or {@code {n,m}}; 1 if it is not a count. */
  private static long repetitions(String body) {
    long max = 1;
    for (String part : body.split(",", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.length() > 9 || !part.chars().allMatch(Character::isDigit)) {
        return part.length() > 9 ? Long.MAX_VALUE / 4 : 1;
      }
      max = Math.max(max, Long.parseLong(part));
    }
    return max;
  }
}
