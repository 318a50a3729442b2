package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/** Spend to date above the entity's budget, both in the org's reporting currency (from pacing). */
final class SpendOverBudget extends EntityCheck {
  @Override
  public String id() {
    return "spend_over_budget";
  }

  @Override
  public String defaultSeverity() {
    return "high";
  }

  @Override
  public String description() {
    return "spend to date exceeds the budget";
  }

  @Override
  Column failing() {
    return col("budget_rc").gt(0).and(col("spend_to_date").gt(col("budget_rc")));
  }

  @Override
  Column found() {
    return col("spend_to_date").cast("decimal(20,2)");
  }

  @Override
  Column expected() {
    return concat(lit("at most "), col("budget_rc").cast("decimal(20,2)").cast("string"));
  }
}
