package dev.flotilla.api.labels;

import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.labels.SelectorLexer.Kind;
import dev.flotilla.api.labels.SelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The recursive-descent parser of Kubernetes' {@code labels.Parse}, decision for decision, so that
 * the same inputs are accepted and the same messages come out for the rejected ones.
 *
 * <p>The one subtlety is context: where a key or a value is expected, the keywords {@code in} and
 * {@code notin} are read as identifiers ({@link #VALUES}); only right after a key are they
 * operators ({@link #KEY_AND_OPERATOR}). Errors inside a requirement are prefixed with {@code
 * "unable to parse requirement: "}, as in Kubernetes; errors between requirements are not.
 */
final class SelectorParser {
  private static final boolean VALUES = true;
  private static final boolean KEY_AND_OPERATOR = false;

  private final String input;
  private final List<Token> tokens;
  private int next;

  SelectorParser(String input) {
    this.input = input;
    this.tokens = SelectorLexer.scan(input);
  }

  List<Requirement> parse() {
    List<Requirement> requirements = new ArrayList<>();
    while (true) {
      Token token = lookahead(VALUES);
      switch (token.kind()) {
        case IDENTIFIER, NOT -> {
          requirements.add(parseRequirement());
          Token after = consume(VALUES);
          if (after.kind() == Kind.END) {
            return requirements;
          }
          if (after.kind() != Kind.COMMA) {
            throw error(after, "found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
          Token following = lookahead(VALUES);
          if (following.kind() != Kind.IDENTIFIER && following.kind() != Kind.NOT) {
            throw error(
                following, "found '" + following.literal() + "', expected: identifier after ','");
          }
        }
        case END -> {
          return requirements;
        }
        default ->
            throw error(
                token,
                "found '" + token.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private Requirement parseRequirement() {
    Token first = consume(VALUES);
    Operator operator = null;
    if (first.kind() == Kind.NOT) {
      operator = Operator.DOES_NOT_EXIST;
      first = consume(VALUES);
    }
    if (first.kind() != Kind.IDENTIFIER) {
      throw requirementError(first, "found '" + first.literal() + "', expected: identifier");
    }
    String key = first.literal();
    List<String> keyErrors = LabelRules.qualifiedNameErrors(key);
    if (!keyErrors.isEmpty()) {
      // Kubernetes validates the key against a nil field path, which prints as "<nil>".
      throw requirementError(
          first, "<nil>: " + KubernetesText.invalid(key, String.join("; ", keyErrors)));
    }
    Kind after = lookahead(VALUES).kind();
    if ((after == Kind.END || after == Kind.COMMA) && operator == null) {
      operator = Operator.EXISTS;
    }
    if (operator != null) {
      // A "!key" followed by anything but ',' or the end is left for parse() to reject.
      return newRequirement(key, operator, List.of(), first);
    }
    operator = parseOperator();
    Token valuesStart = lookahead(VALUES);
    List<String> values =
        operator == Operator.IN || operator == Operator.NOT_IN ? parseValues() : parseExactValue();
    return newRequirement(key, operator, values, valuesStart);
  }

  private Operator parseOperator() {
    Token token = consume(KEY_AND_OPERATOR);
    return switch (token.kind()) {
      case IN -> Operator.IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      case NOT_IN -> Operator.NOT_IN;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      default ->
          throw requirementError(
              token, "found '" + token.literal() + "', expected: in, notin, =, ==, !=, gt, lt");
    };
  }

  // "(" values ")", where "()" and missing values between commas mean the empty value.
  private List<String> parseValues() {
    Token open = consume(VALUES);
    if (open.kind() != Kind.OPEN_PAREN) {
      throw requirementError(open, "found '" + open.literal() + "' expected: '('");
    }
    Token first = lookahead(VALUES);
    switch (first.kind()) {
      case IDENTIFIER, COMMA -> {
        List<String> values = parseIdentifiersList();
        Token close = consume(VALUES);
        if (close.kind() != Kind.CLOSE_PAREN) {
          // Unreachable, as in Kubernetes (the list ends only before ')'); same message kept.
          throw requirementError(close, "found '" + first.literal() + "', expected: ')'");
        }
        return values;
      }
      case CLOSE_PAREN -> {
        consume(VALUES);
        return List.of("");
      }
      default ->
          throw requirementError(
              first, "found '" + first.literal() + "', expected: ',', ')' or identifier");
    }
  }

  private List<String> parseIdentifiersList() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Token token = consume(VALUES);
      switch (token.kind()) {
        case IDENTIFIER -> {
          values.add(token.literal());
          Token after = lookahead(VALUES);
          if (after.kind() == Kind.CLOSE_PAREN) {
            return List.copyOf(values);
          }
          if (after.kind() != Kind.COMMA) {
            throw requirementError(after, "found '" + after.literal() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add(""); // "(,"
          }
          Kind after = lookahead(VALUES).kind();
          if (after == Kind.CLOSE_PAREN) {
            values.add(""); // ",)"
            return List.copyOf(values);
          }
          if (after == Kind.COMMA) {
            consume(VALUES);
            values.add(""); // ",,"
          }
        }
        default ->
            throw requirementError(
                token, "found '" + token.literal() + "', expected: ',', or identifier");
      }
    }
  }

  private List<String> parseExactValue() {
    Kind after = lookahead(VALUES).kind();
    if (after == Kind.END || after == Kind.COMMA) {
      return List.of("");
    }
    Token token = consume(VALUES);
    if (token.kind() != Kind.IDENTIFIER) {
      throw requirementError(token, "found '" + token.literal() + "', expected: identifier");
    }
    return List.of(token.literal());
  }

  private Requirement newRequirement(String key, Operator operator, List<String> values, Token at) {
    try {
      return new Requirement(key, operator, values);
    } catch (InvalidRequirementException e) {
      throw requirementError(at, e.reason());
    }
  }

  private Token lookahead(boolean context) {
    return inContext(tokens.get(next), context);
  }

  private Token consume(boolean context) {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return inContext(token, context);
  }

  private static Token inContext(Token token, boolean context) {
    if (context == VALUES && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN)) {
      return new Token(Kind.IDENTIFIER, token.literal(), token.position());
    }
    return token;
  }

  private SelectorSyntaxException error(Token at, String message) {
    return new SelectorSyntaxException(input, at.position(), message);
  }

  private SelectorSyntaxException requirementError(Token at, String message) {
    return error(at, "unable to parse requirement: " + message);
  }
}
