package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.expr.CompiledExpression;
import dev.flotilla.expr.ExpressionEnvironment;
import dev.flotilla.expr.ExpressionEvaluationException;
import dev.flotilla.expr.PolicyBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A string that may hold templates {@code ${ CEL }}, compiled once.
 *
 * <p>Syntax: {@code ${} opens a template that ends at the matching {@code }} (braces and quotes in
 * the CEL are skipped correctly, so {@code ${ {'a': 1}['a'] }} works); {@code $${} is a literal
 * {@code ${}. A string that is exactly one template ({@code "${ expr }"}, nothing around it) takes
 * the expression's type: an int stays an int, a list a list. Elsewhere results are rendered as
 * text: strings as they are, numbers and bools as CEL prints them, lists and maps as JSON.
 *
 * <p>Results are inserted as data: the text a template produces is never scanned for templates
 * again, nor parsed as YAML or JSON, so a label value holding {@code ${x}} or {@code {a: 1}} stays
 * that literal string.
 */
final class Template {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Literal text pieces and expressions, alternating as written; expressions null in literals. */
  private final String[] literals;

  private final CompiledExpression[] expressions;
  private final boolean whole;

  private Template(String[] literals, CompiledExpression[] expressions, boolean whole) {
    this.literals = literals;
    this.expressions = expressions;
    this.whole = whole;
  }

  /**
   * Compiles {@code text}.
   *
   * @param fieldPath where the text sits in its customization, for compile and run-time errors
   * @throws ValidationException for an unterminated or empty template or CEL that does not compile
   */
  static Template compile(String text, String fieldPath, ExpressionEnvironment cel) {
    List<String> literals = new ArrayList<>();
    List<CompiledExpression> expressions = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = end(text, i + 2);
        if (end < 0) {
          throw ValidationException.at(
              fieldPath, "Invalid value: unterminated template at offset " + i + ": missing '}'");
        }
        String source = text.substring(i + 2, end).strip();
        if (source.isEmpty()) {
          throw ValidationException.at(fieldPath, "Invalid value: empty template at offset " + i);
        }
        literals.add(literal.toString());
        literal.setLength(0);
        expressions.add(cel.compile(source, fieldPath));
        i = end + 1;
      } else {
        literal.append(text.charAt(i));
        i++;
      }
    }
    literals.add(literal.toString());
    boolean whole =
        expressions.size() == 1 && literals.get(0).isEmpty() && literals.get(1).isEmpty();
    return new Template(
        literals.toArray(String[]::new), expressions.toArray(CompiledExpression[]::new), whole);
  }

  /** True when {@code text} holds a template (and so is worth compiling). */
  static boolean hasTemplates(String text) {
    return text.contains("${");
  }

  /** The position of the '}' closing a template whose CEL starts at {@code from}, or -1. */
  private static int end(String text, int from) {
    int depth = 0;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        boolean triple = text.startsWith(String.valueOf(c).repeat(3), i);
        String close = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
        i += close.length();
        while (i < text.length() && !text.startsWith(close, i)) {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= text.length()) {
          return -1;
        }
        i += close.length();
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    return -1;
  }

  /** True when there is no template at all (only {@code $${} escapes, say). */
  boolean isConstant() {
    return expressions.length == 0;
  }

  /** Adds the expressions, in evaluation order. */
  void addExpressions(List<CompiledExpression> out) {
    out.addAll(java.util.Arrays.asList(expressions));
  }

  /**
   * The value for one cluster: typed when the text is exactly one template, else a string.
   *
   * @param target where the value goes in the manifest, for errors
   */
  JsonNode evaluate(TemplateContext context, String target) {
    if (whole) {
      Object value = context.evaluate(expressions[0], target);
      if (value instanceof String text) {
        context.addOutput(text.length(), target);
      }
      return toJson(value, target);
    }
    return JSON.textNode(render(context, target));
  }

  /** The value for one cluster as text, whatever the expressions' types. */
  String render(TemplateContext context, String target) {
    if (expressions.length == 0) {
      return literals[0];
    }
    StringBuilder out = new StringBuilder(literals[0]);
    context.addOutput(literals[0].length(), target);
    for (int i = 0; i < expressions.length; i++) {
      String piece = text(context.evaluate(expressions[i], target), target);
      context.addOutput(piece.length() + literals[i + 1].length(), target);
      out.append(piece);
      out.append(literals[i + 1]);
    }
    return out.toString();
  }

  static Object run(
      CompiledExpression expression,
      Map<String, Object> vars,
      String target,
      PolicyBudget.Run budget) {
    try {
      Object value = expression.evaluate(vars, budget);
      if (value instanceof Optional<?> optional) {
        if (optional.isEmpty()) {
          throw new ActionFailure(
              target,
              expression.fieldPath()
                  + ": the template evaluated to an empty optional; give a default with"
                  + " .orValue(...)");
        }
        return optional.get();
      }
      return value;
    } catch (ExpressionEvaluationException e) {
      if (e.kind() == ExpressionEvaluationException.Kind.POLICY_BUDGET) {
        throw e; // the whole application stops, naming the policy and the expression
      }
      throw new ActionFailure(target, e.getMessage());
    }
  }

  private static String text(Object value, String target) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      return toJson(value, target).toString();
    }
    if (isNull(value)) {
      return "null";
    }
    return String.valueOf(value);
  }

  /** A CEL value as JSON: the types CEL and JSON share map one to one. */
  static JsonNode toJson(Object value, String target) {
    if (value instanceof String s) {
      return JSON.textNode(s);
    }
    if (value instanceof Long l) {
      return l == l.intValue() ? JSON.numberNode(l.intValue()) : JSON.numberNode(l.longValue());
    }
    if (value instanceof Integer i) {
      return JSON.numberNode(i);
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new ActionFailure(target, "the template evaluated to " + d + ", not a JSON number");
      }
      return JSON.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (value instanceof List<?> list) {
      ArrayNode out = JSON.arrayNode(list.size());
      for (Object item : list) {
        out.add(toJson(item, target));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = JSON.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.set(String.valueOf(e.getKey()), toJson(e.getValue(), target));
      }
      return out;
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? toJson(optional.get(), target) : JSON.nullNode();
    }
    if (isNull(value)) {
      return JSON.nullNode();
    }
    // Quantities, versions, timestamps, durations, unsigned ints: their canonical text.
    return JSON.textNode(String.valueOf(value));
  }

  private static boolean isNull(Object value) {
    return value == null || value.getClass().getSimpleName().equals("NullValue");
  }
}
