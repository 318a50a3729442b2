package io.adlake.transforms.rules;

import io.adlake.transforms.rules.RuleToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule condition into tokens: names, numbers, 'quoted strings' (a doubled quote is a
 * quote), the comparison and arithmetic operators, parentheses and commas. Anything else
 * (semicolons, backticks, double quotes, comments) is refused where it stands, and the text and
 * token count are capped so that a rule stays a rule.
 */
final class RuleLexer {
  static final int MAX_LENGTH = 1_000;
  static final int MAX_TOKENS = 200;
  static final int MAX_STRING = 200;
  static final int MAX_NUMBER_DIGITS = 24;

  private RuleLexer() {}

  static List<RuleToken> tokens(String text) {
    if (text == null || text.isBlank()) {
      throw new RuleException("the condition is empty", -1);
    }
    if (text.length() > MAX_LENGTH) {
      throw new RuleException(
          "the condition is "
              + text.length()
              + " characters long; at most "
              + MAX_LENGTH
              + " are allowed",
          -1);
    }
    List<RuleToken> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (out.size() >= MAX_TOKENS) {
        throw new RuleException("the condition has more than " + MAX_TOKENS + " tokens", start);
      }
      if (isNameStart(c)) {
        while (i < text.length() && isNamePart(text.charAt(i))) {
          i++;
        }
        out.add(new RuleToken(Kind.IDENTIFIER, text.substring(start, i), start));
      } else if (isDigit(c) || (c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1)))) {
        boolean dot = false;
        while (i < text.length() && (isDigit(text.charAt(i)) || (text.charAt(i) == '.' && !dot))) {
          dot |= text.charAt(i) == '.';
          i++;
        }
        if (i < text.length() && isNamePart(text.charAt(i))) {
          throw new RuleException(
              "a number runs into '"
                  + text.charAt(i)
                  + "'; exponents and suffixes are not part of rules",
              i);
        }
        if (i - start > MAX_NUMBER_DIGITS) {
          throw new RuleException(
              "the number "
                  + text.substring(start, start + 12)
                  + "... has more than "
                  + MAX_NUMBER_DIGITS
                  + " digits",
              start);
        }
        out.add(new RuleToken(Kind.NUMBER, text.substring(start, i), start));
      } else if (c == '\'') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new RuleException("the string that starts here is not closed with '", start);
          }
          char d = text.charAt(i);
          if (d == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
              value.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (Character.isISOControl(d)) {
            throw new RuleException("control characters are not allowed in strings", i);
          }
          value.append(d);
          i++;
        }
        if (value.length() > MAX_STRING) {
          throw new RuleException(
              "a string of "
                  + value.length()
                  + " characters; at most "
                  + MAX_STRING
                  + " are allowed",
              start);
        }
        out.add(new RuleToken(Kind.STRING, value.toString(), start));
      } else if (c == '(') {
        out.add(new RuleToken(Kind.LEFT_PAREN, "(", i++));
      } else if (c == ')') {
        out.add(new RuleToken(Kind.RIGHT_PAREN, ")", i++));
      } else if (c == ',') {
        out.add(new RuleToken(Kind.COMMA, ",", i++));
      } else {
        String op = operatorAt(text, i);
        if (op == null) {
          throw new RuleException("'" + c + "' is not part of the rule language", i);
        }
        out.add(new RuleToken(Kind.OPERATOR, op, i));
        i += op.length();
      }
    }
    out.add(new RuleToken(Kind.END, "", text.length()));
    return out;
  }

  private static String operatorAt(String text, int i) {
    for (String op : new String[] {"<=", ">=", "!=", "<>", "=", "<", ">", "+", "-", "*", "/"}) {
      if (text.startsWith(op, i)) {
        if ((op.equals("-") && text.startsWith("--", i))
            || (op.equals("/") && text.startsWith("/*", i))) {
          return null; // comments would hide the rest of a rule from whoever reads it
        }
        return op;
      }
    }
    return null;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
