package io.adlake.transforms.rules;

/** One token of a rule condition, with where it starts in the text. */
record RuleToken(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  boolean is(Kind expected, String value) {
    return kind == expected && text.equalsIgnoreCase(value);
  }

  boolean isKeyword(String keyword) {
    return is(Kind.IDENTIFIER, keyword);
  }

  String describe() {
    return switch (kind) {
      case END -> "the end of the rule";
      case STRING -> "string '" + text + "'";
      default -> "'" + text + "'";
    };
  }
}
