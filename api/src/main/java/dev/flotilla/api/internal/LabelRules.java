package dev.flotilla.api.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax rules Kubernetes applies to label keys, label values and object names ({@code
 * k8s.io/apimachinery/pkg/util/validation}, which delegates to {@code pkg/api/validate/content}),
 * with its error wording. Each method returns the list of errors, empty when the input is valid.
 *
 * <p>Lengths are counted in UTF-8 bytes, as Go's {@code len} does, so that a non-ASCII input gets
 * the same list of errors as in Kubernetes (a length error as well as a character error).
 *
 * <p>Written as character loops rather than regular expressions: these checks run for every label
 * of every cluster of an inventory, and a loop is several times faster than {@code
 * Pattern.matcher}.
 */
public final class LabelRules {
  /** Longest label value and longest name part of a qualified name. */
  public static final int MAX_NAME_LENGTH = 63;

  /** Longest DNS-1123 subdomain (also the longest key prefix). */
  public static final int MAX_SUBDOMAIN_LENGTH = 253;

  private static final String QUALIFIED_NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String QUALIFIED_NAME_MESSAGE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_MESSAGE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String LABEL_VALUE_FORMAT = "(" + QUALIFIED_NAME_FORMAT + ")?";
  private static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_FORMAT =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private LabelRules() {}

