package dev.flotilla.api.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a selector string into tokens the way Kubernetes' {@code labels.Lexer} does: whitespace is
 * space, tab, CR and LF; the special characters {@code = ! ( ) , > <} form operator tokens (the
 * longest of {@code ==}, {@code !=} or a single character); any other run of characters is an
 * identifier, or the keyword {@code in} / {@code notin}.
 */
final class SelectorLexer {
  enum Kind {
    END,
    CLOSE_PAREN,
    COMMA,
    NOT,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAREN
  }

  /** A token, its text, and the 0-based index where it starts (the input length for END). */
  record Token(Kind kind, String literal, int position) {}

  private SelectorLexer() {}

  /** Every token of {@code s}, ending with one END token. */
  static List<Token> scan(String s) {
    int nul = s.indexOf('\0');
    if (nul >= 0) {
      // Kubernetes' lexer would read NUL as the end of input and silently drop the rest.
      throw new SelectorSyntaxException(
          s, nul, "found a NUL character, which is not allowed in a label selector");
    }
    List<Token> tokens = new ArrayList<>();
    int pos = 0;
    int length = s.length();
    while (true) {
      while (pos < length && isWhitespace(s.charAt(pos))) {
        pos++;
      }
      if (pos == length) {
        tokens.add(new Token(Kind.END, "", length));
        return tokens;
      }
      int start = pos;
      char c = s.charAt(pos);
      if (isSpecial(c)) {
        // Every special character is a token alone; only "==" and "!=" are longer.
        boolean pair = pos + 1 < length && s.charAt(pos + 1) == '=' && (c == '=' || c == '!');
        pos += pair ? 2 : 1;
        tokens.add(new Token(special(c, pair), s.substring(start, pos), start));
      } else {
        while (pos < length && !isSpecial(s.charAt(pos)) && !isWhitespace(s.charAt(pos))) {
          pos++;
        }
        String word = s.substring(start, pos);
        Kind kind =
            switch (word) {
              case "in" -> Kind.IN;
              case "notin" -> Kind.NOT_IN;
              default -> Kind.IDENTIFIER;
            };
        tokens.add(new Token(kind, word, start));
      }
    }
  }

  private static Kind special(char c, boolean pair) {
    return switch (c) {
      case '=' -> pair ? Kind.DOUBLE_EQUALS : Kind.EQUALS;
      case '!' -> pair ? Kind.NOT_EQUALS : Kind.NOT;
      case '(' -> Kind.OPEN_PAREN;
      case ')' -> Kind.CLOSE_PAREN;
      case ',' -> Kind.COMMA;
      case '>' -> Kind.GREATER_THAN;
      default -> Kind.LESS_THAN;
    };
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isSpecial(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }
}
