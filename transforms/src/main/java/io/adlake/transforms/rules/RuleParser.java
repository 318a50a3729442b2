package io.adlake.transforms.rules;

import io.adlake.transforms.rules.RuleToken.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over the rule grammar, loosest binding first:
 *
 * <pre>
 * condition  := or
 * or         := and ("or" and)*
 * and        := not ("and" not)*
 * not        := "not" not | predicate
 * predicate  := sum [ compare sum | ["not"] "between" sum "and" sum | ["not"] "in" "(" sum ("," sum)* ")"
 *                   | "is" ["not"] "null" ]
 * sum        := product (("+" | "-") product)*
 * product    := unary (("*" | "/") unary)*
 * unary      := "-" unary | primary
 * primary    := column | number | 'string' | true | false | "(" condition ")"
 * </pre>
 *
 * A name followed by "(" is a function call, which the language has none of: it is refused by name,
 * so that {@code reflect(...)} or {@code java_method(...)} are told apart from a typo.
 */
final class RuleParser {
  static final int MAX_DEPTH = 24;
  static final int MAX_IN_OPTIONS = 100;
  private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "is", "null", "between", "true", "false");

  private final List<RuleToken> tokens;
  private int next;
  private int depth;

  private RuleParser(List<RuleToken> tokens) {
    this.tokens = tokens;
  }

  static RuleExpr parse(String text) {
    RuleParser parser = new RuleParser(RuleLexer.tokens(text));
    RuleExpr condition = parser.or();
    RuleToken rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new RuleException(
          "unexpected " + rest.describe() + " after a complete condition", rest.position());
    }
    return condition;
  }

  private RuleExpr or() {
    RuleExpr left = and();
    while (peek().isKeyword("or")) {
      int at = take().position();
      left = new RuleExpr.Or(left, and(), at);
    }
    return left;
  }

  private RuleExpr and() {
    RuleExpr left = not();
    while (peek().isKeyword("and")) {
      int at = take().position();
      left = new RuleExpr.And(left, not(), at);
    }
    return left;
  }

  private RuleExpr not() {
    if (peek().isKeyword("not")) {
      int at = take().position();
      return nested(() -> new RuleExpr.Not(not(), at));
    }
    return predicate();
  }

  private RuleExpr predicate() {
    RuleExpr left = sum();
    RuleToken t = peek();
    if (t.kind() == Kind.OPERATOR && COMPARISONS.contains(t.text())) {
      take();
      return new RuleExpr.Compare(t.text(), left, sum(), t.position());
    }
    if (t.isKeyword("is")) {
      take();
      boolean negated = takeKeyword("not");
      expectKeyword("null");
      return new RuleExpr.IsNull(left, negated, t.position());
    }
    boolean negated = false;
    if (t.isKeyword("not") && (peek(1).isKeyword("between") || peek(1).isKeyword("in"))) {
      take();
      negated = true;
      t = peek();
    }
    if (t.isKeyword("between")) {
      take();
      RuleExpr low = sum();
      expectKeyword("and");
      return new RuleExpr.Between(left, low, sum(), negated, t.position());
    }
    if (t.isKeyword("in")) {
      take();
      expect(Kind.LEFT_PAREN, "'(' after in");
      List<RuleExpr> options = new ArrayList<>();
      do {
        if (options.size() == MAX_IN_OPTIONS) {
          throw new RuleException(
              "an in-list of more than " + MAX_IN_OPTIONS + " values", peek().position());
        }
        options.add(sum());
      } while (takeIf(Kind.COMMA));
      expect(Kind.RIGHT_PAREN, "')' closing the in-list");
      return new RuleExpr.In(left, options, negated, t.position());
    }
    return left;
  }

  private RuleExpr sum() {
    RuleExpr left = product();
    while (peek().is(Kind.OPERATOR, "+") || peek().is(Kind.OPERATOR, "-")) {
      RuleToken op = take();
      left = new RuleExpr.Arithmetic(op.text(), left, product(), op.position());
    }
    return left;
  }

  private RuleExpr product() {
    RuleExpr left = unary();
    while (peek().is(Kind.OPERATOR, "*") || peek().is(Kind.OPERATOR, "/")) {
      RuleToken op = take();
      left = new RuleExpr.Arithmetic(op.text(), left, unary(), op.position());
    }
    return left;
  }

  private RuleExpr unary() {
    if (peek().is(Kind.OPERATOR, "-")) {
      int at = take().position();
      return nested(() -> new RuleExpr.Negate(unary(), at));
    }
    return primary();
  }

  private RuleExpr primary() {
    RuleToken t = take();
    switch (t.kind()) {
      case NUMBER:
        return new RuleExpr.Number(new BigDecimal(t.text()), t.position());
      case STRING:
        return new RuleExpr.Text(t.text(), t.position());
      case LEFT_PAREN:
        RuleExpr inner = nested(this::or);
        expect(Kind.RIGHT_PAREN, "')'");
        return inner;
      case IDENTIFIER:
        if (peek().kind() == Kind.LEFT_PAREN) {
          throw new RuleException(
              "'"
                  + t.text()
                  + "(' is a function call; rules have no functions, only columns, values and operators",
              t.position());
        }
        if (t.isKeyword("true") || t.isKeyword("false")) {
          return new RuleExpr.Bool(t.isKeyword("true"), t.position());
        }
        if (KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
          throw new RuleException(
              "expected a column or a value, found the keyword '" + t.text() + "'", t.position());
        }
        return new RuleExpr.Field(t.text(), t.position());
      default:
        throw new RuleException(
            "expected a column or a value, found " + t.describe(), t.position());
    }
  }

  private <T> T nested(Supplier<T> inside) {
    if (++depth > MAX_DEPTH) {
      throw new RuleException(
          "the condition nests deeper than " + MAX_DEPTH + " levels", peek().position());
    }
    try {
      return inside.get();
    } finally {
      depth--;
    }
  }

  private RuleToken peek() {
    return peek(0);
  }

  private RuleToken peek(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private RuleToken take() {
    RuleToken t = peek();
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }

  private boolean takeIf(Kind kind) {
    if (peek().kind() == kind) {
      take();
      return true;
    }
    return false;
  }

  private boolean takeKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      take();
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) {
    if (!takeKeyword(keyword)) {
      throw new RuleException(
          "expected '" + keyword + "', found " + peek().describe(), peek().position());
    }
  }

  private void expect(Kind kind, String what) {
    if (!takeIf(kind)) {
      throw new RuleException(
          "expected " + what + ", found " + peek().describe(), peek().position());
    }
  }
}
