package io.adlake.transforms.rules;

import java.math.BigDecimal;
import java.util.List;

/** A parsed rule condition: the whole language is these node kinds, nothing else reaches Spark. */
sealed interface RuleExpr {
  int position();

  record Field(String name, int position) implements RuleExpr {}

  record Number(BigDecimal value, int position) implements RuleExpr {}

  record Text(String value, int position) implements RuleExpr {}

  record Bool(boolean value, int position) implements RuleExpr {}

  record Negate(RuleExpr value, int position) implements RuleExpr {}

  /** {@code + - * /} */
  record Arithmetic(String operator, RuleExpr left, RuleExpr right, int position)
      implements RuleExpr {}

  /** {@code = != <> < <= > >=} */
  record Compare(String operator, RuleExpr left, RuleExpr right, int position)
      implements RuleExpr {}

  record Between(RuleExpr value, RuleExpr low, RuleExpr high, boolean negated, int position)
      implements RuleExpr {}

  record In(RuleExpr value, List<RuleExpr> options, boolean negated, int position)
      implements RuleExpr {
    public In {
      options = List.copyOf(options);
    }
  }

  record IsNull(RuleExpr value, boolean negated, int position) implements RuleExpr {}

  record And(RuleExpr left, RuleExpr right, int position) implements RuleExpr {}

  record Or(RuleExpr left, RuleExpr right, int position) implements RuleExpr {}

  record Not(RuleExpr value, int position) implements RuleExpr {}
}
