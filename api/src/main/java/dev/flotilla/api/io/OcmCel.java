package dev.flotilla.api.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OCM's CEL selector expressions (ocm pkg/placement/helpers/cel.go) as Flotilla CEL: the variable
 * {@code managedCluster} is bound to {@code ocm.managedCluster(cluster)}, the ManagedCluster as
 * OCM's CEL sees it, rebuilt from the mapped cluster.
 *
 * <p>A scan of the expression's tokens (the API module holds no CEL parser) refuses what would not
 * evaluate as in OCM: fields of {@code managedCluster} the mapping does not carry, Flotilla's own
 * variable and functions (OCM's environment, sdk-go pkg/cel/common BaseEnvOpts, has the strings
 * extension and Kubernetes' libraries, not math, sets, encoders, bindings or two-variable
 * comprehensions), and OCM's {@code scores()} and {@code parseJSON()}, which are not carried over.
 */
final class OcmCel {
  private OcmCel() {}

  private static final Set<String> METADATA = Set.of("name", "labels", "annotations");
  private static final Set<String> STATUS =
      Set.of("clusterClaims", "allocatable", "capacity", "version");
  private static final Set<String> FOREIGN_NAMESPACES =
      Set.of("math", "sets", "base64", "cel", "regex", "lists", "ocm");
  private static final Set<String> FOREIGN_MEMBERS =
      Set.of("transformList", "transformMap", "transformMapEntry", "existsOne");

  /** The Flotilla form of {@code expression}. */
  static String wrap(String expression) {
    // Newlines: a trailing // comment must not swallow the closing parenthesis.
    return "cel.bind(managedCluster, ocm.managedCluster(cluster), (\n" + expression + "\n))";
  }

  /** Why {@code expression} cannot be carried over; empty when it can. */
  static List<String> check(String expression) {
    List<String> problems = new ArrayList<>();
    List<String> tokens = tokens(expression);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (!isIdentifier(token)) {
        continue;
      }
      boolean member = i > 0 && tokens.get(i - 1).equals(".");
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (!member && token.equals("managedCluster")) {
        String path = path(tokens, i + 1);
        if (path == null) {
          problems.add(
              "Invalid value: managedCluster is used whole or indexed: Flotilla carries only"
                  + " managedCluster.metadata.{name,labels,annotations} and"
                  + " managedCluster.status.{clusterClaims,allocatable,capacity,version}");
        } else if (!path.isEmpty()) {
          problems.add(
              "Invalid value: managedCluster."
                  + path
                  + " is not carried over from the ManagedCluster: Flotilla carries only"
                  + " managedCluster.metadata.{name,labels,annotations} and"
                  + " managedCluster.status.{clusterClaims,allocatable,capacity,version}");
        }
      } else if (!member && token.equals("cluster")) {
        problems.add(
            "Invalid value: \"cluster\" is not a variable of OCM's CEL selectors (use"
                + " managedCluster)");
      } else if (next.equals("(")) {
        if (token.equals("scores") || token.equals("parseJSON")) {
          problems.add(
              "Invalid value: OCM's "
                  + token
                  + "() is not carried over (AddOnPlacementScores and JSON parsing)");
        } else if (member && i >= 2 && FOREIGN_NAMESPACES.contains(tokens.get(i - 2))) {
          problems.add(
              "Invalid value: "
                  + tokens.get(i - 2)
                  + "."
                  + token
                  + "() is not in OCM's CEL environment");
        } else if (member && FOREIGN_MEMBERS.contains(token)) {
          problems.add("Invalid value: " + token + "() is not in OCM's CEL environment");
        }
      }
    }
    return problems;
  }

  /**
   * The part of a {@code managedCluster} path that is not carried ("" when the path is carried), or
   * null when {@code managedCluster} is not followed by a field selection at all.
   */
  private static String path(List<String> tokens, int at) {
    String first = field(tokens, at);
    if (first == null) {
      return null;
    }
    String second = field(tokens, at + 2);
    Set<String> allowed =
        first.equals("metadata") ? METADATA : first.equals("status") ? STATUS : null;
    if (allowed == null) {
      return first;
    }
    if (second == null || !allowed.contains(second)) {
      return first + (second == null ? "" : "." + second);
    }
    if (first.equals("status") && second.equals("version")) {
      String third = field(tokens, at + 4);
      if (third != null && !third.equals("kubernetes")) {
        return "status.version." + third;
      }
    }
    return "";
  }

  private static String field(List<String> tokens, int at) {
    if (at + 1 < tokens.size() && tokens.get(at).equals(".") && isIdentifier(tokens.get(at + 1))) {
      return tokens.get(at + 1);
    }
    return null;
  }

  private static boolean isIdentifier(String token) {
    char c = token.charAt(0);
    return Character.isLetter(c) || c == '_';
  }

  /** Identifiers, numbers, punctuation; string literals and comments become one "" token. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        i = skipString(text, i, false);
        out.add("\"\"");
      } else if ((c == 'r' || c == 'R' || c == 'b' || c == 'B')
          && i + 1 < n
          && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
        i = skipString(text, i + 1, c == 'r' || c == 'R');
        out.add("\"\"");
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        out.add(text.substring(start, i));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        out.add(text.substring(start, i));
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }

  private static int skipString(String text, int at, boolean raw) {
    char quote = text.charAt(at);
    boolean triple =
        at + 2 < text.length() && text.charAt(at + 1) == quote && text.charAt(at + 2) == quote;
    int i = at + (triple ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && !raw) {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (!triple) {
          return i + 1;
        }
        if (i + 2 < text.length() && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote) {
          return i + 3;
        }
      }
      i++;
    }
    return i;
  }
}
