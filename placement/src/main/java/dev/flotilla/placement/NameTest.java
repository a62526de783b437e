package dev.flotilla.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CEL expression over {@code cluster.name} that the inventory's sorted name dictionary answers:
 * {@code cluster.name.startsWith('p')}, {@code cluster.name.endsWith('s')}, {@code cluster.name in
 * ['a', 'b']}, {@code cluster.name.matches('^p...')}. None of them can fail on a cluster (a name is
 * always present, a regex is checked when compiled), so the clusters outside {@link #resolve} are
 * exactly those where the expression is false without error. When {@link #exact}, the clusters
 * inside are exactly those where it is true; otherwise (a regex with more than its literal prefix)
 * CEL must still run on them.
 *
 * <p>Recognised from the source text by strict patterns: string literals without escapes or quotes
 * inside, nothing around the call but blanks. Anything else is not a name test and runs as CEL.
 */
record NameTest(Kind kind, List<String> values, boolean exact) {
  enum Kind {
    PREFIX,
    SUFFIX,
    IN
  }

  private static final String LITERAL = "(?:'([^'\"\\\\]*)'|\"([^'\"\\\\]*)\")";
  private static final String NAME = "\\s*cluster\\s*\\.\\s*name\\s*";
  private static final Pattern STARTS =
      Pattern.compile(NAME + "\\.\\s*startsWith\\s*\\(\\s*" + LITERAL + "\\s*\\)\\s*");
  private static final Pattern ENDS =
      Pattern.compile(NAME + "\\.\\s*endsWith\\s*\\(\\s*" + LITERAL + "\\s*\\)\\s*");
  private static final Pattern MATCHES =
      Pattern.compile(NAME + "\\.\\s*matches\\s*\\(\\s*" + LITERAL + "\\s*\\)\\s*");
  private static final Pattern IN =
      Pattern.compile(
          NAME + "in\\s*\\[\\s*(" + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*)?\\s*,?\\s*\\]\\s*");
  private static final Pattern ITEM = Pattern.compile(LITERAL);

  /** Characters that stand for themselves in RE2 and can occur in a cluster name. */
  private static final Pattern REGEX_LITERAL_PREFIX = Pattern.compile("\\^([A-Za-z0-9_-]*)(.*)");

  NameTest {
    values = List.copyOf(values);
  }

  /** The name test {@code source} is, or null. */
  static NameTest of(String source) {
    Matcher m = STARTS.matcher(source);
    if (m.matches()) {
      return new NameTest(Kind.PREFIX, List.of(literal(m, 1)), true);
    }
    m = ENDS.matcher(source);
    if (m.matches()) {
      return new NameTest(Kind.SUFFIX, List.of(literal(m, 1)), true);
    }
    m = MATCHES.matcher(source);
    if (m.matches()) {
      Matcher regex = REGEX_LITERAL_PREFIX.matcher(literal(m, 1));
      if (!regex.matches()) {
        return null; // not anchored: a match may start anywhere
      }
      String rest = regex.group(2);
      // A quantifier right after the prefix would apply to its last character: not a prefix.
      // An alternation may match without the prefix.
      if (!rest.isEmpty() && "*+?{".indexOf(rest.charAt(0)) >= 0 || rest.indexOf('|') >= 0) {
        return null;
      }
      return new NameTest(
          Kind.PREFIX, List.of(regex.group(1)), rest.isEmpty() || rest.equals(".*"));
    }
    m = IN.matcher(source);
    if (m.matches()) {
      List<String> names = new ArrayList<>();
      if (m.group(1) != null) {
        Matcher item = ITEM.matcher(m.group(1));
        while (item.find()) {
          names.add(literal(item, 1));
        }
      }
      return new NameTest(Kind.IN, names, true);
    }
    return null;
  }

  private static String literal(Matcher m, int group) {
    return m.group(group) != null ? m.group(group) : m.group(group + 1);
  }

  /** The clusters of {@code inventory} on which the test may be true, as words. */
  long[] resolve(Inventory inventory) {
    long[] out = new long[Posting.words(inventory.capacity())];
    switch (kind) {
      case PREFIX -> inventory.nameDictionary().prefix(values.get(0), out);
      case SUFFIX -> inventory.nameDictionary().suffix(values.get(0), out);
      case IN -> {
        for (String name : values) {
          int ordinal = inventory.ordinal(name);
          if (ordinal >= 0) {
            out[ordinal >>> 6] |= 1L << ordinal;
          }
        }
      }
    }
    return out;
  }
}