  /** Errors for a label key: {@code [prefix/]name}, the prefix a DNS-1123 subdomain. */
  public static List<String> qualifiedNameErrors(String key) {
    if (isQualifiedName(key)) {
      return List.of();
    }
    List<String> errors = new ArrayList<>(1);
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      if (key.indexOf('/', slash + 1) >= 0) {
        errors.add(
            "a valid label key "
                + regexError(
                    QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errors;
      }
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        for (String error : dns1123SubdomainErrors(prefix)) {
          errors.add("prefix part " + error);
        }
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (utf8Length(name) > MAX_NAME_LENGTH) {
      errors.add("name part " + maxLengthError(MAX_NAME_LENGTH));
    }
    // Kubernetes also reports the pattern for an empty name: the regular expression needs a char.
    if (!isNamePart(name)) {
      errors.add(
          "name part "
              + regexError(
                  QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /**
   * Errors for a cluster property name: the one rule for property names, in inventories and
   * wherever a policy names a property. It accepts the peers' names as they write them:
   *
   * <ul>
   *   <li>a label key, such as {@code cpu} or {@code resources.kubernetes-fleet.io/total-cpu};
   *   <li>a DNS-1123 subdomain up to 253 characters without a slash, as OCM's cluster claims are
   *       named ({@code kubeversion.open-cluster-management.io}; a claim is a cluster-scoped object
   *       whose name is a subdomain);
   *   <li>several segments separated by slashes, as KubeFleet accepts ({@code
   *       kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count}): the first a DNS-1123 subdomain or
   *       a name part, every other a name part (1..63 characters, {@code
   *       ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}). This is KubeFleet's {@code validateName} in
   *       {@code pkg/utils/validator/placement.go}.
   * </ul>
   */
  public static List<String> propertyNameErrors(String name) {
    if (isPropertyName(name)) {
      return List.of();
    }
    if (name.isEmpty()) {
      return List.of("must be non-empty");
    }
    int slash = name.indexOf('/');
    if (slash < 0) {
      return List.of(
          "must be a label name or a DNS-1123 subdomain: "
              + String.join("; ", qualifiedNameErrors(name))
              + "; "
              + String.join("; ", dns1123SubdomainErrors(name)));
    }
    List<String> errors = new ArrayList<>(1);
    String[] segments = name.split("/", -1);
    String first = segments[0];
    if (first.isEmpty()) {
      errors.add("first segment must be non-empty");
    } else if (!isSubdomainOfLength(first) && !isNamePartOfLength(first)) {
      errors.add(
          "first segment \""
              + first
              + "\" must be a DNS-1123 subdomain or a name part: "
              + String.join("; ", dns1123SubdomainErrors(first)));
    }
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        errors.add("segment " + (i + 1) + " must be non-empty");
      } else if (!isNamePartOfLength(segment)) {
        for (String error : qualifiedNameErrors(segment)) {
          errors.add("segment \"" + segment + "\": " + error);
        }
      }
    }
    return errors;
  }

  /** True when {@code name} is a valid property name (see {@link #propertyNameErrors}). */
  public static boolean isPropertyName(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return isNamePartOfLength(name) || isSubdomainOfLength(name);
    }
    String first = name.substring(0, slash);
    if (!isSubdomainOfLength(first) && !isNamePartOfLength(first)) {
      return false;
    }
    int start = slash + 1;
    while (true) {
      int next = name.indexOf('/', start);
      int end = next < 0 ? name.length() : next;
      if (!isNamePartOfLength(name.substring(start, end))) {
        return false;
      }
      if (next < 0) {
        return true;
      }
      start = next + 1;
    }
  }

  private static boolean isNamePartOfLength(String s) {
    return s.length() <= MAX_NAME_LENGTH && isNamePart(s);
  }

  private static boolean isSubdomainOfLength(String s) {
    return s.length() <= MAX_SUBDOMAIN_LENGTH && isSubdomain(s);
  }

  /** Errors for a label value: empty, or at most 63 characters of the name alphabet. */
  public static List<String> labelValueErrors(String value) {
    if (isLabelValue(value)) {
      return List.of();
    }
    List<String> errors = new ArrayList<>(1);
    if (utf8Length(value) > MAX_NAME_LENGTH) {
      errors.add(maxLengthError(MAX_NAME_LENGTH));
    }
    if (!value.isEmpty() && !isNamePart(value)) {
      errors.add(
          regexError(LABEL_VALUE_MESSAGE, LABEL_VALUE_FORMAT, "MyValue", "my_value", "12345"));
    }
    return errors;
  }

  /** Errors for a DNS-1123 subdomain, the rule for cluster names and key prefixes. */
  public static List<String> dns1123SubdomainErrors(String value) {
    if (value.length() <= MAX_SUBDOMAIN_LENGTH && isSubdomain(value)) {
      return List.of();
    }
    List<String> errors = new ArrayList<>(1);
    if (utf8Length(value) > MAX_SUBDOMAIN_LENGTH) {
      errors.add(maxLengthError(MAX_SUBDOMAIN_LENGTH));
    }
    if (!isSubdomain(value)) {
      errors.add(regexError(SUBDOMAIN_MESSAGE, SUBDOMAIN_FORMAT, "example.com"));
    }
    return errors;
  }

  /**
   * True when {@code key} is a valid label key. The error methods call this first: validating every
   * label of 100,000 clusters must not allocate error lists for valid input. Valid names are ASCII,
   * so their length in chars is their length in bytes.
   */
  public static boolean isQualifiedName(String key) {
    // Checked in place, without substrings: this runs for every label of every cluster.
    int slash = key.indexOf('/');
    int nameStart = slash + 1;
    if (key.length() - nameStart > MAX_NAME_LENGTH || !isNamePart(key, nameStart, key.length())) {
      return false;
    }
    if (slash < 0) {
      return true;
    }
    return slash <= MAX_SUBDOMAIN_LENGTH && isSubdomain(key, 0, slash);
  }

  /** True when {@code value} is a valid label value. */
  public static boolean isLabelValue(String value) {
    return value.length() <= MAX_NAME_LENGTH && (value.isEmpty() || isNamePart(value));
  }

  private static String maxLengthError(int limit) {
    return "must be no more than " + limit + " bytes";
  }

  // Go measures strings in UTF-8 bytes; a surrogate pair is one 4-byte code point.
  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  // ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], without its length limit.
  private static boolean isNamePart(String s) {
    return isNamePart(s, 0, s.length());
  }

  // The same over s[from, to).
  private static boolean isNamePart(String s, int from, int to) {
    int last = to - 1;
    if (last < from || !isAlphanumeric(s.charAt(from)) || !isAlphanumeric(s.charAt(last))) {
      return false;
    }
    for (int i = from + 1; i < last; i++) {
      char c = s.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  // Dot-separated labels of [a-z0-9-], each starting and ending with [a-z0-9].
  private static boolean isSubdomain(String s) {
    return isSubdomain(s, 0, s.length());
  }

  // The same over s[from, to).
  private static boolean isSubdomain(String s, int from, int to) {
    if (to == from) {
      return false;
    }
    int start = from;
    while (true) {
      int dot = s.indexOf('.', start);
      if (dot >= to) {
        dot = -1;
      }
      int end = dot < 0 ? to : dot;
      if (end == start
          || !isLowerAlphanumeric(s.charAt(start))
          || !isLowerAlphanumeric(s.charAt(end - 1))) {
        return false;
      }
      for (int i = start + 1; i < end - 1; i++) {
        char c = s.charAt(i);
        if (!isLowerAlphanumeric(c) && c != '-') {
          return false;
        }
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  // Kubernetes' validation.RegexError: the message, examples, then the regular expression.
  private static String regexError(String message, String format, String... examples) {
    StringBuilder out = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(format).append("')").toString();
  }
}
