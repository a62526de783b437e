package dev.flotilla.api.labels;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive evaluator written straight from the Kubernetes rules
 * (k8s.io/apimachinery/pkg/labels, Requirement.Matches), sharing no code with the library: the
 * property tests check that {@link LabelSelector#matches} agrees with it.
 */
final class ReferenceLabelMatcher {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ReferenceLabelMatcher() {}

  /** A requirement as plain data: Kubernetes' operator string ("in", "!=", "gt"...). */
  record Rule(String key, String operator, List<String> values) {}

  static boolean matches(List<Rule> rules, Map<String, String> labels) {
    for (Rule rule : rules) {
      if (!matches(rule, labels)) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(Rule rule, Map<String, String> labels) {
    boolean present = labels.containsKey(rule.key());
    String value = labels.get(rule.key());
    switch (rule.operator()) {
      case "in":
      case "=":
      case "==":
        return present && rule.values().contains(value);
      case "notin":
      case "!=":
        return !present || !rule.values().contains(value);
      case "exists":
        return present;
      case "!":
        return !present;
      case "gt":
      case "lt":
        if (!present) {
          return false;
        }
        BigInteger actual = int64(value);
        BigInteger operand = int64(rule.values().get(0));
        if (actual == null || operand == null) {
          return false;
        }
        int comparison = actual.compareTo(operand);
        return rule.operator().equals("gt") ? comparison > 0 : comparison < 0;
      default:
        throw new AssertionError("unknown operator " + rule.operator());
    }
  }

  // strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, int64 range.
  private static BigInteger int64(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      return null;
    }
    BigInteger n = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    return n.compareTo(MIN) < 0 || n.compareTo(MAX) > 0 ? null : n;
  }
}
