package io.adlake.transforms.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * Turns a parsed condition into a Spark {@link Column} built only from {@code col(name)} of allowed
 * columns, {@code lit(value)} and Column operators: no rule text is ever handed to Spark's SQL
 * parser. Types are checked on the way: numbers with numbers, text with text, a date column with a
 * 'YYYY-MM-DD' string, and the whole condition must be true or false. Comparisons with null are
 * false, as in SQL, so a rule does not fire on missing values.
 */
public final class RuleCompiler {
  private RuleCompiler() {}

  /** A compiled condition and the columns it reads (an alert shows their values). */
  public record Compiled(String text, Column condition, List<String> columns) {}

  /**
   * Parses and compiles {@code text} over the allowed columns; a {@link RuleException} says what is
   * wrong and where.
   */
  public static Compiled compile(String text, Map<String, RuleType> allowed) {
    return compile(
        text,
        allowed,
        RuleType.BOOLEAN,
        "the condition is a %s, not true or false; compare it with something");
  }

  /**
   * Parses and compiles a number expression (an action's value, e.g. {@code budget * 1.1}) over the
   * allowed columns.
   */
  public static Compiled compileNumber(String text, Map<String, RuleType> allowed) {
    return compile(text, allowed, RuleType.NUMBER, "the value is a %s, not a number");
  }

  private static Compiled compile(
      String text, Map<String, RuleType> allowed, RuleType expected, String mismatch) {
    RuleExpr parsed = RuleParser.parse(text);
    Set<String> used = new LinkedHashSet<>();
    Typed result = new Typing(allowed, used).typed(parsed);
    if (result.type != expected) {
      throw new RuleException(
          String.format(Locale.ROOT, mismatch, name(result.type)), parsed.position());
    }
    return new Compiled(text, result.column, List.copyOf(used));
  }

  private record Typed(Column column, RuleType type, String literalText) {
    Typed(Column column, RuleType type) {
      this(column, type, null);
    }
  }

  private record Typing(Map<String, RuleType> allowed, Set<String> used) {

    Typed typed(RuleExpr e) {
      if (e instanceof RuleExpr.Field f) {
        return field(f);
      } else if (e instanceof RuleExpr.Number n) {
        return new Typed(lit(n.value()), RuleType.NUMBER);
      } else if (e instanceof RuleExpr.Text t) {
        return new Typed(lit(t.value()), RuleType.TEXT, t.value());
      } else if (e instanceof RuleExpr.Bool b) {
        return new Typed(lit(b.value()), RuleType.BOOLEAN);
      } else if (e instanceof RuleExpr.Negate n) {
        return new Typed(number(n.value(), "-").unary_$minus(), RuleType.NUMBER);
      } else if (e instanceof RuleExpr.Arithmetic a) {
        return arithmetic(a);
      } else if (e instanceof RuleExpr.Compare c) {
        return compare(c);
      } else if (e instanceof RuleExpr.Between b) {
        return between(b);
      } else if (e instanceof RuleExpr.In in) {
        return in(in);
      } else if (e instanceof RuleExpr.IsNull n) {
        Column value = typed(n.value()).column;
        return new Typed(n.negated() ? value.isNotNull() : value.isNull(), RuleType.BOOLEAN);
      } else if (e instanceof RuleExpr.And a) {
        return new Typed(bool(a.left(), "and").and(bool(a.right(), "and")), RuleType.BOOLEAN);
      } else if (e instanceof RuleExpr.Or o) {
        return new Typed(bool(o.left(), "or").or(bool(o.right(), "or")), RuleType.BOOLEAN);
      } else if (e instanceof RuleExpr.Not n) {
        return new Typed(not(bool(n.value(), "not")), RuleType.BOOLEAN);
      }
      throw new IllegalStateException("no compilation for " + e);
    }

    private Typed field(RuleExpr.Field f) {
      RuleType type = allowed.get(f.name());
      if (type == null) {
        throw new RuleException(
            "unknown column '"
                + f.name()
                + "'; this mart allows "
                + allowed.keySet().stream().sorted().collect(Collectors.joining(", ")),
            f.position());
      }
      used.add(f.name());
      return new Typed(col(f.name()), type);
    }

    private Typed arithmetic(RuleExpr.Arithmetic a) {
      Column left = number(a.left(), a.operator());
      Column right = number(a.right(), a.operator());
      Column out =
          switch (a.operator()) {
            case "+" -> left.plus(right);
            case "-" -> left.minus(right);
            case "*" -> left.multiply(right);
            default ->
                left.divide(right); // a division by zero is null in Spark, and null compares false
          };
      return new Typed(out, RuleType.NUMBER);
    }

    private Typed compare(RuleExpr.Compare c) {
      Column[] sides = comparable(c.left(), c.right(), c.operator(), c.position());
      Column l = sides[0];
      Column r = sides[1];
      Column out =
          switch (c.operator()) {
            case "=" -> l.equalTo(r);
            case "!=", "<>" -> l.notEqual(r);
            case "<" -> l.lt(r);
            case "<=" -> l.leq(r);
            case ">" -> l.gt(r);
            default -> l.geq(r);
          };
      return new Typed(out, RuleType.BOOLEAN);
    }

    private Typed between(RuleExpr.Between b) {
      Column[] low = comparable(b.value(), b.low(), "between", b.position());
      Column[] high = comparable(b.value(), b.high(), "between", b.position());
      Column inside = low[0].geq(low[1]).and(high[0].leq(high[1]));
      return new Typed(b.negated() ? not(inside) : inside, RuleType.BOOLEAN);
    }

    private Typed in(RuleExpr.In in) {
      Column value = null;
      Column any = null;
      for (RuleExpr option : in.options()) {
        Column[] pair = comparable(in.value(), option, "in", option.position());
        value = pair[0];
        Column equal = pair[0].equalTo(pair[1]);
        any = any == null ? equal : any.or(equal);
      }
      return new Typed(in.negated() ? value.isNotNull().and(not(any)) : any, RuleType.BOOLEAN);
    }

    /**
     * Both sides of a comparison, of one type; a 'YYYY-MM-DD' string next to a date becomes a date.
     */
    private Column[] comparable(RuleExpr left, RuleExpr right, String operator, int position) {
      Typed l = typed(left);
      Typed r = typed(right);
      if (l.type == RuleType.DATE && r.literalText != null) {
        r = new Typed(lit(Date.valueOf(date(r.literalText, right.position()))), RuleType.DATE);
      } else if (r.type == RuleType.DATE && l.literalText != null) {
        l = new Typed(lit(Date.valueOf(date(l.literalText, left.position()))), RuleType.DATE);
      }
      if (l.type != r.type) {
        throw new RuleException(
            "'" + operator + "' compares a " + name(l.type) + " with a " + name(r.type), position);
      }
      if (l.type == RuleType.BOOLEAN
          && !(operator.equals("=") || operator.equals("!=") || operator.equals("<>"))) {
        throw new RuleException(
            "true and false are compared with = or != only, not '" + operator + "'", position);
      }
      return new Column[] {l.column, r.column};
    }

    private Column number(RuleExpr e, String operator) {
      Typed t = typed(e);
      if (t.type != RuleType.NUMBER) {
        throw new RuleException(
            "'" + operator + "' needs a number, found a " + name(t.type), e.position());
      }
      return t.column;
    }

    private Column bool(RuleExpr e, String operator) {
      Typed t = typed(e);
      if (t.type != RuleType.BOOLEAN) {
        throw new RuleException(
            "'" + operator + "' needs a condition, found a " + name(t.type), e.position());
      }
      return t.column;
    }

    private static LocalDate date(String text, int position) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new RuleException("'" + text + "' is not a date (YYYY-MM-DD)", position);
      }
    }
  }

  private static String name(RuleType type) {
    return switch (type) {
      case NUMBER -> "number";
      case TEXT -> "text";
      case DATE -> "date";
      case BOOLEAN -> "condition";
    };
  }
}
